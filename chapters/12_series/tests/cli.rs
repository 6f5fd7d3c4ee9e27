//! Chapter 12's runner from the outside, reference side: bad sizes are refused in one line,
//! and small runs agree with the reference. Sizes stay tiny: this runs the unoptimised binary.

const RUNNER: &str = env!("CARGO_BIN_EXE_series-chapter");
const HERE: &str = env!("CARGO_MANIFEST_DIR");

fn succeeds(args: &[&str]) -> String {
    harness::testing::succeeds(RUNNER, HERE, args)
}

fn fails_with(args: &[&str], needle: &str) -> String {
    harness::testing::fails_with(RUNNER, HERE, args, needle)
}

fn scratch(name: &str) -> std::path::PathBuf {
    harness::testing::scratch_dir(env!("CARGO_TARGET_TMPDIR"), &format!("series-{name}"))
}

/// The number after `error` on the `run` output's error line.
fn error_of(stdout: &str) -> f64 {
    let line = stdout
        .lines()
        .find(|l| l.trim_start().starts_with("error"))
        .unwrap_or_else(|| panic!("no error line in:\n{stdout}"));
    line.split_whitespace()
        .nth(1)
        .and_then(|e| e.parse().ok())
        .unwrap_or_else(|| panic!("no number on: {line}"))
}

#[test]
fn zero_terms_are_refused() {
    fails_with(
        &["run", "series", "digits", "--solution", "--n", "0"],
        "n must be at least 1",
    );
}

#[test]
fn n_beyond_u64_is_refused() {
    fails_with(
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
    fails_with(
        &["run", "series", "grouped", "--solution", "--n", "-5"],
        "positive whole number",
    );
}

#[test]
fn unknown_kernel_is_named() {
    fails_with(
        &["run", "series", "fastest", "--solution", "--n", "10"],
        "chapter series has no kernel `fastest` (its kernels: digits, string, kahan, pairwise, \
         parallel, chunked, blocks, blocks-par, grouped, limits)",
    );
}

#[test]
fn a_small_run_agrees_with_the_reference() {
    for kernel in ["blocks", "chunked", "string"] {
        let stdout = succeeds(&["run", "series", kernel, "--solution", "--n", "12345"]);
        assert!(stdout.contains("against the reference digits"), "{stdout}");
        assert!(error_of(&stdout) < 1e-13, "{kernel}: {stdout}");
    }
}

#[test]
fn limits_prints_the_partial_sums() {
    let stdout = succeeds(&["run", "series", "limits", "--solution", "--n", "10"]);
    // S(10) = 789/280 first, the limit 22.92067661926415 last; the case is its own reference.
    assert!(stdout.contains("[ 0] 2.81785714285714"), "{stdout}");
    assert!(stdout.contains("[38] 22.9206766192641"), "{stdout}");
    assert!(stdout.contains("against the reference limits"), "{stdout}");
    assert_eq!(error_of(&stdout), 0.0, "{stdout}");
}

#[test]
fn bench_prints_the_sums_and_the_limits_in_two_tables() {
    let stdout = succeeds(&[
        "bench",
        "series",
        "--solution",
        "--n",
        "1000",
        "--seconds",
        "0.02",
    ]);
    let tables: Vec<&str> = stdout.split("series on ").skip(1).collect();
    assert_eq!(tables.len(), 2, "{stdout}");
    let rows = |table: &str| table.lines().filter(|l| l.contains("reference")).count();
    assert_eq!(rows(tables[0]), 9, "{stdout}");
    assert_eq!(rows(tables[1]), 1, "{stdout}");
    assert!(
        tables[1].starts_with(|c: char| c.is_ascii_digit()),
        "{stdout}"
    );
    assert!(tables[1].contains("S(10^d)"), "{stdout}");
}

#[test]
fn the_text_version_allocates_once_per_number_and_the_digits_never() {
    let dir = scratch("heap");
    let out = |kernel: &str| {
        let json = dir.join(format!("{kernel}.json"));
        succeeds(&[
            "heap",
            "series",
            kernel,
            "--solution",
            "--n",
            "1000",
            "--out",
            json.to_str().unwrap(),
        ])
    };
    let string = out("string");
    assert!(string.contains(" in 1000 blocks"), "{string}");
    let digits = out("digits");
    assert!(digits.contains("total    0 B in 0 blocks"), "{digits}");
}

#[test]
fn without_the_exercise_the_learners_side_is_refused() {
    fails_with(
        &["run", "series", "digits", "--n", "10"],
        "built without your exercise",
    );
}
