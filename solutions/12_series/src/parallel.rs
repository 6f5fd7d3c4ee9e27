//! The direct sum on every core: a reduction.

use crate::base::{CHUNK, for_each_nine_free, has_nine};
use rayon::prelude::*;

// ANCHOR: parallel
/// Rayon splits `1..=n` among the threads, each thread sums its pieces, and the partial sums
/// are added as the pieces come back together. Where the splits fall depends on the number of
/// threads and on timing, so the last bits of the result can change from run to run.
pub fn slow_parallel(n: u64) -> f64 {
    (1..=n)
        .into_par_iter()
        .filter(|&k| !has_nine(k))
        .map(|k| 1.0 / k as f64)
        .sum()
}
// ANCHOR_END: parallel

// ANCHOR: chunked
/// The sum of the terms for k in `first..=last`, in order.
fn partial(first: u64, last: u64) -> f64 {
    let mut total = 0.0;
    for_each_nine_free(first, last, |k| total += 1.0 / k as f64);
    total
}

/// The course's `Pool.map` over intervals, made deterministic: the intervals are fixed
/// (`CHUNK` numbers each, whatever the number of threads), each is summed in order, and the
/// partial sums are added in order. Any thread count gives the same bits.
pub fn slow_chunked(n: u64) -> f64 {
    let chunks = n.div_ceil(CHUNK);
    let partials: Vec<f64> = (0..chunks)
        .into_par_iter()
        .map(|c| {
            let first = c * CHUNK + 1;
            partial(first, n.min(first.saturating_add(CHUNK - 1)))
        })
        .collect();
    partials.iter().sum()
}
// ANCHOR_END: chunked
