//! Starting MPI jobs: whether MPI is installed, the mpirun line (with the flags that root and
//! more ranks than cores need), and a failed job's cause on one line.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What to install, for the one line said when MPI is missing.
pub const INSTALL: &str = "install Open MPI and libclang (Debian/Ubuntu: sudo apt-get install libopenmpi-dev openmpi-bin libclang-dev; macOS: brew install open-mpi llvm), then run the command again";

/// `program` on the PATH, if it is there.
fn on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

/// Ok when mpirun (to start jobs) and mpicc (which the `mpi` crate's build asks for MPI's
/// flags) are both there; otherwise what to install.
pub fn check_available() -> Result<()> {
    for program in ["mpirun", "mpicc"] {
        if on_path(program).is_none() {
            bail!("MPI is needed and `{program}` is not on the PATH: {INSTALL}");
        }
    }
    Ok(())
}

/// Whether this process runs as root, which mpirun refuses unless told.
fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// The cores this machine has.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `mpirun -n RANKS PROGRAM`, with `--oversubscribe` when the ranks outnumber the cores (said
/// on standard error: they then take turns, and times mean little) and
/// `--allow-run-as-root` for root. A rank that runs `threads` threads is not bound to one core
/// (Open MPI binds each rank of a small job to a core, which would put its threads on one).
pub fn mpirun(ranks: usize, threads: usize, program: &Path) -> Command {
    let mut command = Command::new("mpirun");
    if is_root() {
        command.arg("--allow-run-as-root");
    }
    if threads > 1 {
        command.args(["--bind-to", "none"]);
    }
    if ranks > cores() {
        eprintln!(
            "warning: {ranks} ranks on {} cores: they take turns on the cores (--oversubscribe), so their times say little about a machine with {ranks} cores",
            cores()
        );
        command.arg("--oversubscribe");
    }
    command.args(["-n", &ranks.to_string()]).arg(program);
    command
}

/// Runs a job and returns what rank 0 printed; a job that fails becomes one line that says
/// which rank failed and how (mpirun has then stopped every rank).
pub fn output_of(mut job: Command) -> Result<String> {
    let out = job
        .stdin(Stdio::null())
        .env("RUST_BACKTRACE", "0")
        .output()
        .context("cannot start mpirun")?;
    if out.status.success() {
        return Ok(String::from_utf8_lossy(&out.stdout).into_owned());
    }
    bail!(
        "{}",
        failure(&String::from_utf8_lossy(&out.stderr), out.status.code())
    )
}

/// The cause of a failed job, on one line, from mpirun's standard error.
pub fn failure(stderr: &str, code: Option<i32>) -> String {
    let lines: Vec<&str> = stderr.lines().map(str::trim).collect();
    // The program's own one-line error (every rank refused the same arguments).
    if let Some(e) = lines.iter().find_map(|l| l.strip_prefix("error: ")) {
        return e.to_string();
    }
    // A rank's panic, as the program's panic hook wrote it, before MPI_Abort.
    if let Some(l) = lines
        .iter()
        .find(|l| l.starts_with("rank ") && l.contains(" failed"))
    {
        return format!("{l} (MPI_Abort stopped every rank of the job)");
    }
    // "mpirun noticed that process rank 1 with PID 0 on node vm exited on signal 9 (Killed)."
    if let Some(l) = lines.iter().find(|l| l.contains("exited on signal")) {
        let rank = l
            .split("process rank ")
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
            .unwrap_or("?");
        let signal = l
            .split("exited on ")
            .nth(1)
            .unwrap_or("a signal")
            .trim_end_matches('.');
        return format!("rank {rank} was killed ({signal}): mpirun stopped every rank of the job");
    }
    if let Some(at) = lines.iter().position(|l| l.starts_with("Process name:")) {
        let rank = lines[at]
            .rsplit(',')
            .next()
            .unwrap_or("?]")
            .trim_end_matches(']');
        let exit = lines
            .get(at + 1)
            .and_then(|l| l.strip_prefix("Exit code:"))
            .map_or(String::new(), |c| format!(" with code {}", c.trim()));
        return format!(
            "rank {rank} exited{exit} before the others: mpirun stopped every rank of the job"
        );
    }
    let said = lines
        .iter()
        .find(|l| !l.is_empty() && !l.starts_with("---"))
        .copied()
        .unwrap_or("nothing");
    format!(
        "the MPI job failed (exit code {}): mpirun said: {said}",
        code.map_or("none".into(), |c| c.to_string())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_the_rank_s_own_line_from_its_hook() {
        let stderr = "rank 1 of 2 failed at src/x.rs:3:5: boom\n-----\nMPI_ABORT was invoked on rank 1 in communicator MPI_COMM_WORLD\nwith errorcode 101.\n";
        assert_eq!(
            failure(stderr, Some(101)),
            "rank 1 of 2 failed at src/x.rs:3:5: boom (MPI_Abort stopped every rank of the job)"
        );
    }

    #[test]
    fn a_killed_rank_is_named_with_its_signal() {
        let stderr = "------\nPrimary job  terminated normally, but 1 process returned\na non-zero exit code. Per user-direction, the job has been aborted.\n------\nmpirun noticed that process rank 1 with PID 0 on node vm exited on signal 9 (Killed).\n-----\n";
        assert_eq!(
            failure(stderr, Some(137)),
            "rank 1 was killed (signal 9 (Killed)): mpirun stopped every rank of the job"
        );
    }

    #[test]
    fn an_exit_names_the_rank_and_its_code() {
        let stderr = "mpirun detected that one or more processes exited with non-zero status, thus causing\nthe job to be terminated. The first process to do so was:\n\n  Process name: [[22354,1],1]\n  Exit code:    3\n";
        assert_eq!(
            failure(stderr, Some(3)),
            "rank 1 exited with code 3 before the others: mpirun stopped every rank of the job"
        );
    }

    #[test]
    fn the_program_s_own_error_wins() {
        assert_eq!(
            failure("error: n must be at least 1\n----\nPrimary job", Some(2)),
            "n must be at least 1"
        );
    }
}
