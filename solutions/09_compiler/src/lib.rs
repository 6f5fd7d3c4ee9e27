//! Chapter 9 reference solution: `exp(2 pi i u)` without libm, range reduction and two short
//! polynomials in plain arithmetic that the compiler can vectorise (libm's `sin` and `cos` are
//! opaque calls it cannot); the square and the strained crystal summed with it; and the fused
//! loop of chapter 8 written with indices, to see what bounds checks cost.
//!
//! The same API as the exercise crate `compiler` (`cis_turns`); the tests in
//! `exercises/09_compiler/tests` run against both. Every kernel has chapter 1's signature,
//! `f(n, h, k) -> intensities`, and stores its grid row by row: `result[i * k.len() + j]` is the
//! intensity at `(h[i], k[j])`.

use num_complex::Complex64;
use wide::f64x4;

pub use laue_solution::axis;

/// Adding and subtracting 1.5 * 2^52 rounds an f64 below 2^51 to the nearest integer, with two
/// additions instead of a call (`f64::round` is a libm call on baseline x86-64).
const ROUNDER: f64 = 6_755_399_441_055_744.0;

fn round(x: f64) -> f64 {
    (x + ROUNDER) - ROUNDER
}

/// 2 pi, and the Taylor coefficients of sin and cos: on |t| <= pi / 4 the first neglected terms,
/// t^15 / 15! and t^16 / 16!, are below 3e-14 and 1e-15: well within the 1e-12 asked, and two
/// multiply-adds per exponential cheaper than going one term further.
const TAU: f64 = std::f64::consts::TAU;
const SIN: [f64; 7] = [
    1.0,
    -1.0 / 6.0,
    1.0 / 120.0,
    -1.0 / 5040.0,
    1.0 / 362_880.0,
    -1.0 / 39_916_800.0,
    1.0 / 6_227_020_800.0,
];
const COS: [f64; 8] = [
    1.0,
    -1.0 / 2.0,
    1.0 / 24.0,
    -1.0 / 720.0,
    1.0 / 40_320.0,
    -1.0 / 3_628_800.0,
    1.0 / 479_001_600.0,
    -1.0 / 87_178_291_200.0,
];

// ANCHOR: cis_turns
/// `(cos 2 pi u, sin 2 pi u)` for |u| < 2^50. The polynomials are good to 3e-14; the rounding
/// of `u` itself costs about |u| 1e-16 turns, as it does for std's `(2 pi u).cos()`. Branch-free, so a loop of calls can vectorise.
#[inline(always)]
pub fn cis_turns(u: f64) -> (f64, f64) {
    // Whole turns change nothing: keep r in [-1/2, 1/2].
    let r = u - round(u);
    // Quarter turns q in {-2, -1, 0, 1, 2} multiply by i^q; what is left is within 1/8 turn.
    let q = round(4.0 * r);
    let t = TAU * (r - 0.25 * q);
    let t2 = t * t;
    let mut s = SIN[6];
    for &c in SIN[..6].iter().rev() {
        s = s * t2 + c;
    }
    let s = s * t;
    let mut c = COS[7];
    for &a in COS[..7].iter().rev() {
        c = c * t2 + a;
    }
    // i^q without a branch: odd is 1 for q = +-1 and 0 otherwise; even is 1, 0, -1 for
    // q = 0, +-1, +-2. Products of small whole numbers are exact.
    let a = q.abs();
    let odd = a * (2.0 - a);
    let even = (1.0 - odd) * (1.0 - a);
    (even * c - odd * q * s, even * s + odd * q * c)
}
// ANCHOR_END: cis_turns

/// Phases per vector: `wide::f64x4` holds four. They also make four independent partial sums,
/// which the compiler may not create by itself (f64 addition is not associative).
pub const LANES: usize = 4;

// ANCHOR: lanes
/// [`cis_turns`] of four phases at once in a `wide::f64x4`: the same operations, each one a
/// vector instruction (two on baseline x86-64, whose SSE2 registers hold two f64).
#[inline(always)]
pub fn cis_turns_x4(u: f64x4) -> (f64x4, f64x4) {
    let rounder = f64x4::splat(ROUNDER);
    let round = |x: f64x4| (x + rounder) - rounder;
    let r = u - round(u);
    let q = round(r * 4.0);
    let t = (r - q * 0.25) * TAU;
    let t2 = t * t;
    let mut s = f64x4::splat(SIN[6]);
    for &c in SIN[..6].iter().rev() {
        s = s * t2 + c;
    }
    let s = s * t;
    let mut c = f64x4::splat(COS[7]);
    for &a in COS[..7].iter().rev() {
        c = c * t2 + a;
    }
    let a = q.abs();
    let odd = a * (f64x4::splat(2.0) - a);
    let even = (f64x4::splat(1.0) - odd) * (f64x4::splat(1.0) - a);
    (even * c - odd * q * s, even * s + odd * q * c)
}
// ANCHOR_END: lanes

