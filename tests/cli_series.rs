//! The series chapter's command-line behaviour: bad sizes are refused in one line, and small
//! runs work. Sizes stay tiny: this runs the unoptimised binary.

mod common;
use common::{fails_with as refused, workbook};

#[test]
fn zero_terms_are_refused() {
    refused(
        &["run", "series", "digits", "--solution", "--n", "0"],
        "n must be at least 1",
    );
}

#[test]
fn n_beyond_u64_is_refused() {
    refused(
        &[
            "run",
            "series",
            "grouped",
            "--solution",
            "--n",
            "18446744073709551616",
        ],
        "far too large",
    );
    refused(
        &["run", "series", "grouped", "--solution", "--n", "-5"],
        "positive whole number",
    );
}

#[test]
fn unknown_kernel_is_named() {
    refused(
        &["run", "series", "fastest", "--solution", "--n", "10"],
        "no kernel `fastest`",
    );
}

#[test]
fn a_small_run_agrees_with_the_reference() {
    let out = workbook(&["run", "series", "blocks", "--solution", "--n", "12345"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("error"), "{stdout}");
}

#[test]
fn limits_prints_the_partial_sums() {
    let out = workbook(&["run", "series", "limits", "--solution", "--n", "10"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // S(10) = 789/280 first, the limit 22.92067661926415 last.
    assert!(stdout.contains("[ 0] 2.81785714285714"), "{stdout}");
    assert!(stdout.contains("[38] 22.9206766192641"), "{stdout}");
}
