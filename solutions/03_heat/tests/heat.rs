//! The chapter 3 tests, run against the reference solution.
use heat_solution as heat;

include!("../../../exercises/03_heat/tests/heat.rs");
