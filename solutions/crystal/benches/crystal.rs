//! Criterion benchmarks of Part II's fastest kernels at the course's size (N = 32, 96 x 96):
//! `cargo bench -p crystal-solution`. `cargo workbook bench` covers every kernel; this is for
//! statistics-grade comparisons of the kernels that differ by little.

use criterion::{Criterion, criterion_group, criterion_main};
use crystal_solution::{algorithm, axis, cores, sincos};
use std::hint::black_box;

fn kernels(c: &mut Criterion) {
    let n = 32;
    let (h, k) = (axis(0.0, n, 3), axis(4.0, n, 3));
    let mut group = c.benchmark_group("crystal");
    group.sample_size(20);
    group.bench_function("square_fast", |b| {
        b.iter(|| cores::square_fast(black_box(n), &h, &k))
    });
    group.bench_function("strained_fast", |b| {
        b.iter(|| cores::strained_fast(black_box(n), &h, &k))
    });
    group.bench_function("square_fft", |b| {
        b.iter(|| algorithm::square_fft(black_box(n), &h, &k))
    });
    group.bench_function("strained_matmul", |b| {
        b.iter(|| algorithm::strained_matmul(black_box(n), &h, &k))
    });
    group.bench_function("cis_turns_1024", |b| {
        let u: Vec<f64> = (0..1024).map(|i| i as f64 * 0.137).collect();
        b.iter(|| {
            u.iter()
                .map(|&u| sincos::cis_turns(black_box(u)).0)
                .sum::<f64>()
        })
    });
    group.finish();
}

criterion_group!(benches, kernels);
criterion_main!(benches);
