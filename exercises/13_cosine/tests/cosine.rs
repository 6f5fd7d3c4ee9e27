// The cosine chapter tests. They are written once, here, and run against the exercise crate
// (`cargo test` in exercises/13_cosine) and against the reference solution
// (solutions/13_cosine/tests includes this file with `use cosine_solution as cosine;`). Sizes
// are small: these tests run unoptimised.

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

#[test]
fn the_limit_is_minus_log_of_two_sin_half() {
    let expected = 0.042_019_505_825_368_96;
    assert!((cos_limit() - expected).abs() < 1e-15, "{}", cos_limit());
}

#[test]
fn small_sums_match_the_careful_sum() {
    assert_eq!(cos_libm(1), 1.0_f64.cos(), "n = 1 is cos 1");
    assert_eq!(cos_libm(0), 0.0);
    for n in [2, 3, 8, 9, 10, 100, 1000, 10_000] {
        let (reference, tol) = (careful(n), 1e-14 * scale(n));
        for (name, value) in [
            ("libm", cos_libm(n)),
            ("libm_parallel", cos_libm_parallel(n)),
        ] {
            let err = (reference - value).abs();
            assert!(err < tol, "{name}, n = {n}: error {err:e}");
        }
    }
}

#[test]
fn rotation_stays_within_its_drift_bound() {
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

#[test]
fn parallel_is_the_same_bits_as_the_serial_rotation() {
    let n = 5 * RESYNC + 123;
    let serial = cos_rotation(n, RESYNC);
    for threads in [1, 2, 3] {
        let parallel = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool")
            .install(|| cos_parallel(n));
        assert_eq!(parallel, serial, "{threads} threads");
    }
    assert_eq!(cos_parallel(0), 0.0);
    let err = (careful(n) - serial).abs();
    assert!(err < 1e-12, "error {err:e}");
}

#[test]
fn partial_sums_close_in_on_the_limit() {
    // Summation by parts: the tail beyond n is at most 1 / (n sin(1/2)) < 2.1 / n.
    let limit = cos_limit();
    for n in [10, 100, 1000, 10_000, 100_000] {
        let gap = (cos_libm(n) - limit).abs();
        assert!(gap < 2.1 / n as f64, "n = {n}: |S(n) - limit| = {gap:e}");
        let gap = (cos_parallel(n) - limit).abs();
        assert!(gap < 2.1 / n as f64, "parallel, n = {n}: {gap:e}");
    }
}
