//! Chapter 3 exercise: the 2-D heat equation, explicit in time.
//!
//! Everything here works except [`evolve`]: write it so that it gives the same field as
//! [`evolve_slow`], faster. `cargo test` in this folder checks it against `evolve_slow`, and
//! `cargo workbook check heat` runs the tests and summarises them; the chapter in the book
//! (`book/src/03_heat.md`) explains the scheme. `cargo workbook flamegraph heat slow` and
//! `cargo workbook run heat fast --phases` show where the time goes.

use tracing::info_span;

/// A temperature field of `rows x cols` points, stored row by row: `data[i * cols + j]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub rows: usize,
    pub cols: usize,
    pub data: Vec<f64>,
}

/// The material and the grid: diffusivity `a`, squared spacings, and the largest stable step.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    pub a: f64,
    pub dx2: f64,
    pub dy2: f64,
    pub dt: f64,
}

impl Params {
    /// The course's values: a = 0.5, dx = dy = 0.01, and the time step at the stability limit
    /// of the explicit scheme, dt = dx^2 dy^2 / (2 a (dx^2 + dy^2)).
    pub fn course() -> Self {
        let (a, dx2, dy2) = (0.5, 0.01 * 0.01, 0.01 * 0.01);
        Params {
            a,
            dx2,
            dy2,
            dt: dx2 * dy2 / (2.0 * a * (dx2 + dy2)),
        }
    }
}

/// A cold plate (5 degrees) with a hot disc (65) in the middle and a hot top edge (85). The
/// edges are held at their starting temperature.
pub fn initial_field(rows: usize, cols: usize) -> Field {
    let (ci, cj) = (rows as f64 / 2.0, cols as f64 / 2.0);
    let radius2 = (rows.min(cols) as f64 / 6.0).powi(2);
    let mut data = vec![5.0; rows * cols];
    for i in 0..rows {
        for j in 0..cols {
            let (di, dj) = (i as f64 - ci, j as f64 - cj);
            if i == 0 {
                data[j] = 85.0;
            } else if di * di + dj * dj <= radius2 {
                data[i * cols + j] = 65.0;
            }
        }
    }
    Field { rows, cols, data }
}

/// One explicit time step, written the way the formula reads: a new field per step, one point
/// at a time through an index function, column by column.
#[inline(never)]
pub fn evolve_slow(u: &Field, p: &Params) -> Field {
    let at = |i: usize, j: usize| u.data[i * u.cols + j];
    let mut next = u.clone();
    for j in 1..u.cols - 1 {
        for i in 1..u.rows - 1 {
            let laplacian = (at(i + 1, j) - 2.0 * at(i, j) + at(i - 1, j)) / p.dx2
                + (at(i, j + 1) - 2.0 * at(i, j) + at(i, j - 1)) / p.dy2;
            next.data[i * u.cols + j] = at(i, j) + p.a * p.dt * laplacian;
        }
    }
    next
}

/// The same step as [`evolve_slow`], into a field the caller owns (no allocation per step).
/// Write the interior points of `next` (rows and columns `1..len - 1`) from `u`; leave the edges
/// of `next` as they are (they never change). Go through memory in order (row by row), and
/// take each row as a slice so that the compiler checks bounds once per row, not per point.
/// Keep the arithmetic of `evolve_slow` in the same order and you get the very same bits.
#[inline(never)]
pub fn evolve(next: &mut Field, u: &Field, p: &Params) {
    todo!("loop over rows, then columns, writing into next; no allocation")
}

/// Which `evolve` a run uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Slow,
    Fast,
}

/// The whole program: set up the plate, take `steps` time steps, and report the mean
/// temperature. Each phase is a tracing span, so `cargo workbook run heat slow --phases` can say
/// where the time went.
pub fn run(rows: usize, cols: usize, steps: usize, method: Method) -> (Field, f64) {
    let p = Params::course();
    let mut u = info_span!("setup").in_scope(|| initial_field(rows, cols));
    info_span!("iterate").in_scope(|| match method {
        Method::Slow => {
            for _ in 0..steps {
                u = info_span!("evolve_slow").in_scope(|| evolve_slow(&u, &p));
            }
        }
        Method::Fast => {
            let mut next = u.clone();
            for _ in 0..steps {
                info_span!("evolve").in_scope(|| evolve(&mut next, &u, &p));
                std::mem::swap(&mut u, &mut next);
            }
        }
    });
    let mean = info_span!("summary").in_scope(|| u.data.iter().sum::<f64>() / u.data.len() as f64);
    (u, mean)
}
