//! Chapter 2's runner: measuring time, on three ways to compute a Fibonacci number.

use harness::chapter::{Case, Chapter, Job, Values};
use harness::output::Output;
use harness::yours;

struct Timing;

/// The job that computes F(n) with `f`; every kernel of the chapter returns an exact integer.
fn job(n: u32, f: fn(u32) -> u128) -> Job {
    Box::new(move || Output::Integer(f(n)))
}

// The parameter's max (45) is far below 186, past which F(n) does not fit in a u128: the
// `Option`s of the loop and the cache are always `Some`.
const FITS: &str = "n is at most 45";

impl Chapter for Timing {
    fn bytes_needed(&self, values: &Values) -> u128 {
        // The cache: one u128 per number up to n.
        (values.get("n") as u128 + 1) * 16
    }

    fn cases(&self, values: &Values) -> anyhow::Result<Vec<Case>> {
        let n = u32::try_from(values.get("n"))?;
        Ok(vec![
            Case::new("", format!("F({n})"))
                .exercise(
                    "recursive",
                    yours!(job(n, timing::fib_recursive)),
                    job(n, timing_solution::fib_recursive),
                )
                .exercise(
                    "loop",
                    yours!(job(n, |n| timing::fib_loop(n).expect(FITS))),
                    job(n, |n| timing_solution::fib_loop(n).expect(FITS)),
                )
                .exercise(
                    "cached",
                    yours!(job(n, |n| timing::FibCache::new().get(n).expect(FITS))),
                    job(n, |n| timing_solution::FibCache::new().get(n).expect(FITS)),
                ),
        ])
    }
}

fn main() {
    harness::runner::main(include_str!("../chapter.toml"), &Timing);
}
