//! `workbook check CHAPTER`: runs the chapter's tests with cargo and summarises them in a few
//! lines: which tests pass, and for each failure the one line that says why.

use crate::chapter::Chapter;
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

pub fn run(chapter: &dyn Chapter, solution: bool) -> Result<()> {
    let (package, folder) = if solution {
        (
            format!("{}-solution", chapter.crate_name()),
            format!("solutions/{}", chapter.crate_name()),
        )
    } else {
        (
            chapter.crate_name().to_string(),
            format!("exercises/{}", chapter.crate_name()),
        )
    };
    let root = crate::files::root();
    println!("testing {folder} (cargo test -p {package})...");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(root)
        .args([
            "test", "-p", &package, "--color", "never", "--", "--color", "never",
        ])
        .env("RUST_BACKTRACE", "0")
        .output()
        .context("cannot run cargo")?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let outcomes = parse_outcomes(&stdout, Path::new(root));
    if outcomes.is_empty() {
        if let Some(errors) = compile_errors(&stderr) {
            println!("{errors}");
            bail!("{folder} does not compile: fix the errors above, then check again");
        }
        bail!("no test ran in {folder}: cargo said\n{}", stderr.trim_end());
    }
    let mut outcomes = outcomes;
    outcomes.sort_by(|a, b| a.name.cmp(&b.name));
    let failed: Vec<&TestOutcome> = outcomes.iter().filter(|o| !o.passed).collect();
    for o in &outcomes {
        match (&o.why, o.passed) {
            (_, true) => println!("  ok    {}", o.name),
            (Some(why), false) => println!("  FAIL  {}: {why}", o.name),
            (None, false) => println!("  FAIL  {}", o.name),
        }
    }
    println!(
        "{}: {} passed, {} failed",
        chapter.slug(),
        outcomes.len() - failed.len(),
        failed.len()
    );
    if failed.is_empty() {
        if !solution {
            println!(
                "All of chapter {}'s tests pass. Now measure: `cargo workbook bench {}`.",
                chapter.slug(),
                chapter.slug()
            );
        }
        Ok(())
    } else {
        if let Some(stub) = first_stub(&failed, Path::new(root)) {
            println!("next: fill in {stub}, then check again");
        }
        bail!(
            "{} of {} tests fail in {folder}",
            failed.len(),
            outcomes.len()
        )
    }
}

/// Of the stubs the failures name, the one that comes first in its file: the functions of an
/// exercise are laid out in the order to write them.
fn first_stub(failed: &[&TestOutcome], root: &Path) -> Option<String> {
    let mut stubs: Vec<(usize, String)> = failed
        .iter()
        .filter_map(|o| o.why.as_deref()?.strip_prefix("not implemented yet: "))
        .filter_map(|rest| {
            let (file, function) = rest.split_once(": fn ")?;
            let text = std::fs::read_to_string(root.join(file)).ok()?;
            let line = text
                .lines()
                .position(|l| l.contains(&format!("fn {function}(")))?;
            Some((line, format!("fn {function} in {file}")))
        })
        .collect();
    stubs.sort();
    stubs.into_iter().next().map(|(_, stub)| stub)
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
        assert!(compile_errors("   Compiling demo\n    Finished").is_none());
    }
}
