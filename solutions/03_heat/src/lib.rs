//! Chapter 3 reference solution: the 2-D heat equation, explicit in time, and a fast `evolve`.

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

// ANCHOR: slow
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
// ANCHOR_END: slow

// ANCHOR: fast
/// The same step into a field the caller owns: row by row, in the order the data lies in
/// memory, on slices that the compiler can check once per row instead of once per point.
/// The edges of `next` are left as they are (they never change).
#[inline(never)]
pub fn evolve(next: &mut Field, u: &Field, p: &Params) {
    let cols = u.cols;
    let factor = p.a * p.dt;
    for i in 1..u.rows - 1 {
        let up = &u.data[(i - 1) * cols..i * cols];
        let row = &u.data[i * cols..(i + 1) * cols];
        let down = &u.data[(i + 1) * cols..(i + 2) * cols];
        let out = &mut next.data[i * cols + 1..(i + 1) * cols - 1];
        // Zipped iterators carry no indices, so there is nothing left to bounds-check and the
        // loop vectorises. Same operations in the same order as evolve_slow: same bits.
        for (((o, w), u), d) in out
            .iter_mut()
            .zip(row.windows(3))
            .zip(&up[1..])
            .zip(&down[1..])
        {
            let laplacian = (d - 2.0 * w[1] + u) / p.dx2 + (w[2] - 2.0 * w[1] + w[0]) / p.dy2;
            *o = w[1] + factor * laplacian;
        }
    }
}
// ANCHOR_END: fast

/// Which `evolve` a run uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Slow,
    Fast,
}

// ANCHOR: run
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
// ANCHOR_END: run
