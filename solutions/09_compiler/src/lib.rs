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
use simd::{Kernel, Level, Portable, Simd, Vector};
use wide::f64x4;

pub use laue_solution::axis;

/// Adding and subtracting 1.5 * 2^52 rounds an f64 below 2^51 to the nearest integer, with two
/// additions instead of a call (`f64::round` is a libm call on baseline x86-64); `simd::round`
/// does the same to vectors.
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
/// of `u` itself costs about |u| 1e-16 turns, as it does for std's `(2 pi u).cos()`. Branch-free,
/// so a loop of calls can vectorise.
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

/// Phases per vector of the portable path: `wide::f64x4` holds four. They also make four
/// independent partial sums, which the compiler may not create by itself (f64 addition is not
/// associative).
pub const LANES: usize = 4;

// ANCHOR: lanes
/// [`cis_turns`] of `S::LANES` phases at once: the same operations, each one a vector
/// instruction of the instruction set `s` stands for (two SSE2 instructions for four lanes on
/// the portable path of a default build, one AVX2 or AVX-512 instruction where the CPU has it),
/// and each multiply-add of the polynomials one fused instruction where the set has FMA.
#[inline(always)]
pub fn cis_turns_simd<S: Simd>(s: S, u: S::V) -> (S::V, S::V) {
    let r = u - simd::round(s, u);
    let q = simd::round(s, r * s.splat(4.0));
    let t = (r - q * s.splat(0.25)) * s.splat(TAU);
    let t2 = t * t;
    let mut sin = s.splat(SIN[6]);
    for &c in SIN[..6].iter().rev() {
        sin = sin.mul_add(t2, s.splat(c));
    }
    let sin = sin * t;
    let mut cos = s.splat(COS[7]);
    for &c in COS[..7].iter().rev() {
        cos = cos.mul_add(t2, s.splat(c));
    }
    let a = q.abs();
    let one = s.splat(1.0);
    let odd = a * (s.splat(2.0) - a);
    let even = (one - odd) * (one - a);
    (even * cos - odd * q * sin, even * sin + odd * q * cos)
}
// ANCHOR_END: lanes

/// [`cis_turns`] of four phases on the portable path, for code that holds `wide::f64x4`.
#[inline(always)]
pub fn cis_turns_x4(u: f64x4) -> (f64x4, f64x4) {
    cis_turns_simd(Portable, u)
}

// ANCHOR: sum
/// The sum over cells `c` of `exp(2 pi i (hi x[c] + kj y[c]))`, every exponential evaluated,
/// `S::LANES` at a time.
#[inline(always)]
pub fn sum_cis_simd<S: Simd>(s: S, hi: f64, kj: f64, x: &[f64], y: &[f64]) -> Complex64 {
    let (xs, ys) = (x.chunks_exact(S::LANES), y.chunks_exact(S::LANES));
    let (x_rest, y_rest) = (xs.remainder(), ys.remainder());
    let (hv, kv) = (s.splat(hi), s.splat(kj));
    let (mut re, mut im) = (s.splat(0.0), s.splat(0.0));
    for (xc, yc) in xs.zip(ys) {
        let (c, sin) = cis_turns_simd(s, hv.mul_add(s.load(xc), kv * s.load(yc)));
        re = re + c;
        im = im + sin;
    }
    let mut sum = Complex64::new(re.sum(), im.sum());
    for (&xc, &yc) in x_rest.iter().zip(y_rest) {
        let (c, s) = cis_turns(hi * xc + kj * yc);
        sum += Complex64::new(c, s);
    }
    sum
}
// ANCHOR_END: sum

/// [`sum_cis_simd`] as a kernel that [`Level::run`] compiles for each instruction set.
struct SumCis<'a> {
    hi: f64,
    kj: f64,
    x: &'a [f64],
    y: &'a [f64],
}

impl Kernel for SumCis<'_> {
    type Output = Complex64;
    #[inline(always)]
    fn run<S: Simd>(self, s: S) -> Complex64 {
        sum_cis_simd(s, self.hi, self.kj, self.x, self.y)
    }
}

/// [`sum_cis_simd`] with the widest instructions this CPU has (or those `WORKBOOK_SIMD` asks
/// for), chosen at every call: a match on a value read once.
pub fn sum_cis(hi: f64, kj: f64, x: &[f64], y: &[f64]) -> Complex64 {
    sum_cis_at(simd::level(), hi, kj, x, y)
}

/// [`sum_cis`] with the instructions of `level`.
pub fn sum_cis_at(level: Level, hi: f64, kj: f64, x: &[f64], y: &[f64]) -> Complex64 {
    level.run(SumCis { hi, kj, x, y })
}

/// The cells of the square crystal as two coordinate lists, n major, like
/// [`strained_solution::positions`].
pub fn square_positions(n: usize) -> (Vec<f64>, Vec<f64>) {
    let x = (0..n * n).map(|c| (c / n) as f64).collect();
    let y = (0..n * n).map(|c| (c % n) as f64).collect();
    (x, y)
}

// ANCHOR: dispatch
/// The intensity over the whole grid, one row of `h` at a time, the instruction set chosen
/// once for the whole grid.
struct GridCis<'a> {
    x: &'a [f64],
    y: &'a [f64],
    h: &'a [f64],
    k: &'a [f64],
}

impl Kernel for GridCis<'_> {
    type Output = Vec<f64>;
    // Inlined into the function `Level::run` compiled for the chosen instructions, and the
    // sum with it: a call out of here would be compiled for the baseline.
    #[inline(always)]
    fn run<S: Simd>(self, s: S) -> Vec<f64> {
        let mut result = Vec::with_capacity(self.h.len() * self.k.len());
        for &hi in self.h {
            for &kj in self.k {
                result.push(sum_cis_simd(s, hi, kj, self.x, self.y).norm_sqr());
            }
        }
        result
    }
}

/// The grid with the instructions of `level`.
pub fn grid_sincos_at(level: Level, x: &[f64], y: &[f64], h: &[f64], k: &[f64]) -> Vec<f64> {
    level.run(GridCis { x, y, h, k })
}
// ANCHOR_END: dispatch

/// The grid with the widest instructions this CPU has (or those `WORKBOOK_SIMD` asks for).
pub fn grid_sincos(x: &[f64], y: &[f64], h: &[f64], k: &[f64]) -> Vec<f64> {
    grid_sincos_at(simd::level(), x, y, h, k)
}

// ANCHOR: square
/// The square crystal on one core, every exponential through [`cis_turns`].
pub fn square_sincos(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let (x, y) = square_positions(n);
    grid_sincos(&x, &y, h, k)
}
// ANCHOR_END: square

/// [`square_sincos`] with the instructions of `level`.
pub fn square_sincos_at(level: Level, n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let (x, y) = square_positions(n);
    grid_sincos_at(level, &x, &y, h, k)
}

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
