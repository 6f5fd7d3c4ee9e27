//! Chapter 7 reference solution: the strained circular crystal, each cell of the disk pushed
//! outwards a little, more so near the surface, and its cells' positions computed once.
//!
//! The same API as the exercise crate `strained`; the tests in `exercises/07_strained/tests`
//! run against both. Every kernel has chapter 1's signature, `f(n, h, k) -> intensities`, and
//! stores its grid row by row: `result[i * k.len() + j]` is the intensity at `(h[i], k[j])`.

pub use circle_solution::inside;
pub use laue_solution::axis;
use num_complex::Complex64;
use std::f64::consts::TAU;

/// The largest strain, reached at the surface of the crystal.
pub const E0: f64 = 0.01;
/// The width of the strain profile below the surface, in cells.
pub const W: f64 = 5.0;

// ANCHOR: displacement
/// The displacement (Delta n, Delta m) of cell `(cn, cm)` of a crystal of diameter `n`:
/// `e0 (n - N/2) (1 + tanh((r - N/2) / w))`, likewise for m, with r the distance to the centre.
pub fn displacement(n: usize, cn: usize, cm: usize) -> (f64, f64) {
    let radius = n as f64 / 2.0;
    let (dx, dy) = (cn as f64 - radius, cm as f64 - radius);
    let r = (dx * dx + dy * dy).sqrt();
    let profile = E0 * (1.0 + ((r - radius) / W).tanh());
    (dx * profile, dy * profile)
}
// ANCHOR_END: displacement

// ANCHOR: naive
/// The strained crystal's intensity, written straight from the formula: the support and the
/// displacement are evaluated for every term, that is for every (h, k) again.
pub fn strained_naive(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let mut result = Vec::with_capacity(h.len() * k.len());
    for &hi in h {
        for &kj in k {
            let mut sum = Complex64::new(0.0, 0.0);
            for cn in 0..n {
                for cm in 0..n {
                    if inside(n, cn, cm) {
                        let (dn, dm) = displacement(n, cn, cm);
                        let phase = TAU * (hi * (cn as f64 + dn) + kj * (cm as f64 + dm));
                        sum += Complex64::cis(phase);
                    }
                }
            }
            result.push(sum.norm_sqr());
        }
    }
    result
}
// ANCHOR_END: naive

// ANCHOR: positions
/// The displaced positions `(x, y)` of the cells inside the disk, cell by cell (n major):
/// x = n + Delta n, y = m + Delta m. They depend on the crystal only, not on (h, k).
pub fn positions(n: usize) -> (Vec<f64>, Vec<f64>) {
    let mut x = Vec::new();
    let mut y = Vec::new();
    for cn in 0..n {
        for cm in 0..n {
            if inside(n, cn, cm) {
                let (dn, dm) = displacement(n, cn, cm);
                x.push(cn as f64 + dn);
                y.push(cm as f64 + dm);
            }
        }
    }
    (x, y)
}
// ANCHOR_END: positions

// ANCHOR: hoisted
/// The same sum with the positions computed once: the loop invariant hoisted by hand.
pub fn strained_positions(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let (x, y) = positions(n);
    let mut result = Vec::with_capacity(h.len() * k.len());
    for &hi in h {
        for &kj in k {
            let sum: Complex64 = x
                .iter()
                .zip(&y)
                .map(|(&xc, &yc)| Complex64::cis(TAU * (hi * xc + kj * yc)))
                .sum();
            result.push(sum.norm_sqr());
        }
    }
    result
}
// ANCHOR_END: hoisted
