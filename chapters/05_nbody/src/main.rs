//! Chapter 5's runner: profile, then fix the hot spot, on the course's N-body simulation.

mod orbits;

use harness::chapter::{Case, Chapter, Job, Values};
use harness::output::{Output, Trajectories};
use harness::yours;

struct NBody;

/// The seed of the starting positions and velocities every figure uses.
const SEED: u64 = 1;

/// A whole run, `f(n, frames)`, to the positions after every frame.
type SimFn = fn(usize, usize) -> Vec<[f64; 3]>;

fn job(n: usize, frames: usize, f: SimFn) -> Job {
    Box::new(move || {
        Output::Trajectories(Trajectories {
            frames,
            bodies: n,
            xyz: f(n, frames).into_iter().flatten().collect(),
        })
    })
}

/// The course's run of `frames` frames from the seeded bodies, with the accelerations of
/// `$method`, in the crate `$krate` (the exercise or the solution: they share the API).
macro_rules! simulation {
    ($krate:ident, $method:ident) => {
        |n, frames| {
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

impl Chapter for NBody {
    fn bytes_needed(&self, values: &Values) -> u128 {
        // Two trajectories (yours and the reference) of frames x n positions, twice over while
        // one is flattened, plus the working arrays.
        let (n, frames) = (values.get("n") as u128, values.get("frames") as u128);
        4 * frames * n * 24 + 8 * n * 24
    }

    fn cases(&self, values: &Values) -> anyhow::Result<Vec<Case>> {
        let (n, frames) = (values.size("n"), values.size("frames"));
        let summary = format!(
            "{n} bodies, {frames} frame{} of {} RK2 steps (dt = {})",
            if frames == 1 { "" } else { "s" },
            nbody_solution::steps_per_frame(),
            nbody_solution::DT
        );
        Ok(vec![
            Case::new("", summary)
                .exercise(
                    "naive",
                    yours!(job(n, frames, simulation!(nbody, Naive))),
                    job(n, frames, simulation!(nbody_solution, Naive)),
                )
                .exercise(
                    "pairs",
                    yours!(job(n, frames, simulation!(nbody, Pairs))),
                    job(n, frames, simulation!(nbody_solution, Pairs)),
                )
                .exercise(
                    "parallel",
                    yours!(job(n, frames, simulation!(nbody, Parallel))),
                    job(n, frames, simulation!(nbody_solution, Parallel)),
                ),
        ])
    }

    fn picture(&self, output: &Output) -> Option<anyhow::Result<harness::picture::Picture>> {
        match output {
            Output::Trajectories(t) => Some(orbits::trajectories_png(t)),
            _ => None,
        }
    }
}

fn main() {
    harness::runner::main(include_str!("../chapter.toml"), &NBody);
}
