//! Chapter 5 exercise: N bodies under gravity (G = 1), integrated with the RK2 midpoint method.
//!
//! The simulation and the straightforward accelerations are written for you. Write the fix the
//! profile points to ([`accelerations`]) and a parallel version ([`accelerations_parallel`])
//! until `cargo test` in this folder passes; the chapter in the book (`book/src/05_nbody.md`)
//! explains both. `cargo workbook check nbody` runs the tests and summarises them.

// Used once you write accelerations_parallel.
#[allow(unused_imports)]
use rayon::prelude::*;

/// A position, velocity or acceleration: (x, y, z).
pub type Vec3 = [f64; 3];

/// The bodies: positions, velocities and masses, one entry per body.
#[derive(Debug, Clone, PartialEq)]
pub struct System {
    pub pos: Vec<Vec3>,
    pub vel: Vec<Vec3>,
    pub mass: Vec<f64>,
}

/// The course's run: frames every 0.01 time units, steps of 0.001, 100 frames.
pub const TFRAME: f64 = 0.01;
pub const DT: f64 = 0.001;
pub const FRAMES: usize = 100;

/// `n` bodies of unit mass, positions and velocities uniform in [0, 1)^3 as in the course
/// (`np.random.random`), from a small generator seeded with `seed` so every run and every
/// machine starts from the same bodies.
pub fn initial_conditions(n: usize, seed: u64) -> System {
    let mut state = seed;
    // splitmix64: one multiply-xorshift chain per number, good enough for starting points.
    let mut uniform = move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    };
    let pos = (0..n).map(|_| [uniform(), uniform(), uniform()]).collect();
    let vel = (0..n).map(|_| [uniform(), uniform(), uniform()]).collect();
    System {
        pos,
        vel,
        mass: vec![1.0; n],
    }
}

/// The accelerations as the formula reads, for every body i the sum over every other body j
/// of m_j / r^2 in the direction of j: a new vector per call, a norm and a unit vector per pair.
#[inline(never)]
pub fn accelerations_naive(pos: &[Vec3], mass: &[f64]) -> Vec<Vec3> {
    let n = pos.len();
    let mut acc = vec![[0.0; 3]; n];
    for i in 0..n {
        for j in 0..n {
            if i == j {
                continue;
            }
            let d = [
                pos[j][0] - pos[i][0],
                pos[j][1] - pos[i][1],
                pos[j][2] - pos[i][2],
            ];
            let r = (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]).sqrt();
            let rhat = [d[0] / r, d[1] / r, d[2] / r];
            for k in 0..3 {
                acc[i][k] += mass[j] / (r * r) * rhat[k];
            }
        }
    }
    acc
}

/// The same accelerations as [`accelerations_naive`], written into `acc` (the caller allocates
/// it once), with the fix the profile points to: visit each pair (i, j) with i < j once. The
/// pull of j on i is m_j d / r^3 and the pull of i on j is -m_i d / r^3 (d = pos[j] - pos[i]):
/// one square root and one division, 1 / (r2 * sqrt(r2)), serve both bodies.
/// Start by zeroing `acc`.
#[inline(never)]
pub fn accelerations(pos: &[Vec3], mass: &[f64], acc: &mut [Vec3]) {
    todo!("visit each pair once; add to body i, subtract from body j")
}

/// The same accelerations with rayon, one task per body: `acc.par_iter_mut().enumerate()`.
/// Each task sums over every other body (with the pair trick, two tasks would write to the
/// same body), so this does twice the arithmetic of [`accelerations`]. `use rayon::prelude::*`
/// is already at the top of the file.
pub fn accelerations_parallel(pos: &[Vec3], mass: &[f64], acc: &mut [Vec3]) {
    todo!("acc.par_iter_mut().enumerate(): one task per body, summing over every other body")
}

/// Which accelerations a run uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Naive,
    Pairs,
    Parallel,
}

impl Method {
    fn accelerations(self, pos: &[Vec3], mass: &[f64], acc: &mut [Vec3]) {
        match self {
            Method::Naive => acc.copy_from_slice(&accelerations_naive(pos, mass)),
            Method::Pairs => accelerations(pos, mass, acc),
            Method::Parallel => accelerations_parallel(pos, mass, acc),
        }
    }
}

/// `a + s b`, body by body, into `out`.
fn axpy(out: &mut [Vec3], a: &[Vec3], s: f64, b: &[Vec3]) {
    for ((o, a), b) in out.iter_mut().zip(a).zip(b) {
        *o = [a[0] + s * b[0], a[1] + s * b[1], a[2] + s * b[2]];
    }
}

/// `x += s b`, body by body.
fn add_scaled(x: &mut [Vec3], s: f64, b: &[Vec3]) {
    for (x, b) in x.iter_mut().zip(b) {
        for k in 0..3 {
            x[k] += s * b[k];
        }
    }
}

/// Advances `system` by `frames * steps_per_frame` RK2 (midpoint) steps of `dt` and returns
/// the positions after every frame: `frames * n` entries, frame by frame.
pub fn simulate(
    system: &mut System,
    frames: usize,
    steps_per_frame: usize,
    dt: f64,
    method: Method,
) -> Vec<Vec3> {
    let n = system.pos.len();
    let mut trajectory = Vec::with_capacity(frames * n);
    let (mut acc, mut pos_half, mut vel_half) =
        (vec![[0.0; 3]; n], vec![[0.0; 3]; n], vec![[0.0; 3]; n]);
    for _ in 0..frames {
        for _ in 0..steps_per_frame {
            // Half a step with the derivatives at the start...
            method.accelerations(&system.pos, &system.mass, &mut acc);
            axpy(&mut pos_half, &system.pos, 0.5 * dt, &system.vel);
            axpy(&mut vel_half, &system.vel, 0.5 * dt, &acc);
            // ...then the whole step with the derivatives at the midpoint.
            method.accelerations(&pos_half, &system.mass, &mut acc);
            add_scaled(&mut system.pos, dt, &vel_half);
            add_scaled(&mut system.vel, dt, &acc);
        }
        trajectory.extend_from_slice(&system.pos);
    }
    trajectory
}

/// Steps per frame for the course's tframe and dt: 10.
pub fn steps_per_frame() -> usize {
    (TFRAME / DT).round() as usize
}

/// Kinetic plus potential energy: sum m v^2 / 2 - sum over pairs m_i m_j / r_ij.
pub fn energy(system: &System) -> f64 {
    let n = system.pos.len();
    let mut e = 0.0;
    for i in 0..n {
        let v = system.vel[i];
        e += 0.5 * system.mass[i] * (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        for j in i + 1..n {
            let (a, b) = (system.pos[i], system.pos[j]);
            let r = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt();
            e -= system.mass[i] * system.mass[j] / r;
        }
    }
    e
}

/// Total momentum, sum m v.
pub fn momentum(system: &System) -> Vec3 {
    let mut p = [0.0; 3];
    for (v, m) in system.vel.iter().zip(&system.mass) {
        for k in 0..3 {
            p[k] += m * v[k];
        }
    }
    p
}
