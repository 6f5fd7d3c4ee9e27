//! The cosine chapter tests, run against the reference solution.
use cosine_solution as cosine;

include!("../../../exercises/cosine/tests/cosine.rs");
