// `check_inputs`: every bad call refused with a message that names the problem, every good one
// let through; and the given kernel it guards. Written once, here, and run against the exercise
// crate and (through include!) against the reference solution.

use bindings::{MAX_POINTS, check_inputs, intensity};

fn refused(n: usize, h: &[f64], k: &[f64]) -> String {
    match check_inputs(n, h, k) {
        Err(message) => message,
        Ok(()) => panic!("check_inputs({n}, {h:?}, {k:?}) let a bad call through"),
    }
}

#[test]
fn check_inputs_lets_good_calls_through() {
    assert_eq!(check_inputs(32, &[0.0, 0.5], &[3.5, 4.0, 4.5]), Ok(()));
    assert_eq!(check_inputs(1, &[-1e300], &[1e300]), Ok(()));
}

#[test]
fn check_inputs_refuses_an_empty_crystal() {
    let why = refused(0, &[0.0], &[0.0]);
    assert!(why.contains("n must be at least 1"), "message: {why}");
}

#[test]
fn check_inputs_refuses_empty_axes() {
    let why = refused(4, &[], &[0.0]);
    assert!(why.contains("h is empty"), "message: {why}");
    let why = refused(4, &[0.0], &[]);
    assert!(why.contains("k is empty"), "message: {why}");
}

#[test]
fn check_inputs_names_the_first_value_that_is_not_finite() {
    let why = refused(4, &[0.0, 1.0], &[0.5, f64::NAN, f64::INFINITY]);
    assert!(
        why.contains("k[1] is not a finite number"),
        "message: {why}"
    );
    let why = refused(4, &[f64::NEG_INFINITY], &[0.5]);
    assert!(
        why.contains("h[0] is not a finite number"),
        "message: {why}"
    );
}

#[test]
fn check_inputs_refuses_grids_too_large_for_one_call() {
    // Only the lengths matter: axes of zeros are cheap to build.
    let side = 1 << 13;
    let h = vec![0.0; side];
    let k = vec![0.0; MAX_POINTS / side];
    assert_eq!(
        check_inputs(2, &h, &k),
        Ok(()),
        "exactly MAX_POINTS is allowed"
    );
    let k = vec![0.0; MAX_POINTS / side + 1];
    let why = refused(2, &h, &k);
    assert!(why.contains("points"), "message: {why}");
}

#[test]
fn the_given_kernel_has_the_bragg_peak() {
    // At an integer (h, k) every cell adds in phase: the intensity is N^4.
    let n = 5;
    let peak = intensity(n, &[0.0, 1.0], &[4.0]);
    for v in peak {
        assert!((v - 625.0).abs() < 1e-9, "{v}");
    }
}
