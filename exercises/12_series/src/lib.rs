//! Chapter 12's exercise: the sum of 1/k over the k = 1..=n whose decimal form has no digit 9.
//! The series converges (to 22.92067661926415...), but so slowly that summing it term by term
//! is a good workout for a processor.
//!
//! The functions are in the same modules as the reference solution's. Fill them in roughly in
//! this order, until `cargo test` in this folder passes:
//!
//! 1. `digits.rs`: `slow_string`; then `has_nine` in `base.rs`, and `slow_digits`;
//! 2. `base.rs`: the `Kahan` accumulator; `summation.rs`: `kahan_sum` and `pairwise_sum`;
//!    back in `digits.rs`, `slow_kahan`; `summation.rs`: `slow_pairwise`;
//! 3. `parallel.rs`: `slow_parallel`, `slow_chunked`;
//! 4. `blocks.rs`: `slow_blocks`, `slow_blocks_parallel`;
//! 5. `grouped.rs`: `slow_grouped`, `count_nine_free`, `slow_limit`.
//!
//! The chapter in the book (`book/src/12_series.md`) explains each step;
//! `cargo workbook check series` runs these tests and summarises them. Every `slow_*` function
//! returns 0.0 for n = 0.

// `base` holds what several modules need and uses no other module; every other module uses
// only `base`, so no two modules depend on each other.
mod base;
mod blocks;
mod digits;
mod grouped;
mod parallel;
mod summation;

pub use base::{CHUNK, Kahan, has_nine};
pub use blocks::{slow_blocks, slow_blocks_parallel};
pub use digits::{slow_digits, slow_kahan, slow_string};
pub use grouped::{count_nine_free, slow_grouped, slow_limit};
pub use parallel::{slow_chunked, slow_parallel};
pub use summation::{kahan_sum, pairwise_sum, slow_pairwise};
