//! Every operation on every level this CPU has, against plain f64 arithmetic.

use simd::{Kernel, Level, Simd, Vector};

/// Applies every operation to `x` (and `y`), lane by lane, and returns the results.
struct Ops<'a> {
    x: &'a [f64],
    y: &'a [f64],
}

const OPS: usize = 10;

impl Kernel for Ops<'_> {
    type Output = Vec<[f64; OPS]>;
    #[inline(always)]
    fn run<S: Simd>(self, s: S) -> Self::Output {
        let mut out = Vec::new();
        for (x, y) in self
            .x
            .chunks_exact(S::LANES)
            .zip(self.y.chunks_exact(S::LANES))
        {
            let (a, b) = (s.load(x), s.load(y));
            let results = [
                a + b,
                a - b,
                a * b,
                a / b,
                -a,
                a.mul_add(b, a),
                a.max(b),
                a.abs(),
                b.abs().sqrt(),
                b.abs().rsqrt(),
            ];
            let mut lanes = vec![[0.0; OPS]; S::LANES];
            for (op, v) in results.into_iter().enumerate() {
                let mut buf = vec![0.0; S::LANES];
                s.store(v, &mut buf);
                for (lane, value) in buf.into_iter().enumerate() {
                    lanes[lane][op] = value;
                }
            }
            out.extend(lanes);
        }
        out
    }
}

fn expected(a: f64, b: f64) -> [f64; OPS] {
    [
        a + b,
        a - b,
        a * b,
        a / b,
        -a,
        a * b + a,
        a.max(b),
        a.abs(),
        b.abs().sqrt(),
        1.0 / b.abs().sqrt(),
    ]
}

/// 64 numbers (a multiple of every width) spread over magnitudes 1e-30 to 1e30, both signs.
fn inputs() -> (Vec<f64>, Vec<f64>) {
    let x = (0..64)
        .map(|i| (-1f64).powi(i) * 10f64.powf(-30.0 + i as f64 * 0.93))
        .collect();
    let y = (0..64)
        .map(|i| (-1f64).powi(i / 3) * 10f64.powf(29.0 - i as f64 * 0.91))
        .collect();
    (x, y)
}

#[test]
fn every_operation_on_every_level_agrees_with_scalar_arithmetic() {
    let (x, y) = inputs();
    for level in Level::available() {
        let got = level.run(Ops { x: &x, y: &y });
        assert_eq!(got.len(), x.len(), "{level}");
        for ((g, &a), &b) in got.iter().zip(&x).zip(&y) {
            let want = expected(a, b);
            for (op, (&g, &w)) in g.iter().zip(&want).enumerate() {
                // Exact but for the multiply-add (one rounding fused, two otherwise) and the
                // reciprocal square root (refined from an estimate).
                let tolerance = if op == 5 || op == 9 { 4e-16 } else { 0.0 };
                assert!(
                    (g - w).abs() <= tolerance * w.abs(),
                    "{level}, operation {op} of ({a}, {b}): {g} instead of {w}"
                );
            }
        }
    }
}

struct Sum<'a>(&'a [f64]);

impl Kernel for Sum<'_> {
    type Output = f64;
    #[inline(always)]
    fn run<S: Simd>(self, s: S) -> f64 {
        s.load(self.0).sum()
    }
}

#[test]
fn the_lanes_sum_on_every_level() {
    let x: Vec<f64> = (1..=8).map(f64::from).collect();
    for level in Level::available() {
        let want: f64 = x[..level.lanes()].iter().sum();
        assert_eq!(level.run(Sum(&x)), want, "{level}");
    }
}

#[test]
fn rounding_is_to_the_nearest_integer_ties_to_even() {
    struct Round<'a>(&'a [f64]);
    impl Kernel for Round<'_> {
        type Output = Vec<f64>;
        #[inline(always)]
        fn run<S: Simd>(self, s: S) -> Vec<f64> {
            let mut out = vec![0.0; self.0.len()];
            for (x, o) in self
                .0
                .chunks_exact(S::LANES)
                .zip(out.chunks_exact_mut(S::LANES))
            {
                s.store(simd::round(s, s.load(x)), o);
            }
            out
        }
    }
    let x = [0.5, 1.5, -2.5, 2.4999, -0.75, 1e15 + 0.5, 3.0, -7.2];
    let want = [0.0, 2.0, -2.0, 2.0, -1.0, 1e15, 3.0, -7.0];
    for level in Level::available() {
        assert_eq!(level.run(Round(&x)), want, "{level}");
    }
}

#[test]
fn levels_are_named_as_the_environment_variable_takes_them() {
    assert_eq!(Level::named("portable"), Ok(Level::PORTABLE));
    assert_eq!(Level::named(" Auto "), Ok(Level::detect()));
    assert_eq!(Level::named(""), Ok(Level::detect()));
    let unknown = Level::named("sse9").unwrap_err();
    assert!(
        unknown.contains("WORKBOOK_SIMD=sse9") && unknown.contains("avx512"),
        "{unknown}"
    );
    for level in Level::available() {
        assert_eq!(Level::named(level.name()), Ok(level));
    }
    // A level the CPU lacks is refused, and the message says what it has.
    for name in ["avx2", "avx512"] {
        if !Level::available().iter().any(|l| l.name() == name) {
            let lacking = Level::named(name).unwrap_err();
            assert!(lacking.contains("does not have it"), "{lacking}");
        }
    }
    assert_eq!(Level::available()[0], Level::PORTABLE);
}
