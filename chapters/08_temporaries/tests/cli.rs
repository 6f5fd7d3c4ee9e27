//! Chapter 8's runner from the outside, reference side: every kernel runs and saves its grid,
//! the heap profile tells the kernels apart, and bad input gets one line on stderr and a
//! non-zero exit. Sizes are tiny: the runner under test is unoptimised.

const RUNNER: &str = env!("CARGO_BIN_EXE_temporaries-chapter");
const HERE: &str = env!("CARGO_MANIFEST_DIR");

fn succeeds(args: &[&str]) -> String {
    harness::testing::succeeds(RUNNER, HERE, args)
}

fn fails_with(args: &[&str], needle: &str) -> String {
    harness::testing::fails_with(RUNNER, HERE, args, needle)
}

fn scratch(name: &str) -> std::path::PathBuf {
    harness::testing::scratch_dir(env!("CARGO_TARGET_TMPDIR"), &format!("temporaries-{name}"))
}

#[test]
fn every_kernel_saves_npy_and_png() {
    let dir = scratch("save");
    for kernel in ["naive", "materialised", "chunked", "fused"] {
        let (npy, png) = (
            dir.join(format!("{kernel}.npy")),
            dir.join(format!("{kernel}.png")),
        );
        let text = succeeds(&[
            "run",
            "temporaries",
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
        assert!(text.contains("square crystal, N = 5"), "{kernel}: {text}");
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
        &[
            "run",
            "temporaries",
            "fused",
            "--solution",
            "--oversampling",
            "65",
        ],
        "too large for chapter temporaries",
    );
    fails_with(
        &["run", "temporaries", "chunked"],
        "exists only in the solution",
    );
    // The materialised kernel holds N^2 terms per point: N = 4096 cannot fit anywhere, and the
    // chapter refuses any of its kernels at that size before running.
    fails_with(
        &["run", "temporaries", "fused", "--solution", "--n", "4096"],
        "memory",
    );
}

#[test]
fn heap_tells_materialised_from_fused() {
    let dir = scratch("heap");
    let peak = |kernel: &str| -> String {
        let json = dir.join(format!("{kernel}.json"));
        let text = succeeds(&[
            "heap",
            "temporaries",
            kernel,
            "--solution",
            "--n",
            "2",
            "--out",
            json.to_str().unwrap(),
        ]);
        text.lines()
            .find(|l| l.trim_start().starts_with("peak"))
            .unwrap_or_else(|| panic!("no peak line: {text}"))
            .to_string()
    };
    // A 6 x 6 grid of 2 x 2 cells: the fused kernel holds its 288-byte result only; the
    // materialised one also its 144 phases (1152 B) and 144 exponentials (2304 B).
    assert!(
        peak("fused").contains("peak     288 B"),
        "{}",
        peak("fused")
    );
    assert!(
        !peak("materialised").contains("peak     288 B"),
        "{}",
        peak("materialised")
    );
}

#[test]
fn bench_always_shows_the_baseline() {
    let text = succeeds(&[
        "bench",
        "temporaries",
        "--solution",
        "--threads",
        "1",
        "--kernel",
        "fused",
        "--n",
        "3",
        "--seconds",
        "0.02",
    ]);
    let rows: Vec<&str> = text.lines().filter(|l| l.contains("reference")).collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(
        rows[0].contains("naive") && rows[0].contains("1.00x"),
        "{text}"
    );
    assert!(rows[1].contains("fused"), "{text}");
}
