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
    /// For a failure: the first line of its panic message, made readable.
    pub why: Option<String>,
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
pub fn test_package(package: &str) -> Result<TestRun> {
    let root = crate::files::root();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(root)
        .args([
            "test",
            "-p",
            package,
            "--no-fail-fast",
            "--color",
            "never",
            "--",
            "--color",
            "never",
        ])
        .env("RUST_BACKTRACE", "0")
        .output()
        .context("cannot run cargo: is Rust installed (https://rustup.rs)?")?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let mut outcomes = parse_outcomes(&stdout, root);
    outcomes.sort_by(|a, b| a.name.cmp(&b.name));
    let compile_error = if outcomes.is_empty() {
        compile_errors(&stderr).map(|text| (first_error(&text), text))
    } else {
        None
    };
    Ok(TestRun {
        outcomes,
        compile_error,
        stderr,
    })
}

/// `check CHAPTER`: the chapter's tests, one line each, and what to do next.
pub fn run(chapter: &ChapterData, solution: bool) -> Result<()> {
    let (package, folder) = if solution {
        (chapter.solution_package(), chapter.solution_dir())
    } else {
        (chapter.name.clone(), chapter.exercise_dir())
    };
    println!("testing {folder} (cargo test -p {package})...");
    let run = test_package(&package)?;
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
            println!(
                "All of chapter {}'s tests pass. Now measure: `cargo workbook bench {}`.",
                chapter.name, chapter.name
            );
        }
        Ok(())
    } else {
        if let Some(stub) = first_stub(&failed, &chapter.stubs()) {
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
        .filter_map(|o| o.why.as_deref()?.strip_prefix("not implemented yet: "))
        .filter_map(|rest| {
            let (file, function) = rest.split_once(": fn ")?;
            let rank = order
                .iter()
                .position(|s| *s == function)
                .unwrap_or(usize::MAX);
            Some((rank, format!("fn {function} in {file}")))
        })
        .min_by_key(|(rank, _)| *rank)
        .map(|(_, stub)| stub)
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
            name: name.trim().to_string(),
            passed,
            why: None,
        });
    }
    // Failure sections: "---- NAME stdout ----", then "thread 'NAME' panicked at FILE:L:C:",
    // then the message.
    let lines: Vec<&str> = stdout.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let Some(name) = line
            .strip_prefix("---- ")
            .and_then(|l| l.strip_suffix(" stdout ----"))
        else {
            continue;
        };
        let Some(at) = lines[i + 1..]
            .iter()
            .position(|l| l.contains("panicked at "))
        else {
            continue;
        };
        let panic_line = lines[i + 1 + at];
        let place = panic_line
            .split("panicked at ")
            .nth(1)
            .unwrap_or("")
            .trim_end_matches(':')
            .to_string();
        let message = lines
            .get(i + 2 + at)
            .copied()
            .unwrap_or("")
            .trim()
            .to_string();
        let why = explain(&message, &place, root);
        if let Some(o) = outcomes.iter_mut().find(|o| o.name == name) {
            o.why = Some(why);
        }
    }
    outcomes
}

/// A `todo!()` becomes "not implemented yet: FILE: fn NAME"; anything else keeps its message.
fn explain(message: &str, place: &str, root: &Path) -> String {
    if message.starts_with("not yet implemented") || message.starts_with("not implemented") {
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
    if message.is_empty() {
        format!("panicked at {place}")
    } else {
        message.to_string()
    }
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
