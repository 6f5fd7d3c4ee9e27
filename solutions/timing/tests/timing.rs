//! The chapter 2 tests, run against the reference solution.
use timing_solution as timing;

include!("../../../exercises/timing/tests/timing.rs");
