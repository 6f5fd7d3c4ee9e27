//! Chapter 2 exercise: measuring time.
//!
//! Fill in the functions below until `cargo test` in this folder passes; the chapter in the
//! book (`book/src/02_timing.md`) explains each one. `cargo workbook check timing` runs the
//! tests and summarises them.

use std::time::{Duration, Instant};

/// A timer that measures the scope it lives in: it starts when it is made and, when it is
/// dropped (at the end of the scope), hands its label and the elapsed time to `report`.
///
/// `report` is any closure, so the caller decides where the figure goes: `eprintln!`, a log,
/// or (in the tests) a list they can inspect.
pub struct ScopeTimer<F: FnMut(&str, Duration)> {
    label: String,
    start: Instant,
    report: F,
}

impl<F: FnMut(&str, Duration)> ScopeTimer<F> {
    /// Starts timing now.
    pub fn new(label: &str, report: F) -> Self {
        todo!("remember the label and the closure, and read the clock")
    }

    /// The time since the timer started, without stopping it.
    pub fn elapsed(&self) -> Duration {
        todo!("how long since start?")
    }
}

impl<F: FnMut(&str, Duration)> Drop for ScopeTimer<F> {
    /// Reports the label and the elapsed time, exactly once.
    fn drop(&mut self) {
        todo!("call the report closure with the label and the elapsed time")
    }
}

/// The best (shortest) and the median of a set of timings, or `None` for no timings.
///
/// For an even count, take the upper of the two middle values (the element at index
/// `len / 2` once sorted), as `cargo workbook bench` does. Do not reorder the caller's slice.
pub fn best_and_median(times: &[Duration]) -> Option<(Duration, Duration)> {
    todo!("sort a copy; best is the first, median the middle one")
}

/// F(n) by the definition, F(n) = F(n - 1) + F(n - 2): two recursive calls per call, so the
/// number of calls grows like F(n) itself. Only call it for small n (up to about 40).
pub fn fib_recursive(n: u32) -> u128 {
    todo!("the definition, recursively")
}

/// The largest `n` whose Fibonacci number fits in a `u128`.
pub const LARGEST_N: u32 = 186;

/// The Fibonacci number F(n) with F(0) = 0, F(1) = 1, by a loop that keeps the last two
/// values. `None` when F(n) does not fit in a `u128` (n > 186): use checked addition rather
/// than comparing with [`LARGEST_N`].
pub fn fib_loop(n: u32) -> Option<u128> {
    todo!("two running values, n steps, checked_add")
}

/// The recursive definition with a cache: every F(k) is computed once and remembered, so
/// later calls (for any n up to the largest seen) cost a lookup.
pub struct FibCache {
    known: Vec<u128>,
}

impl FibCache {
    /// A cache that knows F(0) and F(1).
    pub fn new() -> Self {
        todo!("start from F(0) = 0 and F(1) = 1")
    }

    /// How many Fibonacci numbers the cache holds.
    pub fn len(&self) -> usize {
        self.known.len()
    }

    /// Always false: the cache starts with two numbers.
    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }

    /// F(n) from the cache, computing (recursively, through `get`) and storing what is missing.
    /// `None` past F(186), and the cache is left as it was.
    pub fn get(&mut self, n: u32) -> Option<u128> {
        todo!("look up n; if it is missing, get n - 1 and n - 2, add, store")
    }
}

impl Default for FibCache {
    fn default() -> Self {
        Self::new()
    }
}
