//! Chapter 11's tests, run against the reference solution.
use algorithm_solution as algorithm;

include!("../../../exercises/11_algorithm/tests/algorithm.rs");
