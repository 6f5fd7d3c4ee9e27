//! Chapter 17 exercise: the course's Mandelbrot escape-time kernel (seed 002) on a grid of the
//! complex plane, on every core, and through a trait object.
//!
//! Fill in the functions below, in order, until `cargo test` in this folder passes;
//! `cargo workbook check mandelbrot` runs the same tests and summarises them. The chapter in
//! the book is `book/src/17_mandelbrot.md`. Every grid is stored row by row:
//! `counts[i * plane.width + j]` is the count of the point `plane.re_at(j) + i plane.im_at(i)`.

/// Given: the grid (`Plane::new(width, height, max_iter)` covers the whole set; `re_at(j)` and
/// `im_at(i)` are the real part of column `j` and the imaginary part of row `i`) and the
/// course's escape radius, 2.
pub use mandelbrot_solution::{LIMIT, Plane};

/// The course's kernel: starting from `z = 0`, apply `z -> z^2 + c` with `c = cx + i cy`
/// while `|z| < LIMIT` and fewer than `max_iter` steps were made; return the number of steps.
/// Write `z` as two `f64`s: `z^2 + c = (x^2 - y^2 + cx) + i (2 x y + cy)`.
pub fn escape_time(cx: f64, cy: f64, max_iter: u32) -> u32 {
    todo!("the course's while loop on two f64s")
}

/// The whole grid, row by row (row `i` has imaginary part `plane.im_at(i)`), one call of
/// `escape_time` per point. The baseline of the speed-ups.
pub fn mandelbrot_naive(plane: &Plane) -> Vec<u32> {
    todo!("two loops, escape_time at every point")
}

/// `mandelbrot_naive` on every core: one task per row, and let rayon's work stealing share
/// the rows, whose costs differ by a thousand times.
pub fn mandelbrot_balanced(plane: &Plane) -> Vec<u32> {
    todo!("rows in parallel with rayon")
}

/// Given: a per-point kernel as a trait, to be called through `&dyn Escape`.
pub trait Escape {
    fn escape(&self, cx: f64, cy: f64, max_iter: u32) -> u32;
}

/// Given: your `escape_time` as an `Escape`.
pub struct Course;

impl Escape for Course {
    fn escape(&self, cx: f64, cy: f64, max_iter: u32) -> u32 {
        escape_time(cx, cy, max_iter)
    }
}

/// The grid of `mandelbrot_naive` with every point computed by `point.escape(...)`: a call
/// through the trait object's table of methods at every point.
pub fn grid_dyn(plane: &Plane, point: &dyn Escape) -> Vec<u32> {
    todo!("mandelbrot_naive's loops, point.escape at every point")
}

/// Given: `Course` behind a `&dyn Escape` whose type the compiler cannot see (`black_box`), as
/// when a program picks its kernel at run time.
pub fn mandelbrot_dyn(plane: &Plane) -> Vec<u32> {
    grid_dyn(plane, std::hint::black_box(&Course as &dyn Escape))
}
