//! The Part II tests (temporaries), run against the reference solution.
use crystal_solution as crystal;

include!("../../../exercises/crystal/tests/temporaries.rs");
