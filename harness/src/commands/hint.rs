//! `cargo workbook hint CHAPTER [KERNEL]`: the next hint for the first stub of the chapter you
//! have not solved (or for KERNEL's). Each call gives the next, more specific hint of that
//! stub; after the last one it says so and points to the solution. Which hint was shown is
//! remembered per chapter and stub in `target/workbook/hints-shown.txt`.

use crate::check::{self, TestOutcome, TestRun};
use crate::data::ChapterData;
use crate::files;
use crate::source::{self, FnItem};
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};

/// The state file, under `target/workbook/`.
const STATE_FILE: &str = "hints-shown.txt";

pub fn run(chapter: &ChapterData, kernel: Option<&str>) -> Result<()> {
    let stub = match kernel {
        Some(typed) => {
            let stub = chapter.stub_for(typed)?;
            if !chapter.stubs().contains(&stub) {
                bail!(
                    "fn {stub} is given in {}, not yours to write: no hints for it (stubs: {})",
                    chapter.exercise_dir(),
                    chapter.stubs().join(", ")
                );
            }
            stub.to_string()
        }
        None => match first_unsolved(chapter)? {
            Some(stub) => stub,
            None => {
                println!(
                    "All of chapter {}'s tests pass: no stub is left to hint at. Measure them: `cargo workbook bench {}`; or ask for one stub's hints: `cargo workbook hint {} STUB`.",
                    chapter.name, chapter.name, chapter.name
                );
                return Ok(());
            }
        },
    };
    let hints = chapter.hints_for(&stub);
    if hints.is_empty() {
        bail!("chapter {} has no hints for fn {stub}", chapter.name);
    }
    let place = locate(&chapter.exercise_dir(), &stub)
        .map(|p| format!(" in {p}"))
        .unwrap_or_default();
    let state_path = files::workbook_dir().join(STATE_FILE);
    let mut state = Shown::load(&state_path)?;
    let shown = state.get(&chapter.name, &stub);
    // Asked again the way it was asked: for the first unsolved stub, or for this one.
    let again = match kernel {
        Some(typed) => format!("`cargo workbook hint {} {typed}`", chapter.name),
        None => format!("`cargo workbook hint {}`", chapter.name),
    };
    let check = format!("`cargo workbook check {}`", chapter.name);
    if shown >= hints.len() {
        println!("No more hints for fn {stub}{place}; here they are again:",);
        for (i, text) in hints.iter().enumerate() {
            println!("{}", wrap(&format!("{}. {text}", i + 1), "   "));
        }
        let solution = locate(&chapter.solution_dir(), &stub)
            .unwrap_or_else(|| format!("{}/src/", chapter.solution_dir()));
        println!(
            "The reference solution's fn {stub} is in {solution}. Read it, write yours, then run {check}."
        );
        return Ok(());
    }
    println!(
        "Hint {} of {} for fn {stub}{place}:",
        shown + 1,
        hints.len()
    );
    println!("{}", wrap(&hints[shown], "  "));
    state.set(&chapter.name, &stub, shown + 1);
    state.save(&state_path)?;
    if shown + 1 < hints.len() {
        println!("Test it with {check}; {again} gives the next, more specific hint.");
    } else {
        println!(
            "That was the last hint. Test it with {check}; {again} then points to the solution."
        );
    }
    Ok(())
}

/// The first stub, in the chapter's order, that is not solved yet; `None` when every test
/// passes.
fn first_unsolved(chapter: &ChapterData) -> Result<Option<String>> {
    let dir = chapter.exercise_dir();
    let run = check::test_package(&chapter.name, &check::test_features(chapter))?;
    if let Some((first, _)) = &run.compile_error {
        bail!(
            "{dir} does not compile ({first}): fix that first (`cargo workbook check {}` shows the errors), or name the stub: `cargo workbook hint {} STUB`",
            chapter.name,
            chapter.name
        );
    }
    if run.outcomes.is_empty() {
        bail!(
            "no test ran in {dir}: `cargo workbook check {}` says why",
            chapter.name
        );
    }
    let todo = stubs_with_todo(chapter);
    if run.all_pass() {
        // Every cargo test passes; a stub that only a pytest test reaches (a Python binding)
        // may still hold its todo!().
        return Ok(todo.into_iter().next());
    }
    match pick(chapter, &run, &todo) {
        Some(stub) => Ok(Some(stub)),
        None => bail!(
            "the failing test {} names no stub: ask for a stub's hints by name, `cargo workbook hint {} STUB` (stubs: {})",
            run.failed()[0].name,
            chapter.name,
            chapter.stubs().join(", ")
        ),
    }
}

