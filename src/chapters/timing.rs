//! Chapter 2: measuring time, on three ways to compute a Fibonacci number.

use crate::chapter::{Chapter, Kernel, Measurement, Param, Values, Workload};
use crate::output::Output;
use anyhow::Result;

pub struct Timing;

/// Beyond this n the naive recursion makes billions of calls: it is left out of the kernels.
pub const RECURSION_LIMIT: u64 = 40;

const PARAMS: &[Param] = &[Param {
    name: "n",
    default: 30,
    quick: 12,
    max: timing_solution::LARGEST_N as u64,
    help: "which Fibonacci number, F(n); at most 186, the largest that fits in a u128",
}];

/// A job that computes F(n) with `f`; every kernel of the chapter returns an exact integer.
fn job(n: u32, f: fn(u32) -> u128) -> crate::chapter::Job {
    Box::new(move || Output::Integer(f(n)))
}

// The kernels as plain `fn(u32) -> u128`; n is at most 186, so the Option is always Some.
fn loop_yours(n: u32) -> u128 {
    timing::fib_loop(n).expect("n is at most 186")
}
fn loop_reference(n: u32) -> u128 {
    timing_solution::fib_loop(n).expect("n is at most 186")
}
fn cached_yours(n: u32) -> u128 {
    timing::FibCache::new().get(n).expect("n is at most 186")
}
fn cached_reference(n: u32) -> u128 {
    timing_solution::FibCache::new()
        .get(n)
        .expect("n is at most 186")
}

impl Chapter for Timing {
    fn slug(&self) -> &'static str {
        "timing"
    }
    fn title(&self) -> &'static str {
        "Measuring time"
    }
    fn page(&self) -> &'static str {
        "timing.md"
    }
    fn crate_name(&self) -> &'static str {
        "timing"
    }
    fn params(&self) -> &'static [Param] {
        PARAMS
    }
    fn bytes_needed(&self, values: &Values) -> u128 {
        // The cache: one u128 per number up to n.
        (values.get("n") as u128 + 1) * 16
    }
    fn measurements(&self) -> &'static [Measurement] {
        &[
            Measurement {
                file: "timing-bench.txt",
                args: &["bench", "timing", "--solution"],
            },
            Measurement {
                file: "timing-run-cold.txt",
                args: &["run", "timing", "recursive", "--solution", "--n", "20"],
            },
            Measurement {
                file: "timing-bench-20.txt",
                args: &["bench", "timing", "--solution", "--n", "20"],
            },
        ]
    }
    fn workload(&self, values: &Values) -> Result<Workload> {
        let n = values.get("n") as u32;
        let mut kernels = Vec::new();
        if u64::from(n) <= RECURSION_LIMIT {
            kernels.push(Kernel::exercise(
                "recursive",
                "the definition: two recursive calls per call",
                "fib_recursive",
                job(n, timing::fib_recursive),
                job(n, timing_solution::fib_recursive),
            ));
        }
        kernels.push(Kernel::exercise(
            "loop",
            "a loop that keeps the last two numbers",
            "fib_loop",
            job(n, loop_yours),
            job(n, loop_reference),
        ));
        kernels.push(Kernel::exercise(
            "cached",
            "the recursion with a cache, starting from an empty cache",
            "FibCache::get",
            job(n, cached_yours),
            job(n, cached_reference),
        ));
        let note = if u64::from(n) <= RECURSION_LIMIT {
            String::new()
        } else {
            format!(" (the naive recursion is left out above n = {RECURSION_LIMIT})")
        };
        Ok(Workload {
            summary: format!("F({n}){note}"),
            kernels,
        })
    }
}
