//! The square crystal's inputs and jobs: chapter 1's, and those of every crystal chapter after
//! it (they depend on this library, not on each other).

use harness::chapter::{Job, Values};
use harness::output::{Grid, Output};
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
