//! The MPI program under mpirun, as `cargo workbook mpi` starts it: a rank that fails ends the
//! whole job with one line that names it, and never leaves the others waiting. Built only with
//! the `mpi` feature (the `[[test]]` in Cargo.toml).

use std::sync::mpsc;
use std::time::Duration;

const PROGRAM: &str = env!("CARGO_BIN_EXE_processes-mpi");

/// The job's result, or a failure of the test if it takes over a minute (a hang).
fn job(ranks: usize, args: &[&str], fault: Option<&str>) -> Result<String, String> {
    let mut command = harness::mpi::mpirun(ranks, 1, std::path::Path::new(PROGRAM));
    command.args(args).arg("--repeat").arg("1");
    // mpirun refuses root without these (harmless for anyone else), and more ranks than cores
    // without this one.
    command
        .env("OMPI_ALLOW_RUN_AS_ROOT", "1")
        .env("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
        .env("OMPI_MCA_rmaps_base_oversubscribe", "1");
    if let Some(f) = fault {
        command.env("WORKBOOK_MPI_FAIL", f);
    }
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(harness::mpi::output_of(command).map_err(|e| format!("{e:#}")));
    });
    receive
        .recv_timeout(Duration::from_secs(60))
        .expect("the job should end within a minute, not hang")
}

#[test]
fn a_small_job_prints_its_table_and_summary() {
    let out = job(2, &["series-cyclic", "--param", "n=3000000"], None).expect("the job runs");
    assert!(out.contains("series-cyclic on 2 ranks"), "{out}");
    assert!(out.contains("#summary ranks=2 "), "{out}");
}

#[test]
fn a_rank_that_panics_stops_the_job_with_one_line() {
    for ranks in [2, 3] {
        let e = job(
            ranks,
            &["series-cyclic", "--param", "n=3000000"],
            Some("panic:1"),
        )
        .expect_err("rank 1 panics");
        assert!(
            e.starts_with(&format!("rank 1 of {ranks} failed at "))
                && e.contains("failing on purpose")
                && e.ends_with("(MPI_Abort stopped every rank of the job)")
                && !e.contains('\n'),
            "{e}"
        );
    }
}

#[test]
fn a_rank_that_is_killed_stops_the_job_with_one_line() {
    let e = job(
        2,
        &["series-dynamic", "--param", "n=3000000"],
        Some("kill:1"),
    )
    .expect_err("rank 1 is killed");
    assert_eq!(
        e,
        "rank 1 was killed (signal 9 (Killed)): mpirun stopped every rank of the job"
    );
}

#[test]
fn bad_arguments_are_one_line_from_one_rank() {
    let e = job(2, &["series-cyclic", "--param", "n=0"], None).expect_err("n = 0");
    assert_eq!(e, "n must be at least 1, got 0");
}
