//! Criterion benchmarks of the chapter 1 kernels on the course's inputs (N = 32,
//! oversampling 3: a 96 x 96 grid around (H, K) = (0, 4)).
//!
//! `cargo bench -p laue-solution` for statistics and comparisons between runs;
//! `cargo bench -p laue-solution -- --profile-time 5` for a flamegraph of each kernel.

use criterion::{Criterion, criterion_group, criterion_main};
use laue_solution::{axis, laue_naive, laue_tables};
use std::hint::black_box;
use workbook_profiler::FlamegraphProfiler;

fn square_crystal(c: &mut Criterion) {
    let n = 32;
    let (h, k) = (axis(0.0, n, 3), axis(4.0, n, 3));
    let mut group = c.benchmark_group("laue");
    // The naive kernel takes a few hundred milliseconds: fewer samples keep the run short.
    group.sample_size(10);
    group.bench_function("naive", |b| {
        b.iter(|| laue_naive(black_box(n), black_box(&h), black_box(&k)))
    });
    group.bench_function("tables", |b| {
        b.iter(|| laue_tables(black_box(n), black_box(&h), black_box(&k)))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_profiler(FlamegraphProfiler::default());
    targets = square_crystal
}
criterion_main!(benches);
