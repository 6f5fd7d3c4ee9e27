//! Chapter 16's runner: the square crystal's direct sum and the N-body integrator, on the
//! portable path and on the widest vector instructions this CPU has, chosen at run time.

use harness::chapter::{Case, Chapter, Job, Values};
use harness::output::{Output, Trajectories};
use harness::yours;
use laue_chapter::{Inputs, grid_bytes, job};
use simd::Level;

struct Vectors;

/// The seed of the bodies, chapter 5's.
const SEED: u64 = 1;

/// A whole N-body run from the seeded bodies, to the positions after every frame.
fn nbody_job(
    bodies: usize,
    frames: usize,
    run: fn(&mut nbody_solution::System, usize) -> Vec<[f64; 3]>,
) -> Job {
    Box::new(move || {
        let mut system = nbody_solution::initial_conditions(bodies, SEED);
        Output::Trajectories(Trajectories {
            frames,
            bodies,
            xyz: run(&mut system, frames).into_iter().flatten().collect(),
        })
    })
}

fn pairs(system: &mut nbody_solution::System, frames: usize) -> Vec<[f64; 3]> {
    use nbody_solution::{DT, Method, simulate, steps_per_frame};
    simulate(system, frames, steps_per_frame(), DT, Method::Pairs)
}

fn vector_at(level: Level) -> impl Fn(&mut nbody_solution::System, usize) -> Vec<[f64; 3]> {
    move |system, frames| {
        use nbody_solution::{DT, simulate_at, steps_per_frame};
        simulate_at(level, system, frames, steps_per_frame(), DT)
    }
}

impl Chapter for Vectors {
    fn bytes_needed(&self, values: &Values) -> u128 {
        // Two result grids and the square's positions; two trajectories of the N-body run.
        let n = values.get("n") as u128;
        let (bodies, frames) = (values.get("bodies") as u128, values.get("frames") as u128);
        2 * grid_bytes(values) + n * n * 16 + 4 * frames * bodies * 24
    }

    fn cases(&self, values: &Values) -> anyhow::Result<Vec<Case>> {
        let inputs = Inputs::new(values);
        let (bodies, frames) = (values.size("bodies"), values.size("frames"));
        let nbody = format!(
            "{bodies} bodies, {frames} frames of {} RK2 steps; vectors: {}",
            nbody_solution::steps_per_frame(),
            simd::level()
        );
        Ok(vec![
            Case::new(
                "square",
                inputs.summary(&format!("square crystal (vectors: {}), ", simd::level())),
            )
            .costs(inputs.direct_sum(inputs.n * inputs.n))
            .reference(
                "square-fused",
                job(&inputs, temporaries_solution::square_fused),
            )
            .reference(
                "square-portable",
                job(&inputs, |n, h, k| {
                    compiler_solution::square_sincos_at(Level::PORTABLE, n, h, k)
                }),
            )
            .exercise(
                "square-dispatched",
                yours!(job(&inputs, |n, h, k| vectors::square_at(
                    simd::level(),
                    n,
                    h,
                    k
                ))),
                job(&inputs, |n, h, k| {
                    vectors_solution::square_at(simd::level(), n, h, k)
                }),
            )
            .reference("square-parallel", job(&inputs, cores_solution::square_fast)),
            Case::new("nbody", nbody)
                .uncounted("nbody-pairs")
                .uncounted("nbody-portable")
                .uncounted("nbody-vector")
                .reference("nbody-pairs", nbody_job(bodies, frames, pairs))
                .reference(
                    "nbody-portable",
                    nbody_job(bodies, frames, |s, f| vector_at(Level::PORTABLE)(s, f)),
                )
                .reference(
                    "nbody-vector",
                    nbody_job(bodies, frames, |s, f| vector_at(simd::level())(s, f)),
                ),
        ])
    }
}

fn main() {
    harness::runner::main(include_str!("../chapter.toml"), &Vectors);
}
