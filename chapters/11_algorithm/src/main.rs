//! Chapter 11's runner: the square crystal through an FFT, the strained one as a matrix
//! product; fewer operations, not faster ones.

use harness::chapter::{Case, Chapter, Values};
use harness::yours;
use laue_chapter::{Inputs, grid_bytes, job};
use strained_solution::{E0, W};

struct Algorithm;

impl Chapter for Algorithm {
    fn bytes_needed(&self, values: &Values) -> u128 {
        // Two result grids (yours and the reference, compared), the FFT's complex grid and its
        // transpose (four grids of f64), the cells' positions, and the matrix product's two
        // tables of exponentials: one row of at most N^2 cells per grid row and column.
        let n = values.get("n") as u128;
        let side = n * values.get("oversampling") as u128;
        6 * grid_bytes(values) + n * n * 16 + 2 * side * n * n * 16
    }

    fn cases(&self, values: &Values) -> anyhow::Result<Vec<Case>> {
        let inputs = Inputs::new(values);
        let strained = format!("strained circular crystal (e0 = {E0}, w = {W}), ");
        let cells = laue_chapter::disk_cells(inputs.n);
        let (h, k) = (inputs.h.len(), inputs.k.len());
        Ok(vec![
            Case::new("square", inputs.summary("square crystal, "))
                .costs(inputs.direct_sum(inputs.n * inputs.n))
                .cost("square-tables", inputs.tables())
                .cost("square-fft", inputs.fft())
                .reference(
                    "square-fused",
                    job(&inputs, temporaries_solution::square_fused),
                )
                .reference("square-tables", job(&inputs, laue_solution::laue_tables))
                .exercise(
                    "square-fft",
                    yours!(job(&inputs, algorithm::square_fft)),
                    job(&inputs, algorithm_solution::square_fft),
                ),
            Case::new("strained", inputs.summary(&strained))
                .costs(inputs.direct_sum(cells))
                .cost(
                    "strained-matmul",
                    inputs.product(cells, cells, (h + k) * cells),
                )
                // The mirrors fold four cells into one column; each cell still has its
                // exponentials in the tables.
                .cost(
                    "strained-symmetric",
                    inputs.product(cells, cells.div_ceil(4), (h + k) * cells),
                )
                .reference(
                    "strained-positions",
                    job(&inputs, strained_solution::strained_positions),
                )
                .exercise(
                    "strained-matmul",
                    yours!(job(&inputs, algorithm::strained_matmul)),
                    job(&inputs, algorithm_solution::strained_matmul),
                )
                .reference(
                    "strained-symmetric",
                    job(&inputs, algorithm_solution::strained_symmetric),
                ),
        ])
    }
}

fn main() {
    harness::runner::main(include_str!("../chapter.toml"), &Algorithm);
}
