//! Chapter 9's tests, run against the reference solution.
use compiler_solution as compiler;

include!("../../../exercises/09_compiler/tests/sincos.rs");
