//! Tests of the kernels that only the reference solution has: each one against the plain
//! version it speeds up, within the tolerance of the exercises.

use cores_solution::{axis, square_fast, strained_fast};

include!("../../../exercises/10_cores/tests/common/mod.rs");

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
fn fast_matches_naive() {
    agree("square fast", laue_solution::laue_naive, square_fast, 9);
    agree(
        "strained fast",
        strained_solution::strained_naive,
        strained_fast,
        11,
    );
}
