//! The direct sum: test every k, one at a time.

use crate::summation::Kahan;

// ANCHOR: string
/// The course's first version: write k in decimal and look for the character '9'.
/// Every term allocates a `String` on the heap, which `cargo workbook heap` makes visible.
pub fn slow_string(n: u64) -> f64 {
    let mut total = 0.0;
    for k in 1..=n {
        if !k.to_string().contains('9') {
            total += 1.0 / k as f64;
        }
    }
    total
}
// ANCHOR_END: string

// ANCHOR: digit_by_digit
/// Does the decimal form of `k` contain the digit 9? The first integer version peels off one
/// digit at a time: no text, no allocation. (The solution uses [`has_nine`], which does the
/// same four digits at a time; this one is its reference in the unit tests.)
// Shown in the book as the first integer version; only the unit tests call it.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn has_nine_digit_by_digit(mut k: u64) -> bool {
    while k > 0 {
        if k % 10 == 9 {
            return true;
        }
        k /= 10;
    }
    false
}
// ANCHOR_END: digit_by_digit

// ANCHOR: digits
/// The same sum as [`slow_string`], with the digit test done on integers, one k at a time.
/// (The solution's [`slow_digits`] splits the test in two; this is its reference in the unit
/// tests.)
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn slow_digits_each(n: u64) -> f64 {
    let mut total = 0.0;
    for k in 1..=n {
        if !has_nine(k) {
            total += 1.0 / k as f64;
        }
    }
    total
}
// ANCHOR_END: digits

// ANCHOR: by_fours
/// For every group of four digits 0000..9999: does it contain a 9? 10 kB, which stays in the
/// fastest cache.
static NINE_IN_FOUR_DIGITS: [bool; 10_000] = {
    let mut table = [false; 10_000];
    let mut i = 0;
    while i < 10_000 {
        table[i] = i % 10 == 9 || i / 10 % 10 == 9 || i / 100 % 10 == 9 || i / 1000 == 9;
        i += 1;
    }
    table
};

/// Does the decimal form of `k` contain the digit 9? Four digits per step: each step is one
/// division by a constant (a multiplication and a shift) and one table lookup, so an 8-digit
/// number takes two steps instead of eight.
pub fn has_nine(mut k: u64) -> bool {
    while k > 0 {
        if NINE_IN_FOUR_DIGITS[(k % 10_000) as usize] {
            return true;
        }
        k /= 10_000;
    }
    false
}
// ANCHOR_END: by_fours

// ANCHOR: split
/// Calls `visit(k)` for every k in `first..=last` (first >= 1) whose decimal form has no 9,
/// in increasing order. Every k is tested, in two parts: k = 10^4 high + low. The high part
/// changes only once every 10^4 numbers, so it is tested once per block of 10^4; the low part
/// is the counter of the inner loop, and its test is one lookup in the table, no division.
pub(crate) fn for_each_nine_free(first: u64, last: u64, mut visit: impl FnMut(u64)) {
    if first > last {
        return;
    }
    let mut high = first / 10_000;
    let mut low = (first % 10_000) as usize;
    loop {
        let base = high * 10_000;
        let high_has_nine = has_nine(high);
        let end = (last - base).min(9_999) as usize;
        let numbers = base + low as u64..=base + end as u64;
        for (&low_has_nine, k) in NINE_IN_FOUR_DIGITS[low..=end].iter().zip(numbers) {
            if !(high_has_nine || low_has_nine) {
                visit(k);
            }
        }
        if base + end as u64 == last {
            break;
        }
        high += 1;
        low = 0;
    }
}

/// The same sum as [`slow_string`]: the same terms added in the same order, so the same bits,
/// with the digit test split between the high and the low part of k.
pub fn slow_digits(n: u64) -> f64 {
    let mut total = 0.0;
    for_each_nine_free(1, n, |k| total += 1.0 / k as f64);
    total
}
// ANCHOR_END: split

/// [`slow_digits`] with compensated summation: the same terms in the same order, with the
/// rounding error of the additions carried along. The careful direct sum.
pub fn slow_kahan(n: u64) -> f64 {
    let mut total = Kahan::default();
    for_each_nine_free(1, n, |k| total.add(1.0 / k as f64));
    total.value()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_digits_at_a_time_agrees_with_one_at_a_time() {
        let big = [
            u64::MAX,
            u64::MAX - 4,
            8_888_888_888_888_888_888,
            10_u64.pow(19),
        ];
        for k in (0..200_000).chain(big) {
            assert_eq!(has_nine(k), has_nine_digit_by_digit(k), "k = {k}");
        }
    }

    #[test]
    fn split_test_visits_exactly_the_nine_free_numbers_in_order() {
        let top = u64::MAX;
        let ranges = [
            (1, 1),
            (5, 4),
            (1, 30_000),
            (9_990, 10_010),
            (89_995, 190_003),
            (top - 20_000, top),
        ];
        for (first, last) in ranges {
            let mut visited = Vec::new();
            for_each_nine_free(first, last, |k| visited.push(k));
            let expected: Vec<u64> = (first..=last).filter(|&k| !has_nine(k)).collect();
            assert_eq!(visited, expected, "{first}..={last}");
        }
    }

    #[test]
    fn split_sum_is_the_same_bits_as_testing_each_k() {
        for n in [0, 1, 9, 10, 9_999, 10_000, 10_001, 123_456, 1_000_000] {
            assert_eq!(slow_digits(n), slow_digits_each(n), "n = {n}");
        }
    }
}
