//! Chapter 10's runner from the outside, reference side: every kernel of both crystals runs and
//! saves its grid, a thread sweep fits Amdahl's law, and bad input gets one line on stderr and a
//! non-zero exit. Sizes are tiny: the runner under test is unoptimised.

const RUNNER: &str = env!("CARGO_BIN_EXE_cores-chapter");
const HERE: &str = env!("CARGO_MANIFEST_DIR");

fn succeeds(args: &[&str]) -> String {
    harness::testing::succeeds(RUNNER, HERE, args)
}

fn fails_with(args: &[&str], needle: &str) -> String {
    harness::testing::fails_with(RUNNER, HERE, args, needle)
}

fn scratch(name: &str) -> std::path::PathBuf {
    harness::testing::scratch_dir(env!("CARGO_TARGET_TMPDIR"), &format!("cores-{name}"))
}

#[test]
fn every_kernel_saves_npy_and_png() {
    let dir = scratch("save");
    for kernel in [
        "square-fused",
        "square-parallel",
        "square-fast",
        "strained-positions",
        "strained-parallel",
        "strained-fast",
    ] {
        let (npy, png) = (
            dir.join(format!("{kernel}.npy")),
            dir.join(format!("{kernel}.png")),
        );
        let text = succeeds(&[
            "run",
            "cores",
            kernel,
            "--solution",
            "--n",
            "5",
            "--oversampling",
            "2",
            "--save",
            npy.to_str().unwrap(),
            "--png",
            png.to_str().unwrap(),
        ]);
        assert!(text.contains("10 x 10 grid"), "{kernel}: {text}");
        let npy_bytes = std::fs::read(&npy).expect("the .npy file");
        assert!(npy_bytes.starts_with(b"\x93NUMPY"));
        assert_eq!(npy_bytes.len() % 16, 0, "header padded, then 100 f64");
        assert!(
            std::fs::read(&png)
                .expect("the .png file")
                .starts_with(b"\x89PNG")
        );
    }
}

#[test]
fn a_thread_sweep_fits_amdahl() {
    let plot = scratch("sweep").join("scaling.svg");
    let text = succeeds(&[
        "bench",
        "cores",
        "--solution",
        "--kernel",
        "strained-parallel,strained-fast",
        "--threads",
        "1,2",
        "--n",
        "4",
        "--oversampling",
        "1",
        "--seconds",
        "0.01",
        "--plot",
        plot.to_str().unwrap(),
    ]);
    assert!(
        text.contains("cores on 1 thread: strained circular crystal")
            && text.contains("cores on 2 threads: strained circular crystal"),
        "{text}"
    );
    assert!(
        !text.contains("square crystal"),
        "only the strained case: {text}"
    );
    assert!(
        text.contains("strained-fast: serial fraction f ="),
        "{text}"
    );
    assert!(std::fs::read_to_string(&plot).unwrap().contains("<svg"));
}

#[test]
fn bad_sizes_and_names_are_refused() {
    fails_with(
        &["run", "cores", "strained-fast", "--solution", "--n", "-3"],
        "n must be a positive whole number",
    );
    fails_with(
        &[
            "run",
            "cores",
            "strained-fast",
            "--solution",
            "--threads",
            "0",
        ],
        "--threads must be at least 1",
    );
    fails_with(
        &["run", "cores", "square-fast"],
        "exists only in the solution",
    );
    fails_with(
        &["run", "cores", "parallel", "--solution"],
        "chapter cores has no kernel `parallel`",
    );
}
