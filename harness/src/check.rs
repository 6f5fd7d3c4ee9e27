//! `cargo workbook check CHAPTER`: runs the chapter's tests with cargo and summarises them in a few
//! lines: which tests pass, and for each failure the one line that says why.

use crate::data::ChapterData;
use anyhow::{Context, Result, bail};
use std::path::Path;
use std::process::Command;

/// One test's outcome, parsed from libtest's output.
#[derive(Debug, Clone, PartialEq)]
pub struct TestOutcome {
    pub name: String,
    pub passed: bool,
    /// For a failure: its panic message on one line, made readable (a comparison's values).
    pub why: Option<String>,
    /// For a failure: where it panicked, "FILE:LINE:COLUMN" from the workbook's folder.
    pub place: Option<String>,
}

/// What one `cargo test -p PACKAGE` said.
pub struct TestRun {
    pub outcomes: Vec<TestOutcome>,
    /// When nothing ran because the crate does not compile: the first error as
    /// "FILE:LINE: message", and cargo's text of the errors.
    pub compile_error: Option<(String, String)>,
    /// cargo's standard error, for when neither of the above explains what happened.
    pub stderr: String,
}

impl TestRun {
    pub fn failed(&self) -> Vec<&TestOutcome> {
        self.outcomes.iter().filter(|o| !o.passed).collect()
    }

    pub fn all_pass(&self) -> bool {
        !self.outcomes.is_empty() && self.outcomes.iter().all(|o| o.passed)
    }
}

/// Runs a package's tests through cargo, in the workbook's folder, and reads what they say.
pub fn test_package(package: &str, features: &[&str]) -> Result<TestRun> {
    let output = test_command(package, features)
        .output()
        .context("cannot run cargo: is Rust installed (https://rustup.rs)?")?;
    Ok(read_test_output(&output.stdout, &output.stderr))
}

/// The cargo command that runs a package's tests, in the workbook's folder.
pub fn test_command(package: &str, features: &[&str]) -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .current_dir(crate::files::root())
        .args(["test", "-p", package]);
    if !features.is_empty() {
        command.args(["--features", &features.join(",")]);
    }
    command
        .args([
            "--no-fail-fast",
            "--color",
            "never",
            "--",
            "--color",
            "never",
        ])
        .env("RUST_BACKTRACE", "0");
    command
}

/// The features a chapter's tests need: `mpi` for a chapter with an MPI program, when MPI is
/// installed (without it, only the tests that need no MPI build), and the chapter's own
/// `features` (chapter.toml).
pub fn test_features(chapter: &ChapterData) -> Vec<&str> {
    let mut features = Vec::new();
    if chapter.mpi.is_some() && crate::mpi::check_available().is_ok() {
        features.push("mpi");
    }
    features.extend(chapter.features.iter().map(String::as_str));
    features
}

/// What [`test_command`] printed, read.
pub fn read_test_output(stdout: &[u8], stderr: &[u8]) -> TestRun {
    let stdout = String::from_utf8_lossy(stdout);
    let stderr = String::from_utf8_lossy(stderr).into_owned();
    let mut outcomes = parse_outcomes(&stdout, crate::files::root());
    outcomes.sort_by(|a, b| a.name.cmp(&b.name));
    let compile_error = if outcomes.is_empty() {
        compile_errors(&stderr).map(|text| (first_error(&text), text))
    } else {
        None
    };
    TestRun {
        outcomes,
        compile_error,
        stderr,
    }
}

