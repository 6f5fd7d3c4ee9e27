//! The Part II tests (algorithm), run against the reference solution.
use crystal_solution as crystal;

include!("../../../exercises/crystal/tests/algorithm.rs");
