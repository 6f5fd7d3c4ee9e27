//! Chapter 14's runner: the kernel behind the Python binding, run from Rust, so that `bench`
//! gives the time a call from Python adds to (`cargo workbook compare square` times the call).

use harness::chapter::{Case, Chapter, Job, Values};
use harness::yours;
use laue_chapter::Inputs;
use std::sync::Arc;

struct Bindings;

type CheckFn = fn(usize, &[f64], &[f64]) -> Result<(), String>;

/// What the binding does on the Rust side: check the inputs, then run the kernel.
fn job(inputs: &Arc<Inputs>, check: CheckFn, kernel: laue_chapter::LaueFn) -> Job {
    let inputs = Arc::clone(inputs);
    Box::new(move || {
        if let Err(why) = check(inputs.n, &inputs.h, &inputs.k) {
            panic!("check_inputs refused the chapter's own inputs: {why}");
        }
        inputs.grid(kernel(inputs.n, &inputs.h, &inputs.k))
    })
}

impl Chapter for Bindings {
    fn bytes_needed(&self, values: &Values) -> u128 {
        // Three grids: the baseline's, yours and the reference's.
        3 * laue_chapter::grid_bytes(values)
    }

    fn cases(&self, values: &Values) -> anyhow::Result<Vec<Case>> {
        let inputs = Inputs::new(values);
        Ok(vec![
            Case::new("", inputs.summary("square crystal, "))
                .costs(inputs.direct_sum(inputs.n * inputs.n))
                .cost("checked", inputs.factorised())
                .reference(
                    "naive",
                    laue_chapter::job(&inputs, laue_solution::laue_naive),
                )
                .exercise(
                    "checked",
                    yours!(job(&inputs, bindings::check_inputs, bindings::intensity)),
                    job(
                        &inputs,
                        bindings_solution::check_inputs,
                        bindings_solution::intensity,
                    ),
                ),
        ])
    }
}

fn main() {
    harness::runner::main(include_str!("../chapter.toml"), &Bindings);
}
