//! Chapter 17's tests (mandelbrot), run against the reference solution.
use mandelbrot_solution as mandelbrot;

include!("../../../exercises/17_mandelbrot/tests/mandelbrot.rs");
