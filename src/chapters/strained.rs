//! Part II: the strained circular crystal, from the formula to the matrix product. Its kernels
//! appear in the chapters "Circle and strain", "The compiler's side", "All cores" and "The right
//! algorithm"; `workbook report` puts them in one table.

use super::crystal::{PARAMS, bytes_needed};
use super::laue::{H, Inputs, K, job};
use crate::chapter::{Chapter, Kernel, Measurement, Param, Values, Workload};
use anyhow::Result;
use std::sync::Arc;

pub struct Strained;

impl Chapter for Strained {
    fn slug(&self) -> &'static str {
        "strained"
    }
    fn title(&self) -> &'static str {
        "Circle and strain: the strained crystal"
    }
    fn page(&self) -> &'static str {
        "circle.md"
    }
    fn crate_name(&self) -> &'static str {
        "crystal"
    }
    fn params(&self) -> &'static [Param] {
        PARAMS
    }
    fn bytes_needed(&self, values: &Values) -> u128 {
        bytes_needed(values)
    }
    fn measurements(&self) -> &'static [Measurement] {
        &[
            Measurement {
                file: "strained-bench.txt",
                args: &[
                    "bench",
                    "strained",
                    "--solution",
                    "--kernel",
                    "naive,positions",
                ],
            },
            Measurement {
                file: "strained-flamegraph.txt",
                args: &["flamegraph", "strained", "naive", "--solution"],
            },
            Measurement {
                file: "strained-picture.txt",
                args: &[
                    "run",
                    "strained",
                    "matmul",
                    "--solution",
                    "--png",
                    "book/src/measured/strained.png",
                ],
            },
            Measurement {
                file: "strained-compiler.txt",
                args: &[
                    "bench",
                    "strained",
                    "--solution",
                    "--threads",
                    "1",
                    "--kernel",
                    "positions,sincos",
                ],
            },
            Measurement {
                file: "strained-cores.txt",
                args: &[
                    "bench",
                    "strained",
                    "--solution",
                    "--kernel",
                    "parallel,fast",
                    "--threads",
                    "1,2",
                ],
            },
        ]
    }
    fn workload(&self, values: &Values) -> Result<Workload> {
        let inputs = Arc::new(Inputs::new(values));
        let side = inputs.h.len();
        use crystal_solution::{algorithm, cores, sincos, strain};
        Ok(Workload {
            summary: format!(
                "strained circular crystal (e0 = {}, w = {}), N = {}, oversampling {}: {side} x {side} grid around (H, K) = ({H}, {K})",
                strain::E0,
                strain::W,
                inputs.n,
                values.get("oversampling")
            ),
            kernels: vec![
                Kernel::exercise(
                    "naive",
                    "the formula as written: support and displacement for every term",
                    "strained_naive",
                    job(&inputs, crystal::strain::strained_naive),
                    job(&inputs, strain::strained_naive),
                ),
                Kernel::exercise(
                    "positions",
                    "the displaced positions computed once, then libm's sin and cos",
                    "strained_positions",
                    job(&inputs, crystal::strain::strained_positions),
                    job(&inputs, strain::strained_positions),
                ),
                Kernel::reference_only(
                    "sincos",
                    "one core, every exponential by the vectorised polynomial",
                    job(&inputs, sincos::strained_sincos),
                ),
                Kernel::exercise(
                    "parallel",
                    "positions once, rows over the cores (rayon), libm",
                    "strained_parallel",
                    job(&inputs, crystal::cores::strained_parallel),
                    job(&inputs, cores::strained_parallel),
                ),
                Kernel::reference_only(
                    "fast",
                    "the best direct sum: polynomial sincos on every core",
                    job(&inputs, cores::strained_fast),
                ),
                Kernel::exercise(
                    "matmul",
                    "I = |A B^T|^2: (h + k) N^2 exponentials, a complex matrix product",
                    "strained_matmul",
                    job(&inputs, crystal::algorithm::strained_matmul),
                    job(&inputs, algorithm::strained_matmul),
                ),
                Kernel::reference_only(
                    "symmetric",
                    "the product folded by the disk's two mirror symmetries: 4x narrower",
                    job(&inputs, algorithm::strained_symmetric),
                ),
            ],
        })
    }
}
