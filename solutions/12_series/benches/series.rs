//! Criterion benchmarks of the series kernels at a size that keeps each run short
//! (`cargo bench -p series-solution`; `cargo bench -p series-solution -- --profile-time 5` for a
//! flamegraph of each kernel).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use workbook_profiler::FlamegraphProfiler;

const N: u64 = 10_000_000;

fn kernels(c: &mut Criterion) {
    let mut group = c.benchmark_group("series 10^7");
    group.sample_size(10);
    group.bench_function("digits", |b| {
        b.iter(|| series_solution::slow_digits(black_box(N)))
    });
    group.bench_function("chunked", |b| {
        b.iter(|| series_solution::slow_chunked(black_box(N)))
    });
    group.bench_function("blocks", |b| {
        b.iter(|| series_solution::slow_blocks(black_box(N)))
    });
    group.bench_function("grouped", |b| {
        b.iter(|| series_solution::slow_grouped(black_box(N as u128)))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_profiler(FlamegraphProfiler::default());
    targets = kernels
}
criterion_main!(benches);
