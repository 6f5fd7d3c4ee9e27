//! Chapter 6 exercise: the circular crystal, the square's sum restricted to the cells inside a
//! disk.
//!
//! Fill in the functions below, in order, until `cargo test` in this folder passes;
//! `cargo workbook check circle` runs the same tests and summarises them. The chapter in the
//! book is `book/src/06_circle.md`. Every kernel has chapter 1's signature,
//! `f(n, h, k) -> intensities`, and stores its grid row by row: `result[i * k.len() + j]` is the
//! intensity at `(h[i], k[j])`.

/// Chapter 1's axis (its reference version): `oversampling * n` points from `center - 0.5`.
pub use laue_solution::axis;

/// The support function Omega of a circular crystal of diameter `n`: is cell `(cn, cm)` inside
/// the disk of radius R = N/2 centred on (N/2, N/2)?
///
/// Inside means `(cn - N/2)^2 + (cm - N/2)^2 <= (N/2)^2`, computed in f64 (N may be odd).
pub fn inside(n: usize, cn: usize, cm: usize) -> bool {
    todo!("the support function of the disk")
}

/// The circular crystal's intensity: chapter 1's `laue_naive`, where a cell contributes its
/// `exp(2 pi i (h cn + k cm))` only when it is [`inside`] the disk.
pub fn circle_naive(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    todo!("laue_naive with a branch on the support")
}
