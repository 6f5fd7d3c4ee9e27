//! Series chapter exercise: the sum of 1/k over the k = 1..=n whose decimal form has no
//! digit 9. The series converges (to 22.92067661926415...), but so slowly that summing it term
//! by term is a good workout for a processor.
//!
//! Fill in the functions below, roughly in order, until `cargo test` in this folder passes.
//! The chapter in the book (`book/src/12_series.md`) explains each step; `cargo workbook check series`
//! runs these tests and summarises them. Every `slow_*` function returns 0.0 for n = 0.

/// Numbers per chunk of [`slow_chunked`]. The chunks are fixed whatever the number of threads:
/// that is what makes the sum reproducible.
pub const CHUNK: u64 = 1 << 20;

/// The course's first version: for k = 1..=n, format k as text (`k.to_string()`) and add
/// 1/k when the text has no '9'. Add the terms in order of k.
pub fn slow_string(n: u64) -> f64 {
    todo!("format every k and look for '9'")
}

/// Does the decimal form of `k` contain the digit 9? Use integer arithmetic only: `k % 10` is
/// the last digit, `k / 10` drops it. (`has_nine(0)` is false.)
pub fn has_nine(k: u64) -> bool {
    todo!("peel off the digits of k with % 10 and / 10")
}

/// The same sum as [`slow_string`], with [`has_nine`] as the test; add the terms in order of
/// k, so that the result is bit for bit the same as `slow_string`'s.
pub fn slow_digits(n: u64) -> f64 {
    todo!("sum 1/k over the k without a 9, testing digits with integers")
}

/// The careful direct sum: the terms of [`slow_digits`], in the same order, added with
/// compensated summation (use your [`Kahan`] accumulator).
pub fn slow_kahan(n: u64) -> f64 {
    todo!("slow_digits with a Kahan accumulator")
}

/// The terms of [`slow_digits`] added with [`pairwise_sum`]. Do not keep all the terms at
/// once (for n = 10^8 that is hundreds of megabytes): collect the terms of one chunk of
/// [`CHUNK`] numbers at a time into a buffer, sum it pairwise, and sum the chunks' sums
/// pairwise at the end.
pub fn slow_pairwise(n: u64) -> f64 {
    todo!("pairwise sums of chunk buffers, then of the chunk sums")
}

/// The direct sum on every core: a rayon parallel iterator over `1..=n`
/// (`(1..=n).into_par_iter()`), filtered, mapped to 1/k, and summed.
pub fn slow_parallel(n: u64) -> f64 {
    todo!("into_par_iter, filter, map, sum")
}

/// The direct sum on every core, reproducible: cut 1..=n into chunks of [`CHUNK`] numbers
/// (1..=CHUNK, CHUNK+1..=2 CHUNK, ..., the last one ending at n), sum each chunk in order of k
/// (in parallel, one chunk per task), then add the chunks' sums in order of the chunks. The
/// result must be the same, bit for bit, whatever the number of threads.
pub fn slow_chunked(n: u64) -> f64 {
    todo!("fixed chunks, partial sums in parallel, partial sums added in order")
}

/// The direct sum without testing every k. When a digit of k is 9, every number up to the next
/// change of that digit contains a 9 too: jump over them (for instance from 190 straight to
/// 200, from 8900 to 10000). One way: handle k below 100 directly; then, for every hundred
/// h = 1, 2, ... whose digits have no 9, add 1/(100 h + e) for the 81 endings e = 00..88
/// without a 9 (a table), jumping over the hundreds that contain a 9; then the ragged end
/// up to n, directly.
pub fn slow_blocks(n: u64) -> f64 {
    todo!("skip every block of numbers that contains a 9")
}

/// [`slow_blocks`] on every core: cut the hundreds into fixed chunks, sum them in parallel,
/// add the chunks' sums in order, so that any number of threads gives the same bits.
pub fn slow_blocks_parallel(n: u64) -> f64 {
    todo!("slow_blocks over fixed chunks of hundreds, in parallel")
}

/// The slow series for k = 1..=n by the method of Schmelzer and Baillie: group the numbers
/// without a 9 by their leading digits (a prefix p followed by every ending of `len` digits
/// without a 9), and sum each group from precomputed power sums of its endings:
/// `sum_s 1/(p 10^len + s) = (1/p) sum_j (-1/p)^j V_len(j)`, where
/// `V_len(j) = 10^-len sum_s (s / 10^len)^j` (see the book for the recurrence over `len`).
/// Handle any n, not only powers of ten: whole decades, then the groups below n.
/// Relative error at most 1e-13 for every n.
pub fn slow_grouped(n: u128) -> f64 {
    todo!("sum whole groups of 9-free numbers from power sums of their endings")
}

/// How many of the numbers 1..=n have no digit 9 (the same walk as [`slow_grouped`], counting:
/// a group of endings of `len` digits holds 9^len numbers).
pub fn count_nine_free(n: u128) -> u128 {
    todo!("count the 9-free numbers up to n, group by group")
}

/// The sum over every k without a 9 (the limit of the series), to f64 precision: add whole
/// decades (all numbers of d digits) until one no longer changes the sum.
pub fn slow_limit() -> f64 {
    todo!("add whole decades until they no longer count")
}

/// A running sum with compensation (Kahan, or better Neumaier's variant): `add` each term,
/// then `value` gives the sum with an error of a few units in the last place.
#[derive(Debug, Default, Clone, Copy)]
pub struct Kahan {
    sum: f64,
    carry: f64,
}

impl Kahan {
    /// Adds `x`, keeping the low-order bits that the sum cannot hold in `carry`.
    pub fn add(&mut self, x: f64) {
        todo!("compensated addition")
    }

    /// The sum so far, with the carried bits added back.
    pub fn value(&self) -> f64 {
        todo!("the sum plus the carry")
    }
}

/// The sum of `terms` with a [`Kahan`] accumulator.
pub fn kahan_sum(terms: &[f64]) -> f64 {
    todo!("compensated summation")
}

/// The sum of `terms` by halving: sum each half (recursively), then add the two. Below a few
/// dozen terms, a plain loop is fine.
pub fn pairwise_sum(terms: &[f64]) -> f64 {
    todo!("recursive halving")
}
