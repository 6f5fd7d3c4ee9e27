//! Chapter 9's runner from the outside, reference side: every kernel of both crystals runs and
//! saves its grid, each case is measured against its own first kernel, and bad input gets one
//! line on stderr and a non-zero exit. Sizes are tiny: the runner under test is unoptimised.

const RUNNER: &str = env!("CARGO_BIN_EXE_compiler-chapter");
const HERE: &str = env!("CARGO_MANIFEST_DIR");

fn succeeds(args: &[&str]) -> String {
    harness::testing::succeeds(RUNNER, HERE, args)
}

fn fails_with(args: &[&str], needle: &str) -> String {
    harness::testing::fails_with(RUNNER, HERE, args, needle)
}

fn scratch(name: &str) -> std::path::PathBuf {
    harness::testing::scratch_dir(env!("CARGO_TARGET_TMPDIR"), &format!("compiler-{name}"))
}

const KERNELS: [(&str, &str); 7] = [
    ("square-fused", "square crystal"),
    ("square-indexed", "square crystal"),
    ("square-tables", "square crystal"),
    ("square-cis", "square crystal"),
    ("square-sincos", "square crystal"),
    ("strained-positions", "strained circular crystal"),
    ("strained-sincos", "strained circular crystal"),
];

#[test]
fn every_kernel_saves_npy_and_png() {
    let dir = scratch("save");
    for (kernel, crystal) in KERNELS {
        let (npy, png) = (
            dir.join(format!("{kernel}.npy")),
            dir.join(format!("{kernel}.png")),
        );
        let text = succeeds(&[
            "run",
            "compiler",
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
        assert!(text.contains(crystal), "{kernel}: {text}");
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
fn each_case_has_its_own_baseline() {
    let text = succeeds(&[
        "bench",
        "compiler",
        "--solution",
        "--threads",
        "1",
        "--kernel",
        "square-sincos,strained-sincos",
        "--n",
        "4",
        "--seconds",
        "0.02",
    ]);
    let tables: Vec<&str> = text.split("compiler on 1 thread: ").skip(1).collect();
    assert_eq!(tables.len(), 2, "{text}");
    let rows = |table: &str| -> Vec<String> {
        table
            .lines()
            .filter(|l| l.contains("reference"))
            .map(str::to_string)
            .collect()
    };
    let (square, strained) = (rows(tables[0]), rows(tables[1]));
    assert!(tables[0].starts_with("square crystal"), "{text}");
    assert!(square[0].contains("square-fused") && square[0].contains("1.00x"));
    assert!(square[1].contains("square-sincos"), "{text}");
    assert!(tables[1].starts_with("strained circular crystal"), "{text}");
    assert!(strained[0].contains("strained-positions") && strained[0].contains("1.00x"));
    assert!(strained[1].contains("strained-sincos"), "{text}");
}

#[test]
fn json_lines_name_their_case() {
    let text = succeeds(&[
        "bench",
        "compiler",
        "--solution",
        "--json",
        "--n",
        "3",
        "--seconds",
        "0.01",
    ]);
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with('{')).collect();
    assert_eq!(lines.len(), KERNELS.len(), "{text}");
    for (line, (kernel, _)) in lines.iter().zip(KERNELS) {
        let case = kernel.split('-').next().unwrap();
        assert!(line.contains(&format!("\"kernel\":\"{kernel}\"")), "{line}");
        assert!(line.contains(&format!("\"case\":\"{case}\"")), "{line}");
    }
}

#[test]
fn bad_names_are_refused() {
    fails_with(
        &["run", "compiler", "sincos", "--solution"],
        "chapter compiler has no kernel `sincos` (its kernels: square-fused, square-indexed,",
    );
    fails_with(
        &["run", "compiler", "square-sincos"],
        "exists only in the solution",
    );
    fails_with(
        &["run", "compiler", "square-cis", "--n", "2"],
        "built without your exercise",
    );
}
