//! Three ways to add many floating-point numbers, with different rounding errors (the
//! compensated accumulator [`Kahan`] itself is in `base.rs`, which the direct sums share).

use crate::base::{CHUNK, Kahan, for_each_nine_free};

// ANCHOR: kahan
/// The sum of `terms` with compensated (Kahan-Neumaier) summation: an error of a few units
/// in the last place of the result, whatever the number of terms.
pub fn kahan_sum(terms: &[f64]) -> f64 {
    let mut acc = Kahan::default();
    for &x in terms {
        acc.add(x);
    }
    acc.value()
}
// ANCHOR_END: kahan

// ANCHOR: pairwise
/// The sum of `terms` by halving: the two halves are summed separately, then added. Each
/// term goes through about log2(len) additions instead of up to len, so the rounding error
/// grows like log(n) rather than n.
pub fn pairwise_sum(terms: &[f64]) -> f64 {
    // Below this size a plain loop is as accurate in practice and much faster than recursing.
    const BASE: usize = 32;
    if terms.len() <= BASE {
        terms.iter().sum()
    } else {
        let (left, right) = terms.split_at(terms.len() / 2);
        pairwise_sum(left) + pairwise_sum(right)
    }
}
// ANCHOR_END: pairwise

// ANCHOR: slow_pairwise
/// The terms of [`crate::slow_digits`], added pairwise. Keeping all 4.3 10^7 terms of n = 10^8
/// would take 344 MB, so the terms of one chunk of [`CHUNK`] numbers at a time go into a
/// buffer that is summed pairwise, and the chunks' sums are summed pairwise at the end.
pub fn slow_pairwise(n: u64) -> f64 {
    let mut terms = Vec::new();
    let mut chunk_sums = Vec::new();
    let mut first = 1_u64;
    while first <= n {
        let last = n.min(first.saturating_add(CHUNK - 1));
        terms.clear();
        for_each_nine_free(first, last, |k| terms.push(1.0 / k as f64));
        chunk_sums.push(pairwise_sum(&terms));
        if last == n {
            break;
        }
        first = last + 1;
    }
    pairwise_sum(&chunk_sums)
}
// ANCHOR_END: slow_pairwise
