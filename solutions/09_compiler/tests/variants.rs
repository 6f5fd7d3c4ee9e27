//! Tests of the kernels that only the reference solution has: each one against the plain
//! version it speeds up, within the tolerance of the exercises.

use compiler_solution::{
    LANES, axis, cis_turns, cis_turns_x4, square_cis, square_indexed, square_sincos,
    strained_sincos,
};

/// max |reference - x| / max |reference|, the course's validation measure.
fn relative_error(reference: &[f64], x: &[f64]) -> f64 {
    assert_eq!(reference.len(), x.len(), "the grids differ in size");
    let scale = reference.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    let worst = reference
        .iter()
        .zip(x)
        .fold(0.0_f64, |m, (r, v)| m.max((r - v).abs()));
    worst / scale
}

const TOLERANCE: f64 = 1e-9;

type Kernel = fn(usize, &[f64], &[f64]) -> Vec<f64>;

fn agree(name: &str, reference: Kernel, variant: Kernel, n: usize) {
    let (h, k) = (axis(0.0, n, 3), axis(4.0, n, 3));
    let err = relative_error(&reference(n, &h, &k), &variant(n, &h, &k));
    assert!(err < TOLERANCE, "{name} (N = {n}): error {err:e}");
    // Rectangular, irregular grids catch transposed or mis-strided results.
    let (h, k) = ([-0.3, 0.05, 0.45], [3.6, 3.95, 4.0, 4.25, 4.3]);
    let err = relative_error(&reference(n, &h, &k), &variant(n, &h, &k));
    assert!(
        err < TOLERANCE,
        "{name} on a rectangular grid: error {err:e}"
    );
}

#[test]
fn square_variants_match_the_reference() {
    let naive: Kernel = laue_solution::laue_naive;
    agree("indexed", naive, square_indexed, 9);
    agree("cis", naive, square_cis, 9);
    // 81 cells: not a multiple of the four lanes, so the scalar tail runs too.
    agree("sincos", naive, square_sincos, 9);
}

#[test]
fn strained_sincos_matches_naive() {
    let naive: Kernel = strained_solution::strained_naive;
    agree("sincos", naive, strained_sincos, 11);
    agree("sincos", naive, strained_sincos, 12);
}

#[test]
fn four_lanes_agree_with_one() {
    let u = [0.1, -3.7, 151.26, 0.875];
    let (c, s) = cis_turns_x4(wide::f64x4::from(u));
    for (l, &ul) in u.iter().enumerate() {
        let (c1, s1) = cis_turns(ul);
        assert_eq!((c.to_array()[l], s.to_array()[l]), (c1, s1), "lane {l}");
    }
    assert_eq!(LANES, 4);
}
