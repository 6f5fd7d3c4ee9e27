//! Cosine chapter exercise: the sum of cos(k)/k for k = 1..=n (k in radians), which converges
//! to -ln(2 sin(1/2)) = 0.0420195...
//!
//! Fill in the functions below until `cargo test` in this folder passes. The chapter in the
//! book (`book/src/13_cosine.md`) explains each step; `cargo workbook check cosine` runs these
//! tests and summarises them. Every function returns 0.0 for n = 0.

/// Terms per chunk of [`cos_parallel`], and its re-synchronisation interval.
pub const RESYNC: u64 = 4096;

/// The value the series converges to: -ln(2 sin(1/2)).
pub fn cos_limit() -> f64 {
    todo!("-ln(2 sin(1/2))")
}

/// The straightforward sum: one call to `f64::cos` per term, added in order of k.
pub fn cos_libm(n: u64) -> f64 {
    todo!("sum cos(k) / k")
}

/// The same terms with a rayon parallel iterator over `1..=n`, mapped and summed.
pub fn cos_libm_parallel(n: u64) -> f64 {
    todo!("into_par_iter, map, sum")
}

/// The series without a cosine per term: cos(k) and sin(k) follow from cos(k-1) and sin(k-1)
/// by one rotation, the complex multiply (c + i s)(cos 1 + i sin 1). Rounding makes the
/// rotation drift, so start again from exact values (`f64::sin_cos`) every `resync` terms: cut
/// 1..=n into chunks of `resync` terms (1..=resync, resync+1..=2 resync, ..., the last one
/// ending at n), sum each chunk starting from exact values, and add the chunks' sums in order.
/// `resync` is at least 1.
pub fn cos_rotation(n: u64, resync: u64) -> f64 {
    todo!("rotate (cos, sin) from term to term, re-synchronising every `resync` terms")
}

/// [`cos_rotation`]`(n, RESYNC)` on every core: the same chunks, summed in parallel, with the
/// chunks' sums added in order. The result must be the same bits as
/// `cos_rotation(n, RESYNC)`, whatever the number of threads.
pub fn cos_parallel(n: u64) -> f64 {
    todo!("the chunks of cos_rotation, in parallel, added in order")
}
