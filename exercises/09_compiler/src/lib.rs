//! Chapter 9 exercise: `exp(2 pi i u)` without libm, in plain arithmetic that the compiler can
//! vectorise.
//!
//! Fill in the function below until `cargo test` in this folder passes;
//! `cargo workbook check compiler` runs the same tests and summarises them. The chapter in the
//! book is `book/src/09_compiler.md`. `cargo workbook bench compiler --kernel square-cis` times
//! it in the square crystal's sum, one exponential at a time, against the reference's.

/// `(cos 2 pi u, sin 2 pi u)`, within 1e-12 of std's, for |u| up to a few thousand.
///
/// 1. Range reduction: `r = u - round(u)` is in [-1/2, 1/2] (whole turns change nothing);
///    `q = round(4 r)` is a whole number of quarter turns in {-2, ..., 2}, and
///    `t = 2 pi (r - q / 4)` is within [-pi/4, pi/4].
/// 2. On that interval, Taylor polynomials are enough: sin t to the t^13 term and cos t to the
///    t^14 term (evaluate them in t^2 with Horner's rule).
/// 3. Multiply `cos t + i sin t` by `i^q`: a swap of the two parts and sign changes.
///
/// For the compiler to vectorise a loop of calls, avoid branches and calls: `f64::round` is a
/// call to libm on baseline x86-64, but `(x + 1.5 * 2^52) - 1.5 * 2^52` rounds any |x| < 2^51.
// `#[inline]` lets the chapter's runner, another crate, inline it into its loops.
#[inline]
pub fn cis_turns(u: f64) -> (f64, f64) {
    todo!("range reduction, two polynomials, a quarter-turn rotation")
}
