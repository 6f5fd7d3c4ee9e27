//! Chapter 18's tests of a rank's share, run against the reference solution.
use processes_solution as processes;

include!("../../../exercises/18_processes/tests/shares.rs");
