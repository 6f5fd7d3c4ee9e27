//! Chapter 8 exercise: the square crystal again, told apart by the memory it uses.
//!
//! Fill in the functions below, in order, until `cargo test` in this folder passes;
//! `cargo workbook check temporaries` runs the same tests and summarises them. The chapter in
//! the book is `book/src/08_temporaries.md`. Every kernel has chapter 1's signature,
//! `f(n, h, k) -> intensities`, and stores its grid row by row: `result[i * k.len() + j]` is the
//! intensity at `(h[i], k[j])`.

/// Chapter 1's axis (its reference version): `oversampling * n` points from `center - 0.5`.
pub use laue_solution::axis;

/// What the course's NumPy one-liner does, in Rust: first an array of the phases
/// `2 pi (h[i] cn + k[j] cm)` for every (i, j, cn, cm) (h.len() * k.len() * n * n values, in that
/// order), then an array of their complex exponentials, then one sum per (i, j).
/// Keep both arrays: the point is to see (with `cargo workbook heap`) what they cost.
pub fn square_materialised(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    todo!("materialise the phases and the exponentials, then sum")
}

/// The same intensities, with every exponential added to its sum as soon as it is computed:
/// the result is the only allocation. Try writing it with iterators (`map`, `sum`, `collect`).
pub fn square_fused(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    todo!("fuse: no array but the result")
}
