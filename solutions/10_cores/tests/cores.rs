//! Chapter 10's tests, run against the reference solution.
use cores_solution as cores;

include!("../../../exercises/10_cores/tests/cores.rs");