/// `check CHAPTER`: the chapter's tests, one line each, and what to do next.
pub fn run(chapter: &ChapterData, solution: bool) -> Result<()> {
    let (package, folder) = if solution {
        (chapter.solution_package(), chapter.solution_dir())
    } else {
        (chapter.name.clone(), chapter.exercise_dir())
    };
    if chapter.mpi.is_some() {
        crate::mpi::check_available()
            .with_context(|| format!("chapter {}'s tests run under mpirun", chapter.name))?;
    }
    let features = test_features(chapter);
    let shown = if features.is_empty() {
        String::new()
    } else {
        format!(" --features {}", features.join(","))
    };
    println!("testing {folder} (cargo test -p {package}{shown})...");
    let run = test_package(&package, &features)?;
    if let Some((_, errors)) = &run.compile_error {
        println!("{errors}");
        bail!(
            "{folder} does not compile: fix the errors above, then run `cargo workbook check {}` again",
            chapter.name
        );
    }
    if run.outcomes.is_empty() {
        bail!(
            "no test ran in {folder}: cargo said\n{}",
            run.stderr.trim_end()
        );
    }
    let mut outcomes = run.outcomes.clone();
    if !chapter.pytest.is_empty() {
        println!(
            "testing the binding: pytest {} (workbook_py built with {})...",
            chapter.pytest.join(" "),
            if solution {
                "the solution"
            } else {
                "your exercise"
            }
        );
        match crate::python::pytest(&chapter.pytest, solution) {
            Ok(more) => outcomes.extend(more),
            Err(e) => outcomes.push(TestOutcome {
                name: "pytest".into(),
                passed: false,
                why: Some(format!("{e:#}")),
                place: None,
            }),
        }
    }
    let run = TestRun { outcomes, ..run };
    let failed = run.failed();
    for o in &run.outcomes {
        match (&o.why, o.passed) {
            (_, true) => println!("  ok    {}", o.name),
            (Some(why), false) => println!("  FAIL  {}: {why}", o.name),
            (None, false) => println!("  FAIL  {}", o.name),
        }
    }
    println!(
        "{}: {} passed, {} failed",
        chapter.name,
        run.outcomes.len() - failed.len(),
        failed.len()
    );
    if failed.is_empty() {
        if !solution {
            let measure = match chapter.mpi.as_ref().and_then(|m| m.kernels.first()) {
                Some(k) => format!("cargo workbook mpi {} {} --ranks 1,2", chapter.name, k.name),
                None => format!("cargo workbook bench {}", chapter.name),
            };
            println!(
                "All of chapter {}'s tests pass. Now measure: `{measure}`.",
                chapter.name
            );
        }
        Ok(())
    } else {
        let next = first_stub(&failed, &chapter.stubs()).or_else(|| {
            crate::commands::hint::stubs_with_todo(chapter)
                .first()
                .map(|stub| format!("fn {stub} in {}/src/", chapter.exercise_dir()))
        });
        if let Some(stub) = next {
            println!(
                "next: fill in {stub}, then `cargo workbook check {}` (stuck? `cargo workbook hint {}`)",
                chapter.name, chapter.name
            );
        }
        bail!(
            "{} of {} tests fail in {folder}",
            failed.len(),
            run.outcomes.len()
        )
    }
}

/// "FILE:LINE: message" of the first error in cargo's text.
fn first_error(text: &str) -> String {
    let mut lines = text.lines();
    let message = lines
        .next()
        .unwrap_or("")
        .trim_start_matches("error")
        .trim_start_matches(|c: char| c != ':')
        .trim_start_matches(':')
        .trim()
        .to_string();
    let place = lines
        .find_map(|l| l.trim_start().strip_prefix("--> "))
        .map(|p| {
            let mut parts = p.trim().rsplitn(2, ':');
            let _col = parts.next();
            parts.next().unwrap_or(p).to_string()
        });
    match place {
        Some(place) => format!("{place}: {message}"),
        None => message,
    }
}

/// Of the stubs the failures name, the one the book asks for first (`order`); stubs the data
/// does not list come after, in the order the failures name them.
fn first_stub(failed: &[&TestOutcome], order: &[&str]) -> Option<String> {
    failed
        .iter()
        .filter_map(|o| todo_stub(o))
        .map(|(file, function)| {
            let rank = order
                .iter()
                .position(|s| *s == function)
                .unwrap_or(usize::MAX);
            (rank, format!("fn {function} in {file}"))
        })
        .min_by_key(|(rank, _)| *rank)
        .map(|(_, stub)| stub)
}

