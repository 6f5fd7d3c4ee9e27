//! Chapter 16 reference solution. The code lives in chapter 9's crate, where chapter 10's
//! parallel sum uses it too: `compiler_solution::sum_cis_simd` and the `Kernel` that
//! `compiler_solution::square_sincos_at` hands to `Level::run`. This crate gives it the
//! exercise's names; the tests in `exercises/16_vectors/tests` run against both.

use num_complex::Complex64;
use simd::{Level, Simd};

pub use compiler_solution::{cis_turns_simd, square_positions};

/// `S::LANES` phases at a time, the tail one at a time.
#[inline(always)]
pub fn sum_cis<S: Simd>(s: S, hi: f64, kj: f64, x: &[f64], y: &[f64]) -> Complex64 {
    compiler_solution::sum_cis_simd(s, hi, kj, x, y)
}

/// The square crystal with the instructions of `level`, chosen once for the whole grid.
pub fn square_at(level: Level, n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    compiler_solution::square_sincos_at(level, n, h, k)
}
