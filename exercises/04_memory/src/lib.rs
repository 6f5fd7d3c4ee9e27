//! Chapter 4 exercise: a rolling median that allocates once.
//!
//! [`rolling_median_naive`] is written for you: it is right, and it allocates a fresh `Vec` for
//! every window. Write [`rolling_median`] so that it returns the same numbers with two
//! allocations in all: the result and one scratch buffer. `cargo test` in this folder checks
//! both the numbers and (with dhat, in `tests/allocations.rs`) the allocations, and
//! `cargo workbook check memory` runs the tests and summarises them; the chapter in the book
//! (`book/src/04_memory.md`) explains both. `cargo workbook heap memory once` counts what your
//! version allocates.

/// A deterministic test signal of `n` samples: a slow wave plus spiky noise, the kind of
/// signal a median filter is for.
pub fn signal(n: usize) -> Vec<f64> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    (0..n)
        .map(|i| {
            // xorshift64: enough randomness for a test signal, and the same on every machine.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let noise = (state >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
            let spike = if state.is_multiple_of(17) { 10.0 } else { 0.0 };
            (i as f64 * 0.01).sin() + 0.3 * noise + spike
        })
        .collect()
}

/// The median of every window of `window` consecutive samples: `x.len() - window + 1` values,
/// the first one the median of `x[0..window]`. `window` must be odd, so that the median is
/// one of the samples. The straightforward version: copy each window into a new `Vec`, sort
/// it, take the middle.
pub fn rolling_median_naive(x: &[f64], window: usize) -> Vec<f64> {
    assert!(window % 2 == 1, "the window must be odd, got {window}");
    x.windows(window)
        .map(|w| {
            let mut sorted = w.to_vec();
            sorted.sort_by(f64::total_cmp);
            sorted[window / 2]
        })
        .collect()
}

/// The same medians as [`rolling_median_naive`], with two allocations in all: the result
/// (`Vec::with_capacity`, so it never grows) and one scratch buffer of `window` samples that
/// every window reuses (`clear` + `extend_from_slice` keep its allocation).
///
/// Once that works, the sort is more than a median needs: `select_nth_unstable_by` puts the
/// middle element in place in linear time.
pub fn rolling_median(x: &[f64], window: usize) -> Vec<f64> {
    todo!("allocate the result and one scratch buffer, then reuse the buffer for every window")
}