/// The stub whose `todo!()` a failure hit: (FILE, NAME) of "not implemented yet: FILE: fn NAME".
pub fn todo_stub(outcome: &TestOutcome) -> Option<(&str, &str)> {
    outcome
        .why
        .as_deref()?
        .strip_prefix("not implemented yet: ")?
        .split_once(": fn ")
}

/// Reads `test NAME ... ok|FAILED` lines and the `---- NAME stdout ----` sections after them.
pub fn parse_outcomes(stdout: &str, root: &Path) -> Vec<TestOutcome> {
    let mut outcomes: Vec<TestOutcome> = Vec::new();
    for line in stdout.lines() {
        let Some(rest) = line.strip_prefix("test ") else {
            continue;
        };
        let Some((name, result)) = rest.rsplit_once(" ... ") else {
            continue;
        };
        let passed = match result.trim() {
            "ok" => true,
            "FAILED" => false,
            _ => continue,
        };
        outcomes.push(TestOutcome {
            // A `#[should_panic]` test reads "test NAME - should panic ... ok".
            name: name.trim().trim_end_matches(" - should panic").to_string(),
            passed,
            why: None,
            place: None,
        });
    }
    // Failure sections: "---- NAME stdout ----", what the test printed, then
    // "thread 'NAME' panicked at FILE:L:C:" and the panic's message, up to the next section.
    let lines: Vec<&str> = stdout.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let Some(name) = section_name(line) else {
            continue;
        };
        let section: Vec<&str> = lines[i + 1..]
            .iter()
            .take_while(|l| section_name(l).is_none() && **l != "failures:")
            .copied()
            .collect();
        let Some(at) = section.iter().position(|l| l.contains("panicked at ")) else {
            // A `#[should_panic]` test that returned.
            if let Some(note) = section
                .iter()
                .find_map(|l| l.strip_prefix("note: test did not panic as expected"))
                && let Some(o) = outcomes.iter_mut().find(|o| o.name == name)
            {
                o.why = Some("it should panic, and did not".to_string());
                o.place = Some(note.trim_start_matches(" at ").to_string());
            }
            continue;
        };
        let place = section[at]
            .split("panicked at ")
            .nth(1)
            .unwrap_or("")
            .trim_end_matches(':')
            .to_string();
        // The message runs to the next panic (another thread's), or to libtest's notes.
        let mut message: Vec<&str> = section[at + 1..]
            .iter()
            .take_while(|l| !l.contains("panicked at ") && !l.starts_with("note: "))
            .copied()
            .collect();
        while message.last().is_some_and(|l| l.trim().is_empty()) {
            message.pop();
        }
        let mut why = explain(&message, &place, root);
        // A `#[should_panic(expected = "...")]` test whose panic said something else.
        if let Some(expected) = section[at..]
            .iter()
            .find_map(|l| l.trim().strip_prefix("expected substring: "))
            && !why.starts_with("not implemented yet")
        {
            why = format!("{why} (it should panic with {expected})");
        }
        if let Some(o) = outcomes.iter_mut().find(|o| o.name == name) {
            o.why = Some(why);
            o.place = Some(place);
        }
    }
    outcomes
}

fn section_name(line: &str) -> Option<&str> {
    line.strip_prefix("---- ")?.strip_suffix(" stdout ----")
}

/// The longest message, and the longest value, a FAIL line shows.
const MESSAGE_CHARS: usize = 160;
const VALUE_CHARS: usize = 60;

