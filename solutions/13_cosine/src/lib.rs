//! Cosine chapter reference solution: the series sum of cos(k)/k for k = 1..=n, whose limit is
//! -ln(2 sin(1/2)) = 0.0420195...
//!
//! The same API as the exercise crate `cosine`; the tests in `exercises/13_cosine/tests` run
//! against both. Every function returns 0.0 for n = 0.

use rayon::prelude::*;

/// The value the series converges to: -ln(2 sin(1/2)).
pub fn cos_limit() -> f64 {
    -(2.0 * 0.5_f64.sin()).ln()
}

// ANCHOR: libm
/// One call to the maths library's `cos` per term, added in order of k.
pub fn cos_libm(n: u64) -> f64 {
    let mut total = 0.0;
    for k in 1..=n {
        let k = k as f64;
        total += k.cos() / k;
    }
    total
}

/// The same terms with one thread per core: rayon splits 1..=n and adds the partial sums.
pub fn cos_libm_parallel(n: u64) -> f64 {
    (1..=n)
        .into_par_iter()
        .map(|k| {
            let k = k as f64;
            k.cos() / k
        })
        .sum()
}
// ANCHOR_END: libm

/// [`cos_libm`] with compensated (Kahan-Neumaier) summation: the careful direct sum.
pub fn cos_kahan(n: u64) -> f64 {
    let (mut sum, mut carry) = (0.0_f64, 0.0_f64);
    for k in 1..=n {
        let k = k as f64;
        let x = k.cos() / k;
        let t = sum + x;
        carry += if sum.abs() >= x.abs() {
            (sum - t) + x
        } else {
            (x - t) + sum
        };
        sum = t;
    }
    sum + carry
}

/// The sum of `terms` by halving, so that each term goes through about log2(len) additions.
fn pairwise_sum(terms: &[f64]) -> f64 {
    if terms.len() <= 32 {
        terms.iter().sum()
    } else {
        let (left, right) = terms.split_at(terms.len() / 2);
        pairwise_sum(left) + pairwise_sum(right)
    }
}

/// The libm terms summed pairwise, one buffer of 2^20 terms at a time (all 10^8 terms at once
/// would take 800 MB), then the buffers' sums pairwise.
pub fn cos_pairwise(n: u64) -> f64 {
    const BUFFER: u64 = 1 << 20;
    let mut terms = Vec::new();
    let mut sums = Vec::new();
    let mut first = 1_u64;
    while first <= n {
        let last = n.min(first.saturating_add(BUFFER - 1));
        terms.clear();
        terms.extend((first..=last).map(|k| {
            let k = k as f64;
            k.cos() / k
        }));
        sums.push(pairwise_sum(&terms));
        if last == n {
            break;
        }
        first = last + 1;
    }
    pairwise_sum(&sums)
}

// ANCHOR: rotation
/// Independent rotations in flight: one running (cos, sin) pair per lane, lane i taking the
/// terms k = first + i, first + i + LANES, ... A single rotation would make every term wait
/// for the multiply of the one before; eight of them keep the multipliers busy.
const LANES: usize = 8;

/// The sum of cos(k)/k for k in `first..=last`: exact cosines and sines at the start, then
/// each lane turns by LANES radians per step, one complex multiply:
/// (c + i s) (cos L + i sin L) = (c cos L - s sin L) + i (s cos L + c sin L).
fn rotated(first: u64, last: u64) -> f64 {
    let (step_sin, step_cos) = (LANES as f64).sin_cos();
    let mut c = [0.0_f64; LANES];
    let mut s = [0.0_f64; LANES];
    let mut k = [0.0_f64; LANES];
    for i in 0..LANES {
        k[i] = (first + i as u64) as f64;
        (s[i], c[i]) = k[i].sin_cos();
    }
    let mut sums = [0.0_f64; LANES];
    let count = last - first + 1;
    const HALF: usize = LANES / 2;
    for _ in 0..count / LANES as u64 {
        // Two terms over one division: c1/k1 + c2/k2 = (c1 k2 + c2 k1) / (k1 k2). Division is
        // the slowest arithmetic operation left; products of two k stay far inside f64's range.
        for i in 0..HALF {
            let j = i + HALF;
            sums[i] += (c[i] * k[j] + c[j] * k[i]) / (k[i] * k[j]);
        }
        for i in 0..LANES {
            let turned = c[i] * step_cos - s[i] * step_sin;
            s[i] = s[i] * step_cos + c[i] * step_sin;
            c[i] = turned;
            k[i] += LANES as f64;
        }
    }
    for i in 0..(count % LANES as u64) as usize {
        sums[i] += c[i] / k[i];
    }
    sums.iter().sum()
}

/// The series by rotation, re-synchronised with exact `sin_cos` every `resync` terms: the
/// terms are cut into chunks of `resync` (the last one shorter), each chunk is summed by
/// [`rotated`], and the chunks' sums are added in order. Rounding makes a rotation drift away
/// from the true angle and off the unit circle a little more with every step; restarting from
/// exact values bounds the drift by what `resync` steps can accumulate.
pub fn cos_rotation(n: u64, resync: u64) -> f64 {
    assert!(resync >= 1, "resync must be at least 1 term");
    let mut total = 0.0;
    let mut first = 1;
    while first <= n {
        let last = n.min(first.saturating_add(resync - 1));
        total += rotated(first, last);
        if last == n {
            break;
        }
        first = last + 1;
    }
    total
}
// ANCHOR_END: rotation

// ANCHOR: parallel
/// Terms per chunk of [`cos_parallel`], and its re-synchronisation interval.
pub const RESYNC: u64 = 4096;

