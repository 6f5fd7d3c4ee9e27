//! Chapter 2 reference solution: measuring time, with a scope timer and three Fibonacci
//! functions.

use std::time::{Duration, Instant};

// ANCHOR: timer
/// A timer that measures the scope it lives in and reports when it is dropped.
pub struct ScopeTimer<F: FnMut(&str, Duration)> {
    label: String,
    start: Instant,
    report: F,
}

impl<F: FnMut(&str, Duration)> ScopeTimer<F> {
    pub fn new(label: &str, report: F) -> Self {
        ScopeTimer {
            label: label.to_string(),
            report,
            // Read the clock last, so that copying the label is not part of the measurement.
            start: Instant::now(),
        }
    }

    pub fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }
}

impl<F: FnMut(&str, Duration)> Drop for ScopeTimer<F> {
    fn drop(&mut self) {
        let elapsed = self.start.elapsed();
        (self.report)(&self.label, elapsed);
    }
}
// ANCHOR_END: timer

// ANCHOR: best_and_median
pub fn best_and_median(times: &[Duration]) -> Option<(Duration, Duration)> {
    let mut sorted = times.to_vec();
    sorted.sort();
    Some((*sorted.first()?, sorted[sorted.len() / 2]))
}
// ANCHOR_END: best_and_median

// ANCHOR: fib_recursive
pub fn fib_recursive(n: u32) -> u128 {
    if n < 2 {
        n as u128
    } else {
        fib_recursive(n - 1) + fib_recursive(n - 2)
    }
}
// ANCHOR_END: fib_recursive

pub const LARGEST_N: u32 = 186;

// ANCHOR: fib_loop
pub fn fib_loop(n: u32) -> Option<u128> {
    if n == 0 {
        return Some(0);
    }
    // (previous, current) = (F(k - 1), F(k)), from k = 1 up to k = n.
    let (mut previous, mut current) = (0u128, 1u128);
    for _ in 1..n {
        (previous, current) = (current, previous.checked_add(current)?);
    }
    Some(current)
}
// ANCHOR_END: fib_loop

// ANCHOR: fib_cache
pub struct FibCache {
    known: Vec<u128>,
}

impl FibCache {
    pub fn new() -> Self {
        FibCache { known: vec![0, 1] }
    }

    pub fn len(&self) -> usize {
        self.known.len()
    }

    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }

    pub fn get(&mut self, n: u32) -> Option<u128> {
        let i = n as usize;
        if let Some(&f) = self.known.get(i) {
            return Some(f);
        }
        // Filling the cache in order keeps `known[k]` = F(k) for every stored k.
        let f = self.get(n - 1)?.checked_add(self.get(n - 2)?)?;
        self.known.push(f);
        Some(f)
    }
}
// ANCHOR_END: fib_cache

impl Default for FibCache {
    fn default() -> Self {
        Self::new()
    }
}
