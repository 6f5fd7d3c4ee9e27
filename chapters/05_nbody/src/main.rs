//! Chapter 5's runner: profile, then fix the hot spot, on the course's N-body simulation.

mod orbits;

use harness::chapter::{Case, Chapter, Cost, Job, Values};
use harness::output::{Output, Trajectories};
use harness::yours;
use std::path::Path;

struct NBody;

/// The seed of the starting positions and velocities every figure uses.
const SEED: u64 = 1;

/// The bodies a run starts from: the seeded ones, or those of an `--init` file.
#[derive(Clone)]
struct Start {
    pos: Vec<[f64; 3]>,
    vel: Vec<[f64; 3]>,
    mass: Vec<f64>,
}

impl Start {
    fn seeded(n: usize) -> Start {
        let s = nbody_solution::initial_conditions(n, SEED);
        Start {
            pos: s.pos,
            vel: s.vel,
            mass: s.mass,
        }
    }

    /// An (n, 7) array, one body a row: x, y, z, vx, vy, vz, mass.
    fn from_file(path: &Path) -> anyhow::Result<Start> {
        let (shape, values) = harness::npy::read_f64(path)?;
        let shown = path.display();
        let n = match shape[..] {
            [n, 7] if n >= 2 => n,
            _ => anyhow::bail!(
                "{shown} has shape {shape:?}: the bodies are an (n, 7) array, n >= 2, of x, y, z, vx, vy, vz, mass"
            ),
        };
        if let Some(i) = values.iter().position(|v| !v.is_finite()) {
            anyhow::bail!(
                "{shown}: body {} has a value that is not a finite number",
                i / 7
            );
        }
        if let Some(i) = (0..n).find(|i| values[i * 7 + 6] <= 0.0) {
            anyhow::bail!("{shown}: body {i} has a mass that is not positive");
        }
        let row = |i: usize, at: usize| {
            [
                values[i * 7 + at],
                values[i * 7 + at + 1],
                values[i * 7 + at + 2],
            ]
        };
        Ok(Start {
            pos: (0..n).map(|i| row(i, 0)).collect(),
            vel: (0..n).map(|i| row(i, 3)).collect(),
            mass: (0..n).map(|i| values[i * 7 + 6]).collect(),
        })
    }
}

/// A whole run of `frames` frames from the starting bodies, to the positions after every frame.
type SimFn = fn(&Start, usize) -> Vec<[f64; 3]>;

fn job(start: &Start, frames: usize, f: SimFn) -> Job {
    let start = start.clone();
    let bodies = start.mass.len();
    Box::new(move || {
        Output::Trajectories(Trajectories {
            frames,
            bodies,
            xyz: f(&start, frames).into_iter().flatten().collect(),
        })
    })
}

/// The course's run of `frames` frames from `start`, with the accelerations of `$method`, in
/// the crate `$krate` (the exercise or the solution: they share the API).
macro_rules! simulation {
    ($krate:ident, $method:ident) => {
        |start, frames| {
            let mut s = $krate::System {
                pos: start.pos.clone(),
                vel: start.vel.clone(),
                mass: start.mass.clone(),
            };
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
        let frames = values.get("frames") as u128;
        // With --init the file says how many bodies: 7 numbers of 8 bytes each.
        let n = match values.init().and_then(|p| std::fs::metadata(p).ok()) {
            Some(m) => u128::from(m.len()) / 56,
            None => values.get("n") as u128,
        };
        4 * frames * n * 24 + 8 * n * 24
    }

    fn cases(&self, values: &Values) -> anyhow::Result<Vec<Case>> {
        let frames = values.size("frames");
        let (start, from) = match values.init() {
            Some(path) => (Start::from_file(path)?, format!(" from {}", path.display())),
            None => (Start::seeded(values.size("n")), String::new()),
        };
        let n = start.mass.len();
        let summary = format!(
            "{n} bodies{from}, {frames} frame{} of {} RK2 steps (dt = {})",
            if frames == 1 { "" } else { "s" },
            nbody_solution::steps_per_frame(),
            nbody_solution::DT
        );
        let start = &start;
        // For the roofline: the initial state in, the trajectory out; two RK2 evaluations per
        // step, each pair interaction at the usual count of 20 operations (the square root and
        // the division one each), and `pairs` visits each pair once, with 6 more to apply it to
        // both bodies.
        let evaluations = (2 * frames * nbody_solution::steps_per_frame()) as f64;
        let bytes = (n * 56 + frames * n * 24) as f64;
        let ordered = (n * n.saturating_sub(1)) as f64;
        let every_pair = Cost {
            bytes,
            flops: evaluations * ordered * 20.0,
        };
        // `vector` visits each pair once too.
        let each_pair_once = Cost {
            bytes,
            flops: evaluations * ordered / 2.0 * 26.0,
        };
        Ok(vec![
            Case::new("", summary)
                .costs(every_pair)
                .cost("pairs", each_pair_once)
                .exercise(
                    "naive",
                    yours!(job(start, frames, simulation!(nbody, Naive))),
                    job(start, frames, simulation!(nbody_solution, Naive)),
                )
                .exercise(
                    "pairs",
                    yours!(job(start, frames, simulation!(nbody, Pairs))),
                    job(start, frames, simulation!(nbody_solution, Pairs)),
                )
                .exercise(
                    "parallel",
                    yours!(job(start, frames, simulation!(nbody, Parallel))),
                    job(start, frames, simulation!(nbody_solution, Parallel)),
                )
                .cost("vector", each_pair_once)
                .reference(
                    "vector",
                    job(start, frames, simulation!(nbody_solution, Vector)),
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
