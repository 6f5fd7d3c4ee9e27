//! What every command-line test file needs: run the `workbook` binary, and check a refusal.
// Each test file uses a different part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the workbook binary from the workspace root.
pub fn workbook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_workbook"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("RUST_BACKTRACE")
        // cargo holds its build lock while tests run: `heap` must not build its helper here.
        .env("WORKBOOK_HEAP_BIN", env!("CARGO_BIN_EXE_workbook-heap"))
        .output()
        .expect("the workbook binary runs")
}

/// [`workbook`] as (succeeded, stdout, stderr).
pub fn outcome(args: &[&str]) -> (bool, String, String) {
    let out = workbook(args);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Asserts a failure with exactly one line on stderr containing `needle`, and no trace of a
/// panic; returns that line.
pub fn fails_with(args: &[&str], needle: &str) -> String {
    let (ok, stdout, stderr) = outcome(args);
    let shown = args.join(" ");
    assert!(!ok, "`workbook {shown}` should fail; stdout: {stdout}");
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "`workbook {shown}` should print one line, got:\n{stderr}"
    );
    assert!(
        stderr.contains(needle),
        "`workbook {shown}`: expected `{needle}` in: {stderr}"
    );
    for noise in ["panicked", "backtrace", "RUST_BACKTRACE"] {
        assert!(
            !stderr.contains(noise),
            "`workbook {shown}` leaked `{noise}`: {stderr}"
        );
    }
    stderr
}

/// A fresh folder under target/ for one test's files.
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
