//! The method of Schmelzer & Baillie (2008), in the form used here: the numbers without a 9
//! come in groups that share their leading digits, and a whole group is summed at once from
//! precomputed power sums of its endings.
//!
//! A group is a prefix `p` (no 9, at least `MIN_PREFIX`) followed by every ending `s` of `len`
//! digits without a 9. With `x = p 10^len` and `u = s / 10^len` (so 0 <= u < 1),
//!
//!   sum_s 1 / (x + s) = (1 / p) sum_j (-1/p)^j V_len(j),   V_len(j) = 10^-len sum_s u^j,
//!
//! a geometric-like series in 1/p that needs few terms once p >= 10. The V_len(j) come from a
//! recurrence over `len`, so the whole sum up to n costs microseconds, for n up to 10^38.

use std::sync::OnceLock;

/// Powers kept in the expansion: the terms fall at least as fast as 10^-j, so 20 of them
/// leave an error far below one unit in the last place.
const TERMS: usize = 20;
/// Groups are summed by the expansion only when their prefix is at least this large; smaller
/// prefixes are split into their ten (nine, without the 9) longer prefixes first.
const MIN_PREFIX: u128 = 10;
/// Ending lengths with precomputed power sums: enough for every u128, and for the limit (the
/// sum over all decades, which fall by a factor of about 0.9 each).
const MAX_LEN: usize = 500;

// ANCHOR: power_sums
/// `v[len][j]` = 10^-len * sum over the endings s of `len` digits (no 9) of (s / 10^len)^j.
///
/// An ending of len + 1 digits is a digit m (0..=8) followed by an ending t of len digits:
/// u = (m + u_t) / 10, and the binomial theorem gives
/// V_{len+1}(j) = 10^-(j+1) sum_m sum_i C(j, i) m^(j-i) V_len(i).
fn power_sums() -> &'static [[f64; TERMS]] {
    static TABLE: OnceLock<Vec<[f64; TERMS]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // step[j][i] = 10^-(j+1) C(j, i) sum_m m^(j-i): the recurrence as a matrix.
        let mut step = [[0.0_f64; TERMS]; TERMS];
        let mut binomial = [[0.0_f64; TERMS]; TERMS];
        for j in 0..TERMS {
            binomial[j][0] = 1.0;
            for i in 1..=j {
                binomial[j][i] = binomial[j - 1][i - 1] + binomial[j - 1][i];
            }
        }
        for (j, row) in step.iter_mut().enumerate() {
            for (i, cell) in row.iter_mut().enumerate().take(j + 1) {
                let digit_powers: f64 = (0..9).map(|m| (m as f64).powi((j - i) as i32)).sum();
                *cell = binomial[j][i] * digit_powers / 10f64.powi(j as i32 + 1);
            }
        }
        let mut table = Vec::with_capacity(MAX_LEN + 1);
        let mut v = [0.0_f64; TERMS];
        v[0] = 1.0; // the empty ending: s = 0, and 0^0 = 1
        table.push(v);
        for _ in 0..MAX_LEN {
            let mut next = [0.0_f64; TERMS];
            for (j, out) in next.iter_mut().enumerate() {
                *out = (0..=j).map(|i| step[j][i] * v[i]).sum();
            }
            v = next;
            table.push(v);
        }
        table
    })
}
// ANCHOR_END: power_sums

// ANCHOR: group
/// The sum of 1/k over the k made of the prefix `p` (no 9) followed by any `len` digits
/// without a 9.
fn group(p: u128, len: usize, v: &[[f64; TERMS]]) -> f64 {
    if len == 0 {
        return 1.0 / p as f64;
    }
    if p < MIN_PREFIX {
        // The expansion converges like (1/p)^j: too slowly for a one-digit prefix.
        return (0..9).map(|m| group(10 * p + m, len - 1, v)).sum();
    }
    let x = -1.0 / p as f64;
    // Horner's rule for sum_j x^j V_len(j).
    let series = v[len].iter().rev().fold(0.0, |acc, &vj| acc * x + vj);
    series / p as f64
}

/// The sum over every number of `digits` digits without a 9.
fn decade(digits: usize, v: &[[f64; TERMS]]) -> f64 {
    (1..9).map(|m| group(m, digits - 1, v)).sum()
}
// ANCHOR_END: group

/// Decimal digits of `n`, most significant first.
fn decimal_digits(mut n: u128) -> Vec<u8> {
    let mut digits = Vec::new();
    while n > 0 {
        digits.push((n % 10) as u8);
        n /= 10;
    }
    digits.reverse();
    digits
}

/// Walks the numbers below `bound`: every shorter decade whole, then for each position i the
/// numbers that agree with `bound` before i and have a smaller digit at i. `whole(digits)` and
/// `part(prefix, len)` give one decade's and one group's share; the walk adds them up.
fn walk_below<T: std::ops::AddAssign + Default>(
    bound: u128,
    whole: impl Fn(usize) -> T,
    part: impl Fn(u128, usize) -> T,
) -> T {
    let digits = decimal_digits(bound);
    let mut total = T::default();
    for d in 1..digits.len() {
        total += whole(d);
    }
    let mut prefix = 0_u128;
    for (i, &digit) in digits.iter().enumerate() {
        let len = digits.len() - 1 - i;
        let lowest = if i == 0 { 1 } else { 0 };
        for m in lowest..digit.min(9) {
            total += part(10 * prefix + m as u128, len);
        }
        if digit == 9 {
            // Every remaining number below `bound` with this prefix contains a 9.
            break;
        }
        prefix = 10 * prefix + digit as u128;
    }
    total
}

// ANCHOR: grouped
/// The slow series for k = 1..=n, group by group: microseconds for any n up to 10^38.
pub fn slow_grouped(n: u128) -> f64 {
    let v = power_sums();
    let below = |bound| walk_below(bound, |d| decade(d, v), |p, len| group(p, len, v));
    match n.checked_add(1) {
        Some(bound) => below(bound),
        // n = u128::MAX: the numbers below n, then n itself.
        None => below(n) + if has_no_nine(n) { 1.0 / n as f64 } else { 0.0 },
    }
}
// ANCHOR_END: grouped

fn has_no_nine(mut n: u128) -> bool {
    while n > 0 {
        if n % 10 == 9 {
            return false;
        }
        n /= 10;
    }
    true
}

/// How many of 1..=n have no digit 9: the same walk with 9^len numbers per group.
pub fn count_nine_free(n: u128) -> u128 {
    let endings = |len: usize| 9_u128.pow(len as u32);
    let below = |bound| walk_below(bound, |d| 8 * endings(d - 1), |_, len| endings(len));
    match n.checked_add(1) {
        Some(bound) => below(bound),
        None => below(n) + u128::from(has_no_nine(n)),
    }
}

// ANCHOR: limit
/// The sum over every k without a 9: all decades, until one adds nothing at f64 precision
/// (each decade holds about 0.9 times the one before).
pub fn slow_limit() -> f64 {
    let v = power_sums();
    let mut total = 0.0;
    for d in 1..=MAX_LEN {
        let share = decade(d, v);
        total += share;
        if share < total * 1e-18 {
            break;
        }
    }
    total
}
// ANCHOR_END: limit
