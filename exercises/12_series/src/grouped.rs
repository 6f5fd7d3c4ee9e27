//! The method of Schmelzer & Baillie (2008): the numbers without a 9 come in groups that share
//! their leading digits, and a whole group is summed at once from precomputed power sums of
//! its endings.

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
