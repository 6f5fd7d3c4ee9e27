//! Chapter 1 reference solution: the Laue function of a square crystal.
//!
//! The same API as the exercise crate `laue`; the tests in `exercises/01_laue/tests` run against
//! both. Grids are stored row by row: `result[i * k.len() + j]` is the intensity at `(h[i], k[j])`.

use num_complex::Complex64;
use std::f64::consts::TAU;

// ANCHOR: axis
/// Sample points of one reciprocal-space axis: `oversampling * n` values from `center - 0.5`,
/// spaced by `1 / (oversampling * n)`.
pub fn axis(center: f64, n: usize, oversampling: usize) -> Vec<f64> {
    let samples = n * oversampling;
    (0..samples)
        .map(|i| center - 0.5 + i as f64 / samples as f64)
        .collect()
}
// ANCHOR_END: axis

// ANCHOR: naive
/// The Laue intensity of an `n` x `n` square crystal, one complex exponential per term.
pub fn laue_naive(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let mut result = Vec::with_capacity(h.len() * k.len());
    for &hi in h {
        for &kj in k {
            let mut sum = Complex64::new(0.0, 0.0);
            for cn in 0..n {
                for cm in 0..n {
                    let phase = TAU * (hi * cn as f64 + kj * cm as f64);
                    sum += Complex64::cis(phase);
                }
            }
            result.push(sum.norm_sqr());
        }
    }
    result
}
// ANCHOR_END: naive

// ANCHOR: tables
/// The same intensities with every exponential computed once: a table of
/// `exp(2 pi i k[j] c_m)` for the whole grid, and `exp(2 pi i h[i] c_n)` once per row.
pub fn laue_tables(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    // k_phases[j * n + cm] = exp(2 pi i k[j] cm), shared by every row.
    let mut k_phases = Vec::with_capacity(k.len() * n);
    for &kj in k {
        k_phases.extend((0..n).map(|cm| Complex64::cis(TAU * kj * cm as f64)));
    }
    let mut h_phases = vec![Complex64::new(0.0, 0.0); n];
    let mut result = Vec::with_capacity(h.len() * k.len());
    if n == 0 {
        // An empty crystal scatters nothing (and `chunks_exact` needs a non-zero size).
        result.resize(h.len() * k.len(), 0.0);
        return result;
    }
    for &hi in h {
        for (cn, phase) in h_phases.iter_mut().enumerate() {
            *phase = Complex64::cis(TAU * hi * cn as f64);
        }
        for row in k_phases.chunks_exact(n) {
            let mut sum = Complex64::new(0.0, 0.0);
            for &a in &h_phases {
                for &b in row {
                    sum += a * b;
                }
            }
            result.push(sum.norm_sqr());
        }
    }
    result
}
// ANCHOR_END: tables
