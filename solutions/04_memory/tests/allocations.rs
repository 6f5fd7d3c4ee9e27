//! The chapter 4 tests, run against the reference solution.
use memory_solution as memory;

include!("../../../exercises/04_memory/tests/allocations.rs");
