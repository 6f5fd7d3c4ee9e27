//! Chapter 15's runner: the course's velocity conversion on a grid well beyond any cache, its
//! kernels told apart by how they walk memory.
//!
//! Like the course's `vx = np.zeros(...)`, the output arrays are allocated once and every call
//! of a kernel writes into them: a timed call measures the loop, not the operating system
//! handing out fresh pages (the first, cold call pays for those). What a call returns for the
//! error column is a copy of vx, vy and vz on three spheres (the innermost, middle and
//! outermost radius); the tests compare every point.

use harness::chapter::{Case, Chapter, Cost, Job, Values};
use harness::output::{Grid as Picture, Output};
use harness::yours;
use std::sync::{Arc, Mutex, OnceLock};
use velocity_solution::{Cartesian, Grid, Spherical};

/// A kernel on three arrays in, three out.
type Kernel = fn(&Grid, &Spherical, &mut Cartesian);
/// A kernel on one array of triples in, one out.
type TriplesKernel = fn(&Grid, &[[f64; 3]], &mut [[f64; 3]]);

/// The inputs, and the outputs every job writes into (one at a time), shared by all jobs.
#[derive(Clone)]
struct Shared {
    grid: Arc<Grid>,
    fields: Arc<Spherical>,
    out: Arc<Mutex<Option<Cartesian>>>,
    triples_in: Arc<OnceLock<Vec<[f64; 3]>>>,
    triples_out: Arc<Mutex<Option<Vec<[f64; 3]>>>>,
}

/// The radii whose spheres a job returns: the middle one first (the picture's), then the
/// innermost and the outermost.
fn spheres(nr: usize) -> Vec<usize> {
    let mut radii = vec![nr / 2, 0, nr - 1];
    radii.dedup();
    radii.sort_by_key(|&j| j != nr / 2);
    radii.dedup();
    radii
}

/// vx, vy and vz on the spheres of [`spheres`], each as `nlat x nlon` values.
fn result(grid: &Grid, component: impl Fn(usize, usize) -> f64) -> Output {
    let (nlat, nlon) = (grid.latitude.len(), grid.longitude.len());
    let radii = spheres(grid.radius.len());
    let mut values = Vec::with_capacity(radii.len() * 3 * nlat * nlon);
    for &j in &radii {
        for c in 0..3 {
            for i in 0..nlat {
                values.extend((0..nlon).map(|k| component(grid.index(i, j, k), c)));
            }
        }
    }
    Output::Values(values)
}

fn job(shared: &Shared, f: Kernel) -> Job {
    let s = shared.clone();
    Box::new(move || {
        let mut out = s.out.lock().unwrap_or_else(|e| e.into_inner());
        let out = out.get_or_insert_with(|| Cartesian::zeros(s.grid.points()));
        f(&s.grid, &s.fields, out);
        result(&s.grid, |p, c| [&out.vx, &out.vy, &out.vz][c][p])
    })
}

fn triples_job(shared: &Shared, f: TriplesKernel) -> Job {
    let s = shared.clone();
    Box::new(move || {
        let input = s
            .triples_in
            .get_or_init(|| velocity_solution::to_triples(&s.fields));
        let mut out = s.triples_out.lock().unwrap_or_else(|e| e.into_inner());
        let out = out.get_or_insert_with(|| vec![[0.0; 3]; s.grid.points()]);
        f(&s.grid, input, out);
        result(&s.grid, |p, c| out[p][c])
    })
}

/// The chapter; it remembers the grid's shape for the picture.
struct Velocity {
    shape: Mutex<Option<(usize, usize, usize)>>,
}

impl Chapter for Velocity {
    fn bytes_needed(&self, values: &Values) -> u128 {
        // Per point, 24 bytes (three f64) for each of: the fields in, the outputs, the fields
        // as triples, the outputs as triples, and the materialised kernel's three temporaries
        // held at once; plus the spheres returned (yours and the reference's).
        let (nlat, nlon, nr) = (
            values.get("nlat") as u128,
            values.get("nlon") as u128,
            values.get("nr") as u128,
        );
        5 * 24 * nlat * nlon * nr + 2 * 9 * 8 * nlat * nlon
    }

