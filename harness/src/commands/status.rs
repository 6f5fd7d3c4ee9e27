//! `status`, the default command: every chapter's tests, which chapters are done, the next
//! step, and the book. A chapter is done when its tests pass, and only then.

use crate::catalog;
use crate::check::{self, TestRun};
use crate::data::ChapterData;
use anyhow::Result;
use std::process::Command;

enum State {
    Done(usize),
    Partly {
        passed: usize,
        total: usize,
        first_failure: String,
    },
    Broken(String),
    Unknown(String),
}

pub fn run() -> Result<()> {
    let chapters = catalog::all()?;
    println!(
        "The workbook: make it work, make it right, benchmark, profile, optimize, check, loop.\n"
    );
    warm_up(&chapters);
    let mut next: Option<String> = None;
    let mut done = 0;
    for chapter in &chapters {
        // A chapter whose MPI tests cannot run is not done, whatever its other tests say.
        let missing = chapter
            .mpi
            .as_ref()
            .and_then(|_| crate::mpi::check_available().err());
        let mut state = match missing {
            Some(e) => State::Unknown(format!("{e:#}")),
            None => match check::test_package(&chapter.name, &check::test_features(chapter)) {
                Ok(run) => state_of(&run),
                Err(e) => State::Unknown(format!("{e:#}")),
            },
        };
        // A chapter with a Python binding: its pytest tests need Python, which `status` does
        // not; the binding counts as written once it no longer holds its todo!().
        if let (State::Done(total), false) = (&state, chapter.pytest.is_empty())
            && let Some(stub) = crate::commands::hint::stubs_with_todo(chapter).first()
        {
            state = State::Partly {
                passed: *total,
                total: *total,
                first_failure: format!(
                    "fn {stub} still holds its todo!(): fill it in, then `cargo workbook check {}` runs its pytest tests",
                    chapter.name
                ),
            };
        }
        let verdict = match &state {
            State::Done(n) => {
                done += 1;
                format!("done: {n}/{n} tests pass")
            }
            State::Partly { passed, total, .. } if passed == total => {
                format!("{passed}/{total} Rust tests pass; the binding is to write")
            }
            State::Partly { passed, total, .. } => format!("{passed}/{total} tests pass"),
            State::Broken(first) => format!("does not compile: {first}"),
            State::Unknown(e) => format!("could not run its tests: {e}"),
        };
        println!(
            "{:>2}. {:<12} {:<52} {verdict}",
            chapter.number, chapter.name, chapter.title
        );
        if next.is_none() && !matches!(state, State::Done(_)) {
            next = Some(next_step(chapter, &state));
        }
    }
    println!();
    match next {
        Some(n) => println!("Next: {n}"),
        None => println!(
            "All {done} chapters are done. Measure them: `cargo workbook bench CHAPTER`, or re-make the book's figures with `cargo workbook reproduce`."
        ),
    }
    match crate::book::build() {
        Ok(index) => println!("The book: open {}", index.display()),
        Err(e) => println!("The book could not be built: {e:#}"),
    }
    Ok(())
}

/// Builds every exercise's tests at once, so that cargo compiles them in parallel; a crate
/// that does not compile is reported by its own chapter's line afterwards.
fn warm_up(chapters: &[ChapterData]) {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut build = Command::new(cargo);
    build
        .current_dir(crate::files::root())
        .args(["build", "--tests", "--keep-going", "--quiet"]);
    let mut features = Vec::new();
    for c in chapters {
        build.args(["-p", &c.name]);
        features.extend(
            check::test_features(c)
                .iter()
                .map(|f| format!("{}/{f}", c.name)),
        );
    }
    if !features.is_empty() {
        build.args(["--features", &features.join(",")]);
    }
    let _ = build.output();
}

fn state_of(run: &TestRun) -> State {
    if let Some((first, _)) = &run.compile_error {
        return State::Broken(first.clone());
    }
    if run.outcomes.is_empty() {
        let last = run
            .stderr
            .trim_end()
            .lines()
            .last()
            .unwrap_or("no test ran");
        return State::Unknown(last.to_string());
    }
    let total = run.outcomes.len();
    let failed = run.failed();
    match failed.first() {
        None => State::Done(total),
        Some(first) => State::Partly {
            passed: total - failed.len(),
            total,
            first_failure: match &first.why {
                Some(why) => format!("{} ({why})", first.name),
                None => first.name.clone(),
            },
        },
    }
}

fn next_step(chapter: &ChapterData, state: &State) -> String {
    let check = format!("`cargo workbook check {}`", chapter.name);
    let page = chapter.page.replace(".md", ".html");
    match state {
        State::Broken(first) => format!(
            "{} does not compile. Fix {first}, then run {check}.",
            chapter.exercise_dir()
        ),
        State::Partly { passed: 0, .. } => format!(
            "read \"{}\" (target/book/{page}), then fill in fn {} in {}/src/ and run {check} (stuck? `cargo workbook hint {}`).",
            chapter.title,
            chapter.stubs().first().copied().unwrap_or("..."),
            chapter.exercise_dir(),
            chapter.name
        ),
        State::Partly {
            passed,
            total,
            first_failure,
        } if passed == total => format!(
            "chapter {}'s Rust tests pass, but {first_failure}.",
            chapter.name
        ),
        State::Partly { first_failure, .. } => format!(
            "chapter {} is partly solved; the first failing test is {first_failure}. Run {check}.",
            chapter.name
        ),
        State::Unknown(e) => format!("the tests of chapter {} did not run: {e}", chapter.name),
        State::Done(_) => String::new(),
    }
}
