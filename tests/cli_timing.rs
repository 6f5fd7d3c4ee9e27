//! Bad input for chapter `timing` gets a one-line error and a non-zero exit, never a backtrace.

mod common;
use common::{fails_with, outcome as workbook};

#[test]
fn n_past_the_largest_u128_fibonacci_number_is_refused() {
    fails_with(
        &["run", "timing", "loop", "--solution", "--n", "187"],
        "at most 186",
    );
}

#[test]
fn zero_negative_and_words_are_refused() {
    fails_with(&["run", "timing", "loop", "--n", "0"], "at least 1");
    fails_with(
        &["run", "timing", "loop", "--n", "-3"],
        "positive whole number",
    );
    fails_with(
        &["run", "timing", "loop", "--n", "ten"],
        "positive whole number",
    );
}

#[test]
fn the_recursion_is_not_offered_for_large_n() {
    fails_with(
        &["run", "timing", "recursive", "--solution", "--n", "90"],
        "no kernel `recursive`",
    );
}

#[test]
fn unknown_kernel_and_parameter() {
    fails_with(&["run", "timing", "memo"], "no kernel `memo`");
    fails_with(
        &["run", "timing", "loop", "--param", "m=3"],
        "no parameter `m`",
    );
}

#[test]
fn an_unsolved_stub_is_named() {
    fails_with(
        &["run", "timing", "loop"],
        "not implemented yet: exercises/timing/src/lib.rs: fn fib_loop",
    );
}

#[test]
fn the_reference_answers() {
    let (ok, out, err) = workbook(&["run", "timing", "cached", "--solution", "--n", "100"]);
    assert!(ok, "{err}");
    assert!(out.contains("354224848179261915075"), "{out}");
}
