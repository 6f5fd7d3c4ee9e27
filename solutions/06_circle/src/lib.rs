//! Chapter 6 reference solution: the circular crystal, the square's sum restricted to the cells
//! inside a disk, and what a branch on the support costs.
//!
//! The same API as the exercise crate `circle`; the tests in `exercises/06_circle/tests` run
//! against both. Every kernel has chapter 1's signature, `f(n, h, k) -> intensities`, and stores
//! its grid row by row: `result[i * k.len() + j]` is the intensity at `(h[i], k[j])`.

pub use laue_solution::axis;

use num_complex::Complex64;
use std::f64::consts::TAU;

// ANCHOR: inside
/// The support function Omega of a circular crystal of diameter `n`: is cell `(cn, cm)` inside
/// the disk of radius N/2 centred on (N/2, N/2)?
pub fn inside(n: usize, cn: usize, cm: usize) -> bool {
    let radius = n as f64 / 2.0;
    let (dx, dy) = (cn as f64 - radius, cm as f64 - radius);
    dx * dx + dy * dy <= radius * radius
}
// ANCHOR_END: inside

// ANCHOR: naive
/// The circular crystal's intensity: chapter 1's four loops with a branch on the support.
pub fn circle_naive(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let mut result = Vec::with_capacity(h.len() * k.len());
    for &hi in h {
        for &kj in k {
            let mut sum = Complex64::new(0.0, 0.0);
            for cn in 0..n {
                for cm in 0..n {
                    if inside(n, cn, cm) {
                        sum += Complex64::cis(TAU * (hi * cn as f64 + kj * cm as f64));
                    }
                }
            }
            result.push(sum.norm_sqr());
        }
    }
    result
}
// ANCHOR_END: naive

// ANCHOR: masked
/// Every exponential computed, then multiplied by Omega (0 or 1): no branch, more work.
pub fn circle_masked(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let mut result = Vec::with_capacity(h.len() * k.len());
    for &hi in h {
        for &kj in k {
            let mut sum = Complex64::new(0.0, 0.0);
            for cn in 0..n {
                for cm in 0..n {
                    let omega = f64::from(u8::from(inside(n, cn, cm)));
                    sum += omega * Complex64::cis(TAU * (hi * cn as f64 + kj * cm as f64));
                }
            }
            result.push(sum.norm_sqr());
        }
    }
    result
}
// ANCHOR_END: masked

// ANCHOR: cells
/// The cells inside the disk listed once, then a loop over the list only.
pub fn circle_cells(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let cells: Vec<(f64, f64)> = (0..n)
        .flat_map(|cn| (0..n).map(move |cm| (cn, cm)))
        .filter(|&(cn, cm)| inside(n, cn, cm))
        .map(|(cn, cm)| (cn as f64, cm as f64))
        .collect();
    let mut result = Vec::with_capacity(h.len() * k.len());
    for &hi in h {
        for &kj in k {
            let sum: Complex64 = cells
                .iter()
                .map(|&(x, y)| Complex64::cis(TAU * (hi * x + kj * y)))
                .sum();
            result.push(sum.norm_sqr());
        }
    }
    result
}
// ANCHOR_END: cells