    fn cases(&self, values: &Values) -> anyhow::Result<Vec<Case>> {
        let (nlat, nlon, nr) = (values.size("nlat"), values.size("nlon"), values.size("nr"));
        *self.shape.lock().unwrap_or_else(|e| e.into_inner()) = Some((nlat, nlon, nr));
        let grid = Grid::new(nlat, nlon, nr);
        let fields = Spherical::course(&grid);
        let points = grid.points();
        let summary = format!(
            "{nlat} x {nlon} x {nr} (nlat x nlon x nr): {:.1} million points, {} MB of fields in and out; error on vx, vy, vz at {} radii",
            points as f64 / 1e6,
            points * 48 / 1_000_000,
            spheres(nr).len()
        );
        let s = Shared {
            grid: Arc::new(grid),
            fields: Arc::new(fields),
            out: Arc::new(Mutex::new(None)),
            triples_in: Arc::new(OnceLock::new()),
            triples_out: Arc::new(Mutex::new(None)),
        };
        use velocity_solution as sol;
        Ok(vec![
            Case::new("velocity", summary)
                // For the roofline: per point three components read and three written (48
                // bytes), and the rotation's 13 operations once the products of the sines and
                // cosines, which depend on latitude and longitude only, are known (3 + 3
                // multiplications and 2 + 2 additions for vx and vy, 2 and 1 for vz).
                .costs(Cost {
                    bytes: 48.0 * points as f64,
                    flops: 13.0 * points as f64,
                })
                .exercise(
                    "naive",
                    yours!(job(&s, velocity::velocity_naive)),
                    job(&s, sol::velocity_naive),
                )
                .exercise(
                    "hoisted",
                    yours!(job(&s, velocity::velocity_hoisted)),
                    job(&s, sol::velocity_hoisted),
                )
                .exercise(
                    "ordered",
                    yours!(job(&s, velocity::velocity_ordered)),
                    job(&s, sol::velocity_ordered),
                )
                .reference("triples", triples_job(&s, sol::velocity_triples))
                .reference("materialised", job(&s, sol::velocity_materialised))
                .exercise(
                    "parallel",
                    yours!(job(&s, velocity::velocity_parallel)),
                    job(&s, sol::velocity_parallel),
                ),
        ])
    }

    fn picture(&self, output: &Output) -> Option<anyhow::Result<harness::picture::Picture>> {
        let Output::Values(values) = output else {
            return None;
        };
        let (nlat, nlon, nr) = (*self.shape.lock().unwrap_or_else(|e| e.into_inner()))?;
        if values.len() < nlat * nlon {
            return Some(Err(anyhow::anyhow!(
                "cannot draw a map of {} values",
                values.len()
            )));
        }
        // Longitude to the right, latitude upwards: the picture's rows are longitudes.
        let data = (0..nlon)
            .flat_map(|k| (0..nlat).map(move |i| values[i * nlon + k]))
            .collect();
        let map = Picture {
            rows: nlon,
            cols: nlat,
            data,
            row_axis: ("longitude (degrees)", 0.0, 360.0),
            col_axis: ("latitude (degrees)", -90.0, 90.0),
            value: "vx",
        };
        let radius = Grid::new(1, 1, nr).radius[nr / 2];
        Some(harness::picture::heatmap(
            &map,
            &format!("vx at radius {radius:.0} km"),
            &format!("{nlat} x {nlon} x {nr} grid, the course's Legendre fields"),
        ))
    }
}

fn main() {
    harness::runner::main(
        include_str!("../chapter.toml"),
        &Velocity {
            shape: Mutex::new(None),
        },
    );
}
