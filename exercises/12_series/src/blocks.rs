//! The direct sum without testing every k: whole blocks of numbers that contain a 9 are
//! skipped, and the numbers that are left are summed a hundred at a time.

/// The direct sum without testing every k. When a digit of k is 9, every number up to the next
/// change of that digit contains a 9 too: jump over them (for instance from 190 straight to
/// 200, from 8900 to 10000). One way: handle k below 100 directly; then, for every hundred
/// h = 1, 2, ... whose digits have no 9, add 1/(100 h + e) for the 81 endings e = 00..88
/// without a 9 (a table), jumping over the hundreds that contain a 9; then the ragged end
/// up to n, directly.
pub fn slow_blocks(n: u64) -> f64 {
    todo!("skip every block of numbers that contains a 9")
}

/// [`slow_blocks`] on every core: cut the hundreds into fixed chunks, sum them in parallel,
/// add the chunks' sums in order, so that any number of threads gives the same bits.
pub fn slow_blocks_parallel(n: u64) -> f64 {
    todo!("slow_blocks over fixed chunks of hundreds, in parallel")
}
