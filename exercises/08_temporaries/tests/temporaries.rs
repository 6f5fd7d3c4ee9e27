// Chapter 8's tests: the square crystal's memory-hungry and fused versions (book: "Allocation
// and temporaries"). The peak memory of the fused version is pinned in tests/heap.rs. Written
// once, here; the reference solution runs them too (solutions/08_temporaries/tests includes
// this file with `use temporaries_solution as temporaries;`).

use temporaries::{axis, square_fused, square_materialised};

include!("common/mod.rs");

#[test]
fn square_materialised_matches_the_closed_form() {
    let (h, k) = (axis(0.0, 8, 3), axis(4.0, 8, 3));
    let err = relative_error(&closed_form(8, &h, &k), &square_materialised(8, &h, &k));
    assert!(err < TOLERANCE, "error {err:e}");
}

#[test]
fn square_fused_matches_the_closed_form() {
    let (h, k) = (axis(0.0, 10, 3), axis(4.0, 10, 3));
    let err = relative_error(&closed_form(10, &h, &k), &square_fused(10, &h, &k));
    assert!(err < TOLERANCE, "error {err:e}");
}

/// A rectangular grid: a transposed or mis-strided result cannot match.
const H: [f64; 3] = [-0.3, 0.05, 0.45];
const K: [f64; 4] = [3.6, 3.95, 4.0, 4.25];

#[test]
fn square_materialised_stores_rows_of_h() {
    let err = relative_error(&closed_form(6, &H, &K), &square_materialised(6, &H, &K));
    assert!(
        err < TOLERANCE,
        "error {err:e}: is result[i * k.len() + j] = I(h[i], k[j])?"
    );
}

#[test]
fn square_fused_stores_rows_of_h() {
    let err = relative_error(&closed_form(6, &H, &K), &square_fused(6, &H, &K));
    assert!(
        err < TOLERANCE,
        "error {err:e}: is result[i * k.len() + j] = I(h[i], k[j])?"
    );
}

#[test]
fn square_materialised_of_an_empty_crystal_is_zero() {
    assert_eq!(square_materialised(0, &[0.1, 0.2], &[4.0]), vec![0.0, 0.0]);
}

#[test]
fn square_fused_of_an_empty_crystal_is_zero() {
    assert_eq!(square_fused(0, &[0.1, 0.2], &[4.0]), vec![0.0, 0.0]);
}
