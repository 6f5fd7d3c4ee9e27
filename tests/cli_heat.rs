//! Bad input for chapter `heat` gets a one-line error and a non-zero exit, never a backtrace;
//! `--phases` prints the phase table.

mod common;
use common::{fails_with, outcome as workbook};

#[test]
fn sizes_out_of_range_are_refused() {
    fails_with(&["run", "heat", "fast", "--n", "0"], "at least 1");
    fails_with(&["run", "heat", "fast", "--n", "2"], "at least 3");
    fails_with(&["run", "heat", "fast", "--n", "100000"], "at most 32768");
    fails_with(
        &["run", "heat", "fast", "--param", "steps=-5"],
        "positive whole number",
    );
    fails_with(
        &["run", "heat", "fast", "--param", "steps=99999999999"],
        "too large",
    );
}

#[test]
fn an_unsolved_stub_is_named() {
    fails_with(
        &["run", "heat", "fast", "--n", "8", "--param", "steps=2"],
        "not implemented yet: exercises/heat/src/lib.rs: fn evolve",
    );
}

#[test]
fn phases_are_tabled() {
    let (ok, out, err) = workbook(&[
        "run",
        "heat",
        "fast",
        "--solution",
        "--n",
        "10",
        "--param",
        "steps=3",
        "--phases",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("error    0.00e0"), "{out}");
    let evolve = out
        .lines()
        .find(|l| l.trim_end().ends_with(" evolve"))
        .unwrap_or_else(|| panic!("no evolve row in {out}"));
    assert_eq!(evolve.split_whitespace().next(), Some("3"), "{evolve}");
    assert!(out.contains("setup") && out.contains("iterate"), "{out}");
}

#[test]
fn phases_of_a_kernel_without_spans() {
    let (ok, out, err) = workbook(&[
        "run",
        "timing",
        "loop",
        "--solution",
        "--n",
        "10",
        "--phases",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("no tracing spans"), "{out}");
}
