//! The chapter 1 tests, run against the reference solution.
use laue_solution as laue;

include!("../../../exercises/01_laue/tests/laue.rs");
