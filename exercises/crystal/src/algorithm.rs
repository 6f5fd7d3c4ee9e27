//! The right algorithm: fewer operations, not faster ones.

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

/// The strained crystal as a complex matrix product: with the positions (x_c, y_c) of the cells,
/// `A[i, c] = exp(2 pi i h[i] x_c)`, `B[j, c] = exp(2 pi i k[j] y_c)` and `I = |A B^T|^2`.
/// Compute A and B once (h.len() + k.len() rows of exponentials), then one dot product per
/// (i, j), with no exponential in the inner loop.
pub fn strained_matmul(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    todo!("two tables of exponentials, then a complex matrix product")
}
