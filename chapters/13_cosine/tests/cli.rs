//! Chapter 13's runner from the outside, reference side: bad sizes are refused in one line,
//! and small runs agree with the reference. Sizes stay tiny: this runs the unoptimised binary.

const RUNNER: &str = env!("CARGO_BIN_EXE_cosine-chapter");
const HERE: &str = env!("CARGO_MANIFEST_DIR");

fn succeeds(args: &[&str]) -> String {
    harness::testing::succeeds(RUNNER, HERE, args)
}

fn fails_with(args: &[&str], needle: &str) -> String {
    harness::testing::fails_with(RUNNER, HERE, args, needle)
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
        &["run", "cosine", "libm", "--solution", "--n", "0"],
        "n must be at least 1",
    );
    fails_with(
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
    fails_with(
        &[
            "run",
            "cosine",
            "libm",
            "--solution",
            "--n",
            "9007199254740993",
        ],
        "too large for chapter cosine (at most 9007199254740992)",
    );
}

#[test]
fn unknown_kernels_and_parameters_are_named() {
    fails_with(
        &["run", "cosine", "fastest", "--solution"],
        "chapter cosine has no kernel `fastest` (its kernels: libm, kahan, pairwise, libm-par, \
         rotation, parallel, three-term, three-par)",
    );
    fails_with(
        &["run", "cosine", "libm", "--solution", "--oversampling", "2"],
        "chapter cosine has no parameter `oversampling` (it takes: n, resync)",
    );
}

#[test]
fn a_kernel_only_the_solution_has_needs_solution() {
    for kernel in ["kahan", "pairwise", "three-term", "three-par"] {
        fails_with(
            &["run", "cosine", kernel, "--n", "10"],
            "exists only in the solution: add --solution",
        );
    }
}

#[test]
fn a_small_rotation_agrees_with_libm() {
    for kernel in ["rotation", "three-term"] {
        let stdout = succeeds(&[
            "run",
            "cosine",
            kernel,
            "--solution",
            "--n",
            "1000",
            "--param",
            "resync=100",
        ]);
        assert!(stdout.contains("against the reference libm"), "{stdout}");
        // The terms are far larger than their sum (about 0.04), and still rounding and drift
        // stay far below 1e-12 of it.
        assert!(error_of(&stdout) < 1e-12, "{kernel}: {stdout}");
    }
}

#[test]
fn bench_prints_every_kernel_in_one_table() {
    let stdout = succeeds(&[
        "bench",
        "cosine",
        "--solution",
        "--n",
        "1000",
        "--seconds",
        "0.02",
    ]);
    let rows: Vec<&str> = stdout.lines().filter(|l| l.contains("reference")).collect();
    assert_eq!(rows.len(), 8, "{stdout}");
    assert!(rows[0].trim_start().starts_with("libm"), "{stdout}");
    assert!(rows[0].contains("1.00x"), "{stdout}");
}

#[test]
fn without_the_exercise_the_learners_side_is_refused() {
    fails_with(
        &["run", "cosine", "libm", "--n", "10"],
        "built without your exercise",
    );
}
