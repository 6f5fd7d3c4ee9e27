//! The Part II tests (sincos), run against the reference solution.
use crystal_solution as crystal;

include!("../../../exercises/crystal/tests/sincos.rs");
