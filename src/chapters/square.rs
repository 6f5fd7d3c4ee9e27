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
                Kernel {
                    name: "naive",
                    about: "chapter 1's four loops, one libm exponential per term",
                    stub: None,
                    yours: None,
                    reference: job(&inputs, laue_solution::laue_naive),
                },
                Kernel {
                    name: "materialised",
                    about: "NumPy's way: every phase, then every exponential, stored",
                    stub: Some("square_materialised"),
                    yours: Some(job(&inputs, crystal::temporaries::square_materialised)),
                    reference: job(&inputs, temporaries::square_materialised),
                },
                Kernel {
                    name: "chunked",
                    about: "NumExpr's way: terms evaluated and summed 256 at a time",
                    stub: None,
                    yours: None,
                    reference: job(&inputs, temporaries::square_chunked),
                },
                Kernel {
                    name: "fused",
                    about: "iterators, each term added as it is made: only the result stored",
                    stub: Some("square_fused"),
                    yours: Some(job(&inputs, crystal::temporaries::square_fused)),
                    reference: job(&inputs, temporaries::square_fused),
                },
                Kernel {
                    name: "indexed",
                    about: "the fused loop with indices and bounds checks",
                    stub: None,
                    yours: None,
                    reference: job(&inputs, temporaries::square_indexed),
                },
                Kernel {
                    name: "sincos",
                    about: "one core, every exponential by the vectorised polynomial",
                    stub: None,
                    yours: None,
                    reference: job(&inputs, sincos::square_sincos),
                },
                Kernel {
                    name: "tables",
                    about: "chapter 1's phase factors computed once (not a direct sum)",
                    stub: None,
                    yours: None,
                    reference: job(&inputs, laue_solution::laue_tables),
                },
                Kernel {
                    name: "parallel",
                    about: "rows over the cores (rayon), libm",
                    stub: Some("square_parallel"),
                    yours: Some(job(&inputs, crystal::cores::square_parallel)),
                    reference: job(&inputs, cores::square_parallel),
                },
                Kernel {
                    name: "fast",
                    about: "the best direct sum: polynomial sincos on every core",
                    stub: None,
                    yours: None,
                    reference: job(&inputs, cores::square_fast),
                },
                Kernel {
                    name: "fft",
                    about: "zero-padded, modulated 2-D FFT (rustfft)",
                    stub: Some("square_fft"),
                    yours: Some(job(&inputs, crystal::algorithm::square_fft)),
                    reference: job(&inputs, algorithm::square_fft),
                },
            ],
        })
    }
}
