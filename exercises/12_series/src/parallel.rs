//! The direct sum on every core: a reduction.

/// The direct sum on every core: a rayon parallel iterator over `1..=n`
/// (`(1..=n).into_par_iter()`), filtered, mapped to 1/k, and summed.
pub fn slow_parallel(n: u64) -> f64 {
    todo!("into_par_iter, filter, map, sum")
}

/// The direct sum on every core, reproducible: cut 1..=n into chunks of
/// [`CHUNK`](crate::CHUNK) numbers (1..=CHUNK, CHUNK+1..=2 CHUNK, ..., the last one ending at
/// n), sum each chunk in order of k (in parallel, one chunk per task), then add the chunks'
/// sums in order of the chunks. The result must be the same, bit for bit, whatever the number
/// of threads.
pub fn slow_chunked(n: u64) -> f64 {
    todo!("fixed chunks, partial sums in parallel, partial sums added in order")
}