/// Of the chapter's stubs in order, the first one that is unsolved: it still holds a
/// `todo!()` (`todo`), a failing test stopped at its `todo!()`, or failing tests name it (or
/// its kernel) and no passing test does.
fn pick(chapter: &ChapterData, run: &TestRun, todo: &[String]) -> Option<String> {
    let failed = run.failed();
    let passed: Vec<&TestOutcome> = run.outcomes.iter().filter(|o| o.passed).collect();
    let stopped: Vec<&str> = failed
        .iter()
        .filter_map(|o| o.why.as_deref()?.strip_prefix("not implemented yet: "))
        .filter_map(|rest| rest.split_once(": fn ").map(|(_, f)| f))
        .collect();
    let names_of = |stub: &str| -> Vec<String> {
        let mut names = vec![stub.rsplit("::").next().unwrap_or(stub).to_string()];
        names.extend(
            chapter
                .kernels
                .iter()
                .filter(|k| k.stub.as_deref() == Some(stub))
                .map(|k| k.name.clone()),
        );
        names
    };
    let named = |tests: &[&TestOutcome], stub: &str| {
        let names = names_of(stub);
        tests.iter().any(|o| {
            o.why
                .as_deref()
                .is_none_or(|w| !w.starts_with("not implemented"))
                && names.iter().any(|n| mentions(&o.name, n))
        })
    };
    chapter
        .stubs()
        .into_iter()
        .find(|stub| {
            let function = stub.rsplit("::").next().unwrap_or(stub);
            // A bare `new` may be any type's: it counts only while this stub holds a todo.
            let stopped_here = stopped.contains(&function)
                && (function == *stub || todo.iter().any(|t| t == stub));
            todo.iter().any(|t| t == stub)
                || stopped_here
                || (named(&failed, stub) && !named(&passed, stub))
        })
        .map(str::to_string)
}

