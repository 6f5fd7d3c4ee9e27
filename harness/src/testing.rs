//! For the chapters' command-line tests (`chapters/NN_name/tests/`): run a runner binary from
//! the workbook's folder, and check a refusal. The tests run the reference side only (the
//! runner is built without the exercise there), so they pass whatever the learner has done.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workbook's folder, seen from a chapter crate's `CARGO_MANIFEST_DIR` (two levels up).
pub fn root_of(manifest_dir: &str) -> PathBuf {
    Path::new(manifest_dir)
        .ancestors()
        .nth(2)
        .expect("a chapter crate sits two levels below the root")
        .to_path_buf()
}

/// Runs `binary` with `args` from the root of the workbook that holds `manifest_dir`.
pub fn run(binary: &str, manifest_dir: &str, args: &[&str]) -> Output {
    run_with(binary, manifest_dir, args, &[])
}

/// [`run`] with the environment variables `envs` set.
pub fn run_with(binary: &str, manifest_dir: &str, args: &[&str], envs: &[(&str, &str)]) -> Output {
    Command::new(binary)
        .args(args)
        .current_dir(root_of(manifest_dir))
        .env_remove("RUST_BACKTRACE")
        .env_remove(crate::files::ROOT_VARIABLE)
        .envs(envs.iter().copied())
        .output()
        .expect("the runner starts")
}

/// [`run`] as (succeeded, stdout, stderr).
pub fn outcome(binary: &str, manifest_dir: &str, args: &[&str]) -> (bool, String, String) {
    outcome_with(binary, manifest_dir, args, &[])
}

/// [`run_with`] as (succeeded, stdout, stderr).
pub fn outcome_with(
    binary: &str,
    manifest_dir: &str,
    args: &[&str],
    envs: &[(&str, &str)],
) -> (bool, String, String) {
    let out = run_with(binary, manifest_dir, args, envs);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Asserts success and returns stdout.
pub fn succeeds(binary: &str, manifest_dir: &str, args: &[&str]) -> String {
    let (ok, stdout, stderr) = outcome(binary, manifest_dir, args);
    assert!(ok, "`{}` failed:\n{stderr}\n{stdout}", args.join(" "));
    stdout
}

/// Asserts a failure with exactly one line on stderr containing `needle`, and no trace of a
/// panic; returns that line.
pub fn fails_with(binary: &str, manifest_dir: &str, args: &[&str], needle: &str) -> String {
    fails_with_env(binary, manifest_dir, args, &[], needle)
}

/// [`fails_with`] with the environment variables `envs` set.
pub fn fails_with_env(
    binary: &str,
    manifest_dir: &str,
    args: &[&str],
    envs: &[(&str, &str)],
    needle: &str,
) -> String {
    let (ok, stdout, stderr) = outcome_with(binary, manifest_dir, args, envs);
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
    for noise in ["panicked", "backtrace", "RUST_BACKTRACE"] {
        assert!(
            !stderr.contains(noise),
            "`{shown}` leaked `{noise}`: {stderr}"
        );
    }
    stderr
}

/// A fresh, empty folder for one test's files under `tmpdir` (pass `env!("CARGO_TARGET_TMPDIR")`).
pub fn scratch_dir(tmpdir: &str, name: &str) -> PathBuf {
    let dir = Path::new(tmpdir).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}
