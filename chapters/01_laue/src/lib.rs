//! The square crystal's inputs and jobs: chapter 1's, and those of every crystal chapter after
//! it (they depend on this library, not on each other).

use harness::chapter::{Cost, Job, Values};
use harness::output::{Grid, Output};
use harness::roofline::EXP_FLOPS;
use std::sync::Arc;

/// The reflection the course looks at: (H, K) = (0, 4).
pub const H: f64 = 0.0;
pub const K: f64 = 4.0;

/// The grid of one run: the crystal size and both reciprocal-space axes.
pub struct Inputs {
    pub n: usize,
    pub oversampling: usize,
    pub h: Vec<f64>,
    pub k: Vec<f64>,
}

impl Inputs {
    /// From the parameters `n` and `oversampling`.
    pub fn new(values: &Values) -> Arc<Self> {
        let (n, s) = (values.size("n"), values.size("oversampling"));
        Arc::new(Inputs {
            n,
            oversampling: s,
            h: laue_solution::axis(H, n, s),
            k: laue_solution::axis(K, n, s),
        })
    }

    /// "N = 32, oversampling 3: 96 x 96 grid around (H, K) = (0, 4)", after `what`.
    pub fn summary(&self, what: &str) -> String {
        let side = self.h.len();
        format!(
            "{what}N = {}, oversampling {}: {side} x {side} grid around (H, K) = ({H}, {K})",
            self.n, self.oversampling
        )
    }

    /// Wraps a row-by-row intensity array as a grid with its axes.
    pub fn grid(&self, data: Vec<f64>) -> Output {
        let ends = |v: &[f64]| {
            (
                v.first().copied().unwrap_or(0.0),
                v.last().copied().unwrap_or(0.0),
            )
        };
        let (h0, h1) = ends(&self.h);
        let (k0, k1) = ends(&self.k);
        Output::Grid(Grid {
            rows: self.h.len(),
            cols: self.k.len(),
            data,
            row_axis: ("h", h0, h1),
            col_axis: ("k", k0, k1),
            value: "intensity",
        })
    }
}

/// The signature every crystal kernel shares: `f(n, h, k) -> intensities`.
pub type LaueFn = fn(usize, &[f64], &[f64]) -> Vec<f64>;

/// The job that runs `f` on the shared inputs.
pub fn job(inputs: &Arc<Inputs>, f: LaueFn) -> Job {
    let inputs = Arc::clone(inputs);
    Box::new(move || inputs.grid(f(inputs.n, &inputs.h, &inputs.k)))
}

/// The bytes of one f64 grid of these sizes.
pub fn grid_bytes(values: &Values) -> u128 {
    let side = values.get("n") as u128 * values.get("oversampling") as u128;
    side * side * 8
}

/// What the crystal kernels must do, for the roofline ([`harness::roofline`] says how the
/// operations are counted). Every kernel reads the two axes and its cells' positions and
/// writes the grid once: a few kilobytes against millions of operations, so every crystal
/// kernel sits far right of the ridge, under the arithmetic roof.
impl Inputs {
    fn points(&self) -> f64 {
        (self.h.len() * self.k.len()) as f64
    }

    fn bytes(&self, cells: usize) -> f64 {
        8.0 * (self.h.len() + self.k.len()) as f64 + 8.0 * self.points() + 16.0 * cells as f64
    }

    /// Every term evaluated: per cell and point a complex exponential, its phase (two
    /// multiplies and an add) and the complex addition; then |sum|^2 (3) per point.
    pub fn direct_sum(&self, cells: usize) -> Cost {
        Cost {
            bytes: self.bytes(cells),
            flops: self.points() * (cells as f64 * (EXP_FLOPS + 5.0) + 3.0),
        }
    }

    /// Chapter 1's phase tables: (h + k) N exponentials, then a complex multiply (6) and an
    /// addition (2) per term.
    pub fn tables(&self) -> Cost {
        let n = self.n as f64;
        let exps = (self.h.len() + self.k.len()) as f64 * n;
        Cost {
            bytes: self.bytes(self.n * self.n),
            flops: exps * EXP_FLOPS + self.points() * (n * n * 8.0 + 3.0),
        }
    }

    /// The sum factorised into two one-dimensional sums: (h + k) N exponentials, then per
    /// point a sum along one side (2 N), the product (6) and |.|^2 (3).
    pub fn factorised(&self) -> Cost {
        let n = self.n as f64;
        Cost {
            bytes: self.bytes(0),
            flops: (self.h.len() + self.k.len()) as f64 * n * EXP_FLOPS
                + self.points() * (2.0 * n + 9.0),
        }
    }

    /// A product of two tables of exponentials, `columns` wide, made of `exps` exponentials:
    /// a complex multiply-add (8) per point and column.
    pub fn product(&self, cells: usize, columns: usize, exps: usize) -> Cost {
        Cost {
            bytes: self.bytes(cells),
            flops: exps as f64 * EXP_FLOPS + self.points() * (columns as f64 * 8.0 + 3.0),
        }
    }

    /// The FFT route: N^2 products of two exponentials onto the grid, then a 2-D complex FFT
    /// of M points at the usual count of 5 M log2 M.
    pub fn fft(&self) -> Cost {
        let m = self.points();
        let n = self.n as f64;
        Cost {
            bytes: self.bytes(0),
            flops: n * n * (2.0 * EXP_FLOPS + 8.0) + 5.0 * m * m.log2() + 3.0 * m,
        }
    }
}

/// The cells of the circular crystal of diameter `n` (chapter 6's support function, the same
/// test): the terms its direct sum must evaluate per point.
pub fn disk_cells(n: usize) -> usize {
    let radius = n as f64 / 2.0;
    (0..n)
        .flat_map(|cn| (0..n).map(move |cm| (cn, cm)))
        .filter(|&(cn, cm)| {
            let (dx, dy) = (cn as f64 - radius, cm as f64 - radius);
            dx * dx + dy * dy <= radius * radius
        })
        .count()
}
