//! Chapter 8's tests (heap), run against the reference solution.
use temporaries_solution as temporaries;

include!("../../../exercises/08_temporaries/tests/heap.rs");
