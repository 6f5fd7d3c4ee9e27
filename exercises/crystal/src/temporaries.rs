//! The square crystal, told apart by the memory it uses.

/// What the course's NumPy one-liner does, in Rust: first an array of the phases
/// `2 pi (h[i] cn + k[j] cm)` for every (i, j, cn, cm) (h.len() * k.len() * n * n values, in that
/// order), then an array of their complex exponentials, then one sum per (i, j).
/// Keep both arrays: the point is to see (with `workbook heap`) what they cost.
pub fn square_materialised(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    todo!("materialise the phases and the exponentials, then sum")
}

/// The same intensities, with every exponential added to its sum as soon as it is computed:
/// the result is the only allocation. Try writing it with iterators (`map`, `sum`, `collect`).
pub fn square_fused(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    todo!("fuse: no array but the result")
}
