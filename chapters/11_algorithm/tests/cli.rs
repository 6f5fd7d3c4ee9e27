//! Chapter 11's runner from the outside, reference side: every kernel of both crystals runs and
//! saves its grid, `report`'s JSON lines name their case, and bad input gets one line on stderr
//! and a non-zero exit. Sizes are tiny: the runner under test is unoptimised.

const RUNNER: &str = env!("CARGO_BIN_EXE_algorithm-chapter");
const HERE: &str = env!("CARGO_MANIFEST_DIR");

fn succeeds(args: &[&str]) -> String {
    harness::testing::succeeds(RUNNER, HERE, args)
}

fn fails_with(args: &[&str], needle: &str) -> String {
    harness::testing::fails_with(RUNNER, HERE, args, needle)
}

fn scratch(name: &str) -> std::path::PathBuf {
    harness::testing::scratch_dir(env!("CARGO_TARGET_TMPDIR"), &format!("algorithm-{name}"))
}

const KERNELS: [&str; 6] = [
    "square-fused",
    "square-tables",
    "square-fft",
    "strained-positions",
    "strained-matmul",
    "strained-symmetric",
];

#[test]
fn every_kernel_saves_npy_and_png() {
    let dir = scratch("save");
    for kernel in KERNELS {
        let (npy, png) = (
            dir.join(format!("{kernel}.npy")),
            dir.join(format!("{kernel}.png")),
        );
        let text = succeeds(&[
            "run",
            "algorithm",
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
        // Each kernel agrees with its case's first one.
        let error: f64 = text
            .lines()
            .find_map(|l| l.trim_start().strip_prefix("error"))
            .and_then(|l| l.split_whitespace().next())
            .and_then(|e| e.parse().ok())
            .unwrap_or_else(|| panic!("{kernel}: no error line: {text}"));
        assert!(error < 1e-9, "{kernel}: {text}");
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
fn json_lines_name_their_case() {
    // What `cargo workbook report` reads from every chapter up to this one.
    let text = succeeds(&[
        "bench",
        "algorithm",
        "--solution",
        "--json",
        "--n",
        "3",
        "--seconds",
        "0.01",
    ]);
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with('{')).collect();
    assert_eq!(lines.len(), KERNELS.len(), "{text}");
    for (line, kernel) in lines.iter().zip(KERNELS) {
        let case = kernel.split('-').next().unwrap();
        assert!(line.contains(&format!("\"kernel\":\"{kernel}\"")), "{line}");
        assert!(line.contains(&format!("\"case\":\"{case}\"")), "{line}");
        assert!(line.contains("\"chapter\":\"algorithm\""), "{line}");
    }
}

#[test]
fn bad_sizes_and_paths_are_refused() {
    fails_with(
        &[
            "run",
            "algorithm",
            "square-fft",
            "--solution",
            "--n",
            "4",
            "--save",
            "/nonexistent/x.npy",
        ],
        "does not exist",
    );
    fails_with(
        &["run", "algorithm", "strained-symmetric", "--n", "4"],
        "exists only in the solution",
    );
    fails_with(
        &["run", "algorithm", "fft", "--solution"],
        "chapter algorithm has no kernel `fft` (its kernels: square-fused, square-tables, square-fft,",
    );
    // The matrix product's tables grow as N^3: N = 4096 cannot fit anywhere.
    fails_with(
        &[
            "run",
            "algorithm",
            "square-fft",
            "--solution",
            "--n",
            "4096",
        ],
        "memory",
    );
}
