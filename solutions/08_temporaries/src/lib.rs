//! Chapter 8 reference solution: the square crystal three ways, told apart by the memory they
//! use: a NumPy-like evaluation that stores every intermediate array, a NumExpr-like one that
//! works through small chunks, and a fused loop that stores nothing but the result.
//!
//! The same API as the exercise crate `temporaries`; the tests in
//! `exercises/08_temporaries/tests` run against both. Every kernel has chapter 1's signature,
//! `f(n, h, k) -> intensities`, and stores its grid row by row: `result[i * k.len() + j]` is the
//! intensity at `(h[i], k[j])`.

pub use laue_solution::axis;

use num_complex::Complex64;
use std::f64::consts::TAU;

// ANCHOR: materialised
/// What `np.abs(np.sum(np.exp(2j * np.pi * (h*n + k*m)), axis=(2, 3)))**2` does: the phases of
/// every (h, k, n, m) in one array, their exponentials in a second one, then the sums.
/// For the course's sizes that is 96 x 96 x 32 x 32 terms: 75 MB of phases, 151 MB of
/// complex exponentials.
pub fn square_materialised(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let cells = n * n;
    let mut phases = Vec::with_capacity(h.len() * k.len() * cells);
    for &hi in h {
        for &kj in k {
            for cn in 0..n {
                for cm in 0..n {
                    phases.push(TAU * (hi * cn as f64 + kj * cm as f64));
                }
            }
        }
    }
    let terms: Vec<Complex64> = phases.iter().map(|&p| Complex64::cis(p)).collect();
    if cells == 0 {
        return vec![0.0; h.len() * k.len()];
    }
    terms
        .chunks_exact(cells)
        .map(|one_point| one_point.iter().sum::<Complex64>().norm_sqr())
        .collect()
}
// ANCHOR_END: materialised

/// Terms per chunk: 256 complex numbers are NumExpr's 4 KiB blocks, a small part of L1.
pub const CHUNK: usize = 256;

// ANCHOR: chunked
/// What NumExpr does: the same terms, evaluated a chunk at a time into one small buffer that
/// stays in the L1 cache, and summed before the next chunk overwrites it.
pub fn square_chunked(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let cells = n * n;
    let mut buffer = Vec::with_capacity(CHUNK);
    let mut result = Vec::with_capacity(h.len() * k.len());
    for &hi in h {
        for &kj in k {
            let mut sum = Complex64::new(0.0, 0.0);
            let mut start = 0;
            while start < cells {
                let end = (start + CHUNK).min(cells);
                buffer.clear();
                buffer.extend((start..end).map(|c| {
                    let (cn, cm) = (c / n, c % n);
                    Complex64::cis(TAU * (hi * cn as f64 + kj * cm as f64))
                }));
                sum += buffer.iter().sum::<Complex64>();
                start = end;
            }
            result.push(sum.norm_sqr());
        }
    }
    result
}
// ANCHOR_END: chunked

// ANCHOR: fused
/// The fused loop: each exponential is added to its sum as soon as it is computed, so the only
/// allocation is the result.
pub fn square_fused(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    // Reserving the exact size up front: `collect` from `flat_map` cannot know it, and would
    // grow the vector by doubling, briefly holding the old and the new buffer.
    let mut result = Vec::with_capacity(h.len() * k.len());
    result.extend(h.iter().flat_map(|&hi| {
        k.iter().map(move |&kj| {
            (0..n)
                .flat_map(|cn| (0..n).map(move |cm| (cn as f64, cm as f64)))
                .map(|(x, y)| Complex64::cis(TAU * (hi * x + kj * y)))
                .sum::<Complex64>()
                .norm_sqr()
        })
    }));
    result
}
// ANCHOR_END: fused
