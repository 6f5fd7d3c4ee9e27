// The chapter 1 tests. They are written once, here, and run against the exercise crate
// (`cargo test` in exercises/01_laue) and against the reference solution (solutions/01_laue/tests
// includes this file with `use laue_solution as laue;`).

use laue::{axis, laue_naive, laue_tables};

/// The closed form of the square crystal, factor by factor:
/// |sin(pi N x) / sin(pi x)|^2, whose limit at integer x is N^2.
fn fringe(n: usize, x: f64) -> f64 {
    let s = (std::f64::consts::PI * x).sin();
    if s.abs() < 1e-12 {
        (n * n) as f64
    } else {
        let ratio = (std::f64::consts::PI * n as f64 * x).sin() / s;
        ratio * ratio
    }
}

fn closed_form(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    h.iter()
        .flat_map(|&hi| k.iter().map(move |&kj| fringe(n, hi) * fringe(n, kj)))
        .collect()
}

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

// Each test calls one of your functions only, and its name starts with that function's name:
// a test of `laue_naive` passes once `laue_naive` is right, whatever `axis` does.

/// `points` values from `center - 0.5`, spaced by `1 / points`: the grid `axis` makes, written
/// out here so that the tests of the sums do not depend on your `axis`.
fn grid(center: f64, points: usize) -> Vec<f64> {
    (0..points)
        .map(|i| center - 0.5 + i as f64 / points as f64)
        .collect()
}

#[test]
fn axis_has_oversampling_times_n_points_around_the_center() {
    let h = axis(0.0, 32, 3);
    assert_eq!(h.len(), 96, "N = 32, oversampling 3 gives 96 points");
    assert_eq!(h[0], -0.5, "the axis starts at center - 0.5");
    assert_eq!(h[48], 0.0, "the middle point is exactly the center");
    assert!(h[95] < 0.5, "the axis stops before center + 0.5");
    for pair in h.windows(2) {
        assert!(
            ((pair[1] - pair[0]) - 1.0 / 96.0).abs() < 1e-12,
            "uneven step"
        );
    }
    let k = axis(4.0, 32, 3);
    assert_eq!(k.len(), 96);
    assert_eq!(k[0], 3.5);
    assert_eq!(k[48], 4.0);
}

#[test]
fn axis_follows_n_and_oversampling() {
    assert_eq!(axis(1.0, 5, 2).len(), 10);
    assert_eq!(axis(1.0, 1, 1), vec![0.5]);
}

#[test]
fn laue_naive_matches_the_closed_form() {
    let (h, k) = (grid(0.0, 48), grid(4.0, 48));
    let got = laue_naive(16, &h, &k);
    let err = relative_error(&closed_form(16, &h, &k), &got);
    assert!(err < TOLERANCE, "error {err:e} against the closed form");
}

#[test]
fn laue_naive_stores_rows_of_h() {
    // A rectangular grid: a transposed or mis-strided result cannot pass.
    let h = [-0.3, -0.1, 0.05, 0.2, 0.45];
    let k = [3.6, 3.8, 3.95, 4.0, 4.1, 4.25, 4.4];
    let got = laue_naive(8, &h, &k);
    assert_eq!(got.len(), h.len() * k.len(), "one value per (h, k)");
    let err = relative_error(&closed_form(8, &h, &k), &got);
    assert!(
        err < TOLERANCE,
        "error {err:e}: is result[i * k.len() + j] = I(h[i], k[j])?"
    );
}

#[test]
fn laue_naive_bragg_peak_is_n_to_the_fourth() {
    let n = 32;
    let peak = laue_naive(n, &[0.0], &[4.0])[0];
    let expected = (n as f64).powi(4);
    assert!(
        ((peak - expected) / expected).abs() < TOLERANCE,
        "I(H, K) = {peak}, expected N^4 = {expected}"
    );
}

#[test]
fn laue_naive_is_symmetric() {
    // A square crystal scatters the same at (h, k), (-h, -k) and (k, h).
    let n = 6;
    let h = grid(0.0, 2 * n);
    let minus_h: Vec<f64> = h.iter().map(|v| -v).collect();
    let direct = laue_naive(n, &h, &h);
    let opposite = laue_naive(n, &minus_h, &minus_h);
    assert!(
        relative_error(&direct, &opposite) < TOLERANCE,
        "I(h, k) != I(-h, -k)"
    );
    let side = h.len();
    for i in 0..side {
        for j in 0..side {
            let (a, b) = (direct[i * side + j], direct[j * side + i]);
            assert!(
                (a - b).abs() <= TOLERANCE * direct[0].max(1.0),
                "I(h, k) != I(k, h)"
            );
        }
    }
}

#[test]
fn laue_naive_of_an_empty_crystal_is_zero() {
    assert_eq!(laue_naive(0, &[0.1, 0.2], &[4.0]), vec![0.0, 0.0]);
}

#[test]
fn laue_tables_of_an_empty_crystal_is_zero() {
    assert_eq!(laue_tables(0, &[0.1, 0.2], &[4.0]), vec![0.0, 0.0]);
}

#[test]
fn laue_tables_matches_the_closed_form() {
    let (h, k) = (grid(0.0, 36), grid(4.0, 36));
    let err = relative_error(&closed_form(12, &h, &k), &laue_tables(12, &h, &k));
    assert!(err < TOLERANCE, "error {err:e} against the closed form");
}

#[test]
fn laue_tables_matches_the_closed_form_at_the_course_size() {
    let (h, k) = (grid(0.0, 96), grid(4.0, 96));
    let got = laue_tables(32, &h, &k);
    assert_eq!(got.len(), 96 * 96);
    let err = relative_error(&closed_form(32, &h, &k), &got);
    assert!(err < TOLERANCE, "error {err:e} against the closed form");
    let peak = got[48 * 96 + 48];
    assert!(
        (peak / 32f64.powi(4) - 1.0).abs() < TOLERANCE,
        "Bragg peak {peak}"
    );
}

#[test]
fn laue_tables_stores_rows_of_h() {
    let h = [-0.3, 0.05, 0.45];
    let k = [3.6, 3.95, 4.0, 4.25];
    let got = laue_tables(8, &h, &k);
    let err = relative_error(&closed_form(8, &h, &k), &got);
    assert!(
        err < TOLERANCE,
        "error {err:e}: is result[i * k.len() + j] = I(h[i], k[j])?"
    );
}
