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

/// `run laue naive` saving to `path`, refused with `needle` before the kernel runs (nothing on
/// stdout), the path left as it was.
fn save_is_refused(path: &std::path::Path, needle: &str) {
    let args = [
        "run",
        "laue",
        "naive",
        "--solution",
        "--n",
        "2",
        "--save",
        path.to_str().unwrap(),
    ];
    let (ok, stdout, stderr) = harness::testing::outcome(RUNNER, HERE, &args);
    assert!(!ok && stdout.is_empty(), "refused before the run: {stdout}");
    assert!(stderr.contains(needle), "{stderr}");
    fails_with(&args, needle);
}

#[cfg(unix)]
#[test]
fn only_regular_files_are_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = scratch("special");
    save_is_refused(
        std::path::Path::new("/dev/null"),
        "cannot write /dev/null: it is a device, not a regular file",
    );
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device(),
        "/dev/null is still the device"
    );
    let fifo = dir.join("pipe.npy");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo makes a FIFO");
    save_is_refused(&fifo, "it is a FIFO (named pipe), not a regular file");
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    let target = dir.join("target.npy");
    std::fs::write(&target, b"kept").unwrap();
    let link = dir.join("link.npy");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    save_is_refused(&link, "it is a symbolic link");
    assert_eq!(std::fs::read(&target).unwrap(), b"kept");
    // The other writers refuse the same way.
    fails_with(
        &[
            "flamegraph",
            "laue",
            "naive",
            "--solution",
            "--out",
            fifo.to_str().unwrap(),
        ],
        "it is a FIFO",
    );
    fails_with(
        &["heap", "laue", "naive", "--solution", "--out", "/dev/null"],
        "it is a device",
    );
    fails_with(
        &[
            "bench",
            "laue",
            "--threads",
            "1,2",
            "--plot",
            link.to_str().unwrap(),
        ],
        "it is a symbolic link",
    );
}

#[cfg(unix)]
#[test]
fn read_only_and_file_folders_are_refused_with_their_cause() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("read-only");
    let locked = dir.join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    save_is_refused(&locked.join("out.npy"), "locked is read-only");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let file = dir.join("notes.txt");
    std::fs::write(&file, b"").unwrap();
    save_is_refused(&file.join("out.npy"), "notes.txt is a file, not a folder");
}

