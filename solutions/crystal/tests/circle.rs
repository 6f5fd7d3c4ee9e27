//! The Part II tests (circle), run against the reference solution.
use crystal_solution as crystal;

include!("../../../exercises/crystal/tests/circle.rs");