// ANCHOR: sum
/// The sum over cells `c` of `exp(2 pi i (hi x[c] + kj y[c]))`, every exponential evaluated,
/// four at a time.
pub fn sum_cis(hi: f64, kj: f64, x: &[f64], y: &[f64]) -> Complex64 {
    let (xs, x_rest) = x.as_chunks::<LANES>();
    let (ys, y_rest) = y.as_chunks::<LANES>();
    let (hv, kv) = (f64x4::splat(hi), f64x4::splat(kj));
    let mut re = f64x4::splat(0.0);
    let mut im = f64x4::splat(0.0);
    for (&xc, &yc) in xs.iter().zip(ys) {
        let (c, s) = cis_turns_x4(hv * f64x4::from(xc) + kv * f64x4::from(yc));
        re += c;
        im += s;
    }
    let mut sum = Complex64::new(re.reduce_add(), im.reduce_add());
    for (&xc, &yc) in x_rest.iter().zip(y_rest) {
        let (c, s) = cis_turns(hi * xc + kj * yc);
        sum += Complex64::new(c, s);
    }
    sum
}
// ANCHOR_END: sum

/// The cells of the square crystal as two coordinate lists, n major, like
/// [`strained_solution::positions`].
pub fn square_positions(n: usize) -> (Vec<f64>, Vec<f64>) {
    let x = (0..n * n).map(|c| (c / n) as f64).collect();
    let y = (0..n * n).map(|c| (c % n) as f64).collect();
    (x, y)
}

/// The intensity over the whole grid, one row of `h` at a time, with [`sum_cis`].
pub fn grid_sincos(x: &[f64], y: &[f64], h: &[f64], k: &[f64]) -> Vec<f64> {
    h.iter()
        .flat_map(|&hi| k.iter().map(move |&kj| sum_cis(hi, kj, x, y).norm_sqr()))
        .collect()
}

// ANCHOR: square
/// The square crystal on one core, every exponential through [`cis_turns`].
pub fn square_sincos(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let (x, y) = square_positions(n);
    grid_sincos(&x, &y, h, k)
}
// ANCHOR_END: square

/// The strained crystal on one core, every exponential through [`cis_turns`].
pub fn strained_sincos(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let (x, y) = strained_solution::positions(n);
    grid_sincos(&x, &y, h, k)
}

// ANCHOR: indexed
/// The fused loop written with indices, C style: every `h[i]`, `k[j]` and `result[...]` is
/// bounds-checked. Compare it with chapter 8's `square_fused` to see what the checks cost here.
#[allow(clippy::needless_range_loop)]
pub fn square_indexed(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let mut result = vec![0.0; h.len() * k.len()];
    for i in 0..h.len() {
        for j in 0..k.len() {
            let mut sum = Complex64::new(0.0, 0.0);
            for cn in 0..n {
                for cm in 0..n {
                    sum += Complex64::cis(
                        std::f64::consts::TAU * (h[i] * cn as f64 + k[j] * cm as f64),
                    );
                }
            }
            result[i * k.len() + j] = sum.norm_sqr();
        }
    }
    result
}
// ANCHOR_END: indexed

/// The square crystal on one core with `cis` for every exponential, one call at a time: the
/// fused loop of chapter 8 with `cis` in place of libm's sin and cos. `cis(u)` is
/// `(cos 2 pi u, sin 2 pi u)`, like [`cis_turns`].
pub fn square_with(cis: impl Fn(f64) -> (f64, f64), n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let mut result = Vec::with_capacity(h.len() * k.len());
    for &hi in h {
        for &kj in k {
            let (mut re, mut im) = (0.0, 0.0);
            for cn in 0..n {
                for cm in 0..n {
                    let (c, s) = cis(hi * cn as f64 + kj * cm as f64);
                    re += c;
                    im += s;
                }
            }
            result.push(re * re + im * im);
        }
    }
    result
}

/// [`square_with`] the reference [`cis_turns`]: the other side of the exercise's `square-cis`.
pub fn square_cis(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    square_with(cis_turns, n, h, k)
}
