// Chapter 11's tests: the right algorithms (book: "The right algorithm"), same answers, same
// tolerance. Written once, here; the reference solution runs them too
// (solutions/11_algorithm/tests includes this file with `use algorithm_solution as algorithm;`).

use algorithm::{axis, square_fft, strained_matmul};

include!("common/mod.rs");

#[test]
fn square_fft_matches_the_closed_form_at_the_course_size() {
    let (h, k) = (axis(0.0, 32, 3), axis(4.0, 32, 3));
    let got = square_fft(32, &h, &k);
    assert_eq!(got.len(), 96 * 96);
    let err = relative_error(&closed_form(32, &h, &k), &got);
    assert!(err < TOLERANCE, "error {err:e}");
}

#[test]
fn square_fft_works_for_other_windows_and_sizes() {
    // An odd crystal, a window that is not centred on an integer, no oversampling.
    for (n, s, hc, kc) in [(7, 2, 0.0, 4.0), (9, 1, 1.3, -2.0), (6, 5, 0.25, 3.0)] {
        let (h, k) = (axis(hc, n, s), axis(kc, n, s));
        let err = relative_error(&closed_form(n, &h, &k), &square_fft(n, &h, &k));
        assert!(err < TOLERANCE, "n = {n}, oversampling {s}: error {err:e}");
    }
}

#[test]
#[should_panic(expected = "axis")]
fn square_fft_refuses_an_irregular_axis() {
    square_fft(4, &[0.0, 0.1, 0.5], &[4.0]);
}

#[test]
fn strained_matmul_matches_the_formula() {
    let n = 12;
    let (h, k) = (axis(0.0, n, 3), axis(4.0, n, 3));
    let (x, y) = formula_positions(n);
    let err = relative_error(&direct_sum(&x, &y, &h, &k), &strained_matmul(n, &h, &k));
    assert!(err < TOLERANCE, "error {err:e}");
}

#[test]
fn strained_matmul_takes_any_grid() {
    // Unlike the FFT, the product needs no regular grid: odd sizes, any points.
    let h = [-0.31, 0.02, 0.4];
    let k = [3.7, 3.99, 4.0, 4.13, 4.4];
    let (x, y) = formula_positions(9);
    let err = relative_error(&direct_sum(&x, &y, &h, &k), &strained_matmul(9, &h, &k));
    assert!(err < TOLERANCE, "error {err:e}");
}
