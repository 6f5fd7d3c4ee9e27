//! Part II exercise: the crystal, all the way.
//!
//! One module per step of Part II of the book; fill in the functions of each module in book
//! order until its tests pass (`cargo test --test circle` in this folder, or
//! `cargo workbook check crystal`). Every kernel has chapter 1's signature,
//! `f(n, h, k) -> intensities`, and stores its grid row by row: `result[i * k.len() + j]` is
//! the intensity at `(h[i], k[j])`.

pub mod algorithm;
pub mod circle;
pub mod cores;
pub mod sincos;
pub mod strain;
pub mod temporaries;

/// Chapter 1's axis (its reference version): `oversampling * n` points from `center - 0.5`.
pub use laue_solution::axis;
