//! Chapter 18's runner, the one-process side: the series and the strained crystal on one core
//! and on every core, which the MPI program's ranks (`src/bin/mpi.rs`, through
//! `cargo workbook mpi`) are measured against.

use harness::chapter::{Case, Chapter, Job, Values};
use harness::output::Output;
use std::sync::Arc;

struct Processes;

/// The grid the strained kernels share: `rows` values of h against the k axis.
struct Grid {
    cells: usize,
    h: Vec<f64>,
    k: Vec<f64>,
}

fn grid(values: &Values) -> Arc<Grid> {
    let cells = values.size("cells");
    let (h, k) =
        processes_solution::strained_axes(cells, values.size("oversampling"), values.size("rows"));
    Arc::new(Grid { cells, h, k })
}

fn strained(g: &Arc<Grid>, f: fn(usize, &[f64], &[f64]) -> Vec<f64>) -> Job {
    let g = Arc::clone(g);
    Box::new(move || Output::Values(f(g.cells, &g.h, &g.k)))
}

fn series(n: u64, f: fn(u64) -> f64) -> Job {
    Box::new(move || Output::Scalar(f(n)))
}

impl Chapter for Processes {
    fn bytes_needed(&self, values: &Values) -> u128 {
        // Two strained grids (yours and the reference) and the cells' positions; the series
        // keeps one f64 per chunk of 2^14 hundreds.
        let (cells, columns) = (
            values.get("cells") as u128,
            values.get("oversampling") as u128,
        );
        let points = values.get("rows") as u128 * cells * columns;
        2 * points * 8 + cells * cells * 16 + values.get("n") as u128 / (100 << 14) * 8
    }

    fn cases(&self, values: &Values) -> anyhow::Result<Vec<Case>> {
        let n = values.get("n");
        let g = grid(values);
        Ok(vec![
            Case::new(
                "series",
                format!("n = {n}: the sum of 1/k over k = 1..=n without a digit 9"),
            )
            .reference("series-blocks", series(n, series_solution::slow_blocks))
            .reference(
                "series-rayon",
                series(n, series_solution::slow_blocks_parallel),
            ),
            Case::new(
                "strained",
                format!(
                    "strained crystal, N = {}: {} x {} grid (rows of h x values of k)",
                    g.cells,
                    g.h.len(),
                    g.k.len()
                ),
            )
            .reference(
                "strained-rows",
                strained(&g, processes_solution::strained_rows),
            )
            .reference(
                "strained-rayon",
                strained(&g, cores_solution::strained_fast),
            ),
        ])
    }
}

fn main() {
    harness::runner::main(include_str!("../chapter.toml"), &Processes);
}
