//! Chapter 4's runner: memory profiles, on a rolling median that allocates once per window.
//! `heap` runs here too: the harness's allocator switches to dhat's for that one command.

use anyhow::bail;
use harness::chapter::{Case, Chapter, Job, Values};
use harness::output::Output;
use harness::yours;
use std::sync::Arc;

struct Memory;

type MedianFn = fn(&[f64], usize) -> Vec<f64>;

/// The job that runs `f` on the shared signal.
fn job(signal: &Arc<Vec<f64>>, window: usize, f: MedianFn) -> Job {
    let signal = Arc::clone(signal);
    Box::new(move || Output::Values(f(&signal, window)))
}

impl Chapter for Memory {
    fn bytes_needed(&self, values: &Values) -> u128 {
        // The signal, two results (yours and the reference, compared) and one window.
        (3 * values.get("n") as u128 + values.get("window") as u128) * 8
    }

    fn cases(&self, values: &Values) -> anyhow::Result<Vec<Case>> {
        let (n, window) = (values.size("n"), values.size("window"));
        if window % 2 == 0 {
            bail!("window must be odd, so that the median is one of the samples; got {window}");
        }
        if window > n {
            bail!("window = {window} is longer than the signal (n = {n})");
        }
        let signal = Arc::new(memory_solution::signal(n));
        let summary = format!(
            "rolling median of {n} samples, window {window}: {} medians",
            n - window + 1
        );
        Ok(vec![
            Case::new("", summary)
                .exercise(
                    "naive",
                    yours!(job(&signal, window, memory::rolling_median_naive)),
                    job(&signal, window, memory_solution::rolling_median_naive),
                )
                .reference(
                    "reuse",
                    job(&signal, window, memory_solution::rolling_median_reused),
                )
                .exercise(
                    "once",
                    yours!(job(&signal, window, memory::rolling_median)),
                    job(&signal, window, memory_solution::rolling_median),
                ),
        ])
    }
}

fn main() {
    harness::runner::main(include_str!("../chapter.toml"), &Memory);
}
