// Chapter 16's tests: one kernel on every instruction set (book: "Vector instructions, chosen
// at run time"). Written once, here; the reference solution runs them too
// (solutions/16_vectors/tests includes this file with `use vectors_solution as vectors;`).
// Every level this CPU has is checked, the portable one always: on any CPU the tests compare
// the paths it can run.

use num_complex::Complex64;
use simd::{Kernel, Level, Simd};
use vectors::{square_at, sum_cis};

/// `vectors::sum_cis` on the instructions the level stands for.
struct Sum<'a> {
    hi: f64,
    kj: f64,
    x: &'a [f64],
    y: &'a [f64],
}

impl Kernel for Sum<'_> {
    type Output = Complex64;
    #[inline(always)]
    fn run<S: Simd>(self, s: S) -> Complex64 {
        sum_cis(s, self.hi, self.kj, self.x, self.y)
    }
}

/// Cells at irregular positions, like the strained crystal's.
fn cells(count: usize) -> (Vec<f64>, Vec<f64>) {
    let x = (0..count)
        .map(|c| c as f64 * 0.731 + (c % 7) as f64 * 0.013)
        .collect();
    let y = (0..count).map(|c| (c % 11) as f64 * 1.09 - 3.0).collect();
    (x, y)
}

#[test]
fn sum_cis_agrees_with_a_plain_sum_on_every_instruction_set() {
    // 0 to 3 cells are all tail; 8 and 64 none; 13 and 69 some of each.
    for count in [0, 1, 3, 8, 13, 64, 69] {
        let (x, y) = cells(count);
        for (hi, kj) in [(0.0, 0.0), (0.37, 4.1), (-2.25, 3.95)] {
            let plain: Complex64 = x
                .iter()
                .zip(&y)
                .map(|(&xc, &yc)| Complex64::cis(std::f64::consts::TAU * (hi * xc + kj * yc)))
                .sum();
            for level in Level::available() {
                let got = level.run(Sum {
                    hi,
                    kj,
                    x: &x,
                    y: &y,
                });
                let err = (got - plain).norm() / (count.max(1) as f64);
                assert!(
                    err < 1e-12,
                    "{level}, {count} cells at (h, k) = ({hi}, {kj}): {got} instead of {plain}"
                );
            }
        }
    }
}

/// max |reference - x| / max |reference|.
fn relative_error(reference: &[f64], x: &[f64]) -> f64 {
    assert_eq!(reference.len(), x.len(), "the grids differ in size");
    let scale = reference.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    let worst = reference
        .iter()
        .zip(x)
        .fold(0.0_f64, |m, (r, v)| m.max((r - v).abs()));
    worst / scale
}

#[test]
fn square_at_matches_the_naive_sum_on_every_instruction_set() {
    let n = 9;
    let (h, k) = (
        laue_solution::axis(0.0, n, 3),
        laue_solution::axis(4.0, n, 3),
    );
    let naive = laue_solution::laue_naive(n, &h, &k);
    // Rectangular and irregular: a transposed or mis-strided grid fails here.
    let (h2, k2) = ([-0.3, 0.05, 0.45], [3.6, 3.95, 4.0, 4.25, 4.3]);
    let naive2 = laue_solution::laue_naive(n, &h2, &k2);
    let portable = square_at(Level::PORTABLE, n, &h, &k);
    for level in Level::available() {
        let got = square_at(level, n, &h, &k);
        let err = relative_error(&naive, &got);
        assert!(err < 1e-9, "{level}: error {err:e} against the naive sum");
        let err = relative_error(&portable, &got);
        assert!(
            err < 1e-12,
            "{level}: error {err:e} against the portable path"
        );
        let err = relative_error(&naive2, &square_at(level, n, &h2, &k2));
        assert!(err < 1e-9, "{level}, rectangular grid: error {err:e}");
    }
}
