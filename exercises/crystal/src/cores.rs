//! The sums on every core, with rayon.

/// The square crystal with the rows of the grid (one value of `h` each) computed in parallel:
/// `result.par_chunks_mut(k.len())` zipped with `h.par_iter()` gives each task one row.
/// Every point must be computed in the same order as in the serial version.
pub fn square_parallel(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    todo!("the square crystal, one row per rayon task")
}

/// The strained crystal, positions computed once (see `strain::positions`), rows in parallel.
pub fn strained_parallel(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    todo!("the strained crystal, one row per rayon task")
}
