//! Part II reference solution: the crystal, all the way.
//!
//! The same API as the exercise crate `crystal`; the tests in `exercises/crystal/tests` run
//! against both. Every kernel has chapter 1's signature, `f(n, h, k) -> intensities`, and stores
//! its grid row by row: `result[i * k.len() + j]` is the intensity at `(h[i], k[j])`.
//!
//! - [`circle`]: the circular crystal, its support function, and what a branch costs;
//! - [`strain`]: the strained circular crystal, and its cells' positions computed once;
//! - [`temporaries`]: the square crystal with a NumPy-like temporary array, in chunks, and fused;
//! - [`sincos`]: a polynomial `exp(2 pi i u)` that the compiler can vectorise;
//! - [`cores`]: the same sums on every core with rayon;
//! - [`algorithm`]: the square crystal through an FFT, the strained one as a matrix product.

pub mod algorithm;
pub mod circle;
pub mod cores;
pub mod sincos;
pub mod strain;
pub mod temporaries;

pub use laue_solution::axis;
