//! The series chapter: the harmonic series without the digit 9, from one core to all of them,
//! and then to the right algorithm.

use crate::chapter::{Chapter, Job, Kernel, Measurement, Param, Values, Workload};
use crate::output::Output;
use anyhow::Result;

pub struct Series;

const PARAMS: &[Param] = &[Param {
    name: "n",
    default: 100_000_000,
    quick: 1000,
    // Every kernel counts k in a u64; the direct ones would take centuries up there, but they
    // would give the right answer.
    max: u64::MAX,
    help: "number of terms: the sum runs over k = 1..=n",
}];

/// Exponents d of the partial sums S(10^d) that the `limits` kernel returns (u128 reaches 10^38).
pub const LIMIT_EXPONENTS: std::ops::RangeInclusive<u32> = 1..=38;

fn scalar(n: u64, f: fn(u64) -> f64) -> Job {
    Box::new(move || Output::Scalar(f(n)))
}

fn wide(n: u64, f: fn(u128) -> f64) -> Job {
    Box::new(move || Output::Scalar(f(n as u128)))
}

fn limits(grouped: fn(u128) -> f64, limit: fn() -> f64) -> Job {
    Box::new(move || {
        let mut sums: Vec<f64> = LIMIT_EXPONENTS.map(|d| grouped(10_u128.pow(d))).collect();
        sums.push(limit());
        Output::Values(sums)
    })
}

impl Chapter for Series {
    fn slug(&self) -> &'static str {
        "series"
    }
    fn title(&self) -> &'static str {
        "A slow series on every core"
    }
    fn page(&self) -> &'static str {
        "series.md"
    }
    fn crate_name(&self) -> &'static str {
        "series"
    }
    fn params(&self) -> &'static [Param] {
        PARAMS
    }
    fn bytes_needed(&self, values: &Values) -> u128 {
        // The chunked kernels keep one f64 per chunk (at least 2^14 numbers each); `pairwise`
        // buffers the terms of one chunk of CHUNK numbers; the rest is a few small tables.
        (values.get("n") as u128 / (1 << 14) + 1) * 8
            + series_solution::CHUNK as u128 * 8
            + (1 << 20)
    }
    fn measurements(&self) -> &'static [Measurement] {
        &[
            Measurement {
                file: "series-bench.txt",
                args: &[
                    "bench",
                    "series",
                    "--solution",
                    "--kernel",
                    "digits,string,kahan,pairwise,parallel,chunked,blocks,blocks-par,grouped",
                ],
            },
            Measurement {
                file: "series-heap-string.txt",
                args: &["heap", "series", "string", "--solution", "--n", "1000000"],
            },
            Measurement {
                file: "series-heap-digits.txt",
                args: &["heap", "series", "digits", "--solution", "--n", "1000000"],
            },
            Measurement {
                file: "series-flamegraph-string.txt",
                args: &[
                    "flamegraph",
                    "series",
                    "string",
                    "--solution",
                    "--n",
                    "10000000",
                ],
            },
            Measurement {
                file: "series-flamegraph-digits.txt",
                args: &["flamegraph", "series", "digits", "--solution"],
            },
            Measurement {
                file: "series-scaling.txt",
                args: &[
                    "bench",
                    "series",
                    "--solution",
                    "--kernel",
                    "parallel,chunked,blocks-par",
                    "--threads",
                    "1,2,4,8,16",
                    "--plot",
                    "book/src/measured/series-scaling.svg",
                ],
            },
            Measurement {
                file: "series-limits.txt",
                args: &["run", "series", "limits", "--solution"],
            },
        ]
    }
    fn workload(&self, values: &Values) -> Result<Workload> {
        let n = values.get("n");
        Ok(Workload {
            summary: format!(
                "n = {n}: the sum of 1/k over k = 1..=n without a digit 9 (the limit is 22.92067661926415...)"
            ),
            kernels: vec![
                Kernel::exercise(
                    "digits",
                    "one k at a time, digits tested with integer division",
                    "slow_digits",
                    scalar(n, series::slow_digits),
                    scalar(n, series_solution::slow_digits),
                ),
                Kernel::exercise(
                    "string",
                    "one k at a time, formatted as text and searched for '9'",
                    "slow_string",
                    scalar(n, series::slow_string),
                    scalar(n, series_solution::slow_string),
                ),
                Kernel::exercise(
                    "kahan",
                    "the digits loop with compensated (Kahan) summation",
                    "slow_kahan",
                    scalar(n, series::slow_kahan),
                    scalar(n, series_solution::slow_kahan),
                ),
                Kernel::exercise(
                    "pairwise",
                    "the digits loop's terms summed pairwise, a chunk at a time",
                    "slow_pairwise",
                    scalar(n, series::slow_pairwise),
                    scalar(n, series_solution::slow_pairwise),
                ),
                Kernel::exercise(
                    "parallel",
                    "rayon: into_par_iter, filter, map, sum",
                    "slow_parallel",
                    scalar(n, series::slow_parallel),
                    scalar(n, series_solution::slow_parallel),
                ),
                Kernel::exercise(
                    "chunked",
                    "fixed chunks summed in parallel, partial sums added in order",
                    "slow_chunked",
                    scalar(n, series::slow_chunked),
                    scalar(n, series_solution::slow_chunked),
                ),
                Kernel::exercise(
                    "blocks",
                    "skips every block of numbers with a 9; a hundred at a time",
                    "slow_blocks",
                    scalar(n, series::slow_blocks),
                    scalar(n, series_solution::slow_blocks),
                ),
                Kernel::exercise(
                    "blocks-par",
                    "blocks over fixed chunks of hundreds, in parallel",
                    "slow_blocks_parallel",
                    scalar(n, series::slow_blocks_parallel),
                    scalar(n, series_solution::slow_blocks_parallel),
                ),
                Kernel::exercise(
                    "grouped",
                    "Schmelzer & Baillie: whole groups from power sums of their endings",
                    "slow_grouped",
                    wide(n, series::slow_grouped),
                    wide(n, series_solution::slow_grouped),
                ),
                Kernel::exercise(
                    "limits",
                    "S(10^d) for d = 1..=38, then the limit (ignores n)",
                    "slow_limit",
                    limits(series::slow_grouped, series::slow_limit),
                    limits(series_solution::slow_grouped, series_solution::slow_limit),
                ),
            ],
        })
    }
}
