//! AVX2 with FMA (four f64 per vector) and AVX-512 (eight), through `std::arch`.
//!
//! Soundness rests on one fact: an [`Avx2`] or [`Avx512`] token is made only by
//! [`crate::Level::run`] for a level that was detected on this CPU (a `Level` cannot be made
//! any other way), and a vector of either type is made only through its token. So every
//! intrinsic below runs on a CPU that has it, which is all their `unsafe` asks.

use crate::{Kernel, Simd, Vector, refine_rsqrt};
use std::arch::x86_64::*;
use std::ops::{Add, Div, Mul, Neg, Sub};

/// AVX2 and FMA, proven present.
#[derive(Debug, Clone, Copy)]
pub struct Avx2 {
    _proof: (),
}

/// AVX-512 Foundation, proven present.
#[derive(Debug, Clone, Copy)]
pub struct Avx512 {
    _proof: (),
}

/// Four f64 in a ymm register.
#[derive(Debug, Clone, Copy)]
pub struct F64x4(__m256d);

/// Eight f64 in a zmm register.
#[derive(Debug, Clone, Copy)]
pub struct F64x8(__m512d);

// ANCHOR: target_feature
/// Runs `kernel` compiled for AVX2 and FMA: the body of `run`, inlined here, is compiled with
/// these features, and only here.
///
/// # Safety
/// The CPU must have AVX2 and FMA.
#[target_feature(enable = "avx2,fma")]
pub(crate) unsafe fn run_avx2<K: Kernel>(kernel: K) -> K::Output {
    kernel.run(Avx2 { _proof: () })
}
// ANCHOR_END: target_feature

/// Runs `kernel` compiled for AVX-512F.
///
/// # Safety
/// The CPU must have AVX-512F.
#[target_feature(enable = "avx512f")]
pub(crate) unsafe fn run_avx512<K: Kernel>(kernel: K) -> K::Output {
    kernel.run(Avx512 { _proof: () })
}

/// The four arithmetic operators of one vector type, each one intrinsic.
macro_rules! operators {
    ($v:ident, $add:ident, $sub:ident, $mul:ident, $div:ident) => {
        impl Add for $v {
            type Output = $v;
            #[inline(always)]
            fn add(self, o: $v) -> $v {
                // SAFETY: a vector of this type exists only where its instruction set was detected.
                $v(unsafe { $add(self.0, o.0) })
            }
        }
        impl Sub for $v {
            type Output = $v;
            #[inline(always)]
            fn sub(self, o: $v) -> $v {
                // SAFETY: as for `add`.
                $v(unsafe { $sub(self.0, o.0) })
            }
        }
        impl Mul for $v {
            type Output = $v;
            #[inline(always)]
            fn mul(self, o: $v) -> $v {
                // SAFETY: as for `add`.
                $v(unsafe { $mul(self.0, o.0) })
            }
        }
        impl Div for $v {
            type Output = $v;
            #[inline(always)]
            fn div(self, o: $v) -> $v {
                // SAFETY: as for `add`.
                $v(unsafe { $div(self.0, o.0) })
            }
        }
    };
}

operators!(
    F64x4,
    _mm256_add_pd,
    _mm256_sub_pd,
    _mm256_mul_pd,
    _mm256_div_pd
);
operators!(
    F64x8,
    _mm512_add_pd,
    _mm512_sub_pd,
    _mm512_mul_pd,
    _mm512_div_pd
);

impl Neg for F64x4 {
    type Output = F64x4;
    #[inline(always)]
    fn neg(self) -> F64x4 {
        // SAFETY: as for `add`. Flipping the sign bit, as `-x` does for a scalar.
        F64x4(unsafe { _mm256_xor_pd(self.0, _mm256_set1_pd(-0.0)) })
    }
}

impl Neg for F64x8 {
    type Output = F64x8;
    #[inline(always)]
    fn neg(self) -> F64x8 {
        // SAFETY: as for `add`.
        F64x8(unsafe { _mm512_sub_pd(_mm512_set1_pd(-0.0), self.0) })
    }
}

