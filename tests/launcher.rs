//! The launcher (`cargo workbook`) from the outside. The commands that need a workbook's
//! exercises run in copies of a small fixture workbook (`tests/fixture`), so these tests pass
//! whatever the learner has done to the real exercises, and prove along the way that the
//! launcher acts on the folder it runs in.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

const LAUNCHER: &str = env!("CARGO_BIN_EXE_workbook");

/// Runs the launcher in `dir`: (succeeded, stdout, stderr).
fn launch(dir: &Path, args: &[&str]) -> (bool, String, String) {
    launch_with(dir, args, &[])
}

/// [`launch`] with more environment variables.
fn launch_with(dir: &Path, args: &[&str], env: &[(&str, &OsStr)]) -> (bool, String, String) {
    let out = Command::new(LAUNCHER)
        .args(args)
        .envs(env.iter().copied())
        .current_dir(dir)
        .env_remove("RUST_BACKTRACE")
        .env_remove("WORKBOOK_ROOT")
        // The copies build their own tiny crates in their own target folders; this run's
        // cargo keeps its build lock on the workspace's while tests run.
        .env_remove("CARGO_TARGET_DIR")
        .output()
        .expect("the launcher starts");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Asserts one line on stderr containing `needle`, a failure, and no backtrace.
fn fails_with(dir: &Path, args: &[&str], needle: &str) {
    fails_with_env(dir, args, &[], needle)
}

fn fails_with_env(dir: &Path, args: &[&str], env: &[(&str, &OsStr)], needle: &str) {
    let (ok, stdout, stderr) = launch_with(dir, args, env);
    let shown = args.join(" ");
    assert!(!ok, "`{shown}` should fail; stdout: {stdout}");
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "`{shown}` should print one line, got:\n{stderr}"
    );
    assert!(
        stderr.contains(needle),
        "`{shown}`: expected `{needle}` in: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh copy of the fixture workbook.
fn fixture(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("fixture-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&repo().join("tests/fixture"), &dir);
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            if entry.file_name() != "target" {
                copy_dir(&entry.path(), &target);
            }
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn write(dir: &Path, file: &str, text: &str) {
    std::fs::write(dir.join(file), text).unwrap();
}

const ALPHA_HALF: &str = "pub fn double(x: i64) -> i64 {\n    x + x\n}\n\n/// Three times `x`.\npub fn triple(x: i64) -> i64 {\n    todo!(\"three of them\")\n}\n";
const ALPHA_SOLVED: &str = "pub fn double(x: i64) -> i64 {\n    x + x\n}\n\npub fn triple(x: i64) -> i64 {\n    3 * x\n}\n";

/// The line of `status` about one chapter.
fn line<'a>(stdout: &'a str, chapter: &str) -> &'a str {
    stdout
        .lines()
        .find(|l| l.split_whitespace().nth(1) == Some(chapter))
        .unwrap_or_else(|| panic!("no line for {chapter} in:\n{stdout}"))
}

#[test]
fn help_and_unknown_names_need_no_build() {
    let (ok, stdout, _) = launch(repo(), &["--help"]);
    assert!(ok && stdout.contains("Usage: cargo workbook"), "{stdout}");
    fails_with(repo(), &["check", "nope"], "unknown chapter `nope`");
    fails_with(repo(), &["check", "lau"], "did you mean `laue`?");
    fails_with(
        repo(),
        &["check", "laue", "--speed", "--rounds", "0"],
        "--rounds must be at least 1",
    );
    fails_with(
        repo(),
        &["run", "laue", "naive", "--solution", "--init", "bodies.npy"],
        "chapter laue takes no --init file",
    );
    fails_with(
        repo(),
        &["bench", "Laue", "--kernel", "fastest"],
        "has no kernel `fastest`",
    );
    fails_with(
        repo(),
        &["run", "1", "fastest", "--solution"],
        "chapter laue has no kernel `fastest` (its kernels: naive, tables)",
    );
    fails_with(
        repo(),
        &["run", "01_laue", "naive", "--n", "0"],
        "n must be at least 1, got 0",
    );
    // Did you mean: kernels and parameters as well as chapters.
    fails_with(
        repo(),
        &["run", "laue", "nave", "--solution"],
        "chapter laue has no kernel `nave`: did you mean `naive`? (its kernels: naive, tables)",
    );
    fails_with(
        repo(),
        &["bench", "laue", "--kernel", "Tables"],
        "did you mean `tables`?",
    );
    fails_with(
        repo(),
        &["run", "laue", "naive", "--oversample", "2"],
        "chapter laue has no parameter `oversample`: did you mean `oversampling`? (it takes: n, oversampling)",
    );
    fails_with(
        repo(),
        &["hint", "laue", "nave"],
        "chapter laue has no kernel or stub `nave`: did you mean `naive`?",
    );
    fails_with(repo(), &["frobnicate"], "frobnicate");
    fails_with(repo(), &["run", "laue"], "KERNEL");
}

#[test]
fn roofline_machine_and_repeat_refuse_what_they_cannot_do() {
    fails_with(
        repo(),
        &["run", "laue", "naive", "--solution", "--repeat", "0"],
        "0 is not in 1..=1000",
    );
    fails_with(
        repo(),
        &["machine", "--array-mb", "0"],
        "0 is not in 1..=65536",
    );
    // Chapter 2's Fibonacci kernels are integer work: no bytes and flops to place.
    fails_with(
        repo(),
        &["bench", "timing", "--solution", "--roofline"],
        "declares no kernel's bytes and flops: it has no roofline",
    );
    // An instruction set nobody has, or one this CPU lacks, is one line before any kernel runs.
    fails_with_env(
        repo(),
        &["run", "vectors", "square-portable", "--solution"],
        &[("WORKBOOK_SIMD", OsStr::new("sse9"))],
        "WORKBOOK_SIMD=sse9 names no instruction set: use one of auto, portable, avx2, avx512",
    );
}

#[test]
fn mpi_without_mpi_says_what_to_install() {
    // A PATH with cargo on it, and no mpirun: what a machine without MPI has.
    let cargo = std::env::var_os("CARGO").expect("cargo runs the tests");
    let bin = Path::new(&cargo).parent().expect("cargo's folder");
    fails_with_env(
        repo(),
        &["mpi", "processes", "series-cyclic", "--solution"],
        &[("PATH", bin.as_os_str())],
        "MPI is needed and `mpirun` is not on the PATH: install Open MPI and libclang (Debian/Ubuntu: sudo apt-get install libopenmpi-dev openmpi-bin libclang-dev",
    );
}

#[test]
fn mpi_refuses_bad_input_before_building() {
    fails_with(
        repo(),
        &["mpi", "processes", "series-nope", "--solution"],
        "chapter processes's MPI program has no kernel `series-nope`",
    );
    fails_with(
        repo(),
        &["mpi", "processes", "series-dynamic"],
        "MPI kernel `series-dynamic` of chapter processes exists only in the solution: add --solution",
    );
    fails_with(
        repo(),
        &[
            "mpi",
            "processes",
            "series-cyclic",
            "--ranks",
            "0",
            "--solution",
        ],
        "--ranks takes counts between 1 and 256",
    );
    fails_with(
        repo(),
        &[
            "mpi",
            "processes",
            "series-cyclic",
            "--ranks",
            "2,1",
            "--solution",
        ],
        "--ranks: list the counts in increasing order",
    );
    fails_with(
        repo(),
        &[
            "mpi",
            "processes",
            "series-cyclic",
            "--n",
            "0",
            "--solution",
        ],
        "n must be at least 1",
    );
    fails_with(
        repo(),
        &["mpi", "laue", "naive", "--solution"],
        "chapter laue has no MPI program",
    );
}

#[test]
fn unwritable_destinations_are_refused_before_the_build() {
    fails_with(
        repo(),
        &["run", "laue", "naive", "--solution", "--save", "/dev/null"],
        "cannot write /dev/null: it is a device, not a regular file",
    );
    fails_with(
        repo(),
        &["heap", "laue", "naive", "--out", "no-such-folder/heap.json"],
        "folder no-such-folder does not exist",
    );
    fails_with(
        repo(),
        &["flamegraph", "laue", "naive", "--out", "Cargo.toml/x.svg"],
        "Cargo.toml is a file, not a folder",
    );
}

#[test]
fn reproduce_that_matches_nothing_says_so() {
    fails_with(
        repo(),
        &["reproduce", "laue", "--matching", "no-such-figure"],
        "no measured figure of chapter laue has `no-such-figure` in its file name (its figures: laue-bench.txt",
    );
    fails_with(
        repo(),
        &["reproduce", "--matching", "no-such-figure"],
        "no measured figure of any chapter has `no-such-figure` in its file name",
    );
}

#[test]
fn outside_a_workbook_every_command_says_so() {
    // Not under target/, which is inside this workbook.
    let dir = std::env::temp_dir().join(format!("not-a-workbook-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    fails_with(&dir, &["status"], "is not inside the workbook");
    fails_with(&dir, &["check", "laue"], "is not inside the workbook");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn status_is_the_tests() {
    let dir = fixture("status");
    let (ok, stdout, stderr) = launch(&dir, &[]);
    assert!(ok, "{stderr}");
    assert!(
        line(&stdout, "alpha").contains("0/2 tests pass"),
        "{stdout}"
    );
    assert!(line(&stdout, "beta").contains("0/1 tests pass"), "{stdout}");
    assert!(
        stdout.contains("fill in fn double in exercises/01_alpha/src/")
            && stdout.contains("`cargo workbook check alpha`"),
        "{stdout}"
    );
    assert!(stdout.contains("The book: open"), "{stdout}");

    // Half solved: still the next chapter, with its first failing test named.
    write(&dir, "exercises/01_alpha/src/lib.rs", ALPHA_HALF);
    let (_, stdout, _) = launch(&dir, &["status"]);
    assert!(
        line(&stdout, "alpha").contains("1/2 tests pass"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "chapter alpha is partly solved; the first failing test is triple_is_three_times"
        ),
        "{stdout}"
    );

    // Solved: done, and the next step moves on.
    write(&dir, "exercises/01_alpha/src/lib.rs", ALPHA_SOLVED);
    let (_, stdout, _) = launch(&dir, &["status"]);
    assert!(
        line(&stdout, "alpha").contains("done: 2/2 tests pass"),
        "{stdout}"
    );
    assert!(
        stdout.contains("fill in fn negate in exercises/02_beta/src/"),
        "{stdout}"
    );
}

#[test]
fn a_broken_exercise_breaks_only_its_own_chapter() {
    let dir = fixture("broken");
    write(
        &dir,
        "exercises/02_beta/src/lib.rs",
        "pub fn negate(x: i64) -> i64 {\n    -x +\n}\n",
    );
    write(&dir, "exercises/01_alpha/src/lib.rs", ALPHA_SOLVED);
    let (ok, stdout, stderr) = launch(&dir, &[]);
    assert!(ok, "{stderr}");
    assert!(line(&stdout, "alpha").contains("done"), "{stdout}");
    let beta = line(&stdout, "beta");
    assert!(
        beta.contains("does not compile: exercises/02_beta/src/lib.rs:"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Next: exercises/02_beta does not compile"),
        "{stdout}"
    );

    let (ok, stdout, stderr) = launch(&dir, &["check", "alpha"]);
    assert!(ok, "{stderr}\n{stdout}");
    assert!(stdout.contains("alpha: 2 passed, 0 failed"), "{stdout}");
    let (ok, stdout, stderr) = launch(&dir, &["check", "beta"]);
    assert!(
        !ok && stderr.contains("exercises/02_beta does not compile"),
        "{stderr}"
    );
    assert!(
        stdout.contains("error"),
        "the compiler's errors are shown: {stdout}"
    );
    let (ok, _, _) = launch(&dir, &["--help"]);
    assert!(ok);
}

#[test]
fn check_names_the_stub_and_the_next_command() {
    let dir = fixture("check");
    write(&dir, "exercises/01_alpha/src/lib.rs", ALPHA_HALF);
    let (ok, stdout, stderr) = launch(&dir, &["check", "alpha"]);
    assert!(!ok, "{stdout}");
    assert!(stdout.contains("ok    double_adds_x_to_itself"), "{stdout}");
    assert!(
        stdout.contains(
            "FAIL  triple_is_three_times: not implemented yet: exercises/01_alpha/src/lib.rs: fn triple"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("next: fill in fn triple in exercises/01_alpha/src/lib.rs, then `cargo workbook check alpha`"),
        "{stdout}"
    );
    assert!(stderr.contains("1 of 2 tests fail"), "{stderr}");
    // A wrong answer shows the test's own message and both values.
    write(
        &dir,
        "exercises/01_alpha/src/lib.rs",
        &ALPHA_SOLVED.replace("3 * x", "2 * x"),
    );
    let (ok, stdout, stderr) = launch(&dir, &["check", "alpha"]);
    assert!(
        stdout.contains("FAIL  triple_is_three_times: triple(2): left: 4  right: 6"),
        "{stdout}"
    );
    assert!(!ok && stderr.contains("1 of 2 tests fail"), "{stderr}");
}

#[test]
fn the_tools_act_on_the_folder_they_run_in() {
    // Two copies of one workbook: solving the first must not show in the second, and each
    // builds its book in its own target folder, whatever folder the launcher was built in.
    let (one, two) = (fixture("copy-one"), fixture("copy-two"));
    write(&one, "exercises/01_alpha/src/lib.rs", ALPHA_SOLVED);
    let (ok, stdout, stderr) = launch(&one.join("exercises/01_alpha/src"), &["check", "1"]);
    assert!(ok, "{stderr}\n{stdout}");
    let (ok, stdout, _) = launch(&two, &["check", "alpha"]);
    assert!(!ok && stdout.contains("not implemented yet"), "{stdout}");
    let (ok, stdout, stderr) = launch(&two, &["book"]);
    assert!(ok, "{stderr}");
    assert!(two.join("target/book/index.html").is_file(), "{stdout}");
    assert!(
        !one.join("target/book").exists(),
        "the book was built in the wrong copy"
    );
    assert!(
        stdout.contains(&*two.canonicalize().unwrap().to_string_lossy()),
        "{stdout}"
    );
}

#[test]
fn hints_come_one_at_a_time_then_point_to_the_solution() {
    let dir = fixture("hint");
    let (ok, stdout, stderr) = launch(&dir, &["hint", "alpha"]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("Hint 1 of 2 for fn double in exercises/01_alpha/src/lib.rs:")
            && stdout.contains("Twice x is x added to itself.")
            && stdout.contains("`cargo workbook hint alpha` gives the next"),
        "{stdout}"
    );
    let (_, stdout, _) = launch(&dir, &["hint", "alpha"]);
    assert!(
        stdout.contains("Hint 2 of 2 for fn double") && stdout.contains("That was the last hint"),
        "{stdout}"
    );
    let (ok, stdout, _) = launch(&dir, &["hint", "1"]);
    assert!(ok);
    assert!(
        stdout.contains("No more hints for fn double")
            && stdout.contains("1. Twice x")
            && stdout.contains("2. One line")
            && stdout.contains("The reference solution's fn double is in solutions/01_alpha/"),
        "{stdout}"
    );
    assert!(dir.join("target/workbook/hints-shown.txt").is_file());

    // double solved: the hints move on to triple; double's are remembered.
    write(&dir, "exercises/01_alpha/src/lib.rs", ALPHA_HALF);
    let (_, stdout, _) = launch(&dir, &["hint", "alpha"]);
    assert!(stdout.contains("Hint 1 of 2 for fn triple"), "{stdout}");
    let (_, stdout, _) = launch(&dir, &["hint", "alpha", "double"]);
    assert!(stdout.contains("No more hints for fn double"), "{stdout}");
    // Written but wrong is still the one to hint at.
    write(
        &dir,
        "exercises/01_alpha/src/lib.rs",
        &ALPHA_SOLVED.replace("3 * x", "2 * x"),
    );
    let (_, stdout, _) = launch(&dir, &["hint", "alpha"]);
    assert!(stdout.contains("Hint 2 of 2 for fn triple"), "{stdout}");
    fails_with(
        &dir,
        &["hint", "alpha", "tripel"],
        "chapter alpha has no kernel or stub `tripel`: did you mean `triple`?",
    );

    write(&dir, "exercises/01_alpha/src/lib.rs", ALPHA_SOLVED);
    let (ok, stdout, _) = launch(&dir, &["hint", "alpha"]);
    assert!(
        ok && stdout.contains("All of chapter alpha's tests pass"),
        "{stdout}"
    );
    write(&dir, "exercises/01_alpha/src/lib.rs", "pub fn double(");
    fails_with(
        &dir,
        &["hint", "alpha"],
        "exercises/01_alpha does not compile",
    );
}

/// `git` in `dir`, quietly, with an identity of its own.
fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=Learner",
            "-c",
            "user.email=learner@example.com",
        ])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("git runs");
    assert!(status.success(), "git {}", args.join(" "));
}

#[test]
fn reset_puts_the_stubs_back_and_keeps_yours() {
    let dir = fixture("reset");
    let lib = dir.join("exercises/01_alpha/src/lib.rs");
    let original = std::fs::read_to_string(&lib).unwrap();
    git(&dir, &["init", "--quiet"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "--quiet", "-m", "the workbook"]);
    fails_with(
        &dir,
        &["reset", "alpha"],
        "exercises/01_alpha/src is as committed: nothing to reset",
    );

    // One function back: the rest of the file stays as the learner left it.
    write(&dir, "exercises/01_alpha/src/lib.rs", ALPHA_SOLVED);
    let (ok, stdout, stderr) = launch(&dir, &["reset", "alpha", "triple"]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("fn triple in exercises/01_alpha/src/lib.rs is the original stub again; the file as you left it is kept in exercises/01_alpha/src/lib.rs.bak"),
        "{stdout}"
    );
    let now = std::fs::read_to_string(&lib).unwrap();
    assert!(
        now.contains("x + x") && now.contains("todo!(\"three of them\")"),
        "{now}"
    );
    assert!(now.contains("/// Three times `x`."), "{now}");
    assert_eq!(
        std::fs::read_to_string(dir.join("exercises/01_alpha/src/lib.rs.bak")).unwrap(),
        ALPHA_SOLVED
    );
    fails_with(
        &dir,
        &["reset", "alpha", "triple"],
        "fn triple in exercises/01_alpha/src/lib.rs is as committed: nothing to reset",
    );

    // The whole exercise back.
    let (ok, stdout, stderr) = launch(&dir, &["reset", "01_alpha"]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("exercises/01_alpha/src/lib.rs: the original stubs are back; your version is kept in exercises/01_alpha/src/lib.rs.bak")
            && stdout.contains("`cargo workbook check alpha`"),
        "{stdout}"
    );
    assert_eq!(std::fs::read_to_string(&lib).unwrap(), original);
    fails_with(&dir, &["reset", "alpha"], "nothing to reset");
    fails_with(
        &dir,
        &["reset", "alpha", "quadruple"],
        "chapter alpha has no kernel or stub `quadruple`",
    );
    // A function the learner renamed cannot be found; the whole file can still go back.
    write(
        &dir,
        "exercises/02_beta/src/lib.rs",
        "pub fn minus(x: i64) -> i64 {\n    -x\n}\n",
    );
    fails_with(
        &dir,
        &["reset", "beta", "negate"],
        "cannot find fn negate in exercises/02_beta/src/lib.rs",
    );
}

#[test]
fn reset_without_git_says_what_to_do() {
    let dir = fixture("reset-no-git");
    // The copy lies inside this repository's target/: git must not look above it.
    let parent = dir.parent().unwrap().as_os_str();
    fails_with_env(
        &dir,
        &["reset", "alpha"],
        &[("GIT_CEILING_DIRECTORIES", parent)],
        "is not a git clone with a commit, so there is no original to reset from: get the workbook with `git clone`",
    );
    let empty = dir.join("no-programs");
    std::fs::create_dir_all(&empty).unwrap();
    fails_with_env(
        &dir,
        &["reset", "alpha", "double"],
        &[("PATH", empty.as_os_str())],
        "reset takes the original stubs from git, which is not installed: install git",
    );
}

#[test]
fn watch_follows_the_learner_line_by_line() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;
    use std::sync::mpsc;
    use std::time::Duration;

    let dir = fixture("watch");
    // Not a terminal: one report after another, and a line `q` on standard input quits.
    let mut child = Command::new(LAUNCHER)
        .arg("watch")
        .current_dir(&dir)
        .env_remove("WORKBOOK_ROOT")
        .env_remove("CARGO_TARGET_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the launcher starts");
    let (lines, seen) = mpsc::channel();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    std::thread::spawn(move || {
        for line in stdout.lines() {
            let Ok(line) = line else { return };
            if lines.send(line).is_err() {
                return;
            }
        }
    });
    let mut said = String::new();
    let mut wait_for = |needle: &str, child: &mut std::process::Child| {
        while !said.contains(needle) {
            match seen.recv_timeout(Duration::from_secs(120)) {
                Ok(line) => {
                    said.push_str(&line);
                    said.push('\n');
                }
                Err(_) => {
                    let _ = child.kill();
                    panic!("watch never said `{needle}`; it said:\n{said}");
                }
            }
        }
        std::mem::take(&mut said)
    };

    // With no chapter named: the first one not done, its first stub.
    let report = wait_for("watching exercises/01_alpha", &mut child);
    assert!(report.contains("0 of 2 tests pass"), "{report}");
    assert!(
        report.contains("next: fill in fn double in exercises/01_alpha/src/lib.rs"),
        "{report}"
    );
    // A save runs the tests again: a wrong answer shows its values.
    write(
        &dir,
        "exercises/01_alpha/src/lib.rs",
        &ALPHA_SOLVED.replace("3 * x", "2 * x"),
    );
    let report = wait_for("watching exercises/01_alpha", &mut child);
    assert!(
        report.contains("FAIL  triple_is_three_times: triple(2): left: 4  right: 6"),
        "{report}"
    );
    // Solved: on to the next chapter.
    write(&dir, "exercises/01_alpha/src/lib.rs", ALPHA_SOLVED);
    let report = wait_for("watching exercises/02_beta", &mut child);
    assert!(
        report.contains("done: chapter alpha, all 2 tests pass"),
        "{report}"
    );
    assert!(
        report.contains("next: fill in fn negate in exercises/02_beta/src/lib.rs"),
        "{report}"
    );
    child.stdin.as_mut().unwrap().write_all(b"q\n").unwrap();
    let report = wait_for("stopped watching exercises/02_beta", &mut child);
    assert!(report.contains("`cargo workbook watch beta`"), "{report}");
    assert!(child.wait().unwrap().success());
}

#[test]
fn compare_without_python_says_what_to_install() {
    let missing = OsStr::new("/no/such/python3");
    fails_with_env(
        repo(),
        &["compare", "square"],
        &[("WORKBOOK_PYTHON", missing)],
        "compare needs Python 3.9 or newer with venv: install it",
    );
    fails_with(
        repo(),
        &["compare", "sqare"],
        "no case study or chapter `sqare`: did you mean `square`?",
    );
    fails_with(
        repo(),
        &["compare", "heat"],
        "chapter heat has no Python comparison",
    );
}

#[test]
fn count_without_valgrind_is_refused_before_the_build() {
    // No cargo to build with: a launcher that tried to build the runner would say so instead.
    let no_cargo = OsStr::new("/no/such/cargo");
    fails_with_env(
        repo(),
        &["count", "laue", "naive", "--solution"],
        &[
            ("WORKBOOK_VALGRIND", OsStr::new("/no/such/valgrind")),
            ("CARGO", no_cargo),
        ],
        "count needs valgrind: install it (Debian/Ubuntu: apt-get install valgrind; macOS: not supported by valgrind, use Linux or a VM)",
    );
    fails_with_env(
        repo(),
        &["count", "laue", "naive", "--threads", "4"],
        &[("CARGO", no_cargo)],
        "count runs kernels on 1 thread, not 4",
    );
    fails_with_env(
        repo(),
        &["count", "laue", "nave", "--solution"],
        &[("CARGO", no_cargo)],
        "did you mean `naive`?",
    );
}

#[test]
fn asm_and_lines_are_refused_before_the_build() {
    let no_cargo = OsStr::new("/no/such/cargo");
    fails_with_env(
        repo(),
        &["asm", "laue", "naive", "--solution"],
        &[
            ("WORKBOOK_OBJDUMP", OsStr::new("/no/such/objdump")),
            ("CARGO", no_cargo),
        ],
        "asm needs objdump, from binutils: install it (Debian/Ubuntu: apt-get install binutils; macOS: brew install binutils)",
    );
    fails_with_env(
        repo(),
        &["lines", "laue", "naive", "--solution"],
        &[
            ("WORKBOOK_VALGRIND", OsStr::new("/no/such/valgrind")),
            ("CARGO", no_cargo),
        ],
        "lines needs valgrind: install it (Debian/Ubuntu: apt-get install valgrind; macOS: not supported by valgrind, use Linux or a VM)",
    );
    fails_with_env(
        repo(),
        &["lines", "laue", "naive", "--threads", "4"],
        &[("CARGO", no_cargo)],
        "lines runs kernels on 1 thread, not 4",
    );
    for command in ["asm", "lines"] {
        fails_with_env(
            repo(),
            &[command, "laue", "nave", "--solution"],
            &[("CARGO", no_cargo)],
            "did you mean `naive`?",
        );
        fails_with_env(
            repo(),
            &[command, "compiler", "square-sincos"],
            &[("CARGO", no_cargo)],
            "exists only in the solution: add --solution",
        );
    }
}

#[test]
fn a_binding_that_holds_its_todo_keeps_a_chapter_from_done() {
    // Beta's cargo tests pass, but its data names a second stub that only pytest reaches.
    let dir = fixture("binding");
    let data = std::fs::read_to_string(dir.join("chapters/02_beta/chapter.toml")).unwrap();
    let data = data.replace(
        "page = \"02_beta.md\"\n",
        "page = \"02_beta.md\"\nstubs = [\"negate\", \"bind\"]\npytest = [\"tests/test_beta.py\"]\n",
    ) + "\n[[hints]]\nstub = \"bind\"\ntext = [\"Call negate.\", \"`negate(x)`.\"]\n";
    write(&dir, "chapters/02_beta/chapter.toml", &data);
    let solved = "/// Minus `x`.\npub fn negate(x: i64) -> i64 {\n    -x\n}\n\n/// The binding.\npub fn bind(x: i64) -> i64 {\n    todo!(\"the binding\")\n}\n";
    write(&dir, "exercises/02_beta/src/lib.rs", solved);
    let (_, stdout, _) = launch(&dir, &["status"]);
    assert!(
        line(&stdout, "beta").contains("1/1 Rust tests pass; the binding is to write"),
        "{stdout}"
    );
    let (_, stdout, _) = launch(&dir, &["hint", "beta"]);
    assert!(stdout.contains("for fn bind"), "{stdout}");
    // Written: done.
    write(
        &dir,
        "exercises/02_beta/src/lib.rs",
        &solved.replace("todo!(\"the binding\")", "negate(x)"),
    );
    let (_, stdout, _) = launch(&dir, &["status"]);
    assert!(
        line(&stdout, "beta").contains("done: 1/1 tests pass"),
        "{stdout}"
    );
}

#[test]
fn reproduce_on_a_busy_machine_refuses_and_writes_nothing() {
    let figure = repo().join("book/src/measured/laue-bench.txt");
    let before = std::fs::read(&figure).unwrap();
    // Never quiet, and no waiting: as if the machine stayed busy.
    let never = [
        ("WORKBOOK_QUIET_BELOW", OsStr::new("-1")),
        ("WORKBOOK_QUIET_WAIT", OsStr::new("0")),
    ];
    fails_with_env(
        repo(),
        &["reproduce", "laue", "--matching", "laue-bench"],
        &never,
        "add --force to measure anyway",
    );
    assert_eq!(
        std::fs::read(&figure).unwrap(),
        before,
        "the figure was left as it was"
    );
}
