//! The cosine chapter's command-line behaviour: bad sizes are refused in one line, and small
//! runs work. Sizes stay tiny: this runs the unoptimised binary.

use std::process::{Command, Output};

fn workbook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_workbook"))
        .args(args)
        .output()
        .expect("the workbook binary runs")
}

/// The run failed with exactly one line on stderr that contains `expected`.
fn refused(args: &[&str], expected: &str) {
    let out = workbook(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{args:?} should fail");
    assert_eq!(stderr.trim().lines().count(), 1, "one line, got: {stderr}");
    assert!(stderr.contains(expected), "{args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
}

#[test]
fn zero_terms_are_refused() {
    refused(
        &["run", "cosine", "libm", "--solution", "--n", "0"],
        "n must be at least 1",
    );
    refused(
        &[
            "run",
            "cosine",
            "rotation",
            "--solution",
            "--n",
            "10",
            "--param",
            "resync=0",
        ],
        "resync must be at least 1",
    );
}

#[test]
fn n_beyond_exact_f64_integers_is_refused() {
    // 2^53 + 1: k would no longer be exact as an f64.
    refused(
        &[
            "run",
            "cosine",
            "libm",
            "--solution",
            "--n",
            "9007199254740993",
        ],
        "too large for chapter cosine",
    );
}

#[test]
fn a_small_rotation_agrees_with_libm() {
    let out = workbook(&[
        "run",
        "cosine",
        "rotation",
        "--solution",
        "--n",
        "1000",
        "--param",
        "resync=100",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("against the reference libm"), "{stdout}");
}
