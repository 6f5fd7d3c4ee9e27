//! Three ways to add many floating-point numbers, with different rounding errors (the
//! compensated accumulator [`Kahan`](crate::Kahan) itself is in `base.rs`).

/// The sum of `terms` with a [`Kahan`](crate::Kahan) accumulator.
pub fn kahan_sum(terms: &[f64]) -> f64 {
    todo!("compensated summation")
}

/// The sum of `terms` by halving: sum each half (recursively), then add the two. Below a few
/// dozen terms, a plain loop is fine.
pub fn pairwise_sum(terms: &[f64]) -> f64 {
    todo!("recursive halving")
}

/// The terms of [`slow_digits`](crate::slow_digits) added with [`pairwise_sum`]. Do not keep
/// all the terms at once (for n = 10^8 that is hundreds of megabytes): collect the terms of
/// one chunk of [`CHUNK`](crate::CHUNK) numbers at a time into a buffer, sum it pairwise, and
/// sum the chunks' sums pairwise at the end.
pub fn slow_pairwise(n: u64) -> f64 {
    todo!("pairwise sums of chunk buffers, then of the chunk sums")
}
