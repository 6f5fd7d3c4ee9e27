//! Chapter 14 reference solution: the square crystal called from Python.
//!
//! The same API as the exercise crate `bindings`; the tests in `exercises/14_bindings/tests` run
//! against both, and `python/tests/test_bindings.py` runs against the binding. A binding does four
//! things, in this order: it checks its inputs (a bad call costs one line, not a crash or a
//! wrong answer), borrows the arrays without copying them, runs the kernel with the GIL
//! released, and hands the result to NumPy without copying it.

#[cfg(feature = "python")]
pub mod binding;

use num_complex::Complex64;
use std::f64::consts::TAU;

/// The most grid points one call may ask for: 2^26, 512 MiB of results. Beyond it a typo
/// (an axis of 10^6 points by 10^6) would exhaust memory before it could be refused.
pub const MAX_POINTS: usize = 1 << 26;

// ANCHOR: check
/// Checks a call's inputs before any work: at least one cell, two axes that are not empty and
/// hold only finite numbers, and a grid of at most [`MAX_POINTS`]. The error is one line that
/// names the problem; the binding raises it as a Python `ValueError`.
pub fn check_inputs(n: usize, h: &[f64], k: &[f64]) -> Result<(), String> {
    if n == 0 {
        return Err("n must be at least 1 cell per side".into());
    }
    for (name, axis) in [("h", h), ("k", k)] {
        if axis.is_empty() {
            return Err(format!(
                "{name} is empty: the grid needs at least one point"
            ));
        }
        if let Some(i) = axis.iter().position(|v| !v.is_finite()) {
            return Err(format!("{name}[{i}] is not a finite number ({})", axis[i]));
        }
    }
    match h.len().checked_mul(k.len()) {
        Some(points) if points <= MAX_POINTS => Ok(()),
        _ => Err(format!(
            "a {} x {} grid is more than the {MAX_POINTS} points one call may ask for",
            h.len(),
            k.len()
        )),
    }
}
// ANCHOR_END: check

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
