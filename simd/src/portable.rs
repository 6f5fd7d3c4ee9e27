//! The portable path: `wide::f64x4`, which compiles to the build's own vector instructions
//! (two SSE2 instructions per operation in a default x86-64 build, NEON on Arm) and runs on any
//! CPU the build runs on.

use crate::{Simd, Vector};
use wide::f64x4;

/// The instruction set every CPU the build runs on has: no detection needed.
#[derive(Debug, Clone, Copy, Default)]
pub struct Portable;

impl Vector for f64x4 {
    #[inline(always)]
    fn mul_add(self, m: Self, a: Self) -> Self {
        // wide fuses only where the build itself targets FMA (`-C target-cpu=native`).
        f64x4::mul_add(self, m, a)
    }
    #[inline(always)]
    fn max(self, other: Self) -> Self {
        f64x4::max(self, other)
    }
    #[inline(always)]
    fn abs(self) -> Self {
        f64x4::abs(self)
    }
    #[inline(always)]
    fn sqrt(self) -> Self {
        f64x4::sqrt(self)
    }
    #[inline(always)]
    fn rsqrt(self) -> Self {
        // No estimate instruction for f64 here: the exact division.
        f64x4::ONE / f64x4::sqrt(self)
    }
    #[inline(always)]
    fn sum(self) -> f64 {
        self.reduce_add()
    }
}

impl Simd for Portable {
    type V = f64x4;
    const LANES: usize = 4;
    const NAME: &'static str = "portable";
    #[inline(always)]
    fn splat(self, x: f64) -> f64x4 {
        f64x4::splat(x)
    }
    #[inline(always)]
    fn load(self, from: &[f64]) -> f64x4 {
        let lanes: [f64; 4] = from[..4].try_into().expect("four lanes");
        f64x4::from(lanes)
    }
    #[inline(always)]
    fn store(self, v: f64x4, to: &mut [f64]) {
        to[..4].copy_from_slice(&v.to_array());
    }
}
