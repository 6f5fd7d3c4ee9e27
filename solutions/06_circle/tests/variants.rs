//! Tests of the kernels that only the reference solution has: each one against the plain
//! version it speeds up, within the tolerance of the exercises.

use circle_solution::{axis, circle_cells, circle_masked, circle_naive};

include!("../../../exercises/06_circle/tests/common/mod.rs");

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
fn circle_variants_match_naive() {
    agree("masked", circle_naive, circle_masked, 11);
    agree("cells", circle_naive, circle_cells, 11);
}
