//! Chapter 5 reference solution: N bodies under gravity (G = 1), integrated with the RK2
//! midpoint method; the straightforward accelerations, the fix the profile points to, and a
//! parallel version.

mod vector;

pub use vector::simulate_at;

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

// ANCHOR: naive
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
// ANCHOR_END: naive

// ANCHOR: pairs
/// The same accelerations, each pair visited once: the pull of j on i is minus the pull of i
/// on j (Newton's third law), so one square root and one division serve both bodies.
/// Writes into `acc`, which the caller allocates once.
#[inline(never)]
pub fn accelerations(pos: &[Vec3], mass: &[f64], acc: &mut [Vec3]) {
    acc.fill([0.0; 3]);
    for i in 0..pos.len() {
        let (pi, mi) = (pos[i], mass[i]);
        let mut ai = [0.0; 3];
        for j in i + 1..pos.len() {
            let d = [pos[j][0] - pi[0], pos[j][1] - pi[1], pos[j][2] - pi[2]];
            let r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
            // d / r^3 is the direction divided by r^2.
            let inv_r3 = 1.0 / (r2 * r2.sqrt());
            let (wi, wj) = (mass[j] * inv_r3, mi * inv_r3);
            for k in 0..3 {
                ai[k] += wi * d[k];
                acc[j][k] -= wj * d[k];
            }
        }
        for k in 0..3 {
            acc[i][k] += ai[k];
        }
    }
}
// ANCHOR_END: pairs

// ANCHOR: parallel
/// The accelerations with one rayon task per body. Each body sums over every other body (the
/// pair trick would make two tasks write to the same body), so this does twice the arithmetic
/// of [`accelerations`] and only pays when there are enough bodies to share it out.
pub fn accelerations_parallel(pos: &[Vec3], mass: &[f64], acc: &mut [Vec3]) {
    acc.par_iter_mut().enumerate().for_each(|(i, ai)| {
        let pi = pos[i];
        let mut sum = [0.0; 3];
        for (j, (pj, mj)) in pos.iter().zip(mass).enumerate() {
            if i == j {
                continue;
            }
            let d = [pj[0] - pi[0], pj[1] - pi[1], pj[2] - pi[2]];
            let r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
            let w = mj / (r2 * r2.sqrt());
            for k in 0..3 {
                sum[k] += w * d[k];
            }
        }
        *ai = sum;
    });
}
// ANCHOR_END: parallel

/// Which accelerations a run uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Naive,
    Pairs,
    Parallel,
    /// The whole run on the widest vectors the CPU has (chapter 16): [`simulate_at`].
    Vector,
}

impl Method {
    fn accelerations(self, pos: &[Vec3], mass: &[f64], acc: &mut [Vec3]) {
        match self {
            Method::Naive => acc.copy_from_slice(&accelerations_naive(pos, mass)),
            Method::Pairs => accelerations(pos, mass, acc),
            Method::Parallel => accelerations_parallel(pos, mass, acc),
            Method::Vector => unreachable!("`simulate` hands the whole run to `simulate_at`"),
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

// ANCHOR: rk2
/// Advances `system` by `frames * steps_per_frame` RK2 (midpoint) steps of `dt` and returns
/// the positions after every frame: `frames * n` entries, frame by frame.
pub fn simulate(
    system: &mut System,
    frames: usize,
    steps_per_frame: usize,
    dt: f64,
    method: Method,
) -> Vec<Vec3> {
    if method == Method::Vector {
        return simulate_at(simd::level(), system, frames, steps_per_frame, dt);
    }
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
// ANCHOR_END: rk2

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
