//! What the other modules share: the digit test, the walk over the numbers without a 9, the
//! size of the chunks that the chunked sums cut 1..=n into, and the compensated accumulator.
//! This module uses no other module of the crate, and the others use only this one, never
//! each other.

// ANCHOR: by_fours
/// For every group of four digits 0000..9999: does it contain a 9? 10 kB, which stays in the
/// fastest cache.
static NINE_IN_FOUR_DIGITS: [bool; 10_000] = {
    let mut table = [false; 10_000];
    let mut i = 0;
    while i < 10_000 {
        table[i] = i % 10 == 9 || i / 10 % 10 == 9 || i / 100 % 10 == 9 || i / 1000 == 9;
        i += 1;
    }
    table
};

/// Does the decimal form of `k` contain the digit 9? Four digits per step: each step is one
/// division by a constant (a multiplication and a shift) and one table lookup, so an 8-digit
/// number takes two steps instead of eight.
pub fn has_nine(mut k: u64) -> bool {
    while k > 0 {
        if NINE_IN_FOUR_DIGITS[(k % 10_000) as usize] {
            return true;
        }
        k /= 10_000;
    }
    false
}
// ANCHOR_END: by_fours

// ANCHOR: walk
/// Calls `visit(k)` for every k in `first..=last` (first >= 1) whose decimal form has no 9,
/// in increasing order. Every k is tested, in two parts: k = 10^4 high + low. The high part
/// changes only once every 10^4 numbers, so it is tested once per block of 10^4; the low part
/// is the counter of the inner loop, and its test is one lookup in the table, no division.
pub(crate) fn for_each_nine_free(first: u64, last: u64, mut visit: impl FnMut(u64)) {
    if first > last {
        return;
    }
    let mut high = first / 10_000;
    let mut low = (first % 10_000) as usize;
    loop {
        let base = high * 10_000;
        let high_has_nine = has_nine(high);
        let end = (last - base).min(9_999) as usize;
        let numbers = base + low as u64..=base + end as u64;
        for (&low_has_nine, k) in NINE_IN_FOUR_DIGITS[low..=end].iter().zip(numbers) {
            if !(high_has_nine || low_has_nine) {
                visit(k);
            }
        }
        if base + end as u64 == last {
            break;
        }
        high += 1;
        low = 0;
    }
}
// ANCHOR_END: walk

// ANCHOR: chunk
/// Numbers per chunk of `slow_chunked` and of `slow_pairwise`: large enough that a chunk's
/// work (about a millisecond) hides the cost of handing it to a thread, small enough that
/// 10^8 terms make about a hundred chunks to share among the cores.
pub const CHUNK: u64 = 1 << 20;
// ANCHOR_END: chunk

// ANCHOR: kahan
/// A running sum that carries the rounding error of every addition along (Neumaier's
/// variant of Kahan summation: it also works when a term is larger than the sum so far).
#[derive(Debug, Default, Clone, Copy)]
pub struct Kahan {
    sum: f64,
    /// The low-order bits that `sum` could not hold, added back at the end.
    carry: f64,
}

impl Kahan {
    pub fn add(&mut self, x: f64) {
        let t = self.sum + x;
        // Whichever of the two is larger is represented exactly in t; the other lost bits.
        if self.sum.abs() >= x.abs() {
            self.carry += (self.sum - t) + x;
        } else {
            self.carry += (x - t) + self.sum;
        }
        self.sum = t;
    }

    pub fn value(&self) -> f64 {
        self.sum + self.carry
    }
}
// ANCHOR_END: kahan

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_test_visits_exactly_the_nine_free_numbers_in_order() {
        let top = u64::MAX;
        let ranges = [
            (1, 1),
            (5, 4),
            (1, 30_000),
            (9_990, 10_010),
            (89_995, 190_003),
            (top - 20_000, top),
        ];
        for (first, last) in ranges {
            let mut visited = Vec::new();
            for_each_nine_free(first, last, |k| visited.push(k));
            let expected: Vec<u64> = (first..=last).filter(|&k| !has_nine(k)).collect();
            assert_eq!(visited, expected, "{first}..={last}");
        }
    }
}
