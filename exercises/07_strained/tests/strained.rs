// Chapter 7's tests: the strained circular crystal (book: "The strained crystal"). Written
// once, here; the reference solution runs them too (solutions/07_strained/tests includes this
// file with `use strained_solution as strained;`).

use strained::{axis, displacement, positions, strained_naive, strained_positions};

include!("common/mod.rs");

#[test]
fn displacement_is_zero_at_the_centre_and_e0_r_at_the_surface() {
    assert_eq!(displacement(32, 16, 16), (0.0, 0.0));
    // (0, 16) is on the surface, r = R: 1 + tanh(0) = 1, so Delta n = e0 (0 - 16).
    let (dn, dm) = displacement(32, 0, 16);
    assert!((dn + 0.16).abs() < 1e-12, "Delta n = {dn}, expected -0.16");
    assert!(dm.abs() < 1e-12, "Delta m = {dm}, expected 0");
}

#[test]
fn displacement_is_small_deep_inside() {
    // (12, 16): r = 4, 12 cells below the surface: e0 (-4) (1 + tanh(-12 / 5)).
    let (dn, dm) = displacement(32, 12, 16);
    let expected = 0.01 * -4.0 * (1.0 + (-12.0_f64 / 5.0).tanh());
    assert!(
        (dn - expected).abs() < 1e-15,
        "Delta n = {dn}, expected {expected}"
    );
    assert_eq!(dm, 0.0);
    // It points outwards, along the radius, in both directions.
    let (dn, dm) = displacement(32, 26, 20);
    assert!(dn > 0.0 && dm > 0.0 && (dn / dm - 10.0 / 4.0).abs() < 1e-12);
}

#[test]
fn positions_are_the_displaced_cells_inside_the_disk() {
    let (x, y) = positions(32);
    let (fx, fy) = formula_positions(32);
    assert_eq!(x.len(), 795, "one position per cell inside the disk");
    assert_eq!(y.len(), 795);
    assert!(
        (x[0] + 0.16).abs() < 1e-12 && y[0] == 16.0,
        "the first cell is (0, 16)"
    );
    assert!(relative_error(&fx, &x) < 1e-14 && relative_error(&fy, &y) < 1e-14);
}

#[test]
fn strained_naive_at_the_origin_is_the_number_of_cells_squared() {
    let got = strained_naive(12, &[0.0], &[0.0]);
    assert!(((got[0] - 111.0 * 111.0) / (111.0 * 111.0)).abs() < TOLERANCE);
}

#[test]
fn strained_naive_matches_the_formula() {
    let n = 12;
    let (h, k) = (axis(0.0, n, 2), axis(4.0, n, 2));
    let (x, y) = formula_positions(n);
    let err = relative_error(&direct_sum(&x, &y, &h, &k), &strained_naive(n, &h, &k));
    assert!(err < TOLERANCE, "error {err:e}");
}

#[test]
fn strained_naive_lowers_and_shifts_the_bragg_peak() {
    // Without strain the peak at (0, 4) is 795^2; the stretched cells no longer add in phase.
    let peak = strained_naive(32, &[0.0], &[4.0])[0];
    let perfect = 795.0 * 795.0;
    assert!(
        peak < 0.9 * perfect && peak > 0.1 * perfect,
        "I(0, 4) = {peak}"
    );
}

#[test]
fn strained_positions_matches_the_formula() {
    let n = 12;
    let (h, k) = (axis(0.0, n, 2), axis(4.0, n, 2));
    let (x, y) = formula_positions(n);
    let err = relative_error(&direct_sum(&x, &y, &h, &k), &strained_positions(n, &h, &k));
    assert!(err < TOLERANCE, "error {err:e}");
}
