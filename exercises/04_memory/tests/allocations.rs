// The chapter 4 allocation test: dhat counts every allocation made while the profiler runs.
// dhat must be this test binary's global allocator, and a test binary may run only one
// profiled test, so this file holds exactly one.

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

use memory::{rolling_median, rolling_median_naive, signal};

#[test]
fn rolling_median_allocates_twice_whatever_the_length() {
    let x = signal(2_000);
    let window = 21;
    let expected = rolling_median_naive(&x, window);

    let _profiler = dhat::Profiler::builder().testing().build();
    let medians = rolling_median(&x, window);
    let stats = dhat::HeapStats::get();

    // Right numbers first: returning too little would allocate less.
    assert_eq!(
        medians, expected,
        "rolling_median must agree with rolling_median_naive"
    );
    dhat::assert!(
        stats.total_blocks <= 2,
        "expected at most 2 allocations (the result and one scratch buffer), got {}",
        stats.total_blocks
    );
    // The naive version allocates once per window: 1,980 blocks here.
    dhat::assert!(
        stats.total_bytes <= ((expected.len() + window) * 8) as u64,
        "allocated {} bytes: the result should be allocated once, at its final size",
        stats.total_bytes
    );
}
