//! Chapter 14 exercise: the square crystal called from Python.
//!
//! Fill in `check_inputs` here (`cargo workbook check bindings` tests it), then `square` in
//! `src/binding.rs`, the binding itself: the same command builds it into `workbook_py.yours` and
//! runs `python/tests/test_bindings.py` on it. A binding does four things, in this order: it
//! checks its inputs (a bad call costs one line, not a crash or a wrong answer), borrows the
//! arrays without copying them, runs the kernel with the GIL released, and hands the result to
//! NumPy without copying it.

#[cfg(feature = "python")]
pub mod binding;

use num_complex::Complex64;
use std::f64::consts::TAU;

/// The most grid points one call may ask for: 2^26, 512 MiB of results. Beyond it a typo
/// (an axis of 10^6 points by 10^6) would exhaust memory before it could be refused.
pub const MAX_POINTS: usize = 1 << 26;

/// Checks a call's inputs before any work: at least one cell, two axes that are not empty and
/// hold only finite numbers, and a grid of at most [`MAX_POINTS`]. The error is one line that
/// names the problem; the binding raises it as a Python `ValueError`.
pub fn check_inputs(n: usize, h: &[f64], k: &[f64]) -> Result<(), String> {
    todo!(
        "n at least 1; h and k not empty and every value finite; len(h) * len(k) at most MAX_POINTS"
    )
}

/// Given: the square crystal's intensity on the grid `h` x `k`, row by row. The double sum over
/// the cells is a product of two one-dimensional sums, one over each side of the crystal, so
/// each point costs one multiplication once the sums along `h` and `k` are known.
pub fn intensity(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let row_phases: Vec<Complex64> = k
        .iter()
        .flat_map(|&kj| (0..n).map(move |cm| Complex64::cis(TAU * kj * cm as f64)))
        .collect();
    let mut column = vec![Complex64::new(0.0, 0.0); n];
    let mut out = Vec::with_capacity(h.len() * k.len());
    for &hi in h {
        for (cn, c) in column.iter_mut().enumerate() {
            *c = Complex64::cis(TAU * hi * cn as f64);
        }
        let a: Complex64 = column.iter().sum();
        for row in row_phases.chunks_exact(n.max(1)) {
            let b: Complex64 = row.iter().sum();
            out.push((a * b).norm_sqr());
        }
    }
    out
}
