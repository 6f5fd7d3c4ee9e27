//! Chapter 17 reference solution: the course's Mandelbrot escape-time kernel (seed 002) on a
//! grid of the complex plane, the grid's rows split over the cores three ways, and the same
//! kernel reached through every kind of call Rust offers.
//!
//! The same API as the exercise crate `mandelbrot`; the tests in `exercises/17_mandelbrot/tests`
//! run against both. Every grid is stored row by row: `counts[i * width + j]` is the count of
//! the point `plane.re_at(j) + i * plane.im_at(i)`.

mod boxed;
mod dispatch;
mod lanes;
mod split;

pub use boxed::{Value, mandelbrot_boxed_values, mandelbrot_values};
pub use dispatch::{
    Course, Escape, grid_dyn, grid_fn_pointer, grid_with, mandelbrot_boxed_closure, mandelbrot_dyn,
    mandelbrot_fn_pointer, mandelbrot_generic, mandelbrot_inline_never,
};
pub use lanes::{LANES, escape_time_lanes, mandelbrot_lanes};
pub use split::{
    block_rows, mandelbrot_balanced, mandelbrot_blocks, mandelbrot_interleaved, mandelbrot_par_rows,
};

/// The course's escape radius: a point has escaped once |z| reaches 2.
pub const LIMIT: f64 = 2.0;

/// A `width x height` grid over a rectangle of the complex plane, and the cut-off.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plane {
    /// Points along the real axis (the columns).
    pub width: usize,
    /// Points along the imaginary axis (the rows).
    pub height: usize,
    /// The most iterations a point is given: points still bounded then count as in the set.
    pub max_iter: u32,
    /// The real axis from its first to its last point.
    pub re: (f64, f64),
    /// The imaginary axis from its first to its last point.
    pub im: (f64, f64),
}

impl Plane {
    /// The whole set: real parts from -2 to 1, imaginary parts from -1.5 to 1.5.
    pub fn new(width: usize, height: usize, max_iter: u32) -> Plane {
        Plane {
            width,
            height,
            max_iter,
            re: (-2.0, 1.0),
            im: (-1.5, 1.5),
        }
    }

    /// The upper half of the set, imaginary parts from 0 to 1.5: all there is to compute, since
    /// the lower half is its mirror image. The chapter's grid: its rows near the real axis
    /// cross the set and its top rows are far from it, so contiguous halves of the rows are
    /// unequal work.
    pub fn upper_half(width: usize, height: usize, max_iter: u32) -> Plane {
        Plane {
            im: (0.0, 1.5),
            ..Plane::new(width, height, max_iter)
        }
    }

    /// The real part of column `j`.
    pub fn re_at(&self, j: usize) -> f64 {
        axis(self.re, self.width, j)
    }

    /// The imaginary part of row `i`.
    pub fn im_at(&self, i: usize) -> f64 {
        axis(self.im, self.height, i)
    }

    /// The number of points.
    pub fn points(&self) -> usize {
        self.width * self.height
    }
}

/// Point `k` of `n` from `first` to `last`, as the centre plus an odd or even multiple of half
/// a step: rows `i` and `n - 1 - i` get the same multiple with opposite signs, so a window
/// centred on the real axis gives exactly opposite imaginary parts, and the set's symmetry
/// holds to the last bit (`first + k * step` would round the two differently).
fn axis((first, last): (f64, f64), n: usize, k: usize) -> f64 {
    let centre = 0.5 * (first + last);
    if n < 2 {
        return centre;
    }
    let half_step = (last - first) / (2 * (n - 1)) as f64;
    centre + half_step * (2.0 * k as f64 - (n - 1) as f64)
}

// ANCHOR: escape_time
/// The course's kernel: the number of steps `z -> z^2 + c`, from `z = 0`, before `|z|` reaches
/// [`LIMIT`], or `max_iter` if it never does. `c = cx + i cy`.
pub fn escape_time(cx: f64, cy: f64, max_iter: u32) -> u32 {
    let (mut x, mut y) = (0.0_f64, 0.0_f64);
    let mut count = 0;
    while x * x + y * y < LIMIT * LIMIT && count < max_iter {
        (x, y) = (x * x - y * y + cx, 2.0 * x * y + cy);
        count += 1;
    }
    count
}
// ANCHOR_END: escape_time

// ANCHOR: naive
/// The straightforward grid: every row, every point, one call of [`escape_time`] each.
pub fn mandelbrot_naive(plane: &Plane) -> Vec<u32> {
    let mut counts = Vec::with_capacity(plane.points());
    for i in 0..plane.height {
        let cy = plane.im_at(i);
        for j in 0..plane.width {
            counts.push(escape_time(plane.re_at(j), cy, plane.max_iter));
        }
    }
    counts
}
// ANCHOR_END: naive

/// Row `i` of the grid into `row` (`plane.width` counts): what every parallel split hands out.
pub fn fill_row(plane: &Plane, i: usize, row: &mut [u32]) {
    let cy = plane.im_at(i);
    for (j, count) in row.iter_mut().enumerate() {
        *count = escape_time(plane.re_at(j), cy, plane.max_iter);
    }
}

/// The iterations a grid took, all points together: the work the kernels share.
pub fn iterations(counts: &[u32]) -> u64 {
    counts.iter().map(|&c| u64::from(c)).sum()
}