/// A `todo!()` becomes "not implemented yet: FILE: fn NAME"; a failed `assert_eq!` or
/// `assert_ne!` its message and both values ("axis(2): left: [NaN]  right: [0.5]"); anything
/// else keeps its message, on one line.
fn explain(message: &[&str], place: &str, root: &Path) -> String {
    let first = message.first().map(|l| l.trim()).unwrap_or("");
    if first.starts_with("not yet implemented") || first.starts_with("not implemented") {
        let mut parts = place.rsplitn(3, ':');
        let (_col, line, file) = (parts.next(), parts.next(), parts.next());
        if let (Some(file), Some(line)) = (file, line.and_then(|l| l.parse::<usize>().ok())) {
            if let Some(function) = enclosing_fn(&root.join(file), line) {
                return format!("not implemented yet: {file}: fn {function}");
            }
            return format!("not implemented yet: {file}:{line}");
        }
        return format!("not implemented yet ({place})");
    }
    if let Some(why) = comparison(message) {
        return why;
    }
    if first.is_empty() {
        format!("panicked at {place}")
    } else {
        shorten(&one_line(message), MESSAGE_CHARS)
    }
}

/// "MESSAGE: left: X  right: Y" from libtest's three parts of a failed comparison:
/// "assertion `left == right` failed: MESSAGE", "  left: X", " right: Y".
fn comparison(message: &[&str]) -> Option<String> {
    let head = message.first()?;
    let (differ, rest) = if let Some(rest) = head.strip_prefix("assertion `left == right` failed") {
        (false, rest)
    } else {
        (true, head.strip_prefix("assertion `left != right` failed")?)
    };
    let left = message.iter().position(|l| l.starts_with("  left: "))?;
    let right = message.iter().position(|l| l.starts_with(" right: "))?;
    // The message may span lines, up to the values.
    let mut text = vec![
        rest.strip_prefix(": ")
            .unwrap_or(rest.trim_start_matches(':')),
    ];
    text.extend(&message[1..left.min(right)]);
    let text = shorten(&one_line(&text), MESSAGE_CHARS);
    let (l, r) = shorten_pair(
        &message[left]["  left: ".len()..],
        &message[right][" right: ".len()..],
    );
    let values = format!("left: {l}  right: {r}");
    let values = if differ {
        format!("{values}, which should differ")
    } else {
        values
    };
    Some(if text.is_empty() {
        values
    } else {
        format!("{text}: {values}")
    })
}

