//! Chapter 14's runner from the outside, reference side: the checked kernel agrees with the
//! direct sum, and bad sizes get one line.

const RUNNER: &str = env!("CARGO_BIN_EXE_bindings-chapter");
const HERE: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn the_checked_kernel_agrees_with_the_direct_sum() {
    let out = harness::testing::succeeds(
        RUNNER,
        HERE,
        &["run", "bindings", "checked", "--solution", "--n", "6"],
    );
    let error: f64 = out
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("error"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|e| e.parse().ok())
        .unwrap_or_else(|| panic!("no error line in:\n{out}"));
    assert!(error < 1e-12, "{out}");
}

#[test]
fn sizes_out_of_range_are_refused() {
    harness::testing::fails_with(
        RUNNER,
        HERE,
        &["run", "bindings", "checked", "--solution", "--n", "0"],
        "n must be at least 1, got 0",
    );
}
