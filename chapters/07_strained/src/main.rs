//! Chapter 7's runner: the strained circular crystal, from the formula as written to its
//! positions computed once.

use harness::chapter::{Case, Chapter, Values};
use harness::yours;
use laue_chapter::{Inputs, grid_bytes, job};
use strained_solution::{E0, W};

struct Strained;

impl Chapter for Strained {
    fn bytes_needed(&self, values: &Values) -> u128 {
        // Two result grids (yours and the reference, compared) and the cells' positions: at
        // most N^2 pairs of f64.
        let n = values.get("n") as u128;
        2 * grid_bytes(values) + n * n * 16
    }

    fn cases(&self, values: &Values) -> anyhow::Result<Vec<Case>> {
        let inputs = Inputs::new(values);
        let what = format!("strained circular crystal (e0 = {E0}, w = {W}), ");
        Ok(vec![
            Case::new("strained", inputs.summary(&what))
                .costs(inputs.direct_sum(laue_chapter::disk_cells(inputs.n)))
                .exercise(
                    "naive",
                    yours!(job(&inputs, strained::strained_naive)),
                    job(&inputs, strained_solution::strained_naive),
                )
                .exercise(
                    "positions",
                    yours!(job(&inputs, strained::strained_positions)),
                    job(&inputs, strained_solution::strained_positions),
                ),
        ])
    }
}

fn main() {
    harness::runner::main(include_str!("../chapter.toml"), &Strained);
}
