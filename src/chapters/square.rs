//! Part II: the square crystal again, from NumPy-like temporaries to the FFT. Its kernels
//! appear in the chapters "Allocation and temporaries", "The compiler's side", "All cores" and
//! "The right algorithm"; `workbook report` puts them in one table.

use super::crystal::PARAMS;
use super::laue::{H, Inputs, K, job};
use crate::chapter::{Chapter, Kernel, Measurement, Param, Values, Workload};
use anyhow::Result;
use std::sync::Arc;

pub struct Square;

impl Chapter for Square {
    fn slug(&self) -> &'static str {
        "square"
    }
    fn title(&self) -> &'static str {
        "Allocation and temporaries: the square crystal again"
    }
    fn page(&self) -> &'static str {
        "temporaries.md"
    }
    fn crate_name(&self) -> &'static str {
        "crystal"
    }
    fn params(&self) -> &'static [Param] {
        PARAMS
    }
    fn bytes_needed(&self, values: &Values) -> u128 {
        // The materialised kernel holds every term's phase (8 bytes) and exponential (16 bytes)
        // at once, on top of the direct sums' needs.
        let n = values.get("n") as u128;
        let points = super::laue::grid_bytes(values) / 8;
        super::crystal::bytes_needed(values) + points * n * n * 24
    }
    fn measurements(&self) -> &'static [Measurement] {
        &[
            Measurement {
                file: "square-temporaries.txt",
                args: &[
                    "bench",
                    "square",
                    "--solution",
                    "--threads",
                    "1",
                    "--kernel",
                    "materialised,chunked,fused",
                ],
            },
            Measurement {
                file: "square-heap-materialised.txt",
                args: &["heap", "square", "materialised", "--solution"],
            },
            Measurement {
                file: "square-heap-fused.txt",
                args: &["heap", "square", "fused", "--solution"],
            },
            Measurement {
                file: "square-compiler.txt",
                args: &[
                    "bench",
                    "square",
                    "--solution",
                    "--threads",
                    "1",
                    "--kernel",
                    "fused,indexed,sincos,tables",
                ],
            },
            Measurement {
                file: "square-flamegraph-fused.txt",
                args: &["flamegraph", "square", "fused", "--solution"],
            },
            Measurement {
                file: "square-flamegraph-sincos.txt",
                args: &["flamegraph", "square", "sincos", "--solution"],
            },
            Measurement {
                file: "square-cores.txt",
                args: &[
                    "bench",
                    "square",
                    "--solution",
                    "--kernel",
                    "parallel,fast",
                    "--threads",
                    "1,2",
                ],
            },
            Measurement {
                file: "square-fft.txt",
                args: &["bench", "square", "--solution", "--kernel", "fft"],
            },
            Measurement {
                file: "report.txt",
                args: &["report"],
            },
        ]
    }
    fn workload(&self, values: &Values) -> Result<Workload> {
        let inputs = Arc::new(Inputs::new(values));
        let side = inputs.h.len();
        use crystal_solution::{algorithm, cores, sincos, temporaries};
        Ok(Workload {
            summary: format!(
                "square crystal, N = {}, oversampling {}: {side} x {side} grid around (H, K) = ({H}, {K})",
                inputs.n,
                values.get("oversampling")
            ),
            kernels: vec![
                Kernel::reference_only(
                    "naive",
                    "chapter 1's four loops, one libm exponential per term",
                    job(&inputs, laue_solution::laue_naive),
                ),
                Kernel::exercise(
                    "materialised",
                    "NumPy's way: every phase, then every exponential, stored",
                    "square_materialised",
                    job(&inputs, crystal::temporaries::square_materialised),
                    job(&inputs, temporaries::square_materialised),
                ),
                Kernel::reference_only(
                    "chunked",
                    "NumExpr's way: terms evaluated and summed 256 at a time",
                    job(&inputs, temporaries::square_chunked),
                ),
                Kernel::exercise(
                    "fused",
                    "iterators, each term added as it is made: only the result stored",
                    "square_fused",
                    job(&inputs, crystal::temporaries::square_fused),
                    job(&inputs, temporaries::square_fused),
                ),
                Kernel::reference_only(
                    "indexed",
                    "the fused loop with indices and bounds checks",
                    job(&inputs, temporaries::square_indexed),
                ),
                Kernel::reference_only(
                    "sincos",
                    "one core, every exponential by the vectorised polynomial",
                    job(&inputs, sincos::square_sincos),
                ),
                Kernel::reference_only(
                    "tables",
                    "chapter 1's phase factors computed once (not a direct sum)",
                    job(&inputs, laue_solution::laue_tables),
                ),
                Kernel::exercise(
                    "parallel",
                    "rows over the cores (rayon), libm",
                    "square_parallel",
                    job(&inputs, crystal::cores::square_parallel),
                    job(&inputs, cores::square_parallel),
                ),
                Kernel::reference_only(
                    "fast",
                    "the best direct sum: polynomial sincos on every core",
                    job(&inputs, cores::square_fast),
                ),
                Kernel::exercise(
                    "fft",
                    "zero-padded, modulated 2-D FFT (rustfft)",
                    "square_fft",
                    job(&inputs, crystal::algorithm::square_fft),
                    job(&inputs, algorithm::square_fft),
                ),
            ],
        })
    }
}