#[test]
fn concurrent_saves_to_one_path_both_succeed() {
    let dir = scratch("concurrent");
    let target = dir.join("same.npy");
    let args = |n: &'static str| {
        [
            "run",
            "laue",
            "tables",
            "--solution",
            "--n",
            n,
            "--save",
            target.to_str().unwrap(),
        ]
        .map(str::to_string)
    };
    let start = |n| {
        std::process::Command::new(RUNNER)
            .args(args(n))
            .current_dir(harness::testing::root_of(HERE))
            .env_remove(harness::files::ROOT_VARIABLE)
            .output()
    };
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| start("16"));
        let b = s.spawn(|| start("17"));
        (a.join().unwrap().unwrap(), b.join().unwrap().unwrap())
    });
    for out in [&a, &b] {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // The file is one run's whole: 48 x 48 or 51 x 51 values after the header.
    let bytes = std::fs::read(&target).unwrap();
    let header = 10 + u16::from_le_bytes([bytes[8], bytes[9]]) as usize;
    assert!(
        [48 * 48 * 8, 51 * 51 * 8].contains(&(bytes.len() - header)),
        "{} bytes",
        bytes.len()
    );
    let mut left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["same.npy", "same.npy.bak"], "no temporary file left");
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
fn run_says_what_the_picture_shows() {
    let dir = scratch("picture");
    let png = dir.join("peak.png");
    let stdout = harness::testing::succeeds(
        RUNNER,
        HERE,
        &[
            "run",
            "laue",
            "naive",
            "--solution",
            "--n",
            "4",
            "--oversampling",
            "2",
            "--png",
            png.to_str().unwrap(),
        ],
    );
    assert!(
        stdout.contains(
            "a 8 x 8 heat map: h from -0.5 to 0.375 to the right, k from 3.5 to 4.375 upwards"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("colour: intensity on a log scale, 8 decades")
            && stdout.contains("to 2.6e2 (yellow)"),
        "{stdout}"
    );
    let bytes = std::fs::read(&png).unwrap();
    // Width and height from the PNG header: the picture has room for its axes and colour bar.
    let size = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    assert_eq!((size(16), size(20)), (760, 640));
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
    // Backups do not pile up: one .bak, the file replaced the last time.
    let first = std::fs::read(&target).unwrap();
    for _ in 0..2 {
        workbook(&[
            "run",
            "laue",
            "tables",
            "--solution",
            "--n",
            "2",
            "--save",
            target.to_str().unwrap(),
        ]);
    }
    assert_eq!(std::fs::read(dir.join("mine.npy.bak")).unwrap(), first);
    assert!(!dir.join("mine.npy.bak.2").exists());
}

#[test]
fn heap_keeps_a_backup_like_every_writer() {
    let dir = scratch("heap-backup");
    let json = dir.join("mine.json");
    std::fs::write(&json, b"my notes").unwrap();
    let stdout = harness::testing::succeeds(
        RUNNER,
        HERE,
        &[
            "heap",
            "laue",
            "naive",
            "--solution",
            "--n",
            "2",
            "--out",
            json.to_str().unwrap(),
        ],
    );
    assert!(stdout.contains("kept as"), "{stdout}");
    assert_eq!(
        std::fs::read(dir.join("mine.json.bak")).unwrap(),
        b"my notes"
    );
    assert!(
        std::fs::read_to_string(&json)
            .unwrap()
            .contains("dhatFileVersion")
    );
    let mut left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        ["mine.json", "mine.json.bak"],
        "no temporary file left"
    );
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
fn a_thread_sweep_is_sorted_and_each_count_once() {
    let dir = scratch("sweep");
    let plot = dir.join("sweep.svg");
    let stdout = harness::testing::succeeds(
        RUNNER,
        HERE,
        &[
            "bench",
            "laue",
            "--solution",
            "--kernel",
            "tables",
            "--n",
            "2",
            "--seconds",
            "0.01",
            "--threads",
            "2,1,2",
            "--plot",
            plot.to_str().unwrap(),
        ],
    );
    let tables: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("laue on "))
        .collect();
    assert_eq!(tables.len(), 2, "{stdout}");
    assert!(
        tables[0].starts_with("laue on 1 thread:") && tables[1].starts_with("laue on 2 threads:"),
        "{stdout}"
    );
}

#[test]
fn a_long_reference_run_is_announced_before_it_starts() {
    use std::io::BufRead;
    // Tables at N = 256: the naive reference would take minutes, estimated from a run at the
    // default sizes; the note comes first, and the test stops the runner there.
    let mut child = std::process::Command::new(RUNNER)
        .args(["run", "laue", "tables", "--solution", "--n", "256"])
        .current_dir(harness::testing::root_of(HERE))
        .env_remove(harness::files::ROOT_VARIABLE)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    let mut reader = std::io::BufReader::new(child.stdout.take().unwrap());
    reader.read_line(&mut first).unwrap();
    reader.read_line(&mut first).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        first.starts_with("laue tables: the reference naive that gives the error takes about")
            && first.contains("scaled as n^4 oversampling^2")
            && first.contains("add --no-reference to skip it"),
        "{first}"
    );
    // Skipped, the run says so; small sizes get no note.
    let stdout = harness::testing::succeeds(
        RUNNER,
        HERE,
        &[
            "run",
            "laue",
            "tables",
            "--solution",
            "--n",
            "4",
            "--no-reference",
        ],
    );
    assert!(stdout.starts_with("laue tables (reference)"), "{stdout}");
    assert!(
        stdout.contains("error    not checked (--no-reference)"),
        "{stdout}"
    );
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

