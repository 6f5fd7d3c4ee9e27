//! Chapter 8's runner: the square crystal again, its kernels told apart by the memory they use.

use harness::chapter::{Case, Chapter, Values};
use harness::yours;
use laue_chapter::{Inputs, grid_bytes, job};

struct Temporaries;

impl Chapter for Temporaries {
    fn bytes_needed(&self, values: &Values) -> u128 {
        // Two result grids (yours and the reference, compared), and the materialised kernel's
        // phase (8 bytes) and exponential (16 bytes) of every term, all held at once.
        let n = values.get("n") as u128;
        let points = grid_bytes(values) / 8;
        2 * grid_bytes(values) + points * n * n * 24
    }

    fn cases(&self, values: &Values) -> anyhow::Result<Vec<Case>> {
        let inputs = Inputs::new(values);
        Ok(vec![
            Case::new("square", inputs.summary("square crystal, "))
                .costs(inputs.direct_sum(inputs.n * inputs.n))
                .reference("naive", job(&inputs, laue_solution::laue_naive))
                .exercise(
                    "materialised",
                    yours!(job(&inputs, temporaries::square_materialised)),
                    job(&inputs, temporaries_solution::square_materialised),
                )
                .reference(
                    "chunked",
                    job(&inputs, temporaries_solution::square_chunked),
                )
                .exercise(
                    "fused",
                    yours!(job(&inputs, temporaries::square_fused)),
                    job(&inputs, temporaries_solution::square_fused),
                ),
        ])
    }
}

fn main() {
    harness::runner::main(include_str!("../chapter.toml"), &Temporaries);
}
