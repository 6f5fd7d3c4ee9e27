//! Chapter 2's runner from the outside, reference side: bad input gets one line on stderr and a
//! non-zero exit, never a backtrace; the reference kernels give the right numbers.

const RUNNER: &str = env!("CARGO_BIN_EXE_timing-chapter");
const HERE: &str = env!("CARGO_MANIFEST_DIR");

fn succeeds(args: &[&str]) -> String {
    harness::testing::succeeds(RUNNER, HERE, args)
}

fn fails_with(args: &[&str], needle: &str) -> String {
    harness::testing::fails_with(RUNNER, HERE, args, needle)
}

#[test]
fn n_past_what_the_recursion_can_do_is_refused() {
    fails_with(
        &["run", "timing", "loop", "--solution", "--n", "46"],
        "n = 46 is too large for chapter timing (at most 45)",
    );
    fails_with(
        &["bench", "timing", "--solution", "--param", "n=187"],
        "at most 45",
    );
}

#[test]
fn zero_negative_and_words_are_refused() {
    fails_with(
        &["run", "timing", "loop", "--solution", "--n", "0"],
        "n must be at least 1, got 0",
    );
    fails_with(
        &["run", "timing", "loop", "--solution", "--n", "-3"],
        "positive whole number",
    );
    fails_with(
        &["run", "timing", "loop", "--solution", "--n", "ten"],
        "positive whole number",
    );
}

#[test]
fn unknown_kernel_and_parameter() {
    fails_with(
        &["run", "timing", "memo", "--solution"],
        "chapter timing has no kernel `memo` (its kernels: recursive, loop, cached)",
    );
    fails_with(
        &["run", "timing", "loop", "--solution", "--param", "m=3"],
        "chapter timing has no parameter `m` (it takes: n)",
    );
}

#[test]
fn the_reference_answers() {
    let out = succeeds(&["run", "timing", "cached", "--solution", "--n", "25"]);
    assert!(out.contains("the integer 75025"), "{out}");
    assert!(out.contains("error    0.00e0"), "{out}");
    let out = succeeds(&["run", "timing", "loop", "--solution", "--n", "12"]);
    assert!(out.contains("the integer 144"), "{out}");
}

#[test]
fn bench_compares_with_the_recursion() {
    let out = succeeds(&[
        "bench",
        "timing",
        "--solution",
        "--n",
        "10",
        "--seconds",
        "0.05",
    ]);
    assert!(out.contains("F(10)"), "{out}");
    let rows: Vec<&str> = out.lines().filter(|l| l.contains("reference")).collect();
    assert_eq!(rows.len(), 3, "{out}");
    assert!(rows[0].trim_start().starts_with("recursive"), "{out}");
    assert!(rows[0].contains("1.00x"), "{out}");
    assert!(rows.iter().all(|r| r.contains("0.0e0")), "{out}");
}

#[test]
fn phases_of_a_kernel_without_spans() {
    let out = succeeds(&[
        "run",
        "timing",
        "loop",
        "--solution",
        "--n",
        "10",
        "--phases",
    ]);
    assert!(out.contains("no tracing spans"), "{out}");
}

#[test]
fn a_number_is_neither_a_picture_nor_an_array() {
    let dir = harness::testing::scratch_dir(env!("CARGO_TARGET_TMPDIR"), "timing-files");
    let (png, npy) = (dir.join("f.png"), dir.join("f.npy"));
    fails_with(
        &[
            "run",
            "timing",
            "loop",
            "--solution",
            "--png",
            png.to_str().unwrap(),
        ],
        "chapter timing draws no picture of the integer 832040",
    );
    fails_with(
        &[
            "run",
            "timing",
            "loop",
            "--solution",
            "--save",
            npy.to_str().unwrap(),
        ],
        "--save writes arrays, and this kernel returns the integer 832040",
    );
}

#[test]
fn without_the_exercise_the_learners_side_is_refused() {
    fails_with(
        &["run", "timing", "loop", "--n", "5"],
        "built without your exercise",
    );
}
