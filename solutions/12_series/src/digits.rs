//! The direct sum: test every k, one at a time. The digit test that the other modules share,
//! and the walk over the numbers without a 9, are in `base.rs`.

use crate::base::{Kahan, for_each_nine_free, has_nine};

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

// ANCHOR: split
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
    fn split_sum_is_the_same_bits_as_testing_each_k() {
        for n in [0, 1, 9, 10, 9_999, 10_000, 10_001, 123_456, 1_000_000] {
            assert_eq!(slow_digits(n), slow_digits_each(n), "n = {n}");
        }
    }
}