// ANCHOR: fma
impl Vector for F64x4 {
    #[inline(always)]
    fn mul_add(self, m: F64x4, a: F64x4) -> F64x4 {
        // SAFETY: as for `add`; the token's level is AVX2 *and* FMA.
        F64x4(unsafe { _mm256_fmadd_pd(self.0, m.0, a.0) })
    }
    // ANCHOR_END: fma
    #[inline(always)]
    fn max(self, o: F64x4) -> F64x4 {
        // SAFETY: as for `add`.
        F64x4(unsafe { _mm256_max_pd(self.0, o.0) })
    }
    #[inline(always)]
    fn abs(self) -> F64x4 {
        // SAFETY: as for `add`. Clearing the sign bit.
        F64x4(unsafe { _mm256_andnot_pd(_mm256_set1_pd(-0.0), self.0) })
    }
    #[inline(always)]
    fn sqrt(self) -> F64x4 {
        // SAFETY: as for `add`.
        F64x4(unsafe { _mm256_sqrt_pd(self.0) })
    }
    #[inline(always)]
    fn rsqrt(self) -> F64x4 {
        // AVX2's estimate is single precision only (12 bits): narrowed, estimated, widened and
        // refined, it measured slower on an AMD EPYC than the exact square root and division.
        // SAFETY: as for `add`.
        F64x4(unsafe { _mm256_div_pd(_mm256_set1_pd(1.0), _mm256_sqrt_pd(self.0)) })
    }
    #[inline(always)]
    fn sum(self) -> f64 {
        // SAFETY: as for `add`.
        unsafe {
            let pair = _mm_add_pd(
                _mm256_castpd256_pd128(self.0),
                _mm256_extractf128_pd(self.0, 1),
            );
            _mm_cvtsd_f64(_mm_add_sd(pair, _mm_unpackhi_pd(pair, pair)))
        }
    }
}

impl Vector for F64x8 {
    #[inline(always)]
    fn mul_add(self, m: F64x8, a: F64x8) -> F64x8 {
        // SAFETY: as for `add`.
        F64x8(unsafe { _mm512_fmadd_pd(self.0, m.0, a.0) })
    }
    #[inline(always)]
    fn max(self, o: F64x8) -> F64x8 {
        // SAFETY: as for `add`.
        F64x8(unsafe { _mm512_max_pd(self.0, o.0) })
    }
    #[inline(always)]
    fn abs(self) -> F64x8 {
        // SAFETY: as for `add`.
        F64x8(unsafe { _mm512_abs_pd(self.0) })
    }
    #[inline(always)]
    fn sqrt(self) -> F64x8 {
        // SAFETY: as for `add`.
        F64x8(unsafe { _mm512_sqrt_pd(self.0) })
    }
    #[inline(always)]
    fn rsqrt(self) -> F64x8 {
        // SAFETY: as for `add`. The estimate has 14 correct bits.
        let y = F64x8(unsafe { _mm512_rsqrt14_pd(self.0) });
        refine_rsqrt(Avx512 { _proof: () }, self, y)
    }
    #[inline(always)]
    fn sum(self) -> f64 {
        // SAFETY: as for `add`.
        unsafe { _mm512_reduce_add_pd(self.0) }
    }
}

impl Simd for Avx2 {
    type V = F64x4;
    const LANES: usize = 4;
    const NAME: &'static str = "avx2";
    #[inline(always)]
    fn splat(self, x: f64) -> F64x4 {
        // SAFETY: the token proves AVX2.
        F64x4(unsafe { _mm256_set1_pd(x) })
    }
    #[inline(always)]
    fn load(self, from: &[f64]) -> F64x4 {
        let from = &from[..4];
        // SAFETY: the token proves AVX2, and `from` holds the four numbers read (unaligned
        // loads need no alignment).
        F64x4(unsafe { _mm256_loadu_pd(from.as_ptr()) })
    }
    #[inline(always)]
    fn store(self, v: F64x4, to: &mut [f64]) {
        let to = &mut to[..4];
        // SAFETY: the token proves AVX2, and `to` has room for the four numbers written.
        unsafe { _mm256_storeu_pd(to.as_mut_ptr(), v.0) }
    }
}

impl Simd for Avx512 {
    type V = F64x8;
    const LANES: usize = 8;
    const NAME: &'static str = "avx512";
    #[inline(always)]
    fn splat(self, x: f64) -> F64x8 {
        // SAFETY: the token proves AVX-512F.
        F64x8(unsafe { _mm512_set1_pd(x) })
    }
    #[inline(always)]
    fn load(self, from: &[f64]) -> F64x8 {
        let from = &from[..8];
        // SAFETY: the token proves AVX-512F, and `from` holds the eight numbers read.
        F64x8(unsafe { _mm512_loadu_pd(from.as_ptr()) })
    }
    #[inline(always)]
    fn store(self, v: F64x8, to: &mut [f64]) {
        let to = &mut to[..8];
        // SAFETY: the token proves AVX-512F, and `to` has room for the eight numbers written.
        unsafe { _mm512_storeu_pd(to.as_mut_ptr(), v.0) }
    }
}
