//! Tests of the kernels that only the reference solution has: each one against the plain
//! version it speeds up, within the tolerance of the exercises.

use compiler_solution::{
    LANES, axis, cis_turns, cis_turns_x4, square_cis, square_indexed, square_sincos,
    strained_sincos,
};

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
fn square_variants_match_the_reference() {
    let naive: Kernel = laue_solution::laue_naive;
    agree("indexed", naive, square_indexed, 9);
    agree("cis", naive, square_cis, 9);
    // 81 cells: not a multiple of the four lanes, so the scalar tail runs too.
    agree("sincos", naive, square_sincos, 9);
}

#[test]
fn strained_sincos_matches_naive() {
    let naive: Kernel = strained_solution::strained_naive;
    agree("sincos", naive, strained_sincos, 11);
    agree("sincos", naive, strained_sincos, 12);
}

#[test]
fn four_lanes_agree_with_one() {
    let u = [0.1, -3.7, 151.26, 0.875];
    let (c, s) = cis_turns_x4(wide::f64x4::from(u));
    for (l, &ul) in u.iter().enumerate() {
        let (c1, s1) = cis_turns(ul);
        assert_eq!((c.to_array()[l], s.to_array()[l]), (c1, s1), "lane {l}");
    }
    assert_eq!(LANES, 4);
}

/// The phases of the course's grids and beyond: up to 300 turns, both signs.
fn phases() -> Vec<f64> {
    (0..4001).map(|i| (i as f64 - 2000.0) * 0.1503).collect()
}

#[test]
fn every_instruction_set_agrees_with_the_portable_path() {
    use simd::{Kernel, Level, Simd};
    struct Cis<'a>(&'a [f64]);
    impl Kernel for Cis<'_> {
        type Output = Vec<(f64, f64)>;
        #[inline(always)]
        fn run<S: Simd>(self, s: S) -> Self::Output {
            let mut out = Vec::new();
            for u in self.0.chunks_exact(S::LANES) {
                let (c, sin) = compiler_solution::cis_turns_simd(s, s.load(u));
                let (mut cs, mut ss) = (vec![0.0; S::LANES], vec![0.0; S::LANES]);
                s.store(c, &mut cs);
                s.store(sin, &mut ss);
                out.extend(cs.into_iter().zip(ss));
            }
            out
        }
    }
    let u = phases();
    let u = &u[..u.len() / 8 * 8];
    let portable = Level::PORTABLE.run(Cis(u));
    let (h, k) = (axis(0.0, 9, 3), axis(4.0, 9, 3));
    let square = compiler_solution::square_sincos_at(Level::PORTABLE, 9, &h, &k);
    for level in Level::available() {
        // Fused multiply-adds round once where the portable path rounds twice: the two agree
        // to a few units in the last place, far inside the chapter's tolerance.
        for (i, (&(c, s), &(cp, sp))) in level.run(Cis(u)).iter().zip(&portable).enumerate() {
            assert!(
                (c - cp).abs() < 1e-14 && (s - sp).abs() < 1e-14,
                "{level}: phase {}: ({c}, {s}) against ({cp}, {sp})",
                u[i]
            );
        }
        // 81 cells: not a multiple of any width, so every scalar tail runs.
        let err = relative_error(
            &square,
            &compiler_solution::square_sincos_at(level, 9, &h, &k),
        );
        assert!(err < 1e-13, "{level}: square crystal, error {err:e}");
    }
}
