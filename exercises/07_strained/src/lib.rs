//! Chapter 7 exercise: the strained circular crystal, each cell of the disk pushed outwards a
//! little, more so near the surface.
//!
//! Fill in the functions below, in order, until `cargo test` in this folder passes;
//! `cargo workbook check strained` runs the same tests and summarises them. The chapter in the
//! book is `book/src/07_strained.md`. Every kernel has chapter 1's signature,
//! `f(n, h, k) -> intensities`, and stores its grid row by row: `result[i * k.len() + j]` is the
//! intensity at `(h[i], k[j])`.

/// Chapter 6's support function (its reference version): is cell `(cn, cm)` inside the disk?
pub use circle_solution::inside;
/// Chapter 1's axis (its reference version): `oversampling * n` points from `center - 0.5`.
pub use laue_solution::axis;

/// The largest strain, reached at the surface of the crystal.
pub const E0: f64 = 0.01;
/// The width of the strain profile below the surface, in cells.
pub const W: f64 = 5.0;

/// The displacement `(Delta n, Delta m)` of cell `(cn, cm)` of a crystal of diameter `n`:
///
/// `Delta n = E0 (cn - N/2) (1 + tanh((r - N/2) / W))`, likewise for m with `cm - N/2`,
/// where `r = sqrt((cn - N/2)^2 + (cm - N/2)^2)` is the distance to the centre.
pub fn displacement(n: usize, cn: usize, cm: usize) -> (f64, f64) {
    todo!("the displacement of one cell")
}

/// The strained crystal's intensity, straight from the formula: for every (h, k) and every
/// cell [`inside`] the disk, add `exp(2 pi i (h (cn + Delta n) + k (cm + Delta m)))`.
/// Compute the displacement inside the loops, where the formula has it.
pub fn strained_naive(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    todo!("the strained sum, displacement computed for every term")
}

/// The displaced positions `(x, y)` of the cells inside the disk: `x = cn + Delta n`,
/// `y = cm + Delta m`, listed cell by cell with `cn` in the outer loop and `cm` in the inner one.
pub fn positions(n: usize) -> (Vec<f64>, Vec<f64>) {
    todo!("list the displaced positions of the cells inside the disk")
}

/// [`strained_naive`] with the positions computed once, before the loops over (h, k): they do
/// not depend on h or k. Then sum `exp(2 pi i (h x + k y))` over the list.
pub fn strained_positions(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    todo!("hoist the positions out of the loops")
}