/// [`cos_rotation`]`(n, RESYNC)` on every core: the same chunks, summed in parallel, the chunks'
/// sums added in order, so the result is the same bits as the serial version on any number of
/// threads.
pub fn cos_parallel(n: u64) -> f64 {
    let partials: Vec<f64> = (0..n.div_ceil(RESYNC))
        .into_par_iter()
        .map(|c| {
            let first = c * RESYNC + 1;
            rotated(first, n.min(first + (RESYNC - 1)))
        })
        .collect();
    partials.iter().sum()
}
// ANCHOR_END: parallel

// ANCHOR: three_term
/// The cosines and sines of the whole numbers -LANES..LANES: each chunk of the three-term
/// recurrence starts its lanes from one exact `sin_cos` and these, by the addition formula.
struct Offsets {
    cos: [f64; 2 * LANES],
    sin: [f64; 2 * LANES],
}

impl Offsets {
    fn new() -> Self {
        let (mut cos, mut sin) = ([0.0; 2 * LANES], [0.0; 2 * LANES]);
        for (j, (c, s)) in cos.iter_mut().zip(&mut sin).enumerate() {
            (*s, *c) = (j as f64 - LANES as f64).sin_cos();
        }
        Offsets { cos, sin }
    }

    /// cos(x + j) from cos x and sin x, for j in -LANES..LANES.
    fn cos_at(&self, (sin_x, cos_x): (f64, f64), j: usize) -> f64 {
        cos_x * self.cos[j] - sin_x * self.sin[j]
    }
}

/// The sum of cos(k)/k for k in `first..=last` by the real part of the rotation alone. Adding
/// the rotations by +L and by -L gives cos(x + L) + cos(x - L) = 2 cos(L) cos(x): each lane
/// keeps its last two cosines and needs one multiply and one subtraction per term, against
/// four multiplies and two additions for the full rotation, and no sine at all.
fn three_term(offsets: &Offsets, first: u64, last: u64) -> f64 {
    let twice_cos_step = 2.0 * (LANES as f64).cos();
    let start = (first as f64).sin_cos();
    let mut before = [0.0_f64; LANES];
    let mut c = [0.0_f64; LANES];
    let mut k = [0.0_f64; LANES];
    for i in 0..LANES {
        k[i] = (first + i as u64) as f64;
        c[i] = offsets.cos_at(start, LANES + i);
        before[i] = offsets.cos_at(start, i);
    }
    let mut sums = [0.0_f64; LANES];
    let count = last - first + 1;
    const HALF: usize = LANES / 2;
    for _ in 0..count / LANES as u64 {
        for i in 0..HALF {
            let j = i + HALF;
            sums[i] += (c[i] * k[j] + c[j] * k[i]) / (k[i] * k[j]);
        }
        for i in 0..LANES {
            let next = twice_cos_step * c[i] - before[i];
            before[i] = c[i];
            c[i] = next;
            k[i] += LANES as f64;
        }
    }
    for i in 0..(count % LANES as u64) as usize {
        sums[i] += c[i] / k[i];
    }
    sums.iter().sum()
}

/// The series by the three-term recurrence, exact again every `resync` terms (chunks as in
/// [`cos_rotation`], the chunks' sums added in order).
pub fn cos_three_term(n: u64, resync: u64) -> f64 {
    assert!(resync >= 1, "resync must be at least 1 term");
    let offsets = Offsets::new();
    let mut total = 0.0;
    let mut first = 1;
    while first <= n {
        let last = n.min(first.saturating_add(resync - 1));
        total += three_term(&offsets, first, last);
        if last == n {
            break;
        }
        first = last + 1;
    }
    total
}

/// [`cos_three_term`]`(n, RESYNC)` on every core, the same bits on any number of threads.
pub fn cos_three_term_parallel(n: u64) -> f64 {
    let offsets = Offsets::new();
    let partials: Vec<f64> = (0..n.div_ceil(RESYNC))
        .into_par_iter()
        .map(|c| {
            let first = c * RESYNC + 1;
            three_term(&offsets, first, n.min(first + (RESYNC - 1)))
        })
        .collect();
    partials.iter().sum()
}
// ANCHOR_END: three_term

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kahan_and_pairwise_agree_with_the_plain_sum() {
        for n in [0, 1, 10, 1000, 100_000, (1 << 20) + 3] {
            let (plain, careful, pairwise) = (cos_libm(n), cos_kahan(n), cos_pairwise(n));
            assert!((plain - careful).abs() < 1e-13, "kahan, n = {n}");
            assert!((pairwise - careful).abs() < 1e-15, "pairwise, n = {n}");
        }
    }

    #[test]
    fn three_term_stays_within_the_rotation_drift_bound() {
        // The same bound as the exercise's test of the rotation: 1e-15 per step, times the
        // size of the sum (at least 1).
        for n in [1, 7, 8, 9, 100, 1000, 54_321] {
            let reference = cos_kahan(n);
            for resync in [1, 3, 8, 64, 1000, 100_000] {
                let err = (reference - cos_three_term(n, resync)).abs();
                let tol = 1e-15 * resync.min(n) as f64 * reference.abs().max(1.0);
                assert!(err < tol, "n = {n}, resync = {resync}: error {err:e}");
            }
        }
        assert_eq!(cos_three_term(0, 10), 0.0);
        assert_eq!(cos_three_term_parallel(0), 0.0);
    }

    #[test]
    fn three_term_parallel_is_the_same_bits_as_the_serial_one() {
        let n = 5 * RESYNC + 123;
        let serial = cos_three_term(n, RESYNC);
        for threads in [1, 2, 3] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            assert_eq!(pool.install(|| cos_three_term_parallel(n)), serial);
        }
    }
}
