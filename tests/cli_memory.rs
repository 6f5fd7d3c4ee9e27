//! Bad input for chapter `memory` gets a one-line error and a non-zero exit, never a backtrace.

mod common;
use common::{fails_with, outcome as workbook};

#[test]
fn an_even_window_is_refused() {
    fails_with(
        &[
            "run",
            "memory",
            "once",
            "--solution",
            "--n",
            "100",
            "--param",
            "window=4",
        ],
        "window must be odd",
    );
}

#[test]
fn a_window_longer_than_the_signal_is_refused() {
    fails_with(
        &[
            "run",
            "memory",
            "once",
            "--solution",
            "--n",
            "5",
            "--param",
            "window=7",
        ],
        "longer than the signal",
    );
}

#[test]
fn sizes_out_of_range_are_refused() {
    fails_with(&["run", "memory", "once", "--n", "0"], "at least 1");
    fails_with(
        &["run", "memory", "once", "--n", "999999999999"],
        "too large",
    );
    fails_with(
        &["run", "memory", "once", "--param", "window=-1"],
        "positive whole number",
    );
}

#[test]
fn an_unsolved_stub_is_named() {
    fails_with(
        &["run", "memory", "once", "--n", "50", "--param", "window=5"],
        "not implemented yet: exercises/memory/src/lib.rs: fn rolling_median",
    );
}

#[test]
fn the_reference_agrees_with_the_naive_version() {
    let (ok, out, err) = workbook(&[
        "run",
        "memory",
        "once",
        "--solution",
        "--n",
        "300",
        "--param",
        "window=5",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("error    0.00e0"), "{out}");
}
