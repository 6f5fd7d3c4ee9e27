//! The Part II tests (cores), run against the reference solution.
use crystal_solution as crystal;

include!("../../../exercises/crystal/tests/cores.rs");
