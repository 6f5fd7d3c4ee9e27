//! The cosine chapter's command-line behaviour: bad sizes are refused in one line, and small
//! runs work. Sizes stay tiny: this runs the unoptimised binary.

mod common;
use common::{fails_with as refused, workbook};

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
