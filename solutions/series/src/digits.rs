//! The direct sum: test every k, one at a time.

use crate::summation::Kahan;

// ANCHOR: string
/// The course's first version: write k in decimal and look for the character '9'.
/// Every term allocates a `String` on the heap, which `workbook heap` makes visible.
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

// ANCHOR: digits
/// Does the decimal form of `k` contain the digit 9? Peels off one digit at a time with
/// integer division: no text, no allocation.
pub fn has_nine(mut k: u64) -> bool {
    while k > 0 {
        if k % 10 == 9 {
            return true;
        }
        k /= 10;
    }
    false
}

/// The same sum as [`slow_string`], with the digit test done on integers.
pub fn slow_digits(n: u64) -> f64 {
    let mut total = 0.0;
    for k in 1..=n {
        if !has_nine(k) {
            total += 1.0 / k as f64;
        }
    }
    total
}
// ANCHOR_END: digits

/// [`slow_digits`] with compensated summation: the same terms in the same order, with the
/// rounding error of the additions carried along. The careful direct sum.
pub fn slow_kahan(n: u64) -> f64 {
    let mut total = Kahan::default();
    for k in 1..=n {
        if !has_nine(k) {
            total.add(1.0 / k as f64);
        }
    }
    total.value()
}
