//! Vector instructions chosen when the program starts.
//!
//! A default build targets baseline x86-64, whose vectors (SSE2) hold two f64, while the CPU
//! that runs it may have AVX2 with FMA (four, and a multiply-add in one instruction) or AVX-512
//! (eight). A kernel written once, generic over [`Simd`], is compiled for each of them by
//! [`Level::run`]; the widest the CPU has is picked at run time ([`level`]), and the environment
//! variable `WORKBOOK_SIMD` can force a narrower one (`portable`, `avx2`, `avx512`), which is how
//! the tests check every path against the portable one on any CPU.
//!
//! ```
//! use simd::{Kernel, Simd, Vector};
//!
//! /// sum x[i] y[i], `S::LANES` partial sums at a time.
//! struct Dot<'a>(&'a [f64], &'a [f64]);
//!
//! impl Kernel for Dot<'_> {
//!     type Output = f64;
//!     #[inline(always)]
//!     fn run<S: Simd>(self, s: S) -> f64 {
//!         let mut acc = s.splat(0.0);
//!         for (x, y) in self.0.chunks_exact(S::LANES).zip(self.1.chunks_exact(S::LANES)) {
//!             acc = s.load(x).mul_add(s.load(y), acc);
//!         }
//!         acc.sum()
//!     }
//! }
//!
//! let x = vec![1.0; 64];
//! assert_eq!(simd::level().run(Dot(&x, &x)), 64.0);
//! ```

mod level;
mod portable;
#[cfg(target_arch = "x86_64")]
mod x86;

pub use level::{ENV, Level, level};
pub use portable::Portable;
#[cfg(target_arch = "x86_64")]
pub use x86::{Avx2, Avx512};

use std::ops::{Add, Div, Mul, Neg, Sub};

/// A vector of [`Simd::LANES`] f64, with the arithmetic of one instruction set. Values exist
/// only inside a kernel that [`Level::run`] started, so every operation is one the CPU has.
pub trait Vector:
    Copy
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
{
    /// `self * m + a`: one rounding where the instruction set fuses the two (FMA), two where it
    /// does not (the portable path in a default build).
    fn mul_add(self, m: Self, a: Self) -> Self;
    fn max(self, other: Self) -> Self;
    fn abs(self) -> Self;
    fn sqrt(self) -> Self;
    /// `1 / sqrt(self)` to within a few units in the last place, for positive inputs. AVX-512
    /// starts from the hardware's 14-bit estimate and refines it with multiply-adds, which
    /// avoids its slow wide square root and division; the other paths divide.
    fn rsqrt(self) -> Self;
    /// The sum of the lanes.
    fn sum(self) -> f64;
}

/// One instruction set: how wide its vectors are and how to make them. A value of a type that
/// implements `Simd` is the proof that the CPU has that instruction set.
pub trait Simd: Copy {
    type V: Vector;
    /// f64 numbers per vector.
    const LANES: usize;
    /// As `WORKBOOK_SIMD` names it.
    const NAME: &'static str;
    fn splat(self, x: f64) -> Self::V;
    /// The first `LANES` numbers of `from`; panics if it is shorter.
    fn load(self, from: &[f64]) -> Self::V;
    /// Into the first `LANES` numbers of `to`; panics if it is shorter.
    fn store(self, v: Self::V, to: &mut [f64]);
}

// ANCHOR: kernel
/// A kernel written once for every instruction set. [`Level::run`] calls `run` inside a
/// function compiled for the chosen one; mark `run` `#[inline(always)]` so that its body is
/// compiled there (a call out of it would lose the instruction set).
pub trait Kernel {
    type Output;
    fn run<S: Simd>(self, simd: S) -> Self::Output;
}
// ANCHOR_END: kernel

/// Nearest integer, ties to even, for |x| < 2^51: adding and subtracting 1.5 * 2^52 rounds in
/// two additions, the same on every path (`f64::round` is a call on baseline x86-64).
#[inline(always)]
pub fn round<S: Simd>(s: S, x: S::V) -> S::V {
    let rounder = s.splat(6_755_399_441_055_744.0);
    (x + rounder) - rounder
}

/// One step that takes an estimate `y` of `1 / sqrt(x)` with relative error e to one with
/// error about 0.27 e^4 (the series of `(1 - e)^(-1/2)` to its fourth term): from AVX-512's 14
/// bits to full precision in five multiply-adds and a multiply.
#[inline(always)]
pub(crate) fn refine_rsqrt<S: Simd>(s: S, x: S::V, y: S::V) -> S::V {
    let one = s.splat(1.0);
    // e = 1 - x y^2, then y (1 - e)^(-1/2) = y (1 + e/2 + 3e^2/8 + 5e^3/16 + ...).
    let e = (-x).mul_add(y * y, one);
    let p = e.mul_add(s.splat(5.0 / 16.0), s.splat(3.0 / 8.0));
    let p = p.mul_add(e, s.splat(0.5)) * e;
    y.mul_add(p, y)
}
