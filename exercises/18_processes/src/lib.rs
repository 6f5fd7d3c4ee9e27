//! Chapter 18 exercise: the work of one program split over processes that share no memory and
//! talk only by messages (MPI). Each process is a *rank*, numbered 0..ranks; every rank runs
//! the same program and finds its own share of the work from its number.
//!
//! What you write, in the order of the chapter:
//! 1. `shares.rs`: `block_range` and `cyclic`, a rank's share of the items (plain Rust: no MPI
//!    needed to test them);
//! 2. `ranks.rs` (built with the `mpi` feature): `total`, the reduction that adds every rank's
//!    partial sum. The rest of that file, given, uses your three functions to spread the slow
//!    series and the strained crystal over the ranks.
//!
//! `cargo workbook check processes` runs the tests, the MPI ones under 1, 2 and 3 ranks.

mod shares;

pub use series_solution::{chunk_count, chunk_sum, combine_chunks};
pub use shares::{block_range, cyclic};

#[cfg(feature = "mpi")]
pub mod ranks;

/// The strained crystal's grid for the MPI kernels: `rows` values of h over one fringe around
/// H = 0 (chapter 1's axis when `rows` = cells x oversampling), and chapter 1's k axis.
pub fn strained_axes(cells: usize, oversampling: usize, rows: usize) -> (Vec<f64>, Vec<f64>) {
    let h = (0..rows).map(|i| -0.5 + i as f64 / rows as f64).collect();
    (h, laue_solution::axis(4.0, cells, oversampling))
}

/// The strained crystal's rows `h` against `k` on one core, with chapter 9's vectorised sum:
/// what each rank computes for its rows, and the serial reference.
pub fn strained_rows(cells: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let (x, y) = strained_solution::positions(cells);
    compiler_solution::grid_sincos(&x, &y, h, k)
}
