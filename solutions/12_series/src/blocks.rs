//! The direct sum without testing every k: whole blocks of numbers that contain a 9 are
//! skipped, and the numbers that are left are summed a hundred at a time.

use crate::base::has_nine;
use rayon::prelude::*;

// ANCHOR: endings
/// The 81 two-digit endings without a 9, in increasing order: 00..08, 10..18, ..., 80..88.
/// Every hundred whose leading digits have no 9 contributes exactly these.
const ENDINGS: [f64; 81] = {
    let mut endings = [0.0; 81];
    let mut i = 0;
    while i < 81 {
        endings[i] = (10 * (i / 9) + i % 9) as f64;
        i += 1;
    }
    endings
};

/// The sum of 1/(base + e) over the 81 endings, two terms per division:
/// 1/x + 1/y = (x + y) / (x y). Division is the slowest arithmetic operation in the loop, and
/// x y stays far inside the range of f64 (below 10^39 for any u64). Eight independent
/// running sums let the divisions overlap and use vector instructions; a single running sum
/// would make every addition wait for the one before.
fn hundred(base: f64) -> f64 {
    const LANES: usize = 8;
    let (first, rest) = ENDINGS.split_at(40);
    let mut lanes = [0.0_f64; LANES];
    for (a, b) in first.chunks_exact(LANES).zip(rest.chunks_exact(LANES)) {
        for i in 0..LANES {
            let (x, y) = (base + a[i], base + b[i]);
            lanes[i] += (x + y) / (x * y);
        }
    }
    // 80 endings went in pairs; the 81st, 88, on its own.
    lanes.iter().sum::<f64>() + 1.0 / (base + ENDINGS[80])
}
// ANCHOR_END: endings

// ANCHOR: skip
/// The smallest number at or above `h` with no digit 9. If the most significant 9 of `h` is in
/// the place `p` (1, 10, 100, ...), every number up to the next change of that digit contains
/// it too: jump to the next multiple of `p` (which can carry into a new 9: then jump again).
fn next_nine_free(mut h: u64) -> u64 {
    loop {
        let (mut rest, mut place, mut top) = (h, 1_u64, 0_u64);
        while rest > 0 {
            if rest % 10 == 9 {
                top = place;
            }
            rest /= 10;
            place = place.saturating_mul(10);
        }
        if top == 0 {
            return h;
        }
        h = (h / top + 1) * top;
    }
}

/// The sum over the complete hundreds `first..end` (the numbers 100 first ..= 100 end - 1),
/// visiting only hundreds without a 9.
fn hundreds(first: u64, end: u64) -> f64 {
    let mut total = 0.0;
    let mut h = next_nine_free(first);
    while h < end {
        total += hundred(100.0 * h as f64);
        h = next_nine_free(h + 1);
    }
    total
}
// ANCHOR_END: skip

/// The terms for k in `first..=last`, tested one by one (the ragged ends of the range).
fn direct(first: u64, last: u64) -> f64 {
    (first..=last)
        .filter(|&k| !has_nine(k))
        .map(|k| 1.0 / k as f64)
        .sum()
}

/// Splits 1..=n into the first hundred (k = 1..=99, tested directly), the complete hundreds
/// 1..end, and the ragged tail 100 end ..= n.
fn split(n: u64) -> (u64, Option<u64>) {
    // Hundreds are complete up to n = 100 h + 99; u128 keeps n near u64::MAX from overflowing.
    let end = ((n as u128 + 1) / 100) as u64;
    let tail = (end >= 1 && (end as u128) * 100 <= n as u128).then(|| end * 100);
    (end, tail)
}

// ANCHOR: blocks
/// The slow series, skipping every block of numbers that contains a 9.
pub fn slow_blocks(n: u64) -> f64 {
    let (end, tail) = split(n);
    let mut total = direct(1, n.min(99));
    if end > 1 {
        total += hundreds(1, end);
    }
    if let Some(t) = tail {
        total += direct(t, n);
    }
    total
}
// ANCHOR_END: blocks

// ANCHOR: blocks_parallel
/// Hundreds per chunk of [`slow_blocks_parallel`]: a fixed size, so the result does not depend
/// on the number of threads.
const HUNDREDS_PER_CHUNK: u64 = 1 << 14;

/// [`slow_blocks`] on every core: the hundreds are cut into fixed chunks, summed in parallel,
/// and the partial sums added in order.
pub fn slow_blocks_parallel(n: u64) -> f64 {
    let partials: Vec<f64> = (0..chunk_count(n))
        .into_par_iter()
        .map(|c| chunk_sum(n, c))
        .collect();
    combine_chunks(n, &partials)
}

/// How many chunks of hundreds [`slow_blocks_parallel`] cuts 1..=n into: the units of work
/// that chapter 18 hands to processes.
pub fn chunk_count(n: u64) -> u64 {
    let (end, _) = split(n);
    if end > 1 {
        (end - 1).div_ceil(HUNDREDS_PER_CHUNK)
    } else {
        0
    }
}

/// The sum over the hundreds of chunk `c` (of [`chunk_count`]`(n)`).
pub fn chunk_sum(n: u64, c: u64) -> f64 {
    let (end, _) = split(n);
    let first = 1 + c * HUNDREDS_PER_CHUNK;
    hundreds(first, end.min(first + HUNDREDS_PER_CHUNK))
}

/// The whole sum from every chunk's sum, in chunk order, plus the ragged ends: whoever
/// computed the chunks, the result has the bits of [`slow_blocks_parallel`].
pub fn combine_chunks(n: u64, partials: &[f64]) -> f64 {
    let (end, tail) = split(n);
    let mut total = direct(1, n.min(99));
    if end > 1 {
        total += partials.iter().sum::<f64>();
    }
    if let Some(t) = tail {
        total += direct(t, n);
    }
    total
}
// ANCHOR_END: blocks_parallel
