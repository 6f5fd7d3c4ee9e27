//! The direct sum: test every k, one at a time. The digit test, [`has_nine`](crate::has_nine),
//! is in `base.rs`, because the parallel and the block versions use it too.

/// The course's first version: for k = 1..=n, format k as text (`k.to_string()`) and add
/// 1/k when the text has no '9'. Add the terms in order of k.
pub fn slow_string(n: u64) -> f64 {
    todo!("format every k and look for '9'")
}

/// The same sum as [`slow_string`], with [`has_nine`](crate::has_nine) as the test; add the
/// terms in order of k, so that the result is bit for bit the same as `slow_string`'s.
pub fn slow_digits(n: u64) -> f64 {
    todo!("sum 1/k over the k without a 9, testing digits with integers")
}

/// The careful direct sum: the terms of [`slow_digits`], in the same order, added with
/// compensated summation (use your [`Kahan`](crate::Kahan) accumulator, in `base.rs`).
pub fn slow_kahan(n: u64) -> f64 {
    todo!("slow_digits with a Kahan accumulator")
}
