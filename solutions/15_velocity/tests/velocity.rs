//! Chapter 15's tests (velocity), run against the reference solution.
use velocity_solution as velocity;

include!("../../../exercises/15_velocity/tests/velocity.rs");
