//! Chapter 3's runner from the outside, reference side: bad sizes get one line on stderr and a
//! non-zero exit, never a backtrace; `--phases` prints the phase table; `--png` draws the plate.

const RUNNER: &str = env!("CARGO_BIN_EXE_heat-chapter");
const HERE: &str = env!("CARGO_MANIFEST_DIR");

fn succeeds(args: &[&str]) -> String {
    harness::testing::succeeds(RUNNER, HERE, args)
}

fn fails_with(args: &[&str], needle: &str) -> String {
    harness::testing::fails_with(RUNNER, HERE, args, needle)
}

#[test]
fn sizes_out_of_range_are_refused() {
    fails_with(
        &["run", "heat", "fast", "--solution", "--n", "0"],
        "n must be at least 1, got 0",
    );
    fails_with(
        &["run", "heat", "fast", "--solution", "--n", "2"],
        "n = 2 leaves the plate no interior point: n must be at least 3",
    );
    fails_with(
        &["run", "heat", "fast", "--solution", "--n", "100000"],
        "at most 32768",
    );
    fails_with(
        &["run", "heat", "fast", "--solution", "--param", "steps=-5"],
        "positive whole number",
    );
    fails_with(
        &[
            "run",
            "heat",
            "fast",
            "--solution",
            "--steps",
            "99999999999",
        ],
        "too large",
    );
    fails_with(&["bench", "heat", "--solution", "--n", "2"], "at least 3");
}

#[test]
fn phases_are_tabled() {
    let out = succeeds(&[
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
    assert!(out.contains("10 x 10 plate, 3 time steps"), "{out}");
    assert!(out.contains("error    0.00e0"), "{out}");
    let evolve = out
        .lines()
        .find(|l| l.trim_end().ends_with(" evolve"))
        .unwrap_or_else(|| panic!("no evolve row in {out}"));
    assert_eq!(evolve.split_whitespace().next(), Some("3"), "{evolve}");
    assert!(out.contains("setup") && out.contains("iterate"), "{out}");
}

#[test]
fn bench_compares_fast_with_slow() {
    let out = succeeds(&[
        "bench",
        "heat",
        "--solution",
        "--n",
        "8",
        "--steps",
        "2",
        "--seconds",
        "0.05",
    ]);
    let rows: Vec<&str> = out.lines().filter(|l| l.contains("reference")).collect();
    assert_eq!(rows.len(), 2, "{out}");
    assert!(rows[0].trim_start().starts_with("slow"), "{out}");
    assert!(rows.iter().all(|r| r.contains("0.0e0")), "{out}");
}

#[test]
fn the_plate_is_drawn_and_saved() {
    let dir = harness::testing::scratch_dir(env!("CARGO_TARGET_TMPDIR"), "heat-plate");
    let (png, npy) = (dir.join("plate.png"), dir.join("plate.npy"));
    let out = succeeds(&[
        "run",
        "heat",
        "slow",
        "--solution",
        "--n",
        "6",
        "--steps",
        "2",
        "--png",
        png.to_str().unwrap(),
        "--save",
        npy.to_str().unwrap(),
    ]);
    assert!(out.contains("6 x 6 grid"), "{out}");
    assert_eq!(&std::fs::read(&png).unwrap()[..8], b"\x89PNG\r\n\x1a\n");
    let saved = std::fs::read(&npy).unwrap();
    assert!(
        String::from_utf8_lossy(&saved[..100]).contains("'shape': (6, 6)"),
        "shape rows x columns"
    );
}

#[test]
fn without_the_exercise_the_learners_side_is_refused() {
    fails_with(
        &["run", "heat", "fast", "--n", "4", "--steps", "1"],
        "built without your exercise",
    );
}
