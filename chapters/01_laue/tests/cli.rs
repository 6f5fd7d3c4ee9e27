//! Chapter 1's runner from the outside, reference side: every kind of bad input gets one line
//! on stderr that names the problem and a non-zero exit, never a backtrace; good input writes
//! files that other tools can read.

use std::process::Output;

const RUNNER: &str = env!("CARGO_BIN_EXE_laue-chapter");
const HERE: &str = env!("CARGO_MANIFEST_DIR");

fn workbook(args: &[&str]) -> Output {
    harness::testing::run(RUNNER, HERE, args)
}

fn fails_with(args: &[&str], needle: &str) -> String {
    harness::testing::fails_with(RUNNER, HERE, args, needle)
}

fn scratch(name: &str) -> std::path::PathBuf {
    harness::testing::scratch_dir(env!("CARGO_TARGET_TMPDIR"), &format!("laue-{name}"))
}

#[test]
fn unknown_kernel_lists_the_known_ones() {
    fails_with(
        &["run", "laue", "fastest", "--solution"],
        "chapter laue has no kernel `fastest` (its kernels: naive, tables)",
    );
    fails_with(
        &["flamegraph", "laue", "fastest", "--solution"],
        "has no kernel `fastest`",
    );
    fails_with(
        &["heap", "laue", "fastest", "--solution"],
        "has no kernel `fastest`",
    );
    fails_with(
        &["bench", "laue", "--kernel", "fastest"],
        "has no kernel `fastest`",
    );
}

#[test]
fn sizes_must_be_positive_whole_numbers() {
    fails_with(
        &["run", "laue", "naive", "--solution", "--n", "0"],
        "n must be at least 1, got 0",
    );
    fails_with(
        &["run", "laue", "naive", "--solution", "--n", "-3"],
        "n must be a positive whole number, got -3",
    );
    fails_with(
        &["run", "laue", "naive", "--solution", "--oversampling", "0"],
        "oversampling must be at least 1",
    );
    fails_with(
        &["run", "laue", "naive", "--solution", "--n", "ten"],
        "n must be a positive whole number, got `ten`",
    );
    fails_with(
        &[
            "run",
            "laue",
            "naive",
            "--solution",
            "--n",
            "99999999999999999999999",
        ],
        "far too large",
    );
    fails_with(
        &["bench", "laue", "--threads", "0"],
        "--threads must be at least 1",
    );
    fails_with(&["bench", "laue", "--seconds", "-1"], "--seconds must be");
    fails_with(
        &["run", "laue", "naive", "--param", "steps=3"],
        "chapter laue has no parameter `steps`",
    );
    fails_with(
        &["run", "laue", "naive", "--param", "steps"],
        "--param takes NAME=VALUE",
    );
}

#[test]
fn sizes_beyond_the_machine_are_refused_before_running() {
    fails_with(
        &[
            "run",
            "laue",
            "naive",
            "--solution",
            "--n",
            "1000000",
            "--oversampling",
            "1000",
        ],
        "more than the",
    );
    fails_with(
        &["run", "laue", "naive", "--solution", "--n", "2000000"],
        "too large for chapter laue",
    );
}

#[test]
fn unwritable_paths_are_refused() {
    let dir = scratch("unwritable");
    let missing = dir.join("no-such-folder").join("out.npy");
    fails_with(
        &[
            "run",
            "laue",
            "naive",
            "--solution",
            "--n",
            "2",
            "--save",
            missing.to_str().unwrap(),
        ],
        "does not exist",
    );
    fails_with(
        &[
            "run",
            "laue",
            "naive",
            "--solution",
            "--n",
            "2",
            "--png",
            dir.to_str().unwrap(),
        ],
        "it is a folder",
    );
}

#[test]
fn usage_errors_are_one_line() {
    fails_with(&["frobnicate"], "frobnicate");
    fails_with(&["run", "laue"], "KERNEL");
    fails_with(
        &["run", "laue", "naive", "--speed", "11"],
        "chapter laue has no parameter `speed` (it takes: n, oversampling)",
    );
    fails_with(
        &["run", "laue", "naive", "--solution", "--speed"],
        "--speed",
    );
}

