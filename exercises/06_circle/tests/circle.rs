// Chapter 6's tests: the circular crystal (book: "The circular crystal"). Written once, here;
// the reference solution runs them too (solutions/06_circle/tests includes this file with
// `use circle_solution as circle;`).

use circle::{axis, circle_naive, inside};

include!("common/mod.rs");

#[test]
fn inside_is_the_disk_of_radius_n_over_2() {
    assert!(inside(32, 16, 16), "the centre is inside");
    assert!(inside(32, 0, 16), "(0, 16) is at distance 16 = N/2: inside");
    assert!(inside(32, 16, 0));
    assert!(!inside(32, 0, 0), "a corner is outside");
    assert!(
        !inside(32, 1, 8),
        "(1, 8) is at distance 17 from the centre"
    );
    assert!(
        !inside(32, 2, 8),
        "(2, 8) is at distance sqrt(196 + 64) > 16"
    );
    assert!(
        inside(32, 2, 10),
        "(2, 10) is at distance sqrt(196 + 36) < 16"
    );
}

#[test]
fn inside_counts_the_cells_of_the_disk() {
    let count = |n: usize| {
        (0..n)
            .flat_map(|a| (0..n).map(move |b| (a, b)))
            .filter(|&(a, b)| inside(n, a, b))
            .count()
    };
    assert_eq!(count(32), 795, "N = 32: 795 cells inside the disk");
    assert_eq!(count(12), 111);
    assert_eq!(
        count(1),
        0,
        "N = 1: the only cell is 1/sqrt(2) from the centre, beyond R = 1/2"
    );
}

#[test]
fn circle_naive_at_the_origin_is_the_number_of_cells_squared() {
    // At h = k = 0 every phase is 0: the sum counts the cells.
    let got = circle_naive(12, &[0.0], &[0.0]);
    assert!(((got[0] - 111.0 * 111.0) / (111.0 * 111.0)).abs() < TOLERANCE);
}

#[test]
fn circle_naive_matches_the_sum_over_its_cells() {
    let n = 10;
    let (h, k) = (axis(0.0, n, 2), axis(4.0, n, 2));
    let cells: Vec<(f64, f64)> = (0..n)
        .flat_map(|a| (0..n).map(move |b| (a, b)))
        .filter(|&(a, b)| {
            let (dx, dy) = (a as f64 - 5.0, b as f64 - 5.0);
            dx * dx + dy * dy <= 25.0
        })
        .map(|(a, b)| (a as f64, b as f64))
        .collect();
    let (x, y): (Vec<f64>, Vec<f64>) = cells.into_iter().unzip();
    let err = relative_error(&direct_sum(&x, &y, &h, &k), &circle_naive(n, &h, &k));
    assert!(err < TOLERANCE, "error {err:e}");
}

#[test]
fn circle_naive_is_symmetric_in_h_and_k() {
    // The disk of cells is symmetric under n <-> m.
    let h = axis(0.0, 8, 2);
    let got = circle_naive(8, &h, &h);
    let side = h.len();
    for i in 0..side {
        for j in 0..i {
            let (a, b) = (got[i * side + j], got[j * side + i]);
            assert!(
                (a - b).abs() < TOLERANCE * got[side / 2 * (side + 1)],
                "I(h, k) != I(k, h)"
            );
        }
    }
}