/// The lines of a message on one line, " / " between them.
fn one_line(lines: &[&str]) -> String {
    lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// At most `limit` characters of `text`, with "…" where some were left out.
fn shorten(text: &str, limit: usize) -> String {
    window(text, 0, limit)
}

/// The two values of a comparison, each at most [`VALUE_CHARS`] long; when they are longer,
/// both show the same stretch, from a little before where they first differ.
fn shorten_pair(left: &str, right: &str) -> (String, String) {
    let limit = VALUE_CHARS;
    if left.chars().count() <= limit && right.chars().count() <= limit {
        return (left.to_string(), right.to_string());
    }
    let same = left
        .chars()
        .zip(right.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let mut start = same.saturating_sub(limit / 3);
    // Start after a separator, so the first value shown is whole.
    let chars: Vec<char> = left.chars().collect();
    if start > 0
        && let Some(sep) = chars[..start.min(chars.len())]
            .iter()
            .rposition(|c| *c == ' ' || *c == '(' || *c == '[' || *c == '{')
        && start - sep <= limit / 3
    {
        start = sep + 1;
    }
    (window(left, start, limit), window(right, start, limit))
}

/// `limit` characters of `text` from character `start`, with "…" on a side where some are left
/// out.
fn window(text: &str, start: usize, limit: usize) -> String {
    let total = text.chars().count();
    let start = start.min(total);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(text.chars().skip(start).take(limit));
    if start + limit < total {
        out.push('…');
    }
    out
}

/// The name of the last `fn` declared at or above `line` in `file`.
fn enclosing_fn(file: &Path, line: usize) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    text.lines()
        .take(line)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .find_map(|l| {
            let after = l.split("fn ").nth(1)?;
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            (!name.is_empty() && l.split_whitespace().any(|w| w == "fn")).then_some(name)
        })
}

/// cargo's compile errors (from the first `error` line), or `None` if there are none.
fn compile_errors(stderr: &str) -> Option<String> {
    let start = stderr.find("error[").or_else(|| stderr.find("error:"))?;
    let text: Vec<&str> = stderr[start..].lines().take(40).collect();
    Some(text.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\nrunning 3 tests\ntest a_works ... ok\ntest b_sum ... FAILED\ntest c_axis ... FAILED\n\nfailures:\n\n---- b_sum stdout ----\n\nthread 'b_sum' panicked at exercises/demo/src/lib.rs:3:5:\nnot yet implemented: sum them\n\n---- c_axis stdout ----\n\nthread 'c_axis' panicked at exercises/demo/tests/t.rs:9:5:\nassertion failed: the axis starts at 0\n\nfailures:\n    b_sum\n    c_axis\n\ntest result: FAILED. 1 passed; 2 failed; 0 ignored\n";

    #[test]
    fn reads_results_and_reasons() {
        let dir = std::env::temp_dir().join(format!("workbook-check-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("exercises/demo/src")).unwrap();
        std::fs::write(
            dir.join("exercises/demo/src/lib.rs"),
            "/// doc\npub fn sum_them(x: &[f64]) -> f64 {\n    todo!(\"sum them\")\n}\n",
        )
        .unwrap();
        let out = parse_outcomes(SAMPLE, &dir);
        assert_eq!(out.len(), 3);
        assert!(out[0].passed && !out[1].passed && !out[2].passed);
        assert_eq!(
            out[1].why.as_deref(),
            Some("not implemented yet: exercises/demo/src/lib.rs: fn sum_them")
        );
        assert_eq!(
            out[2].why.as_deref(),
            Some("assertion failed: the axis starts at 0")
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    /// What libtest printed (Rust 1.95) for failed comparisons and assertions.
    const ASSERTIONS: &str = "\nrunning 6 tests\ntest eq_msg ... FAILED\ntest eq_plain ... FAILED\ntest ne_msg ... FAILED\ntest assert_msg ... FAILED\ntest printed ... FAILED\ntest two_lines ... FAILED\n\nfailures:\n\n---- eq_msg stdout ----\n\nthread 'eq_msg' (6468) panicked at tests/t.rs:1:23:\nassertion `left == right` failed: axis(2) at the edge\n  left: [NaN]\n right: [0.5]\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n\n---- eq_plain stdout ----\n\nthread 'eq_plain' (6469) panicked at tests/t.rs:2:25:\nassertion `left == right` failed\n  left: 2\n right: 3\n\n---- ne_msg stdout ----\n\nthread 'ne_msg' (6472) panicked at tests/t.rs:3:23:\nassertion `left != right` failed: must differ\n  left: 2\n right: 2\n\n---- assert_msg stdout ----\n\nthread 'assert_msg' (6466) panicked at tests/t.rs:4:27:\none is not above two\n\n---- printed stdout ----\nhello\n\nthere\n\nthread 'printed' (6473) panicked at tests/t.rs:7:52:\nassertion `left == right` failed: strings\n  left: \"a\\nb\"\n right: \"c\"\n\n---- two_lines stdout ----\n\nthread 'two_lines' (6471) panicked at tests/t.rs:6:26:\nfirst line\nsecond line\n\n\nfailures:\n    assert_msg\n    eq_msg\n    eq_plain\n    ne_msg\n    printed\n    two_lines\n\ntest result: FAILED. 0 passed; 6 failed; 0 ignored\n";

    fn why_of<'a>(out: &'a [TestOutcome], name: &str) -> &'a str {
        let o = out.iter().find(|o| o.name == name).unwrap();
        o.why.as_deref().unwrap()
    }

    #[test]
    fn a_failed_comparison_shows_its_message_and_values() {
        let out = parse_outcomes(ASSERTIONS, Path::new("."));
        assert_eq!(out.len(), 6);
        assert_eq!(
            why_of(&out, "eq_msg"),
            "axis(2) at the edge: left: [NaN]  right: [0.5]"
        );
        assert_eq!(why_of(&out, "eq_plain"), "left: 2  right: 3");
        assert_eq!(
            why_of(&out, "ne_msg"),
            "must differ: left: 2  right: 2, which should differ"
        );
        assert_eq!(why_of(&out, "assert_msg"), "one is not above two");
        // What the test printed before it failed is not its message.
        assert_eq!(
            why_of(&out, "printed"),
            r#"strings: left: "a\nb"  right: "c""#
        );
        assert_eq!(why_of(&out, "two_lines"), "first line / second line");
    }

    #[test]
    fn should_panic_tests_say_what_they_expected() {
        let sample = "test a_refuses - should panic ... FAILED\ntest b_refuses - should panic ... FAILED\ntest c_refuses - should panic ... FAILED\n\nfailures:\n\n---- a_refuses stdout ----\n\nthread 'a_refuses' (1) panicked at src/lib.rs:2:5:\nindex out of bounds: the len is 3 but the index is 3\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\nnote: panic did not contain expected string\n      panic message: \"index out of bounds: the len is 3 but the index is 3\"\n expected substring: \"axis\"\n---- b_refuses stdout ----\nnote: test did not panic as expected at tests/t.rs:30:4\n---- c_refuses stdout ----\n\nthread 'c_refuses' (1) panicked at src/lib.rs:2:5:\nnot yet implemented\nnote: panic did not contain expected string\n      panic message: \"not yet implemented\"\n expected substring: \"axis\"\n\nfailures:\n";
        let out = parse_outcomes(sample, Path::new("."));
        assert_eq!(
            why_of(&out, "a_refuses"),
            r#"index out of bounds: the len is 3 but the index is 3 (it should panic with "axis")"#
        );
        assert_eq!(why_of(&out, "b_refuses"), "it should panic, and did not");
        assert_eq!(
            out.iter()
                .find(|o| o.name == "b_refuses")
                .unwrap()
                .place
                .as_deref(),
            Some("tests/t.rs:30:4")
        );
        assert!(
            why_of(&out, "c_refuses").starts_with("not implemented yet"),
            "{out:?}"
        );
    }

    #[test]
    fn long_values_show_where_they_differ() {
        let left: Vec<String> = (0..200).map(|i| format!("{}.5", i)).collect();
        let mut right = left.clone();
        right[150] = "NaN".into();
        let (l, r) = (
            format!("[{}]", left.join(", ")),
            format!("[{}]", right.join(", ")),
        );
        let sample = format!(
            "test long ... FAILED\n\n---- long stdout ----\n\nthread 'long' (1) panicked at tests/t.rs:8:5:\nassertion `left == right` failed: {}\n  left: {l}\n right: {r}\n\nfailures:\n",
            "a message that goes on ".repeat(20)
        );
        let out = parse_outcomes(&sample, Path::new("."));
        let why = why_of(&out, "long");
        let (message, values) = why.split_once(": left: ").unwrap();
        assert_eq!(message.chars().count(), MESSAGE_CHARS + 1, "{message}");
        assert!(message.ends_with('…'), "{message}");
        let (l, r) = values.split_once("  right: ").unwrap();
        assert!(l.starts_with("…") && l.ends_with('…'), "{l}");
        assert!(l.contains("150.5") && r.contains("NaN"), "{why}");
        // The stretch starts with a whole value.
        assert!(l.starts_with("…14") && r.starts_with("…14"), "{why}");
        assert!(l.chars().count() <= VALUE_CHARS + 2, "{l}");
    }

    #[test]
    fn finds_compile_errors() {
        let err = "   Compiling demo v0.1.0\nerror[E0308]: mismatched types\n --> src/lib.rs:2:5\n";
        assert!(compile_errors(err).unwrap().starts_with("error[E0308]"));
        assert_eq!(
            first_error(&compile_errors(err).unwrap()),
            "src/lib.rs:2: mismatched types"
        );
        assert!(compile_errors("   Compiling demo\n    Finished").is_none());
    }
}
