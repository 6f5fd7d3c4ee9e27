//! Tests of the kernels that only the reference solution has: each one against the
//! straightforward version, within the tolerance of the exercises.

use velocity_solution::{
    Cartesian, Grid, Spherical, from_triples, to_triples, velocity_materialised, velocity_naive,
    velocity_triples,
};

include!("../../../exercises/15_velocity/tests/common/mod.rs");

#[test]
fn materialised_matches_naive() {
    agrees("materialised", velocity_naive, velocity_materialised);
    closed_forms("materialised", velocity_materialised);
}

#[test]
fn triples_matches_naive() {
    fn triples(grid: &Grid, v: &Spherical, out: &mut Cartesian) {
        let mut t = vec![[f64::NAN; 3]; grid.points()];
        velocity_triples(grid, &to_triples(v), &mut t);
        *out = from_triples(&t);
    }
    agrees("triples", velocity_naive, triples);
    closed_forms("triples", triples);
}

#[test]
fn the_course_fields_are_legendre_polynomials() {
    let grid = Grid::new(3, 3, 3);
    let v = Spherical::course(&grid);
    // Latitudes -90, 0, 90: P3(-1) = -1, P3(0) = 0, P3(1) = 1. Longitudes 0, 180, 360:
    // P2(-1) = 1, P2(0) = -1/2, P2(1) = 1. Radii 3485, 4928, 6371: P3(-1), P3(0), P3(1).
    assert_eq!(v.vlat[grid.index(0, 1, 2)], -1.0);
    assert_eq!(v.vlat[grid.index(2, 0, 0)], 1.0);
    assert_eq!(v.vlon[grid.index(1, 1, 1)], -0.5);
    assert_eq!(v.vlon[grid.index(0, 2, 2)], 1.0);
    assert_eq!(v.vrad[grid.index(2, 0, 1)], -1.0);
    assert_eq!(v.vrad[grid.index(0, 1, 1)], 0.0);
    assert_eq!(v.vrad[grid.index(1, 2, 0)], 1.0);
}
