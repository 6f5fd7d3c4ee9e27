//! Chapter 7's runner from the outside, reference side: every kernel runs and saves its grid,
//! and bad input gets one line on stderr and a non-zero exit. Sizes are tiny: the runner under
//! test is unoptimised.

const RUNNER: &str = env!("CARGO_BIN_EXE_strained-chapter");
const HERE: &str = env!("CARGO_MANIFEST_DIR");

fn fails_with(args: &[&str], needle: &str) -> String {
    harness::testing::fails_with(RUNNER, HERE, args, needle)
}

fn scratch(name: &str) -> std::path::PathBuf {
    harness::testing::scratch_dir(env!("CARGO_TARGET_TMPDIR"), &format!("strained-{name}"))
}

#[test]
fn every_kernel_saves_npy_and_png() {
    let dir = scratch("save");
    for kernel in ["naive", "positions"] {
        let (npy, png) = (
            dir.join(format!("{kernel}.npy")),
            dir.join(format!("{kernel}.png")),
        );
        let text = harness::testing::succeeds(
            RUNNER,
            HERE,
            &[
                "run",
                "strained",
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
            ],
        );
        assert!(
            text.contains("strained circular crystal (e0 = 0.01, w = 5), N = 5"),
            "{kernel}: {text}"
        );
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
fn bad_sizes_and_names_are_refused() {
    fails_with(
        &["run", "strained", "positions", "--solution", "--n", "-3"],
        "n must be a positive whole number, got -3",
    );
    fails_with(
        &["run", "strained", "positions", "--solution", "--n", "5000"],
        "too large for chapter strained",
    );
    fails_with(
        &["run", "strained", "nope", "--solution"],
        "chapter strained has no kernel `nope` (its kernels: naive, positions)",
    );
}

#[test]
fn positions_agree_with_naive() {
    let text = harness::testing::succeeds(
        RUNNER,
        HERE,
        &[
            "bench",
            "strained",
            "--solution",
            "--n",
            "6",
            "--seconds",
            "0.02",
        ],
    );
    let rows: Vec<&str> = text.lines().filter(|l| l.contains("reference")).collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(
        rows[0].contains("naive") && rows[0].contains("1.00x"),
        "{text}"
    );
    // The error column: the two agree to rounding.
    let error: f64 = rows[1]
        .split_whitespace()
        .last()
        .and_then(|e| e.parse().ok())
        .unwrap_or_else(|| panic!("no error column: {}", rows[1]));
    assert!(error < 1e-12, "{text}");
}