/// Whether a test's name holds `name` as whole words: `tables_match_naive` mentions `naive`
/// and `tables`, not `able`.
fn mentions(test: &str, name: &str) -> bool {
    let words: Vec<&str> = test
        .rsplit("::")
        .next()
        .unwrap_or(test)
        .split('_')
        .collect();
    let wanted: Vec<&str> = name.split('_').collect();
    words.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

type Source = (PathBuf, String, Vec<FnItem>);

/// Every `.rs` file under `dir`, in name order, with its functions.
/// The chapter's stubs, in book order, whose function in the exercise still holds `todo!()`.
pub fn stubs_with_todo(chapter: &ChapterData) -> Vec<String> {
    let sources = read_sources(&files::root().join(chapter.exercise_dir()));
    chapter
        .stubs()
        .into_iter()
        .filter(|stub| {
            sources
                .iter()
                .any(|(_, text, items)| source::find(items, stub).is_some_and(|f| f.has_todo(text)))
        })
        .map(str::to_string)
        .collect()
}

/// The `.rs` files under `dir`, and the `.wgsl` shaders (whose functions read as Rust's), with
/// their functions.
pub fn read_sources(dir: &Path) -> Vec<Source> {
    let mut found = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs" || e == "wgsl")
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                let items = source::functions(&text);
                found.push((path, text, items));
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

/// `FOLDER/src/FILE.rs` of the file that holds `stub`, as the learner would type it.
fn locate(folder: &str, stub: &str) -> Option<String> {
    let root = files::root();
    read_sources(&root.join(folder).join("src"))
        .into_iter()
        .find(|(_, _, items)| source::find(items, stub).is_some())
        .map(|(path, _, _)| {
            path.strip_prefix(root)
                .unwrap_or(&path)
                .display()
                .to_string()
        })
}

/// Lines of at most about 96 characters, each after `indent`.
fn wrap(text: &str, indent: &str) -> String {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && indent.len() + line.len() + 1 + word.len() > 96 {
            lines.push(format!("{indent}{line}"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(format!("{indent}{line}"));
    }
    lines.join("\n")
}

/// How many hints of each chapter's stubs were shown: one `CHAPTER STUB COUNT` line each.
#[derive(Debug, Default, PartialEq)]
pub struct Shown(Vec<(String, String, usize)>);

impl Shown {
    /// The file's counts; a missing file is no hint shown yet, and lines that do not read are
    /// skipped (the file is the tools' own, under target/).
    pub fn load(path: &Path) -> Result<Shown> {
        match std::fs::read_to_string(path) {
            Ok(text) => Ok(Shown::parse(&text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Shown::default()),
            Err(e) => Err(e).with_context(|| format!("cannot read {}", files::shown(path))),
        }
    }

    pub fn parse(text: &str) -> Shown {
        Shown(
            text.lines()
                .filter_map(|l| {
                    let mut parts = l.split_whitespace();
                    let (chapter, stub, count) = (parts.next()?, parts.next()?, parts.next()?);
                    Some((chapter.into(), stub.into(), count.parse().ok()?))
                })
                .collect(),
        )
    }

    pub fn text(&self) -> String {
        self.0
            .iter()
            .map(|(c, s, n)| format!("{c} {s} {n}\n"))
            .collect()
    }

    pub fn get(&self, chapter: &str, stub: &str) -> usize {
        self.0
            .iter()
            .find(|(c, s, _)| c == chapter && s == stub)
            .map_or(0, |(_, _, n)| *n)
    }

    pub fn set(&mut self, chapter: &str, stub: &str, count: usize) {
        match self
            .0
            .iter_mut()
            .find(|(c, s, _)| c == chapter && s == stub)
        {
            Some(entry) => entry.2 = count,
            None => self.0.push((chapter.into(), stub.into(), count)),
        }
    }

    pub fn save(&self, path: &Path) -> Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", files::shown(dir)))?;
        }
        files::write_file(path, self.text().as_bytes())?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_what_was_shown_per_chapter_and_stub() {
        let mut shown = Shown::parse("laue axis 2\ntiming FibCache::get 1\nnot a count x\n");
        assert_eq!(shown.get("laue", "axis"), 2);
        assert_eq!(shown.get("timing", "FibCache::get"), 1);
        assert_eq!(shown.get("laue", "laue_naive"), 0);
        assert_eq!(shown.get("timing", "axis"), 0);
        shown.set("laue", "axis", 3);
        shown.set("laue", "laue_naive", 1);
        assert_eq!(
            shown.text(),
            "laue axis 3\ntiming FibCache::get 1\nlaue laue_naive 1\n"
        );
        assert_eq!(Shown::parse(&shown.text()), shown);

        let dir = std::env::temp_dir().join(format!("workbook-hints-{}", std::process::id()));
        let path = dir.join("target/workbook").join(STATE_FILE);
        assert_eq!(Shown::load(&path).unwrap(), Shown::default());
        shown.save(&path).unwrap();
        assert_eq!(Shown::load(&path).unwrap(), shown);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_test_mentions_whole_words() {
        assert!(mentions("tables_match_naive", "naive"));
        assert!(mentions("tests::axis_follows_n", "axis"));
        assert!(mentions("slow_blocks_parallel_agree", "slow_blocks"));
        assert!(!mentions("tables_match_naive", "able"));
        assert!(!mentions("naive", "laue_naive"));
    }

    fn outcome(name: &str, passed: bool, why: Option<&str>) -> TestOutcome {
        TestOutcome {
            name: name.into(),
            passed,
            why: why.map(str::to_string),
            place: None,
        }
    }

    #[test]
    fn the_first_unsolved_stub_in_book_order() {
        let data = ChapterData::parse(
            r#"
name = "laue"
number = 1
title = "t"
page = "01_laue.md"
stubs = ["axis", "laue_naive", "laue_tables"]
[[kernels]]
name = "naive"
about = "a"
stub = "laue_naive"
[[kernels]]
name = "tables"
about = "b"
stub = "laue_tables"
"#,
            "t.toml",
        )
        .unwrap();
        let run = |outcomes| TestRun {
            outcomes,
            compile_error: None,
            stderr: String::new(),
        };
        let todo_naive = "not implemented yet: exercises/01_laue/src/lib.rs: fn laue_naive";
        // Written but wrong comes before a todo later in the book.
        let wrong_axis = run(vec![
            outcome("axis_follows_n", false, Some("assertion failed")),
            outcome("naive_is_symmetric", false, Some(todo_naive)),
        ]);
        let todo = ["laue_naive".to_string(), "laue_tables".to_string()];
        assert_eq!(pick(&data, &wrong_axis, &todo).as_deref(), Some("axis"));
        // The axis passes: the todo that a test stopped at.
        let naive = run(vec![
            outcome("axis_follows_n", true, None),
            outcome("naive_is_symmetric", false, Some(todo_naive)),
        ]);
        assert_eq!(pick(&data, &naive, &[]).as_deref(), Some("laue_naive"));
        // `tables_match_naive` fails but naive's own tests pass: the tables are wrong.
        let tables = run(vec![
            outcome("naive_is_symmetric", true, None),
            outcome("tables_match_naive", false, Some("left: 1 right: 2")),
        ]);
        assert_eq!(pick(&data, &tables, &[]).as_deref(), Some("laue_tables"));
        let nameless = run(vec![outcome("it_works", false, Some("no"))]);
        assert_eq!(pick(&data, &nameless, &[]), None);
    }

    #[test]
    fn wraps_long_hints() {
        let text = "word ".repeat(40);
        let wrapped = wrap(&text, "  ");
        assert!(wrapped.lines().count() > 1);
        assert!(
            wrapped
                .lines()
                .all(|l| l.len() <= 96 && l.starts_with("  word"))
        );
    }
}
