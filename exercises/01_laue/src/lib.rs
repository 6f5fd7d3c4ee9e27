//! Chapter 1 exercise: the Laue function of a square crystal.
//!
//! Fill in the three functions below, in order, until `cargo test` in this folder passes.
//! The chapter in the book (`book/src/01_laue.md`) explains the formula and the coordinates;
//! `cargo workbook check laue` runs these tests and summarises them.
//!
//! Every result grid is stored row by row: `result[i * k.len() + j]` is the intensity at
//! `(h[i], k[j])`, so a row is one value of `h`.

/// Sample points of one reciprocal-space axis around the Miller index `center`.
///
/// Return `oversampling * n` values, starting at `center - 0.5` and spaced by
/// `1 / (oversampling * n)`; the last one is just below `center + 0.5`.
/// Compute point `i` as `center - 0.5 + i / (oversampling * n)` (one division per point) so
/// that the middle point lands exactly on `center`.
pub fn axis(center: f64, n: usize, oversampling: usize) -> Vec<f64> {
    todo!("build the reciprocal-space axis")
}

/// The Laue intensity of an `n` x `n` square crystal, straight from the formula:
///
/// `I(h, k) = | sum over cells (c_n, c_m) in 0..n x 0..n of exp(2 pi i (h c_n + k c_m)) |^2`
///
/// Four nested loops: over `h`, over `k`, over the cell rows and the cell columns, with one
/// complex exponential per term (`num_complex::Complex64::cis` or `Complex64::new(0., x).exp()`).
/// Return `h.len() * k.len()` intensities, row by row.
pub fn laue_naive(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    todo!("sum the exponentials over every cell, for every (h, k)")
}

/// The same intensities as [`laue_naive`], without calling the exponential in the inner loops.
///
/// `exp(2 pi i (h c_n + k c_m)) = exp(2 pi i h c_n) * exp(2 pi i k c_m)`: compute the factors
/// `exp(2 pi i k[j] c_m)` once for every `j` and `c_m` before the loops, and the factors
/// `exp(2 pi i h[i] c_n)` once per row `i`; the inner loops then only multiply and add.
/// Keep the double sum over cells (later chapters put a weight on each cell).
pub fn laue_tables(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    todo!("precompute the phase factors, then multiply and add")
}
