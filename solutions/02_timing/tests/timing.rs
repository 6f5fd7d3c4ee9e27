//! The chapter 2 tests, run against the reference solution.
use timing_solution as timing;

include!("../../../exercises/02_timing/tests/timing.rs");
