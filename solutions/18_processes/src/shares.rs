//! A rank's share of the items 0..items: a contiguous block, or every ranks-th item.

use std::ops::Range;

// ANCHOR: block_range
/// The items of rank `rank` (of `ranks`) when each rank takes one contiguous block of
/// `0..items`: the blocks follow each other in rank order, and their sizes differ by at most
/// one (the first `items % ranks` ranks take one more).
pub fn block_range(rank: usize, ranks: usize, items: u64) -> Range<u64> {
    let (rank, ranks) = (rank as u64, ranks as u64);
    let (size, extra) = (items / ranks, items % ranks);
    let start = rank * size + rank.min(extra);
    start..start + size + u64::from(rank < extra)
}
// ANCHOR_END: block_range

// ANCHOR: cyclic
/// The items of rank `rank` when they are dealt like cards: item i goes to rank i % ranks.
/// In increasing order.
pub fn cyclic(rank: usize, ranks: usize, items: u64) -> Vec<u64> {
    (rank as u64..items).step_by(ranks).collect()
}
// ANCHOR_END: cyclic
