//! The chapter 14 tests, run against the reference solution.
use bindings_solution as bindings;

include!("../../../exercises/14_bindings/tests/inputs.rs");
