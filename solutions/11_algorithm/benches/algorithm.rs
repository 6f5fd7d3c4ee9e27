//! Criterion benchmarks of chapter 11's kernels at the course's size (N = 32, 96 x 96):
//! `cargo bench -p algorithm-solution`. `cargo workbook bench algorithm` covers every kernel;
//! this is for statistics-grade comparisons of the kernels that differ by little.

use algorithm_solution::{axis, square_fft, strained_matmul, strained_symmetric};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn kernels(c: &mut Criterion) {
    let n = 32;
    let (h, k) = (axis(0.0, n, 3), axis(4.0, n, 3));
    let mut group = c.benchmark_group("algorithm");
    group.sample_size(20);
    group.bench_function("square_fft", |b| {
        b.iter(|| square_fft(black_box(n), &h, &k))
    });
    group.bench_function("strained_matmul", |b| {
        b.iter(|| strained_matmul(black_box(n), &h, &k))
    });
    group.bench_function("strained_symmetric", |b| {
        b.iter(|| strained_symmetric(black_box(n), &h, &k))
    });
    group.finish();
}

criterion_group!(benches, kernels);
criterion_main!(benches);