#[test]
fn run_saves_a_numpy_file_and_a_picture() {
    let dir = scratch("save");
    let (npy, png) = (dir.join("square.npy"), dir.join("square.png"));
    let out = workbook(&[
        "run",
        "laue",
        "naive",
        "--solution",
        "--n",
        "4",
        "--oversampling",
        "2",
        "--save",
        npy.to_str().unwrap(),
        "--png",
        png.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("error    0.00e0"), "{stdout}");
    let bytes = std::fs::read(&npy).unwrap();
    assert_eq!(&bytes[..6], b"\x93NUMPY");
    let header_len = u16::from_le_bytes([bytes[8], bytes[9]]) as usize;
    let header = String::from_utf8_lossy(&bytes[10..10 + header_len]);
    assert!(
        header.contains("'descr': '<f8'") && header.contains("'shape': (8, 8)"),
        "{header}"
    );
    assert_eq!(bytes.len(), 10 + header_len + 8 * 64);
    // The Bragg peak N^4 = 256 sits at the middle of the 8 x 8 grid: row 4, column 4.
    let at = 10 + header_len + 8 * (4 * 8 + 4);
    let peak = f64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
    assert!((peak - 256.0).abs() < 1e-9, "peak {peak}");
    assert_eq!(&std::fs::read(&png).unwrap()[..8], b"\x89PNG\r\n\x1a\n");
}

#[test]
fn a_learners_file_is_kept_as_a_backup() {
    let dir = scratch("backup");
    let target = dir.join("mine.npy");
    std::fs::write(&target, b"my notes").unwrap();
    let out = workbook(&[
        "run",
        "laue",
        "tables",
        "--solution",
        "--n",
        "2",
        "--save",
        target.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read(dir.join("mine.npy.bak")).unwrap(),
        b"my notes"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("kept as"));
}

#[test]
fn bench_prints_one_table_with_errors() {
    let out = workbook(&[
        "bench",
        "laue",
        "--solution",
        "--n",
        "3",
        "--seconds",
        "0.05",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = stdout.lines().filter(|l| l.contains("reference")).collect();
    assert_eq!(rows.len(), 2, "{stdout}");
    assert!(
        rows[0].contains("1.00x") && rows[0].contains("0.0e0"),
        "{stdout}"
    );
}

#[test]
fn bench_sweeps_threads_and_fits_amdahl() {
    let out = workbook(&[
        "bench",
        "laue",
        "--solution",
        "--kernel",
        "tables",
        "--n",
        "3",
        "--seconds",
        "0.05",
        "--threads",
        "1,2",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("on 1 thread:") && stdout.contains("on 2 threads:"),
        "{stdout}"
    );
    assert!(stdout.contains("serial fraction f ="), "{stdout}");
    assert!(stdout.contains("scaling-laue.svg"), "{stdout}");
}

#[test]
fn heap_reports_bytes_and_writes_dhat_json() {
    let dir = scratch("heap");
    let json = dir.join("naive.json");
    let out = workbook(&[
        "heap",
        "laue",
        "naive",
        "--solution",
        "--n",
        "2",
        "--out",
        json.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    // The naive kernel allocates exactly its 6 x 6 output: 288 bytes in one block.
    assert!(stdout.contains("total    288 B in 1 blocks"), "{stdout}");
    assert!(stdout.contains("peak     288 B"), "{stdout}");
    let text = std::fs::read_to_string(&json).unwrap();
    assert!(text.contains("\"dhatFileVersion\""), "not a dhat profile");
}

#[test]
fn flamegraph_writes_an_svg_and_names_the_hot_function() {
    let dir = scratch("flame");
    let svg = dir.join("naive.svg");
    let out = workbook(&[
        "flamegraph",
        "laue",
        "naive",
        "--solution",
        "--n",
        "8",
        "--seconds",
        "0.5",
        "--out",
        svg.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.contains("<svg") && text.contains("laue_naive"),
        "the flamegraph shows the kernel"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("where the samples landed"));
}

#[test]
fn without_the_exercise_the_learners_side_is_refused() {
    fails_with(
        &["run", "laue", "naive", "--n", "2"],
        "built without your exercise",
    );
}
