//! Chapter 11 exercise: the right algorithm, fewer operations, not faster ones.
//!
//! Fill in the functions below, in order, until `cargo test` in this folder passes;
//! `cargo workbook check algorithm` runs the same tests and summarises them. The chapter in the
//! book is `book/src/11_algorithm.md`. Every kernel has chapter 1's signature,
//! `f(n, h, k) -> intensities`, and stores its grid row by row: `result[i * k.len() + j]` is the
//! intensity at `(h[i], k[j])`.

/// Chapter 1's axis (its reference version): `oversampling * n` points from `center - 0.5`.
pub use laue_solution::axis;
/// Chapter 7's displaced positions of the strained crystal's cells (its reference version).
pub use strained_solution::positions;

/// The square crystal through a 2-D FFT (the `rustfft` crate), for axes made by
/// [`crate::axis`]: `h[i] = h0 + i / M` with `M = h.len()`, likewise for k.
///
/// `sum_cn exp(2 pi i h[i] cn) = sum_cn [exp(2 pi i h0 cn)] exp(2 pi i i cn / M)`: an inverse
/// DFT of length M (`plan_fft_inverse`) of the crystal's cells multiplied by
/// `exp(2 pi i (h0 cn + k0 cm))`, zero-padded to an `h.len()` x `k.len()` grid (when the crystal
/// is larger than the grid, add cell `(cn, cm)` into `(cn % M, cm % M')`). Transform along k,
/// then along h; the intensity is `|.|^2`. For other axes, panic with a message that
/// names the axis it needs (the tests look for the word "axis").
pub fn square_fft(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    todo!("zero-pad, modulate, 2-D inverse FFT")
}

/// The strained crystal as a complex matrix product: with the [`positions`] (x_c, y_c) of the cells,
/// `A[i, c] = exp(2 pi i h[i] x_c)`, `B[j, c] = exp(2 pi i k[j] y_c)` and `I = |A B^T|^2`.
/// Compute A and B once (h.len() + k.len() rows of exponentials), then one dot product per
/// (i, j), with no exponential in the inner loop.
pub fn strained_matmul(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    todo!("two tables of exponentials, then a complex matrix product")
}
