//! Chapter 6's tests, run against the reference solution.
use circle_solution as circle;

include!("../../../exercises/06_circle/tests/circle.rs");
