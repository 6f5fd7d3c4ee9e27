//! Several points of a row in lockstep. One point's iterations form a chain: each step needs
//! the one before, and the step's three dependent operations (multiply, subtract, add) each
//! wait a few cycles for the one before it. The core could start other work meanwhile but has
//! none. Points are independent of each other, so stepping [`LANES`] of them together gives it
//! [`LANES`] chains to overlap, with the very same operations on each point: the same counts.

use crate::{LIMIT, Plane, escape_time};

/// Points stepped together: four chains of x and y fill the two arithmetic units' pipelines of
/// the machines this book was measured on, and the compiler packs pairs of them in 2-wide
/// vector registers.
pub const LANES: usize = 4;

// ANCHOR: lanes
/// [`escape_time`] of `LANES` points of one row at once. A point that has escaped keeps
/// stepping with the others (its values run off to infinity, harmlessly) but its count stops;
/// the loop ends when every point has escaped or the cut-off is reached.
pub fn escape_time_lanes(cx: [f64; LANES], cy: f64, max_iter: u32) -> [u32; LANES] {
    let (mut x, mut y) = ([0.0_f64; LANES], [0.0_f64; LANES]);
    let mut count = [0_u32; LANES];
    let mut inside = [true; LANES];
    for _ in 0..max_iter {
        for k in 0..LANES {
            let (x2, y2) = (x[k] * x[k], y[k] * y[k]);
            // Once out, out for good: the count is the number of steps taken inside.
            inside[k] &= x2 + y2 < LIMIT * LIMIT;
            count[k] += u32::from(inside[k]);
            (x[k], y[k]) = (x2 - y2 + cx[k], 2.0 * x[k] * y[k] + cy);
        }
        if inside == [false; LANES] {
            break;
        }
    }
    count
}

/// The naive grid with each row taken `LANES` points at a time (the last few one by one).
pub fn mandelbrot_lanes(plane: &Plane) -> Vec<u32> {
    let mut counts = vec![0; plane.points()];
    if plane.width == 0 {
        return counts;
    }
    for (i, row) in counts.chunks_exact_mut(plane.width).enumerate() {
        let cy = plane.im_at(i);
        let mut quads = row.chunks_exact_mut(LANES);
        for (q, quad) in quads.by_ref().enumerate() {
            let cx = std::array::from_fn(|k| plane.re_at(q * LANES + k));
            quad.copy_from_slice(&escape_time_lanes(cx, cy, plane.max_iter));
        }
        let done = plane.width - quads.into_remainder().len();
        for (j, count) in row.iter_mut().enumerate().skip(done) {
            *count = escape_time(plane.re_at(j), cy, plane.max_iter);
        }
    }
    counts
}
// ANCHOR_END: lanes
