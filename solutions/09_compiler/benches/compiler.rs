//! Criterion benchmark of chapter 9's polynomial sincos: `cargo bench -p compiler-solution`.
//! `cargo workbook bench compiler` covers every kernel; this is for statistics-grade
//! comparisons of versions that differ by little.

use compiler_solution::cis_turns;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn kernels(c: &mut Criterion) {
    let mut group = c.benchmark_group("compiler");
    group.sample_size(20);
    group.bench_function("cis_turns_1024", |b| {
        let u: Vec<f64> = (0..1024).map(|i| i as f64 * 0.137).collect();
        b.iter(|| u.iter().map(|&u| cis_turns(black_box(u)).0).sum::<f64>())
    });
    group.finish();
}

criterion_group!(benches, kernels);
criterion_main!(benches);
