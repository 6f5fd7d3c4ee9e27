//! Chapter 10 reference solution: the sums on every core. rayon hands out rows of the grid to
//! its threads, the `prange` of the course. Each (h, k) point is computed by exactly one thread
//! in exactly the serial order, so the results do not depend on the thread count at all.
//!
//! The same API as the exercise crate `cores`; the tests in `exercises/10_cores/tests` run
//! against both. Every kernel has chapter 1's signature, `f(n, h, k) -> intensities`, and stores
//! its grid row by row: `result[i * k.len() + j]` is the intensity at `(h[i], k[j])`.

use compiler_solution::{square_positions, sum_cis};
use num_complex::Complex64;
use rayon::prelude::*;
use std::f64::consts::TAU;

pub use laue_solution::axis;
pub use strained_solution::positions;

// ANCHOR: rows
/// Fills the grid row by row in parallel: `point(hi, kj)` is the intensity at one point.
pub fn parallel_rows(h: &[f64], k: &[f64], point: impl Fn(f64, f64) -> f64 + Sync) -> Vec<f64> {
    let mut result = vec![0.0; h.len() * k.len()];
    if k.is_empty() {
        return result;
    }
    result
        .par_chunks_mut(k.len())
        .zip(h.par_iter())
        .for_each(|(row, &hi)| {
            for (out, &kj) in row.iter_mut().zip(k) {
                *out = point(hi, kj);
            }
        });
    result
}
// ANCHOR_END: rows

/// The sum of `exp(2 pi i (hi x + kj y))` over the cells with libm's sin and cos.
fn sum_libm(hi: f64, kj: f64, x: &[f64], y: &[f64]) -> Complex64 {
    x.iter()
        .zip(y)
        .map(|(&xc, &yc)| Complex64::cis(TAU * (hi * xc + kj * yc)))
        .sum()
}

// ANCHOR: square_parallel
/// The square crystal's fused loop, rows spread over the cores.
pub fn square_parallel(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let (x, y) = square_positions(n);
    parallel_rows(h, k, |hi, kj| sum_libm(hi, kj, &x, &y).norm_sqr())
}
// ANCHOR_END: square_parallel

// ANCHOR: strained_parallel
/// The strained crystal with its positions computed once, rows spread over the cores.
pub fn strained_parallel(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let (x, y) = positions(n);
    parallel_rows(h, k, |hi, kj| sum_libm(hi, kj, &x, &y).norm_sqr())
}
// ANCHOR_END: strained_parallel

// ANCHOR: fast
/// The best direct sum: every exponential evaluated, by chapter 9's vectorisable
/// [`sum_cis`], on every core.
pub fn square_fast(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let (x, y) = square_positions(n);
    parallel_rows(h, k, |hi, kj| sum_cis(hi, kj, &x, &y).norm_sqr())
}

/// The same for the strained crystal.
pub fn strained_fast(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let (x, y) = positions(n);
    parallel_rows(h, k, |hi, kj| sum_cis(hi, kj, &x, &y).norm_sqr())
}
// ANCHOR_END: fast
