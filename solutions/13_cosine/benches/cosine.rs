//! Criterion benchmarks of the cosine kernels at a size that keeps each run short
//! (`cargo bench -p cosine-solution`; `cargo bench -p cosine-solution -- --profile-time 5` for a
//! flamegraph of each kernel).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use workbook_profiler::FlamegraphProfiler;

const N: u64 = 10_000_000;

fn kernels(c: &mut Criterion) {
    let mut group = c.benchmark_group("cosine 10^7");
    group.sample_size(10);
    group.bench_function("libm", |b| {
        b.iter(|| cosine_solution::cos_libm(black_box(N)))
    });
    group.bench_function("rotation", |b| {
        b.iter(|| cosine_solution::cos_rotation(black_box(N), cosine_solution::RESYNC))
    });
    group.bench_function("parallel", |b| {
        b.iter(|| cosine_solution::cos_parallel(black_box(N)))
    });
    group.bench_function("three-term", |b| {
        b.iter(|| cosine_solution::cos_three_term(black_box(N), cosine_solution::RESYNC))
    });
    group.bench_function("three-par", |b| {
        b.iter(|| cosine_solution::cos_three_term_parallel(black_box(N)))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_profiler(FlamegraphProfiler::default());
    targets = kernels
}
criterion_main!(benches);
