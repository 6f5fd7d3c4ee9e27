// Chapter 18's MPI tests: each starts this crate's program under `mpirun -n 1, 2, 3` and
// compares rank 0's answer with the serial one. Built only with the `mpi` feature (the
// `[[test]]` in Cargo.toml), which
// `cargo workbook check processes` turns on. Written once, here; the reference solution runs
// them too (solutions/18_processes/tests includes this file). Sizes are small: the program is
// unoptimised. Each test calls the function its name starts with.

use std::process::Command;

/// This package's program (`src/main.rs`), built for the tests by cargo.
const PROGRAM: &str = env!(concat!("CARGO_BIN_EXE_", env!("CARGO_PKG_NAME")));

/// Rank 0's answer of `PROGRAM args` under `mpirun -n ranks`, or a panic that says which rank
/// failed and why. mpirun's own time limit turns a hang into a failure.
fn under(ranks: usize, args: &[&str]) -> Vec<f64> {
    let out = Command::new("mpirun")
        .args(["--oversubscribe", "--timeout", "120", "-n"])
        .arg(ranks.to_string())
        .arg(PROGRAM)
        .args(args)
        // mpirun refuses root without these (harmless for anyone else).
        .env("OMPI_ALLOW_RUN_AS_ROOT", "1")
        .env("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("mpirun should start: install MPI (see the chapter)");
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let why = stderr
            .lines()
            .find(|l| l.starts_with("rank "))
            .unwrap_or_else(|| stderr.trim());
        panic!("under mpirun -n {ranks}, {why}");
    }
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.parse().unwrap_or_else(|_| panic!("not a number: {l}")))
        .collect()
}

/// Terms of the series in the tests: 7 chunks of hundreds and a ragged end.
const N: u64 = 11_000_123;

#[test]
fn total_adds_every_rank_s_partial_on_1_2_3_ranks() {
    for ranks in 1..=3 {
        // Rank r adds r + 1; every rank should see 1 + 2 + ... + ranks.
        let expected = (ranks * (ranks + 1) / 2) as f64;
        assert_eq!(
            under(ranks, &["total"]),
            vec![expected; ranks],
            "what each of {ranks} ranks got from total"
        );
    }
}

#[test]
fn total_of_the_block_range_sums_is_the_series_within_1e_12() {
    let reference = series_solution::slow_blocks_parallel(N);
    for ranks in 1..=3 {
        let got = under(ranks, &["series-blocks", &N.to_string()]);
        assert_eq!(got.len(), 1, "rank 0's answer on {ranks} ranks: {got:?}");
        let error = (got[0] - reference).abs() / reference;
        assert!(
            error < 1e-12,
            "{ranks} ranks: {} against {reference}, relative error {error:e}",
            got[0]
        );
    }
}

#[test]
fn cyclic_chunks_give_the_same_bits_on_1_2_3_ranks() {
    // The chunk sums added in chunk order on rank 0: exactly slow_blocks_parallel's additions.
    let reference = series_solution::slow_blocks_parallel(N);
    for ranks in 1..=3 {
        assert_eq!(
            under(ranks, &["series-cyclic", &N.to_string()]),
            vec![reference],
            "{ranks} ranks"
        );
    }
}

#[test]
fn block_range_rows_gather_into_the_serial_grid() {
    // 7 rows over 3 ranks is 3 + 2 + 2; 2 rows leave rank 2 none at all.
    for (cells, oversampling, rows) in [(8, 2, 7), (6, 1, 2)] {
        let (h, k) = processes::strained_axes(cells, oversampling, rows);
        let serial = processes::strained_rows(cells, &h, &k);
        for ranks in 1..=3 {
            let sizes = [cells, oversampling, rows].map(|s| s.to_string());
            let mut args = vec!["strained"];
            args.extend(sizes.iter().map(String::as_str));
            assert_eq!(
                under(ranks, &args),
                serial,
                "{rows} rows of N = {cells} on {ranks} ranks"
            );
        }
    }
}
