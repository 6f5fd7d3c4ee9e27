//! What Part II's three crystal chapters share: their parameters, their memory needs, and the
//! `crystal` exercise crate, whose modules follow the book's chapters. The inputs, jobs and
//! axes are chapter 1's ([`super::laue`]).

use crate::chapter::{Param, Values};

pub const PARAMS: &[Param] = &[
    Param {
        name: "n",
        default: 32,
        quick: 6,
        max: 1 << 12,
        help: "unit cells across the crystal (N)",
    },
    Param {
        name: "oversampling",
        default: 3,
        quick: 2,
        max: 64,
        help: "samples per Laue fringe; the grid is (oversampling * N) squared",
    },
];

/// Bytes the direct sums and the matrix product need: two result grids (yours and the
/// reference, compared), the cells' positions, and the product's two tables of exponentials
/// (one row of N^2 cells, at most, per grid row and column).
pub fn bytes_needed(values: &Values) -> u128 {
    let n = values.get("n") as u128;
    let side = n * values.get("oversampling") as u128;
    2 * super::laue::grid_bytes(values) + n * n * 16 + 2 * side * n * n * 16
}
