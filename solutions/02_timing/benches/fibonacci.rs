//! Criterion benchmarks of the three Fibonacci functions: `cargo bench -p timing-solution`.
//! Save a baseline with `-- --save-baseline before`, change the code, and compare with
//! `-- --baseline before`; `-- --profile-time 5` writes a flamegraph of each benchmark.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use timing_solution::{FibCache, fib_loop, fib_recursive};
use workbook_profiler::FlamegraphProfiler;

// ANCHOR: bench
fn fibonacci(c: &mut Criterion) {
    let mut group = c.benchmark_group("fibonacci");
    for n in [10u32, 20] {
        // black_box hides n from the optimiser, which could otherwise compute F(n) at compile
        // time, and keeps the result alive so that the call is not removed.
        group.bench_with_input(BenchmarkId::new("loop", n), &n, |b, &n| {
            b.iter(|| fib_loop(black_box(n)))
        });
        group.bench_with_input(BenchmarkId::new("recursive", n), &n, |b, &n| {
            b.iter(|| fib_recursive(black_box(n)))
        });
        // A fresh cache per call: a warm cache would only time one lookup.
        group.bench_with_input(BenchmarkId::new("cached", n), &n, |b, &n| {
            b.iter(|| FibCache::new().get(black_box(n)))
        });
    }
    group.finish();
}
// ANCHOR_END: bench

criterion_group! {
    name = benches;
    config = Criterion::default().with_profiler(FlamegraphProfiler::default());
    targets = fibonacci
}
criterion_main!(benches);
