//! Tests of the kernels that only the reference solution has: each one against the plain
//! version it speeds up, within the tolerance of the exercises.

use algorithm_solution::{axis, positions, strained_matmul, strained_symmetric};

include!("../../../exercises/11_algorithm/tests/common/mod.rs");

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
fn symmetric_matches_naive() {
    let naive: Kernel = strained_solution::strained_naive;
    // Even and odd crystals have different mirror cells (N/2 is its own mirror only if N is even).
    for n in [12, 11, 2, 3] {
        agree("symmetric", naive, strained_symmetric, n);
    }
}

#[test]
fn symmetric_matches_matmul_at_the_course_size() {
    let (h, k) = (axis(0.0, 32, 3), axis(4.0, 32, 3));
    let err = relative_error(
        &strained_matmul(32, &h, &k),
        &strained_symmetric(32, &h, &k),
    );
    assert!(err < TOLERANCE, "error {err:e}");
}

#[test]
fn matmul_pads_its_columns_with_nothing() {
    // 111 cells for N = 12: not a multiple of the four lanes; the padding must add zero.
    let (h, k) = (axis(0.0, 12, 1), axis(4.0, 12, 1));
    let (x, y) = positions(12);
    assert_eq!(x.len() % compiler_solution::LANES, 3);
    let err = relative_error(&direct_sum(&x, &y, &h, &k), &strained_matmul(12, &h, &k));
    assert!(err < TOLERANCE, "error {err:e}");
}
