//! Tests of the kernels that only the reference solution has: each one against the plain
//! version it speeds up, within the tolerance of the exercises.

use crystal_solution::{algorithm, axis, circle, cores, sincos, strain, temporaries};

include!("../../../exercises/crystal/tests/common/mod.rs");

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
    agree("masked", circle::circle_naive, circle::circle_masked, 11);
    agree("cells", circle::circle_naive, circle::circle_cells, 11);
}

#[test]
fn square_variants_match_the_reference() {
    let naive: Kernel = laue_solution::laue_naive;
    agree("chunked", naive, temporaries::square_chunked, 9);
    agree(
        "chunked (more than one chunk)",
        naive,
        temporaries::square_chunked,
        19,
    );
    agree("indexed", naive, temporaries::square_indexed, 9);
    agree("sincos", naive, sincos::square_sincos, 9);
    agree("fast", naive, cores::square_fast, 9);
}

#[test]
fn strained_variants_match_naive() {
    agree(
        "sincos",
        strain::strained_naive,
        sincos::strained_sincos,
        11,
    );
    agree("fast", strain::strained_naive, cores::strained_fast, 11);
    // Even and odd crystals have different mirror cells (N/2 is its own mirror only if N is even).
    agree(
        "symmetric",
        strain::strained_naive,
        algorithm::strained_symmetric,
        12,
    );
    agree(
        "symmetric",
        strain::strained_naive,
        algorithm::strained_symmetric,
        11,
    );
    for n in [2, 3] {
        agree(
            "symmetric",
            strain::strained_naive,
            algorithm::strained_symmetric,
            n,
        );
    }
}

#[test]
fn symmetric_matches_matmul_at_the_course_size() {
    let (h, k) = (axis(0.0, 32, 3), axis(4.0, 32, 3));
    let err = relative_error(
        &algorithm::strained_matmul(32, &h, &k),
        &algorithm::strained_symmetric(32, &h, &k),
    );
    assert!(err < TOLERANCE, "error {err:e}");
}

#[test]
fn four_lanes_agree_with_one() {
    let u = [0.1, -3.7, 151.26, 0.875];
    let (c, s) = sincos::cis_turns_x4(wide::f64x4::from(u));
    for (l, &ul) in u.iter().enumerate() {
        let (c1, s1) = sincos::cis_turns(ul);
        assert_eq!((c.to_array()[l], s.to_array()[l]), (c1, s1), "lane {l}");
    }
}

#[test]
fn matmul_pads_its_columns_with_nothing() {
    // 111 cells for N = 12: not a multiple of the four lanes; the padding must add zero.
    let (h, k) = (axis(0.0, 12, 1), axis(4.0, 12, 1));
    let (x, y) = strain::positions(12);
    assert_eq!(x.len() % sincos::LANES, 3);
    let err = relative_error(
        &direct_sum(&x, &y, &h, &k),
        &algorithm::strained_matmul(12, &h, &k),
    );
    assert!(err < TOLERANCE, "error {err:e}");
}
