//! Chapter 6's runner: the circular crystal, and what a branch on its support costs.

use harness::chapter::{Case, Chapter, Values};
use harness::yours;
use laue_chapter::{Inputs, grid_bytes, job};

struct Circle;

impl Chapter for Circle {
    fn bytes_needed(&self, values: &Values) -> u128 {
        // Two result grids (yours and the reference, compared) and the list of cells of
        // `circle_cells`: at most N^2 pairs of f64.
        let n = values.get("n") as u128;
        2 * grid_bytes(values) + n * n * 16
    }

    fn cases(&self, values: &Values) -> anyhow::Result<Vec<Case>> {
        let inputs = Inputs::new(values);
        Ok(vec![
            Case::new("", inputs.summary("circular crystal, "))
                .costs(inputs.direct_sum(laue_chapter::disk_cells(inputs.n)))
                .exercise(
                    "naive",
                    yours!(job(&inputs, circle::circle_naive)),
                    job(&inputs, circle_solution::circle_naive),
                )
                .reference("masked", job(&inputs, circle_solution::circle_masked))
                .reference("cells", job(&inputs, circle_solution::circle_cells)),
        ])
    }
}

fn main() {
    harness::runner::main(include_str!("../chapter.toml"), &Circle);
}
