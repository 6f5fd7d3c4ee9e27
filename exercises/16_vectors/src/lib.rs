//! Chapter 16 exercise: chapter 9's direct sum written once for every instruction set, and the
//! widest one this CPU has chosen when the program runs.
//!
//! Fill in the two functions below until `cargo test` in this folder passes;
//! `cargo workbook check vectors` runs the same tests and summarises them. The chapter in the
//! book is `book/src/16_vectors.md`. `cargo workbook bench vectors --kernel square-dispatched`
//! times yours against the reference.
//!
//! The crate `simd` (in `simd/` at the workbook's root) gives the pieces: `S: Simd` stands for
//! one instruction set (`s.splat(x)`, `s.load(&slice[i..])`, `S::LANES` numbers per vector),
//! `S::V` is its vector (`+ - * /`, `a.mul_add(b, c)`, `v.sum()`), and `Level::run` compiles a
//! `Kernel` for the set the level names.

use num_complex::Complex64;
use simd::{Level, Simd};

pub use compiler_solution::{cis_turns_simd, square_positions};

/// The sum over cells `c` of `exp(2 pi i (hi x[c] + kj y[c]))`, `S::LANES` cells at a time with
/// [`cis_turns_simd`], and the cells left over (fewer than `S::LANES`) one at a time with
/// chapter 9's scalar `compiler_solution::cis_turns`. Within 1e-12 of a plain sum, relative to
/// the number of cells.
///
/// Keep it `#[inline(always)]`, and call nothing but inlined functions from it: a call to a
/// function of its own would be compiled for the baseline, not for the instruction set the
/// kernel that calls this one is compiled for.
#[inline(always)]
pub fn sum_cis<S: Simd>(s: S, hi: f64, kj: f64, x: &[f64], y: &[f64]) -> Complex64 {
    todo!("S::LANES phases at a time: load, cis_turns_simd, two vector sums; then the tail")
}

/// The square crystal's intensities `|sum|^2` over the grid `h` x `k` (row by row:
/// `result[i * k.len() + j]` is at `(h[i], k[j])`), every sum by [`sum_cis`], compiled for the
/// instructions of `level`: write a struct that holds the inputs, implement `simd::Kernel` for
/// it (its `run::<S>` loops over the grid; mark it `#[inline(always)]`), and hand it to
/// `level.run`.
pub fn square_at(level: Level, n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    todo!("a Kernel whose run loops over the grid with sum_cis, run by level.run")
}
