//! Chapter 1's runner: the Laue function of a square crystal.

use harness::chapter::{Case, Chapter, Values};
use harness::yours;
use laue_chapter::{Inputs, grid_bytes, job};

struct Laue;

impl Chapter for Laue {
    fn bytes_needed(&self, values: &Values) -> u128 {
        // The output grid twice (the learner's and the reference, compared), plus the phase
        // table of `laue_tables`: (oversampling N) x N complex numbers.
        let side = values.get("n") as u128 * values.get("oversampling") as u128;
        2 * grid_bytes(values) + side * values.get("n") as u128 * 16
    }

    fn cases(&self, values: &Values) -> anyhow::Result<Vec<Case>> {
        let inputs = Inputs::new(values);
        Ok(vec![
            Case::new("", inputs.summary(""))
                .costs(inputs.direct_sum(inputs.n * inputs.n))
                .cost("tables", inputs.tables())
                .exercise(
                    "naive",
                    yours!(job(&inputs, laue::laue_naive)),
                    job(&inputs, laue_solution::laue_naive),
                )
                .exercise(
                    "tables",
                    yours!(job(&inputs, laue::laue_tables)),
                    job(&inputs, laue_solution::laue_tables),
                ),
        ])
    }
}

fn main() {
    harness::runner::main(include_str!("../chapter.toml"), &Laue);
}
