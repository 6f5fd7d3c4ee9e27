//! A rank's share of the items 0..items: a contiguous block, or every ranks-th item.

use std::ops::Range;

/// The items of rank `rank` (of `ranks`) when each rank takes one contiguous block of
/// `0..items`: the blocks follow each other in rank order, and their sizes differ by at most
/// one (the first `items % ranks` ranks take one more).
pub fn block_range(rank: usize, ranks: usize, items: u64) -> Range<u64> {
    todo!("rank's contiguous block of 0..items, sizes differing by at most one")
}

/// The items of rank `rank` when they are dealt like cards: item i goes to rank i % ranks.
/// In increasing order.
pub fn cyclic(rank: usize, ranks: usize, items: u64) -> Vec<u64> {
    todo!("every item i with i % ranks == rank, in increasing order")
}
