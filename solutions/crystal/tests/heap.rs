//! The Part II tests (heap), run against the reference solution.
use crystal_solution as crystal;

include!("../../../exercises/crystal/tests/heap.rs");
