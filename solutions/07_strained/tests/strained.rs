//! Chapter 7's tests, run against the reference solution.
use strained_solution as strained;

include!("../../../exercises/07_strained/tests/strained.rs");
