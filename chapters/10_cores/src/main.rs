//! Chapter 10's runner: the square and the strained crystal on every core.

use harness::chapter::{Case, Chapter, Values};
use harness::yours;
use laue_chapter::{Inputs, grid_bytes, job};
use strained_solution::{E0, W};

struct Cores;

impl Chapter for Cores {
    fn bytes_needed(&self, values: &Values) -> u128 {
        // Two result grids (yours and the reference, compared) and two lists of positions (the
        // square's and the strained crystal's): at most N^2 pairs of f64 each.
        let n = values.get("n") as u128;
        2 * grid_bytes(values) + 2 * n * n * 16
    }

    fn cases(&self, values: &Values) -> anyhow::Result<Vec<Case>> {
        let inputs = Inputs::new(values);
        let strained = format!("strained circular crystal (e0 = {E0}, w = {W}), ");
        Ok(vec![
            Case::new("square", inputs.summary("square crystal, "))
                .costs(inputs.direct_sum(inputs.n * inputs.n))
                .reference(
                    "square-fused",
                    job(&inputs, temporaries_solution::square_fused),
                )
                .exercise(
                    "square-parallel",
                    yours!(job(&inputs, cores::square_parallel)),
                    job(&inputs, cores_solution::square_parallel),
                )
                .reference("square-fast", job(&inputs, cores_solution::square_fast)),
            Case::new("strained", inputs.summary(&strained))
                .costs(inputs.direct_sum(laue_chapter::disk_cells(inputs.n)))
                .reference(
                    "strained-positions",
                    job(&inputs, strained_solution::strained_positions),
                )
                .exercise(
                    "strained-parallel",
                    yours!(job(&inputs, cores::strained_parallel)),
                    job(&inputs, cores_solution::strained_parallel),
                )
                .reference("strained-fast", job(&inputs, cores_solution::strained_fast)),
        ])
    }
}

fn main() {
    harness::runner::main(include_str!("../chapter.toml"), &Cores);
}
