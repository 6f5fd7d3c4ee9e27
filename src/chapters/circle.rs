//! Part II, "Circle and strain": the circular crystal without strain, and what a branch on the
//! support costs.

use super::crystal::{PARAMS, bytes_needed};
use super::laue::{H, Inputs, K, job};
use crate::chapter::{Chapter, Kernel, Measurement, Param, Values, Workload};
use anyhow::Result;
use std::sync::Arc;

pub struct Circle;

impl Chapter for Circle {
    fn slug(&self) -> &'static str {
        "circle"
    }
    fn title(&self) -> &'static str {
        "Circle and strain: the circular crystal"
    }
    fn page(&self) -> &'static str {
        "circle.md"
    }
    fn crate_name(&self) -> &'static str {
        "crystal"
    }
    fn params(&self) -> &'static [Param] {
        PARAMS
    }
    fn bytes_needed(&self, values: &Values) -> u128 {
        bytes_needed(values)
    }
    fn measurements(&self) -> &'static [Measurement] {
        &[Measurement {
            file: "circle-bench.txt",
            args: &["bench", "circle", "--solution"],
        }]
    }
    fn workload(&self, values: &Values) -> Result<Workload> {
        let inputs = Arc::new(Inputs::new(values));
        let side = inputs.h.len();
        Ok(Workload {
            summary: format!(
                "circular crystal, N = {}, oversampling {}: {side} x {side} grid around (H, K) = ({H}, {K})",
                inputs.n,
                values.get("oversampling")
            ),
            kernels: vec![
                Kernel::exercise(
                    "naive",
                    "the square's four loops with a branch on the support",
                    "circle_naive",
                    job(&inputs, crystal::circle::circle_naive),
                    job(&inputs, crystal_solution::circle::circle_naive),
                ),
                Kernel::reference_only(
                    "masked",
                    "every exponential computed, multiplied by the support (0 or 1)",
                    job(&inputs, crystal_solution::circle::circle_masked),
                ),
                Kernel::reference_only(
                    "cells",
                    "the cells inside listed once, the loop runs over the list",
                    job(&inputs, crystal_solution::circle::circle_cells),
                ),
            ],
        })
    }
}
