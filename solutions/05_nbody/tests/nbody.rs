//! The chapter 5 tests, run against the reference solution.
use nbody_solution as nbody;

include!("../../../exercises/05_nbody/tests/nbody.rs");
