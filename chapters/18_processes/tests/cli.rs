//! Chapter 18's one-process runner from the outside, reference side: bad sizes are refused in
//! one line, and small runs agree with the reference. Sizes stay tiny: this runs the
//! unoptimised binary.

const RUNNER: &str = env!("CARGO_BIN_EXE_processes-chapter");
const HERE: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn the_threads_agree_with_one_core() {
    for kernel in ["series-rayon", "strained-rayon"] {
        let out = harness::testing::succeeds(
            RUNNER,
            HERE,
            &[
                "run",
                "processes",
                kernel,
                "--solution",
                "--n",
                "2000000",
                "--cells",
                "8",
                "--rows",
                "9",
            ],
        );
        assert!(out.contains("error"), "{out}");
        assert!(!out.contains("WRONG"), "{out}");
    }
}

#[test]
fn zero_rows_are_refused() {
    harness::testing::fails_with(
        RUNNER,
        HERE,
        &[
            "run",
            "processes",
            "strained-rows",
            "--solution",
            "--rows",
            "0",
        ],
        "rows must be at least 1",
    );
}
