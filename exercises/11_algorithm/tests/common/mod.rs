// Helpers of this chapter's tests (each test file includes this one). The other crystal
// chapters keep their own copy: a chapter's tests never need another chapter's files.

#[allow(unused_imports)]
use num_complex::Complex64;

/// max |reference - x| / max |reference|, the course's validation measure.
#[allow(dead_code)]
fn relative_error(reference: &[f64], x: &[f64]) -> f64 {
    assert_eq!(reference.len(), x.len(), "the grids differ in size");
    let scale = reference.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    let worst = reference
        .iter()
        .zip(x)
        .fold(0.0_f64, |m, (r, v)| m.max((r - v).abs()));
    worst / scale
}

#[allow(dead_code)]
const TOLERANCE: f64 = 1e-9;

/// The square crystal's closed form, |sin(pi N h) / sin(pi h)|^2 |sin(pi N k) / sin(pi k)|^2.
#[allow(dead_code)]
fn closed_form(n: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    let fringe = |x: f64| {
        let s = (std::f64::consts::PI * x).sin();
        if s.abs() < 1e-12 {
            (n * n) as f64
        } else {
            let ratio = (std::f64::consts::PI * n as f64 * x).sin() / s;
            ratio * ratio
        }
    };
    h.iter()
        .flat_map(|&hi| k.iter().map(move |&kj| fringe(hi) * fringe(kj)))
        .collect()
}

/// The sum written out for cells at positions (x, y), independent of the code under test.
#[allow(dead_code)]
fn direct_sum(x: &[f64], y: &[f64], h: &[f64], k: &[f64]) -> Vec<f64> {
    let tau = std::f64::consts::TAU;
    h.iter()
        .flat_map(|&hi| {
            k.iter().map(move |&kj| {
                x.iter()
                    .zip(y)
                    .map(|(&xc, &yc)| Complex64::new(0.0, tau * (hi * xc + kj * yc)).exp())
                    .sum::<Complex64>()
                    .norm_sqr()
            })
        })
        .collect()
}

/// The strained crystal's cell positions from the formula, for checking against.
#[allow(dead_code)]
fn formula_positions(n: usize) -> (Vec<f64>, Vec<f64>) {
    let c = n as f64 / 2.0;
    let (mut x, mut y) = (Vec::new(), Vec::new());
    for cn in 0..n {
        for cm in 0..n {
            let (dx, dy) = (cn as f64 - c, cm as f64 - c);
            if dx.hypot(dy) <= c {
                let f = 0.01 * (1.0 + ((dx.hypot(dy) - c) / 5.0).tanh());
                x.push(cn as f64 + f * dx);
                y.push(cm as f64 + f * dy);
            }
        }
    }
    (x, y)
}
