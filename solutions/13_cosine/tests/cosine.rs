//! The cosine chapter tests, run against the reference solution.
use cosine_solution as cosine;

include!("../../../exercises/13_cosine/tests/cosine.rs");
