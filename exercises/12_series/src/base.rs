//! What the other modules share: the digit test, the size of the chunks that the chunked sums
//! cut 1..=n into, and the compensated accumulator. (The solution's `base.rs` also holds its
//! walk over the numbers without a 9, a helper of its own.)

/// Does the decimal form of `k` contain the digit 9? Use integer arithmetic only: `k % 10` is
/// the last digit, `k / 10` drops it. (`has_nine(0)` is false.)
pub fn has_nine(k: u64) -> bool {
    todo!("peel off the digits of k with % 10 and / 10")
}

/// Numbers per chunk of [`slow_chunked`](crate::slow_chunked) and of
/// [`slow_pairwise`](crate::slow_pairwise). The chunks are fixed whatever the number of
/// threads: that is what makes the sum reproducible.
pub const CHUNK: u64 = 1 << 20;

/// A running sum with compensation (Kahan, or better Neumaier's variant): `add` each term,
/// then `value` gives the sum with an error of a few units in the last place.
#[derive(Debug, Default, Clone, Copy)]
pub struct Kahan {
    sum: f64,
    carry: f64,
}

impl Kahan {
    /// Adds `x`, keeping the low-order bits that the sum cannot hold in `carry`.
    pub fn add(&mut self, x: f64) {
        todo!("compensated addition")
    }

    /// The sum so far, with the carried bits added back.
    pub fn value(&self) -> f64 {
        todo!("the sum plus the carry")
    }
}
