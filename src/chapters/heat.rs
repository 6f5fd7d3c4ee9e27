//! Chapter 3: where the time goes, in an explicit solver of the 2-D heat equation.

use crate::chapter::{Chapter, Kernel, Measurement, Param, Values, Workload};
use crate::output::{Grid, Output};
use anyhow::{Result, bail};

pub struct Heat;

const PARAMS: &[Param] = &[
    Param {
        name: "n",
        default: 200,
        quick: 12,
        max: 1 << 15,
        help: "grid points per side of the plate",
    },
    Param {
        name: "steps",
        default: 200,
        quick: 5,
        max: 10_000_000,
        help: "time steps",
    },
];

type RunFn = fn(usize, usize, usize) -> Field;
type Field = Vec<f64>;

fn job(n: usize, steps: usize, f: RunFn) -> crate::chapter::Job {
    Box::new(move || {
        Output::Grid(Grid {
            rows: n,
            cols: n,
            data: f(n, n, steps),
            row_axis: ("row", 0.0, (n - 1) as f64),
            col_axis: ("column", 0.0, (n - 1) as f64),
        })
    })
}

fn slow_yours(r: usize, c: usize, s: usize) -> Field {
    heat::run(r, c, s, heat::Method::Slow).0.data
}
fn fast_yours(r: usize, c: usize, s: usize) -> Field {
    heat::run(r, c, s, heat::Method::Fast).0.data
}
fn slow_reference(r: usize, c: usize, s: usize) -> Field {
    heat_solution::run(r, c, s, heat_solution::Method::Slow)
        .0
        .data
}
fn fast_reference(r: usize, c: usize, s: usize) -> Field {
    heat_solution::run(r, c, s, heat_solution::Method::Fast)
        .0
        .data
}

impl Chapter for Heat {
    fn slug(&self) -> &'static str {
        "heat"
    }
    fn title(&self) -> &'static str {
        "Where does the time go?"
    }
    fn page(&self) -> &'static str {
        "heat.md"
    }
    fn crate_name(&self) -> &'static str {
        "heat"
    }
    fn params(&self) -> &'static [Param] {
        PARAMS
    }
    fn bytes_needed(&self, values: &Values) -> u128 {
        // Two fields per run (now and next), two runs' results kept to compare them.
        let n = values.get("n") as u128;
        4 * n * n * 8
    }
    fn measurements(&self) -> &'static [Measurement] {
        &[
            Measurement {
                file: "heat-phases-slow.txt",
                args: &["run", "heat", "slow", "--solution", "--phases"],
            },
            Measurement {
                file: "heat-flamegraph-slow.txt",
                args: &["flamegraph", "heat", "slow", "--solution"],
            },
            Measurement {
                file: "heat-phases-fast.txt",
                args: &["run", "heat", "fast", "--solution", "--phases"],
            },
            Measurement {
                file: "heat-bench.txt",
                args: &["bench", "heat", "--solution"],
            },
            Measurement {
                file: "heat-plate.txt",
                args: &[
                    "run",
                    "heat",
                    "fast",
                    "--solution",
                    "--png",
                    "book/src/measured/heat-plate.png",
                ],
            },
        ]
    }
    fn workload(&self, values: &Values) -> Result<Workload> {
        let n = values.size("n");
        if n < 3 {
            bail!("n = {n} leaves the plate no interior point: n must be at least 3");
        }
        let steps = values.size("steps");
        Ok(Workload {
            summary: format!("{n} x {n} plate, {steps} time steps"),
            kernels: vec![
                Kernel::exercise(
                    "slow",
                    "evolve_slow: a new field per step, column by column",
                    "evolve_slow",
                    job(n, steps, slow_yours),
                    job(n, steps, slow_reference),
                ),
                Kernel::exercise(
                    "fast",
                    "evolve: row by row, into a reused field",
                    "evolve",
                    job(n, steps, fast_yours),
                    job(n, steps, fast_reference),
                ),
            ],
        })
    }
}
