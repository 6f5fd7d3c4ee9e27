// The cosine chapter tests. They are written once, here, and run against the exercise crate
// (`cargo test` in exercises/13_cosine) and against the reference solution
// (solutions/13_cosine/tests includes this file with `use cosine_solution as cosine;`). Sizes
// are small: these tests run unoptimised. Each test calls the functions its name says:
// `cos_libm_...` passes once `cos_libm` is right, whatever `cos_rotation` does.

use cosine::{RESYNC, cos_libm, cos_libm_parallel, cos_limit, cos_parallel, cos_rotation};

/// A reference written independently: the terms with the standard library's `cos` and a
/// double-double running sum (hi + lo), so that the sum adds no rounding error of its own.
fn careful(n: u64) -> f64 {
    let (mut hi, mut lo) = (0.0_f64, 0.0_f64);
    for k in 1..=n {
        let x = (k as f64).cos() / k as f64;
        let s = hi + x;
        let bb = s - hi;
        lo += (hi - (s - bb)) + (x - bb);
        hi = s;
    }
    hi + lo
}

/// The sum of |cos(k)/k|: rounding errors scale with it, not with the (small) sum itself.
fn scale(n: u64) -> f64 {
    (1..=n).map(|k| ((k as f64).cos() / k as f64).abs()).sum()
}

/// -ln(2 sin(1/2)), to the digits an f64 holds.
const LIMIT: f64 = 0.042_019_505_825_368_96;

#[test]
fn cos_limit_is_minus_log_of_two_sin_half() {
    assert!((cos_limit() - LIMIT).abs() < 1e-15, "{}", cos_limit());
}

/// `sum` within 1e-14 of the careful sum at small sizes (relative to the sum of |terms|).
fn matches_the_careful_sum(sum: fn(u64) -> f64) {
    assert_eq!(sum(0), 0.0, "the empty sum is 0");
    for n in [2, 3, 8, 9, 10, 100, 1000, 10_000] {
        let (reference, tol) = (careful(n), 1e-14 * scale(n));
        let err = (reference - sum(n)).abs();
        assert!(err < tol, "n = {n}: error {err:e}");
    }
}

#[test]
fn cos_libm_matches_the_careful_sum() {
    assert_eq!(cos_libm(1), 1.0_f64.cos(), "n = 1 is cos 1");
    matches_the_careful_sum(cos_libm);
}

#[test]
fn cos_libm_parallel_matches_the_careful_sum() {
    assert_eq!(cos_libm_parallel(1), 1.0_f64.cos(), "n = 1 is cos 1");
    matches_the_careful_sum(cos_libm_parallel);
}

#[test]
fn cos_rotation_stays_within_its_drift_bound() {
    // Each step can add a few units of rounding to the angle and the radius, so after m
    // steps a term is off by about m * 1e-16 (times 1/k): the tolerance allows 1e-15 per step.
    for n in [1, 2, 7, 8, 9, 100, 1000, 10_000] {
        let reference = careful(n);
        for resync in [1, 3, 8, 64, 1000, 100_000] {
            let err = (reference - cos_rotation(n, resync)).abs();
            let steps = resync.min(n) as f64;
            let tol = 1e-15 * steps * scale(n);
            assert!(err < tol, "n = {n}, resync = {resync}: error {err:e}");
        }
    }
    assert_eq!(cos_rotation(0, 10), 0.0);
}

/// Five chunks and a bit.
const FIVE_CHUNKS: u64 = 5 * RESYNC + 123;

fn on_threads(threads: usize, f: impl FnOnce() -> f64 + Send) -> f64 {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
        .install(f)
}

#[test]
fn cos_parallel_is_the_same_on_any_number_of_threads_and_accurate() {
    let one = on_threads(1, || cos_parallel(FIVE_CHUNKS));
    for threads in [2, 3] {
        let parallel = on_threads(threads, || cos_parallel(FIVE_CHUNKS));
        assert_eq!(parallel, one, "1 and {threads} threads differ");
    }
    assert_eq!(cos_parallel(0), 0.0);
    let err = (careful(FIVE_CHUNKS) - one).abs();
    assert!(err < 1e-12, "error {err:e}");
}

#[test]
fn cos_parallel_is_the_same_bits_as_cos_rotation() {
    // The same chunks of RESYNC terms, added in order: cos_rotation(n, RESYNC) to the bit.
    let parallel = on_threads(2, || cos_parallel(FIVE_CHUNKS));
    assert_eq!(parallel, cos_rotation(FIVE_CHUNKS, RESYNC));
}

// Summation by parts: the tail beyond n is at most 1 / (n sin(1/2)) < 2.1 / n.

#[test]
fn cos_libm_closes_in_on_the_limit() {
    for n in [10, 100, 1000, 10_000, 100_000] {
        let gap = (cos_libm(n) - LIMIT).abs();
        assert!(gap < 2.1 / n as f64, "n = {n}: |S(n) - limit| = {gap:e}");
    }
}

#[test]
fn cos_parallel_closes_in_on_the_limit() {
    for n in [10, 100, 1000, 10_000, 100_000] {
        let gap = (cos_parallel(n) - LIMIT).abs();
        assert!(gap < 2.1 / n as f64, "n = {n}: |S(n) - limit| = {gap:e}");
    }
}
