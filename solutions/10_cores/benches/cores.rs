//! Criterion benchmarks of chapter 10's fastest kernels at the course's size (N = 32, 96 x 96):
//! `cargo bench -p cores-solution`. `cargo workbook bench cores` covers every kernel; this is
//! for statistics-grade comparisons of the kernels that differ by little.

use cores_solution::{axis, square_fast, strained_fast};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn kernels(c: &mut Criterion) {
    let n = 32;
    let (h, k) = (axis(0.0, n, 3), axis(4.0, n, 3));
    let mut group = c.benchmark_group("cores");
    group.sample_size(20);
    group.bench_function("square_fast", |b| {
        b.iter(|| square_fast(black_box(n), &h, &k))
    });
    group.bench_function("strained_fast", |b| {
        b.iter(|| strained_fast(black_box(n), &h, &k))
    });
    group.finish();
}

criterion_group!(benches, kernels);
criterion_main!(benches);
