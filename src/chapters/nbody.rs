//! Chapter 5: profile, then fix the hot spot, on the course's N-body simulation.

use crate::chapter::{Chapter, Kernel, Measurement, Param, Values, Workload};
use crate::output::{Output, Trajectories};
use anyhow::Result;

pub struct NBody;

/// The seed of the starting positions and velocities every figure uses.
pub const SEED: u64 = 1;

const PARAMS: &[Param] = &[
    Param {
        name: "n",
        default: 20,
        quick: 5,
        max: 100_000,
        help: "bodies",
    },
    Param {
        name: "frames",
        default: nbody_solution::FRAMES as u64,
        quick: 3,
        max: 1_000_000,
        help: "frames of 0.01 time units (10 steps of 0.001 each)",
    },
];

type SimFn = fn(usize, usize) -> Vec<[f64; 3]>;

fn job(n: usize, frames: usize, f: SimFn) -> crate::chapter::Job {
    Box::new(move || {
        Output::Trajectories(Trajectories {
            frames,
            bodies: n,
            xyz: f(n, frames).into_iter().flatten().collect(),
        })
    })
}

macro_rules! runner {
    ($name:ident, $krate:ident, $method:ident) => {
        fn $name(n: usize, frames: usize) -> Vec<[f64; 3]> {
            let mut s = $krate::initial_conditions(n, SEED);
            $krate::simulate(
                &mut s,
                frames,
                $krate::steps_per_frame(),
                $krate::DT,
                $krate::Method::$method,
            )
        }
    };
}
runner!(naive_yours, nbody, Naive);
runner!(pairs_yours, nbody, Pairs);
runner!(parallel_yours, nbody, Parallel);
runner!(naive_reference, nbody_solution, Naive);
runner!(pairs_reference, nbody_solution, Pairs);
runner!(parallel_reference, nbody_solution, Parallel);

impl Chapter for NBody {
    fn slug(&self) -> &'static str {
        "nbody"
    }
    fn title(&self) -> &'static str {
        "Profile, then fix the hot spot: N-body"
    }
    fn page(&self) -> &'static str {
        "nbody.md"
    }
    fn crate_name(&self) -> &'static str {
        "nbody"
    }
    fn params(&self) -> &'static [Param] {
        PARAMS
    }
    fn bytes_needed(&self, values: &Values) -> u128 {
        // Two trajectories (yours and the reference) of frames x n positions, twice over while
        // one is flattened, plus the working arrays.
        let (n, frames) = (values.get("n") as u128, values.get("frames") as u128);
        4 * frames * n * 24 + 8 * n * 24
    }
    fn measurements(&self) -> &'static [Measurement] {
        &[
            Measurement {
                file: "nbody-flamegraph-naive.txt",
                args: &["flamegraph", "nbody", "naive", "--solution"],
            },
            Measurement {
                file: "nbody-bench.txt",
                args: &["bench", "nbody", "--solution", "--threads", "1,2"],
            },
            Measurement {
                file: "nbody-bench-2000.txt",
                args: &[
                    "bench",
                    "nbody",
                    "--solution",
                    "--n",
                    "2000",
                    "--param",
                    "frames=1",
                    "--threads",
                    "1,2",
                ],
            },
            Measurement {
                file: "nbody-orbits.txt",
                args: &[
                    "run",
                    "nbody",
                    "pairs",
                    "--solution",
                    "--png",
                    "book/src/measured/nbody-orbits.png",
                ],
            },
        ]
    }
    fn workload(&self, values: &Values) -> Result<Workload> {
        let (n, frames) = (values.size("n"), values.size("frames"));
        Ok(Workload {
            summary: format!(
                "{n} bodies, {frames} frame{} of {} RK2 steps (dt = {})",
                if frames == 1 { "" } else { "s" },
                nbody_solution::steps_per_frame(),
                nbody_solution::DT
            ),
            kernels: vec![
                Kernel::exercise(
                    "naive",
                    "accelerations as the formula reads: every ordered pair, a new Vec",
                    "accelerations_naive",
                    job(n, frames, naive_yours),
                    job(n, frames, naive_reference),
                ),
                Kernel::exercise(
                    "pairs",
                    "each pair once, one root and one division, no allocation",
                    "accelerations",
                    job(n, frames, pairs_yours),
                    job(n, frames, pairs_reference),
                ),
                Kernel::exercise(
                    "parallel",
                    "one rayon task per body",
                    "accelerations_parallel",
                    job(n, frames, parallel_yours),
                    job(n, frames, parallel_reference),
                ),
            ],
        })
    }
}
