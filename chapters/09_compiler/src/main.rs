//! Chapter 9's runner: the square and the strained crystal on one core, what bounds checks
//! cost, and libm against a polynomial sincos the compiler can vectorise.

use harness::chapter::{Case, Chapter, Values};
use harness::yours;
use laue_chapter::{Inputs, grid_bytes, job};
use strained_solution::{E0, W};

struct Compiler;

impl Chapter for Compiler {
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
                .reference(
                    "square-indexed",
                    job(&inputs, compiler_solution::square_indexed),
                )
                .reference("square-tables", job(&inputs, laue_solution::laue_tables))
                .cost("square-tables", inputs.tables())
                .exercise(
                    "square-cis",
                    // Your cis_turns in the reference's loop: the two differ by it alone.
                    yours!(job(&inputs, |n, h, k| {
                        compiler_solution::square_with(compiler::cis_turns, n, h, k)
                    })),
                    job(&inputs, compiler_solution::square_cis),
                )
                .reference(
                    "square-sincos",
                    job(&inputs, compiler_solution::square_sincos),
                ),
            Case::new("strained", inputs.summary(&strained))
                .costs(inputs.direct_sum(laue_chapter::disk_cells(inputs.n)))
                .reference(
                    "strained-positions",
                    job(&inputs, strained_solution::strained_positions),
                )
                .reference(
                    "strained-sincos",
                    job(&inputs, compiler_solution::strained_sincos),
                ),
        ])
    }
}

fn main() {
    harness::runner::main(include_str!("../chapter.toml"), &Compiler);
}
