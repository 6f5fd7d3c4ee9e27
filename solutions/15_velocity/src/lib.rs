//! Chapter 15 reference solution: the course's velocity conversion (seed 003), spherical
//! components (latitude, longitude, radial) to Cartesian ones (x, y, z) at every point of a
//! latitude x radius x longitude grid. Per point there are a handful of multiplications and
//! 48 bytes to move (three fields read, three written): the loop is bound by memory, and the
//! kernels differ in how they walk it.
//!
//! The same API as the exercise crate `velocity`; the tests in `exercises/15_velocity/tests`
//! run against both. Every array is stored as the course's NumPy arrays are,
//! `[nlat][nr][nlon]` with longitude fastest: point (i, j, k) is at `(i * nr + j) * nlon + k`.

use rayon::prelude::*;

pub use velocity_grid::{Cartesian, Grid, Spherical, legendre2, legendre3, linspace};

// ANCHOR: rotate
/// The rotation at one point: (v_lat, v_lon, v_rad) to (v_x, v_y, v_z), given the sines and
/// cosines of its latitude and longitude. Every kernel computes exactly these expressions, in
/// this order, so that they agree to the last bit (the tests allow 1e-12).
#[inline(always)]
#[allow(clippy::too_many_arguments)]
pub fn rotate(
    (sinlat, coslat): (f64, f64),
    (sinlon, coslon): (f64, f64),
    vlat: f64,
    vlon: f64,
    vrad: f64,
) -> [f64; 3] {
    [
        -sinlon * vlon - sinlat * coslon * vlat + coslat * coslon * vrad,
        coslon * vlon - sinlat * sinlon * vlat + coslat * sinlon * vrad,
        coslat * vlat + sinlat * vrad,
    ]
}
// ANCHOR_END: rotate

// ANCHOR: naive
/// The course's first loop: latitude, longitude, then radius innermost, with every sine and
/// cosine (and every conversion to radians) computed again at every point.
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
// ANCHOR_END: naive

/// (sin, cos) of every angle of `degrees`, computed once.
pub fn sin_cos_table(degrees: &[f64]) -> Vec<(f64, f64)> {
    degrees.iter().map(|d| d.to_radians().sin_cos()).collect()
}

// ANCHOR: hoisted
/// The course's second loop: the sines and cosines once per latitude and per longitude (in
/// tables), the loops still in the course's order, radius innermost: consecutive points of the
/// inner loop lie `nlon` values apart in memory.
pub fn velocity_hoisted(grid: &Grid, v: &Spherical, out: &mut Cartesian) {
    let lat = sin_cos_table(&grid.latitude);
    let lon = sin_cos_table(&grid.longitude);
    let nr = grid.radius.len();
    for (i, &at_lat) in lat.iter().enumerate() {
        for (k, &at_lon) in lon.iter().enumerate() {
            for j in 0..nr {
                let p = grid.index(i, j, k);
                let [vx, vy, vz] = rotate(at_lat, at_lon, v.vlat[p], v.vlon[p], v.vrad[p]);
                out.vx[p] = vx;
                out.vy[p] = vy;
                out.vz[p] = vz;
            }
        }
    }
}
// ANCHOR_END: hoisted

// ANCHOR: row
/// One row of `nlon` consecutive points (one latitude, one radius): every array read and
/// written front to back, with no index to check.
#[inline(always)]
fn rotate_row(
    at_lat: (f64, f64),
    lon: &[(f64, f64)],
    (vlat, vlon, vrad): (&[f64], &[f64], &[f64]),
    (vx, vy, vz): (&mut [f64], &mut [f64], &mut [f64]),
) {
    let inputs = vlat.iter().zip(vlon).zip(vrad);
    let outputs = vx.iter_mut().zip(vy.iter_mut()).zip(vz.iter_mut());
    for ((((&a, &b), &c), ((x, y), z)), &at_lon) in inputs.zip(outputs).zip(lon) {
        [*x, *y, *z] = rotate(at_lat, at_lon, a, b, c);
    }
}
// ANCHOR_END: row

// ANCHOR: ordered
/// The hoisted loop with the loops in memory order (latitude, radius, then longitude
/// innermost): every array is read and written once, front to back, in rows of `nlon`.
pub fn velocity_ordered(grid: &Grid, v: &Spherical, out: &mut Cartesian) {
    let lat = sin_cos_table(&grid.latitude);
    let lon = sin_cos_table(&grid.longitude);
    let nlon = lon.len();
    if nlon == 0 {
        return;
    }
    let rows = v
        .vlat
        .chunks_exact(nlon)
        .zip(v.vlon.chunks_exact(nlon))
        .zip(v.vrad.chunks_exact(nlon));
    let out_rows = out
        .vx
        .chunks_exact_mut(nlon)
        .zip(out.vy.chunks_exact_mut(nlon))
        .zip(out.vz.chunks_exact_mut(nlon));
    let nr = grid.radius.len();
    for (row, (((a, b), c), ((x, y), z))) in rows.zip(out_rows).enumerate() {
        // Row `row` is latitude row / nr, radius row % nr.
        rotate_row(lat[row / nr], &lon, (a, b, c), (x, y, z));
    }
}
// ANCHOR_END: ordered

/// The inputs as one array of `[v_lat, v_lon, v_rad]` per point (an array of structures).
pub fn to_triples(v: &Spherical) -> Vec<[f64; 3]> {
    v.vlat
        .iter()
        .zip(&v.vlon)
        .zip(&v.vrad)
        .map(|((&a, &b), &c)| [a, b, c])
        .collect()
}

