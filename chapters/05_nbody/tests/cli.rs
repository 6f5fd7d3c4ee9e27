//! Chapter 5's runner from the outside, reference side: bad sizes get one line on stderr and a
//! non-zero exit, never a backtrace; `--png` draws the trajectories and `--save` writes them.

const RUNNER: &str = env!("CARGO_BIN_EXE_nbody-chapter");
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
        &["run", "nbody", "pairs", "--solution", "--n", "0"],
        "n must be at least 1, got 0",
    );
    fails_with(
        &["run", "nbody", "pairs", "--solution", "--n", "100001"],
        "at most 100000",
    );
    fails_with(
        &[
            "run",
            "nbody",
            "pairs",
            "--solution",
            "--param",
            "frames=-1",
        ],
        "positive whole number",
    );
    fails_with(
        &["bench", "nbody", "--solution", "--threads", "0"],
        "--threads must be at least 1",
    );
    fails_with(
        &["run", "nbody", "pairs", "--solution", "--steps", "3"],
        "chapter nbody has no parameter `steps` (it takes: n, frames)",
    );
}

#[test]
fn trajectories_are_drawn_and_saved() {
    let dir = harness::testing::scratch_dir(env!("CARGO_TARGET_TMPDIR"), "nbody-orbits");
    let (png, npy) = (dir.join("orbits.png"), dir.join("orbits.npy"));
    let out = succeeds(&[
        "run",
        "nbody",
        "parallel",
        "--solution",
        "--n",
        "4",
        "--frames",
        "5",
        "--png",
        png.to_str().unwrap(),
        "--save",
        npy.to_str().unwrap(),
    ]);
    assert!(out.contains("4 bodies, 5 frames of 10 RK2 steps"), "{out}");
    assert!(out.contains("4 bodies over 5 frames"), "{out}");
    assert!(out.contains("against the reference naive"), "{out}");
    assert_eq!(&std::fs::read(&png).unwrap()[..8], b"\x89PNG\r\n\x1a\n");
    let saved = std::fs::read(&npy).unwrap();
    assert!(
        String::from_utf8_lossy(&saved[..100]).contains("(5, 4, 3)"),
        "shape frames x bodies x 3"
    );
}

#[test]
fn bench_compares_with_the_naive_version() {
    let out = succeeds(&[
        "bench",
        "nbody",
        "--solution",
        "--n",
        "5",
        "--frames",
        "1",
        "--seconds",
        "0.05",
    ]);
    let rows: Vec<&str> = out.lines().filter(|l| l.contains("reference")).collect();
    assert_eq!(rows.len(), 3, "{out}");
    assert!(rows[0].trim_start().starts_with("naive"), "{out}");
    assert!(rows[0].contains("1.00x"), "{out}");
}

#[test]
fn without_the_exercise_the_learners_side_is_refused() {
    fails_with(
        &["run", "nbody", "pairs", "--n", "3", "--frames", "1"],
        "built without your exercise",
    );
}