#[test]
fn speed_times_each_goal_in_rounds() {
    // A debug build's ratios say nothing about a release build's, so this checks the table,
    // not the verdict; CI runs `check --speed` on release builds for that.
    let out = workbook(&["speed", "laue", "--solution", "--rounds", "2"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("laue (reference) against the reference naive, 2 rounds"),
        "{stdout}"
    );
    let row = stdout
        .lines()
        .find(|l| l.trim_start().starts_with("tables"))
        .unwrap_or_else(|| panic!("no row for tables in:\n{stdout}"));
    let met = row.ends_with("met");
    assert!(met || row.ends_with("MISSED"), "{row}");
    assert_eq!(out.status.success(), met, "{stdout}");
    fails_with(
        &["speed", "laue", "--solution", "--rounds", "0"],
        "--rounds must be at least 1",
    );
}

/// Why the tests that need valgrind do not run here, or `None` where they do.
fn without_valgrind() -> Option<String> {
    harness::callgrind::check_available()
        .err()
        .map(|e| format!("skipped, valgrind is not available here: {e:#}"))
}

/// `count laue KERNEL --solution --n 4`: the instructions counted, and the output.
fn instructions(kernel: &str) -> (u64, String) {
    let stdout = harness::testing::succeeds(
        RUNNER,
        HERE,
        &["count", "laue", kernel, "--solution", "--n", "4"],
    );
    let line = stdout
        .lines()
        .find(|l| l.trim_start().starts_with("instructions "))
        .unwrap_or_else(|| panic!("no instructions line in:\n{stdout}"));
    let count = line
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.replace(',', "").parse().ok())
        .unwrap_or_else(|| panic!("no count in `{line}`"));
    (count, stdout)
}

#[test]
fn count_gives_the_same_instructions_every_run() {
    if let Some(reason) = without_valgrind() {
        // Shown with `cargo test -- --nocapture` (a passing test's output is captured).
        eprintln!("count_gives_the_same_instructions_every_run: {reason}");
        return;
    }
    let (naive, stdout) = instructions("naive");
    let (tables, _) = instructions("tables");
    let (again, _) = instructions("naive");
    // Exactly the same, not within a tolerance: only the kernel call is counted, on one
    // thread, and what it executes depends on its inputs alone (no clock, no other thread,
    // no randomness), so the same runner on the same inputs executes the same instructions.
    assert_eq!(naive, again, "two counts of naive differ");
    // Naive evaluates N^2 exponentials per grid point, tables N per row and N per column:
    // fewer instructions, though in this debug build not many fewer (every complex product
    // is a call).
    assert!(
        naive > tables,
        "naive {naive} instructions, tables {tables}"
    );
    assert!(
        stdout.starts_with("laue naive (reference) on 1 thread, counted by callgrind: N = 4"),
        "{stdout}"
    );
    assert!(
        stdout.contains("%  laue_solution::laue_naive"),
        "the kernel is among the functions listed:\n{stdout}"
    );
    let file =
        harness::testing::root_of(HERE).join("target/workbook/callgrind.out.laue-naive-reference");
    assert!(
        stdout.contains("target/workbook/callgrind.out.laue-naive-reference"),
        "{stdout}"
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("# callgrind format"), "{}", file.display());
}

#[test]
fn count_without_valgrind_says_how_to_install_it() {
    let line = harness::testing::fails_with_env(
        RUNNER,
        HERE,
        &["count", "laue", "naive", "--solution", "--n", "4"],
        &[(harness::callgrind::VALGRIND_VARIABLE, "/no/such/valgrind")],
        "count needs valgrind: install it (Debian/Ubuntu: apt-get install valgrind; macOS: not supported by valgrind, use Linux or a VM)",
    );
    assert!(line.contains("/no/such/valgrind"), "{line}");
}

#[test]
fn count_refuses_what_it_cannot_count() {
    // These need no valgrind: the arguments are refused first.
    fails_with(
        &["count", "laue", "fastest", "--solution"],
        "chapter laue has no kernel `fastest` (its kernels: naive, tables)",
    );
    fails_with(
        &["count", "laue", "naive", "--solution", "--n", "0"],
        "n must be at least 1, got 0",
    );
    fails_with(
        &["count", "laue", "naive", "--solution", "--threads", "2"],
        "count runs kernels on 1 thread, not 2",
    );
    fails_with(
        &["count", "laue", "naive", "--n", "2"],
        "built without your exercise",
    );
}
