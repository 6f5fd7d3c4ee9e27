//! The same grid with the per-point kernel reached through each kind of call. Every variant
//! computes the same counts; what differs is what the compiler knows at the call.
//!
//! `std::hint::black_box` on a function pointer or a trait object hides which function it
//! is: without it, the optimiser sees the constant and calls the function directly (or inlines
//! it), and the variant would measure nothing. A program that picks its kernel at run time
//! (from a flag, a plugin, a table) is in the hidden case for real.

use crate::{Plane, escape_time};
use std::hint::black_box;

// ANCHOR: generic
/// The grid through any per-point function `point(cx, cy, max_iter)`. `F` is a type parameter:
/// the compiler makes one copy of this loop per function passed (monomorphisation), in which
/// the call is direct and, for a small function, inlined.
pub fn grid_with<F: Fn(f64, f64, u32) -> u32>(plane: &Plane, point: F) -> Vec<u32> {
    let mut counts = Vec::with_capacity(plane.points());
    for i in 0..plane.height {
        let cy = plane.im_at(i);
        for j in 0..plane.width {
            counts.push(point(plane.re_at(j), cy, plane.max_iter));
        }
    }
    counts
}

/// [`escape_time`] through the generic loop: the same machine code as the naive grid.
pub fn mandelbrot_generic(plane: &Plane) -> Vec<u32> {
    grid_with(plane, escape_time)
}
// ANCHOR_END: generic

// ANCHOR: inline_never
/// [`escape_time`]'s body in a function the compiler may not inline: a direct call per point.
#[inline(never)]
fn escape_time_not_inlined(cx: f64, cy: f64, max_iter: u32) -> u32 {
    escape_time(cx, cy, max_iter)
}

/// The generic loop with a call per point that stays a call: what inlining was worth.
pub fn mandelbrot_inline_never(plane: &Plane) -> Vec<u32> {
    grid_with(plane, escape_time_not_inlined)
}
// ANCHOR_END: inline_never

// ANCHOR: fn_pointer
/// The grid through a function pointer: one loop for every function of this signature, an
/// indirect call per point, nothing inlined.
pub fn grid_fn_pointer(plane: &Plane, point: fn(f64, f64, u32) -> u32) -> Vec<u32> {
    grid_with(plane, point)
}

/// [`escape_time`] through a pointer whose target the compiler cannot see.
pub fn mandelbrot_fn_pointer(plane: &Plane) -> Vec<u32> {
    grid_fn_pointer(plane, black_box(escape_time as fn(f64, f64, u32) -> u32))
}
// ANCHOR_END: fn_pointer

// ANCHOR: dyn
/// A per-point kernel as a trait: `&dyn Escape` is a pointer to the data and one to a table
/// of its methods (a vtable).
pub trait Escape {
    fn escape(&self, cx: f64, cy: f64, max_iter: u32) -> u32;
}

/// The course's kernel as an [`Escape`].
pub struct Course;

impl Escape for Course {
    fn escape(&self, cx: f64, cy: f64, max_iter: u32) -> u32 {
        escape_time(cx, cy, max_iter)
    }
}

/// The grid through a trait object: per point, the method's address is read from the vtable
/// and called.
pub fn grid_dyn(plane: &Plane, point: &dyn Escape) -> Vec<u32> {
    grid_with(plane, |cx, cy, max_iter| point.escape(cx, cy, max_iter))
}

/// [`Course`] behind a `&dyn Escape` whose type the compiler cannot see.
pub fn mandelbrot_dyn(plane: &Plane) -> Vec<u32> {
    grid_dyn(plane, black_box(&Course as &dyn Escape))
}
// ANCHOR_END: dyn

// ANCHOR: boxed_closure
/// A fresh `Box<dyn Fn>` per point, made and called: an allocation, a free and an indirect call
/// for every point, the way an interpreter makes a new object for every value it hands on.
pub fn mandelbrot_boxed_closure(plane: &Plane) -> Vec<u32> {
    let max_iter = plane.max_iter;
    grid_with(plane, |cx, cy, _| {
        let point: Box<dyn Fn() -> u32> = Box::new(move || escape_time(cx, cy, max_iter));
        // Hidden, or the compiler would see through the box and skip the allocation.
        black_box(point)()
    })
}
// ANCHOR_END: boxed_closure
