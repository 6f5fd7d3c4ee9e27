// Helpers of this chapter's tests (each test file includes this one).

/// The signature of every three-array kernel.
#[allow(dead_code)]
type Kernel = fn(&Grid, &Spherical, &mut Cartesian);

/// Every kernel's answer must agree with the reference to this, in the max norm.
#[allow(dead_code)]
const TOLERANCE: f64 = 1e-12;

/// max |reference - x| / max |reference| over the three components together.
#[allow(dead_code)]
fn relative_error(reference: &Cartesian, x: &Cartesian) -> f64 {
    let pairs = [
        (&reference.vx, &x.vx),
        (&reference.vy, &x.vy),
        (&reference.vz, &x.vz),
    ];
    let (mut scale, mut worst) = (0.0_f64, 0.0_f64);
    for (r, v) in pairs {
        assert_eq!(r.len(), v.len(), "the arrays differ in size");
        for (a, b) in r.iter().zip(v) {
            scale = scale.max(a.abs());
            worst = worst.max((a - b).abs());
            if b.is_nan() {
                return f64::INFINITY;
            }
        }
    }
    worst / scale
}

/// `kernel` on the course's fields of an `nlat x nlon x nr` grid, into outputs that start as
/// NaN (a point the kernel forgets shows).
#[allow(dead_code)]
fn run(kernel: Kernel, grid: &Grid, v: &Spherical) -> Cartesian {
    let n = grid.points();
    let mut out = Cartesian {
        vx: vec![f64::NAN; n],
        vy: vec![f64::NAN; n],
        vz: vec![f64::NAN; n],
    };
    kernel(grid, v, &mut out);
    out
}

/// Grids of uneven sizes: a loop that swaps two axes or strides wrongly cannot pass.
#[allow(dead_code)]
const SIZES: [(usize, usize, usize); 4] = [(7, 11, 5), (4, 3, 9), (1, 1, 1), (13, 40, 6)];

#[allow(dead_code)]
fn agrees(name: &str, reference: Kernel, kernel: Kernel) {
    for (nlat, nlon, nr) in SIZES {
        let grid = Grid::new(nlat, nlon, nr);
        let v = Spherical::course(&grid);
        let err = relative_error(&run(reference, &grid, &v), &run(kernel, &grid, &v));
        assert!(
            err <= TOLERANCE,
            "{name} on {nlat} x {nlon} x {nr} (nlat x nlon x nr): error {err:e}"
        );
    }
}

/// Close to `expected`, relative to `scale` (the largest value of the field).
#[allow(dead_code)]
fn near(what: &str, expected: f64, got: f64, scale: f64) {
    assert!(
        (expected - got).abs() <= 1e-12 * scale,
        "{what}: expected {expected}, got {got}"
    );
}

/// Values known in closed form, on a grid whose longitudes are 0, 90, 180, 270, 360 degrees.
#[allow(dead_code)]
fn closed_forms(name: &str, kernel: Kernel) {
    let (nlat, nlon, nr) = (7, 5, 3);
    let grid = Grid::new(nlat, nlon, nr);
    let n = grid.points();
    // A purely radial field: v = v_r (cos lat cos lon, cos lat sin lon, sin lat).
    let radial = Spherical {
        vlat: vec![0.0; n],
        vlon: vec![0.0; n],
        vrad: (0..n).map(|p| 1.0 + p as f64 / n as f64).collect(),
    };
    let out = run(kernel, &grid, &radial);
    for i in 0..nlat {
        for j in 0..nr {
            for k in 0..nlon {
                let p = grid.index(i, j, k);
                let (lat, lon) = (
                    grid.latitude[i].to_radians(),
                    grid.longitude[k].to_radians(),
                );
                let r = radial.vrad[p];
                let at = format!("{name}, radial field at ({i}, {j}, {k})");
                near(&format!("{at}: vx"), r * lat.cos() * lon.cos(), out.vx[p], 2.0);
                near(&format!("{at}: vy"), r * lat.cos() * lon.sin(), out.vy[p], 2.0);
                near(&format!("{at}: vz"), r * lat.sin(), out.vz[p], 2.0);
            }
        }
    }
    // The course's fields: at the poles v_z = +-v_r; at longitude 0, v_x is the meridional
    // and radial part and v_y = v_lon; at 90 degrees they swap, v_x = -v_lon.
    let v = Spherical::course(&grid);
    let out = run(kernel, &grid, &v);
    let scale = 3.0;
    for j in 0..nr {
        for k in 0..nlon {
            let (south, north) = (grid.index(0, j, k), grid.index(nlat - 1, j, k));
            near(&format!("{name}: vz at the south pole"), -v.vrad[south], out.vz[south], scale);
            near(&format!("{name}: vz at the north pole"), v.vrad[north], out.vz[north], scale);
        }
        for i in 0..nlat {
            let lat = grid.latitude[i].to_radians();
            let meridional = |p: usize| -lat.sin() * v.vlat[p] + lat.cos() * v.vrad[p];
            let (at0, at90) = (grid.index(i, j, 0), grid.index(i, j, 1));
            let at = format!("{name} at latitude {}", grid.latitude[i]);
            near(&format!("{at}, longitude 0: vx"), meridional(at0), out.vx[at0], scale);
            near(&format!("{at}, longitude 0: vy"), v.vlon[at0], out.vy[at0], scale);
            near(&format!("{at}, longitude 90: vx"), -v.vlon[at90], out.vx[at90], scale);
            near(&format!("{at}, longitude 90: vy"), meridional(at90), out.vy[at90], scale);
        }
    }
}
