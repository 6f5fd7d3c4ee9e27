//! Chapter 1: the Laue function of a square crystal.

use crate::chapter::{Chapter, Kernel, Measurement, Param, Values, Workload};
use crate::output::{Grid, Output};
use anyhow::Result;
use std::sync::Arc;

/// The reflection the course looks at: (H, K) = (0, 4).
pub const H: f64 = 0.0;
pub const K: f64 = 4.0;

pub struct Laue;

const PARAMS: &[Param] = &[
    Param {
        name: "n",
        default: 32,
        quick: 6,
        max: 1 << 20,
        help: "unit cells per side of the crystal (N)",
    },
    Param {
        name: "oversampling",
        default: 3,
        quick: 2,
        max: 1 << 10,
        help: "samples per Laue fringe; the grid is (oversampling * N) squared",
    },
];

/// The grid of one run: the crystal size and both reciprocal-space axes.
pub struct Inputs {
    pub n: usize,
    pub h: Vec<f64>,
    pub k: Vec<f64>,
}

impl Inputs {
    pub fn new(values: &Values) -> Self {
        let (n, s) = (values.size("n"), values.size("oversampling"));
        Inputs {
            n,
            h: laue_solution::axis(H, n, s),
            k: laue_solution::axis(K, n, s),
        }
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
        })
    }
}

/// A kernel with the signature every crystal chapter shares: `f(n, h, k) -> intensities`.
pub type LaueFn = fn(usize, &[f64], &[f64]) -> Vec<f64>;

/// Builds the job that runs `f` on the shared inputs.
pub fn job(inputs: &Arc<Inputs>, f: LaueFn) -> crate::chapter::Job {
    let inputs = Arc::clone(inputs);
    Box::new(move || inputs.grid(f(inputs.n, &inputs.h, &inputs.k)))
}

/// Side length of the grid, and the bytes of one f64 grid of that size.
pub fn grid_bytes(values: &Values) -> u128 {
    let side = values.get("n") as u128 * values.get("oversampling") as u128;
    side * side * 8
}

impl Chapter for Laue {
    fn slug(&self) -> &'static str {
        "laue"
    }
    fn title(&self) -> &'static str {
        "The method, and a square crystal"
    }
    fn page(&self) -> &'static str {
        "laue.md"
    }
    fn crate_name(&self) -> &'static str {
        "laue"
    }
    fn params(&self) -> &'static [Param] {
        PARAMS
    }
    fn bytes_needed(&self, values: &Values) -> u128 {
        // The output grid twice (the learner's and the reference, compared), plus the phase
        // table of `laue_tables`: (oversampling N) x N complex numbers.
        let side = values.get("n") as u128 * values.get("oversampling") as u128;
        2 * grid_bytes(values) + side * values.get("n") as u128 * 16
    }
    fn measurements(&self) -> &'static [Measurement] {
        &[
            Measurement {
                file: "laue-bench.txt",
                args: &["bench", "laue", "--solution"],
            },
            Measurement {
                file: "laue-flamegraph.txt",
                args: &[
                    "flamegraph",
                    "laue",
                    "naive",
                    "--solution",
                    "--out",
                    "book/src/measured/laue-flamegraph.svg",
                ],
            },
            Measurement {
                file: "laue-square.txt",
                args: &[
                    "run",
                    "laue",
                    "naive",
                    "--solution",
                    "--png",
                    "book/src/measured/laue-square.png",
                ],
            },
        ]
    }
    fn workload(&self, values: &Values) -> Result<Workload> {
        let inputs = Arc::new(Inputs::new(values));
        let side = inputs.h.len();
        Ok(Workload {
            summary: format!(
                "N = {}, oversampling {}: {side} x {side} grid around (H, K) = ({H}, {K})",
                inputs.n,
                values.get("oversampling")
            ),
            kernels: vec![
                Kernel::exercise(
                    "naive",
                    "four nested loops, one complex exponential per term",
                    "laue_naive",
                    job(&inputs, laue::laue_naive),
                    job(&inputs, laue_solution::laue_naive),
                ),
                Kernel::exercise(
                    "tables",
                    "phase factors computed once, then multiply and add",
                    "laue_tables",
                    job(&inputs, laue::laue_tables),
                    job(&inputs, laue_solution::laue_tables),
                ),
            ],
        })
    }
}
