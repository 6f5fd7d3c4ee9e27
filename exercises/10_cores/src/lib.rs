//! Chapter 10 exercise: the sums on every core, with rayon.
//!
//! Fill in the functions below, in order, until `cargo test` in this folder passes;
//! `cargo workbook check cores` runs the same tests and summarises them. The chapter in the
//! book is `book/src/10_cores.md`. Every kernel has chapter 1's signature,
//! `f(n, h, k) -> intensities`, and stores its grid row by row: `result[i * k.len() + j]` is the
//! intensity at `(h[i], k[j])`.

/// Chapter 1's axis (its reference version): `oversampling * n` points from `center - 0.5`.
pub use laue_solution::axis;
/// Chapter 7's displaced positions of the strained crystal's cells (its reference version).
pub use strained_solution::positions;

/// The square crystal with the rows of the grid (one value of `h` each) computed in parallel:
/// `result.par_chunks_mut(k.len())` zipped with `h.par_iter()` gives each task one row.
/// Every point must be computed in the same order as in the serial version.
pub fn square_parallel(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    todo!("the square crystal, one row per rayon task")
}

/// The strained crystal, positions computed once (see [`positions`]), rows in parallel.
pub fn strained_parallel(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    todo!("the strained crystal, one row per rayon task")
}
