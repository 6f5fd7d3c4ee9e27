//! Chapter 3's runner: where the time goes, in an explicit solver of the 2-D heat equation.

use anyhow::bail;
use harness::chapter::{Case, Chapter, Cost, Job, Values};
use harness::output::{Grid, Output};
use harness::yours;

struct Heat;

/// A whole run, `f(rows, cols, steps)`, to the final field.
type RunFn = fn(usize, usize, usize) -> Vec<f64>;

/// The job that runs `f` on an `n` x `n` plate for `steps` steps; the field is the result.
fn job(n: usize, steps: usize, f: RunFn) -> Job {
    Box::new(move || {
        Output::Grid(Grid {
            rows: n,
            cols: n,
            data: f(n, n, steps),
            row_axis: ("row", 0.0, (n - 1) as f64),
            col_axis: ("column", 0.0, (n - 1) as f64),
            value: "temperature (degrees)",
        })
    })
}

impl Chapter for Heat {
    fn bytes_needed(&self, values: &Values) -> u128 {
        // Two fields per run (now and next), two runs' results kept to compare them.
        let n = values.get("n") as u128;
        4 * n * n * 8
    }

    fn cases(&self, values: &Values) -> anyhow::Result<Vec<Case>> {
        let n = values.size("n");
        if n < 3 {
            bail!("n = {n} leaves the plate no interior point: n must be at least 3");
        }
        let steps = values.size("steps");
        Ok(vec![
            Case::new("", format!("{n} x {n} plate, {steps} time steps"))
                // For the roofline: the plate read and written once (it stays in cache between
                // steps at these sizes), and per step and interior point the five-point update
                // u + r (four neighbours - 4 u): eight operations.
                .costs(Cost {
                    bytes: 16.0 * (n * n) as f64,
                    flops: 8.0 * (steps * (n - 2) * (n - 2)) as f64,
                })
                .exercise(
                    "slow",
                    yours!(job(n, steps, |r, c, s| {
                        heat::run(r, c, s, heat::Method::Slow).0.data
                    })),
                    job(n, steps, |r, c, s| {
                        heat_solution::run(r, c, s, heat_solution::Method::Slow)
                            .0
                            .data
                    }),
                )
                .exercise(
                    "fast",
                    yours!(job(n, steps, |r, c, s| {
                        heat::run(r, c, s, heat::Method::Fast).0.data
                    })),
                    job(n, steps, |r, c, s| {
                        heat_solution::run(r, c, s, heat_solution::Method::Fast)
                            .0
                            .data
                    }),
                ),
        ])
    }
}

fn main() {
    harness::runner::main(include_str!("../chapter.toml"), &Heat);
}
