//! Chapter 4: memory profiles, on a rolling median that allocates once per window.

use crate::chapter::{Chapter, Kernel, Measurement, Param, Values, Workload};
use crate::output::Output;
use anyhow::{Result, bail};
use std::sync::Arc;

pub struct Memory;

const PARAMS: &[Param] = &[
    Param {
        name: "n",
        default: 100_000,
        quick: 500,
        max: 1 << 28,
        help: "samples in the signal",
    },
    Param {
        name: "window",
        default: 101,
        quick: 11,
        max: 1 << 20,
        help: "samples per window (odd)",
    },
];

type MedianFn = fn(&[f64], usize) -> Vec<f64>;

fn job(signal: &Arc<Vec<f64>>, window: usize, f: MedianFn) -> crate::chapter::Job {
    let signal = Arc::clone(signal);
    Box::new(move || Output::Values(f(&signal, window)))
}

impl Chapter for Memory {
    fn slug(&self) -> &'static str {
        "memory"
    }
    fn title(&self) -> &'static str {
        "Memory profiles"
    }
    fn page(&self) -> &'static str {
        "memory.md"
    }
    fn crate_name(&self) -> &'static str {
        "memory"
    }
    fn params(&self) -> &'static [Param] {
        PARAMS
    }
    fn bytes_needed(&self, values: &Values) -> u128 {
        // The signal, two results (yours and the reference, compared) and one window.
        (3 * values.get("n") as u128 + values.get("window") as u128) * 8
    }
    fn measurements(&self) -> &'static [Measurement] {
        &[
            Measurement {
                file: "memory-heap-naive.txt",
                args: &["heap", "memory", "naive", "--solution"],
            },
            Measurement {
                file: "memory-heap-once.txt",
                args: &["heap", "memory", "once", "--solution"],
            },
            Measurement {
                file: "memory-bench.txt",
                args: &["bench", "memory", "--solution"],
            },
        ]
    }
    fn workload(&self, values: &Values) -> Result<Workload> {
        let (n, window) = (values.size("n"), values.size("window"));
        if window % 2 == 0 {
            bail!("window must be odd, so that the median is one of the samples; got {window}");
        }
        if window > n {
            bail!("window = {window} is longer than the signal (n = {n})");
        }
        let signal = Arc::new(memory_solution::signal(n));
        Ok(Workload {
            summary: format!(
                "rolling median of {n} samples, window {window}: {} medians",
                n - window + 1
            ),
            kernels: vec![
                Kernel::exercise(
                    "naive",
                    "a new Vec per window, sorted",
                    "rolling_median_naive",
                    job(&signal, window, memory::rolling_median_naive),
                    job(&signal, window, memory_solution::rolling_median_naive),
                ),
                Kernel::reference_only(
                    "reuse",
                    "the naive sort, in one reused scratch buffer",
                    job(&signal, window, memory_solution::rolling_median_reused),
                ),
                Kernel::exercise(
                    "once",
                    "one scratch buffer for every window, partial selection",
                    "rolling_median",
                    job(&signal, window, memory::rolling_median),
                    job(&signal, window, memory_solution::rolling_median),
                ),
            ],
        })
    }
}
