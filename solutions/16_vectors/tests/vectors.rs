//! Chapter 16's tests, run against the reference solution.
use vectors_solution as vectors;

include!("../../../exercises/16_vectors/tests/vectors.rs");