/// Triples `[v_x, v_y, v_z]` back to three arrays.
pub fn from_triples(t: &[[f64; 3]]) -> Cartesian {
    Cartesian {
        vx: t.iter().map(|p| p[0]).collect(),
        vy: t.iter().map(|p| p[1]).collect(),
        vz: t.iter().map(|p| p[2]).collect(),
    }
}

// ANCHOR: triples
/// The ordered loop on the other layout: one `[v_lat, v_lon, v_rad]` per point in, one
/// `[v_x, v_y, v_z]` per point out, 24 bytes each side, side by side in memory.
pub fn velocity_triples(grid: &Grid, v: &[[f64; 3]], out: &mut [[f64; 3]]) {
    let lat = sin_cos_table(&grid.latitude);
    let lon = sin_cos_table(&grid.longitude);
    let (nlon, nr) = (lon.len(), grid.radius.len());
    if nlon == 0 {
        return;
    }
    let rows = v.chunks_exact(nlon).zip(out.chunks_exact_mut(nlon));
    for (row, (vin, vout)) in rows.enumerate() {
        let at_lat = lat[row / nr];
        for ((&[a, b, c], o), &at_lon) in vin.iter().zip(vout).zip(&lon) {
            *o = rotate(at_lat, at_lon, a, b, c);
        }
    }
}
// ANCHOR_END: triples

// ANCHOR: materialised
/// What NumPy does with the course's expressions over all three dimensions: every product is
/// a full `nlat x nr x nlon` temporary array, made by one pass over memory, and the sum of the
/// terms is one more pass. With the sines and cosines broadcast as NumPy broadcasts them
/// (`sinlat` of shape `(nlat, 1, 1)`, `coslon` of shape `(nlon,)`), each component is
/// `vx = -(sinlon * vlon) - (sinlat * coslon) * vlat + (coslat * coslon) * vrad`: three full
/// temporaries, then their sum.
pub fn velocity_materialised(grid: &Grid, v: &Spherical, out: &mut Cartesian) {
    let lat = sin_cos_table(&grid.latitude);
    let lon = sin_cos_table(&grid.longitude);
    let (nlon, nr) = (lon.len(), grid.radius.len());
    if nlon == 0 || nr == 0 {
        return;
    }
    // `coefficient(i, k) * field` for every point, stored: one NumPy binary operation.
    let product = |field: &[f64], coefficient: &dyn Fn(usize, usize) -> f64| -> Vec<f64> {
        let mut t = Vec::with_capacity(field.len());
        for (row, values) in field.chunks_exact(nlon).enumerate() {
            let i = row / nr;
            t.extend(
                values
                    .iter()
                    .enumerate()
                    .map(|(k, &f)| coefficient(i, k) * f),
            );
        }
        t
    };
    let (sinlat, coslat) = (|i: usize| lat[i].0, |i: usize| lat[i].1);
    let (sinlon, coslon) = (|k: usize| lon[k].0, |k: usize| lon[k].1);
    {
        let t1 = product(&v.vlon, &|_, k| sinlon(k));
        let t2 = product(&v.vlat, &|i, k| sinlat(i) * coslon(k));
        let t3 = product(&v.vrad, &|i, k| coslat(i) * coslon(k));
        for (((x, a), b), c) in out.vx.iter_mut().zip(&t1).zip(&t2).zip(&t3) {
            *x = -a - b + c;
        }
    }
    {
        let t1 = product(&v.vlon, &|_, k| coslon(k));
        let t2 = product(&v.vlat, &|i, k| sinlat(i) * sinlon(k));
        let t3 = product(&v.vrad, &|i, k| coslat(i) * sinlon(k));
        for (((y, a), b), c) in out.vy.iter_mut().zip(&t1).zip(&t2).zip(&t3) {
            *y = a - b + c;
        }
    }
    {
        let t1 = product(&v.vlat, &|i, _| coslat(i));
        let t2 = product(&v.vrad, &|i, _| sinlat(i));
        for ((z, a), b) in out.vz.iter_mut().zip(&t1).zip(&t2) {
            *z = a + b;
        }
    }
}
// ANCHOR_END: materialised

// ANCHOR: parallel
/// The ordered loop on every core: the rows (one latitude, one radius) are independent, and
/// rayon hands them out to its threads in blocks.
pub fn velocity_parallel(grid: &Grid, v: &Spherical, out: &mut Cartesian) {
    parallel_slices(
        grid,
        [&v.vlat, &v.vlon, &v.vrad],
        [&mut out.vx, &mut out.vy, &mut out.vz],
    );
}

/// `velocity_parallel` on borrowed arrays (v_lat, v_lon, v_rad in; v_x, v_y, v_z out), for
/// callers that hold their arrays elsewhere (NumPy's, through `workbook_py`).
pub fn parallel_slices(
    grid: &Grid,
    [vlat, vlon, vrad]: [&[f64]; 3],
    [vx, vy, vz]: [&mut [f64]; 3],
) {
    let lat = sin_cos_table(&grid.latitude);
    let lon = sin_cos_table(&grid.longitude);
    let (nlon, nr) = (lon.len(), grid.radius.len());
    if nlon == 0 {
        return;
    }
    let rows = vlat
        .par_chunks_exact(nlon)
        .zip(vlon.par_chunks_exact(nlon))
        .zip(vrad.par_chunks_exact(nlon));
    let out_rows = vx
        .par_chunks_exact_mut(nlon)
        .zip(vy.par_chunks_exact_mut(nlon))
        .zip(vz.par_chunks_exact_mut(nlon));
    rows.zip(out_rows).enumerate().with_min_len(16).for_each(
        |(row, (((a, b), c), ((x, y), z)))| {
            rotate_row(lat[row / nr], &lon, (a, b, c), (x, y, z));
        },
    );
}
// ANCHOR_END: parallel
