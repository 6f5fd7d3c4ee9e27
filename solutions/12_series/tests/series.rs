//! The series chapter tests, run against the reference solution.
use series_solution as series;

include!("../../../exercises/12_series/tests/series.rs");
