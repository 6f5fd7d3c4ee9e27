//! Chapter 12's reference solution: the sum of 1/k over the k whose decimal form has no
//! digit 9 (a "slow series": it converges, to 22.92067661926415..., but very slowly).
//!
//! The same API as the exercise crate `series`; the tests in `exercises/12_series/tests` run
//! against both. Every `slow_*` function sums the terms for k = 1..=n.

// `base` holds what several modules need (the digit test, the walk over the numbers without a
// 9, CHUNK, the Kahan accumulator) and uses no other module; every other module uses only
// `base`, so no two modules depend on each other.
mod base;
mod blocks;
mod digits;
mod grouped;
mod parallel;
mod summation;

pub use base::{CHUNK, Kahan, has_nine};
pub use blocks::{chunk_count, chunk_sum, combine_chunks, slow_blocks, slow_blocks_parallel};
pub use digits::{slow_digits, slow_kahan, slow_string};
pub use grouped::{count_nine_free, slow_grouped, slow_limit};
pub use parallel::{slow_chunked, slow_parallel};
pub use summation::{kahan_sum, pairwise_sum, slow_pairwise};
