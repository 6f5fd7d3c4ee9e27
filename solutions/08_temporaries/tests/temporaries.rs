//! Chapter 8's tests (temporaries), run against the reference solution.
use temporaries_solution as temporaries;

include!("../../../exercises/08_temporaries/tests/temporaries.rs");
