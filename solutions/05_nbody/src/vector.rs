//! The whole integrator on vectors: bodies stored as columns (all x, then all y, ...), the
//! accelerations of `S::LANES` bodies at once, and the instruction set chosen once per run.
//! Chapter 16 explains it; chapter 5's `accelerations` is the scalar version it is checked
//! against.

use crate::{System, Vec3};
use simd::{Kernel, Level, Simd, Vector};

/// The smallest squared distance a pair is given. The padding bodies all sit at the origin,
/// and a body may too: the floor keeps such a pair's weight finite, and its difference of 0
/// makes its pull 0, without a branch. Bodies closer than 1e-15 would be wrong; gravity without
/// softening means nothing there anyway.
const R2_FLOOR: f64 = 1e-30;

/// Bodies, one column per coordinate, padded with bodies of no mass at the origin.
#[derive(Clone)]
struct Columns {
    c: [Vec<f64>; 3],
}

impl Columns {
    fn zeros(padded: usize) -> Columns {
        Columns {
            c: std::array::from_fn(|_| vec![0.0; padded]),
        }
    }

    fn from_rows(rows: &[Vec3], padded: usize) -> Columns {
        let mut out = Columns::zeros(padded);
        for (i, r) in rows.iter().enumerate() {
            for (column, &value) in out.c.iter_mut().zip(r) {
                column[i] = value;
            }
        }
        out
    }

    fn rows(&self, n: usize) -> impl Iterator<Item = Vec3> + '_ {
        (0..n).map(|i| [self.c[0][i], self.c[1][i], self.c[2][i]])
    }
}

/// The widest vector any level uses, so that one padding serves all.
const PAD: usize = 8;

// ANCHOR: accelerations
/// The accelerations, each pair once as in chapter 5's `accelerations`: for every body `i`,
/// the bodies after it `S::LANES` at a time; their pulls on `i` summed in vectors (added across
/// lanes at the end), `i`'s pulls on them added to their columns in place. One `1 / r` per
/// `S::LANES` pairs.
#[inline(always)]
fn accelerations<S: Simd>(s: S, pos: &Columns, mass: &[f64], n: usize, acc: &mut Columns) {
    for column in &mut acc.c {
        column.fill(0.0);
    }
    let floor = s.splat(R2_FLOOR);
    let [x, y, z] = &pos.c;
    let [ax, ay, az] = &mut acc.c;
    // No closures in here (`[0, 1, 2].map(|k| ..)`): a closure is a function of its own,
    // compiled for the baseline, where every vector operation becomes a call: it measured
    // several times slower than chapter 5's scalar loop.
    for i in 0..n {
        let (xi, yi, zi) = (s.splat(x[i]), s.splat(y[i]), s.splat(z[i]));
        let mi = s.splat(mass[i]);
        let (mut sx, mut sy, mut sz) = (s.splat(0.0), s.splat(0.0), s.splat(0.0));
        // The last vector may reach past n into the padding: bodies of no mass, which pull
        // nothing, and whose accelerations are never read.
        for j in (i + 1..n).step_by(S::LANES) {
            let (dx, dy, dz) = (
                s.load(&x[j..]) - xi,
                s.load(&y[j..]) - yi,
                s.load(&z[j..]) - zi,
            );
            let r2 = dx.mul_add(dx, dy.mul_add(dy, dz * dz));
            let inv_r = r2.max(floor).rsqrt();
            let inv_r3 = inv_r * inv_r * inv_r;
            let (wi, wj) = (s.load(&mass[j..]) * inv_r3, mi * inv_r3);
            sx = dx.mul_add(wi, sx);
            sy = dy.mul_add(wi, sy);
            sz = dz.mul_add(wi, sz);
            s.store((-dx).mul_add(wj, s.load(&ax[j..])), &mut ax[j..]);
            s.store((-dy).mul_add(wj, s.load(&ay[j..])), &mut ay[j..]);
            s.store((-dz).mul_add(wj, s.load(&az[j..])), &mut az[j..]);
        }
        ax[i] += sx.sum();
        ay[i] += sy.sum();
        az[i] += sz.sum();
    }
}
// ANCHOR_END: accelerations

/// `out = a + s b`, column by column: plain loops, which the compiler vectorises for the
/// instruction set the kernel is compiled for.
#[inline(always)]
fn axpy(out: &mut Columns, a: &Columns, s: f64, b: &Columns) {
    for k in 0..3 {
        for ((o, a), b) in out.c[k].iter_mut().zip(&a.c[k]).zip(&b.c[k]) {
            *o = a + s * b;
        }
    }
}

/// `x += s b`, column by column.
#[inline(always)]
fn add_scaled(x: &mut Columns, s: f64, b: &Columns) {
    for k in 0..3 {
        for (x, b) in x.c[k].iter_mut().zip(&b.c[k]) {
            *x += s * b;
        }
    }
}

/// A whole run, the instruction set chosen once for it.
struct Run<'a> {
    system: &'a mut System,
    frames: usize,
    steps_per_frame: usize,
    dt: f64,
}

impl Kernel for Run<'_> {
    type Output = Vec<Vec3>;
    #[inline(always)]
    fn run<S: Simd>(self, s: S) -> Vec<Vec3> {
        let sys = self.system;
        let n = sys.pos.len();
        // Room for a whole vector that starts at the last body.
        let padded = n + PAD;
        let mut pos = Columns::from_rows(&sys.pos, padded);
        let mut vel = Columns::from_rows(&sys.vel, padded);
        let mut mass = sys.mass.clone();
        mass.resize(padded, 0.0);
        let (mut acc, mut pos_half, mut vel_half) = (
            Columns::zeros(padded),
            Columns::zeros(padded),
            Columns::zeros(padded),
        );
        let dt = self.dt;
        let mut trajectory = Vec::with_capacity(self.frames * n);
        for _ in 0..self.frames {
            for _ in 0..self.steps_per_frame {
                // The RK2 midpoint step of chapter 5, on columns.
                accelerations(s, &pos, &mass, n, &mut acc);
                axpy(&mut pos_half, &pos, 0.5 * dt, &vel);
                axpy(&mut vel_half, &vel, 0.5 * dt, &acc);
                accelerations(s, &pos_half, &mass, n, &mut acc);
                add_scaled(&mut pos, dt, &vel_half);
                add_scaled(&mut vel, dt, &acc);
            }
            trajectory.extend(pos.rows(n));
        }
        sys.pos = pos.rows(n).collect();
        sys.vel = vel.rows(n).collect();
        trajectory
    }
}

/// [`crate::simulate`] with the accelerations on vectors of `level`'s instructions, the whole
/// integrator compiled for them.
pub fn simulate_at(
    level: Level,
    system: &mut System,
    frames: usize,
    steps_per_frame: usize,
    dt: f64,
) -> Vec<Vec3> {
    level.run(Run {
        system,
        frames,
        steps_per_frame,
        dt,
    })
}
