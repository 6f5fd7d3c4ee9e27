//! The Part II tests (strain), run against the reference solution.
use crystal_solution as crystal;

include!("../../../exercises/crystal/tests/strain.rs");
