//! Chapter 15 exercise: the course's velocity conversion, spherical components (latitude,
//! longitude, radial) to Cartesian ones at every point of a grid.
//!
//! Fill in the functions below, in order, until `cargo test` in this folder passes;
//! `cargo workbook check velocity` runs the same tests and summarises them. The chapter in the
//! book is `book/src/15_velocity.md`. Every array is stored as the course's NumPy arrays are,
//! `[nlat][nr][nlon]` with longitude fastest: point (latitude i, radius j, longitude k) is at
//! `grid.index(i, j, k) = (i * nr + j) * nlon + k`. Each kernel writes every point of `out`.

/// Given: the grid's axes, the course's fields (`Spherical::course`), the output arrays and
/// the rotation at one point. `to_triples` and `from_triples` change the layout.
pub use velocity_solution::{Cartesian, Grid, Spherical, from_triples, rotate, to_triples};

/// Given: the course's first loop, latitude, longitude, then radius innermost, with every sine
/// and cosine computed again at every point. The baseline of the speed-ups.
pub fn velocity_naive(grid: &Grid, v: &Spherical, out: &mut Cartesian) {
    let (nlat, nlon, nr) = (grid.latitude.len(), grid.longitude.len(), grid.radius.len());
    for i in 0..nlat {
        for k in 0..nlon {
            for j in 0..nr {
                let p = grid.index(i, j, k);
                let (lat, lon) = (grid.latitude[i], grid.longitude[k]);
                let [vx, vy, vz] = rotate(
                    (lat.to_radians().sin(), lat.to_radians().cos()),
                    (lon.to_radians().sin(), lon.to_radians().cos()),
                    v.vlat[p],
                    v.vlon[p],
                    v.vrad[p],
                );
                out.vx[p] = vx;
                out.vy[p] = vy;
                out.vz[p] = vz;
            }
        }
    }
}

/// The course's second loop: compute the sines and cosines once per latitude and once per
/// longitude (two small tables), and keep the loops in the same order as `velocity_naive`.
pub fn velocity_hoisted(grid: &Grid, v: &Spherical, out: &mut Cartesian) {
    todo!("tables of sines and cosines, then the naive loops")
}

/// The hoisted loop with the loops in the order the arrays lie in memory: latitude, radius,
/// then longitude innermost.
pub fn velocity_ordered(grid: &Grid, v: &Spherical, out: &mut Cartesian) {
    todo!("the hoisted loop, longitude innermost")
}

/// The ordered loop on every core, with rayon: the rows of `nlon` points (one latitude, one
/// radius) are independent.
pub fn velocity_parallel(grid: &Grid, v: &Spherical, out: &mut Cartesian) {
    todo!("the ordered loop over rows in parallel")
}
