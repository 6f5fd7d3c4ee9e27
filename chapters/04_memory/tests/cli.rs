//! Chapter 4's runner from the outside, reference side: bad windows get one line on stderr and
//! a non-zero exit, never a backtrace; `heap` counts the allocations the page talks about.

const RUNNER: &str = env!("CARGO_BIN_EXE_memory-chapter");
const HERE: &str = env!("CARGO_MANIFEST_DIR");

fn succeeds(args: &[&str]) -> String {
    harness::testing::succeeds(RUNNER, HERE, args)
}

fn fails_with(args: &[&str], needle: &str) -> String {
    harness::testing::fails_with(RUNNER, HERE, args, needle)
}

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
            "--window",
            "7",
        ],
        "window = 7 is longer than the signal (n = 5)",
    );
}

#[test]
fn sizes_out_of_range_are_refused() {
    fails_with(
        &["run", "memory", "once", "--solution", "--n", "0"],
        "n must be at least 1, got 0",
    );
    fails_with(
        &["run", "memory", "once", "--solution", "--n", "999999999999"],
        "too large for chapter memory",
    );
    fails_with(
        &[
            "run",
            "memory",
            "once",
            "--solution",
            "--param",
            "window=-1",
        ],
        "positive whole number",
    );
}

#[test]
fn reuse_is_the_solutions_alone() {
    fails_with(
        &["run", "memory", "reuse", "--n", "50", "--window", "5"],
        "kernel `reuse` of chapter memory exists only in the solution: add --solution",
    );
}

#[test]
fn the_reference_agrees_with_the_naive_version() {
    for kernel in ["once", "reuse"] {
        let out = succeeds(&[
            "run",
            "memory",
            kernel,
            "--solution",
            "--n",
            "300",
            "--param",
            "window=5",
        ]);
        assert!(out.contains("296 medians"), "{out}");
        assert!(out.contains("error    0.00e0"), "{out}");
    }
}

#[test]
fn heap_counts_one_block_per_window_or_two_in_all() {
    let dir = harness::testing::scratch_dir(env!("CARGO_TARGET_TMPDIR"), "memory-heap");
    let profile = |kernel: &str| {
        let json = dir.join(format!("{kernel}.json"));
        let out = succeeds(&[
            "heap",
            "memory",
            kernel,
            "--solution",
            "--n",
            "50",
            "--window",
            "5",
            "--out",
            json.to_str().unwrap(),
        ]);
        let text = std::fs::read_to_string(&json).unwrap();
        assert!(text.contains("\"dhatFileVersion\""), "not a dhat profile");
        out
    };
    // 46 windows of 5 samples (40 B each) and the result, 46 medians (368 B): 2,208 B.
    let naive = profile("naive");
    assert!(naive.contains("total    2.2 KiB in 47 blocks"), "{naive}");
    let once = profile("once");
    assert!(once.contains("total    408 B in 2 blocks"), "{once}");
    assert!(once.contains("peak     408 B in 2 blocks"), "{once}");
}

#[test]
fn without_the_exercise_the_learners_side_is_refused() {
    fails_with(
        &["run", "memory", "once", "--n", "50", "--window", "5"],
        "built without your exercise",
    );
}
