//! The velocity chapter's given data: the grid, the spherical fields as seed 003 sets them,
//! and the Cartesian outputs. A crate of its own so that the exercise, the solution, and a
//! solution copied over the exercise all share one definition of these types.

/// The grid's axes, in degrees and kilometres, as the course sets them.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// `linspace(-90, 90, nlat)`.
    pub latitude: Vec<f64>,
    /// `linspace(0, 360, nlon)`.
    pub longitude: Vec<f64>,
    /// `linspace(3485, 6371, nr)`: from the core-mantle boundary to the surface.
    pub radius: Vec<f64>,
}

/// Velocity components in spherical coordinates, one array each.
#[derive(Debug, Clone, PartialEq)]
pub struct Spherical {
    pub vlat: Vec<f64>,
    pub vlon: Vec<f64>,
    pub vrad: Vec<f64>,
}

/// Velocity components in Cartesian coordinates, one array each.
#[derive(Debug, Clone, PartialEq)]
pub struct Cartesian {
    pub vx: Vec<f64>,
    pub vy: Vec<f64>,
    pub vz: Vec<f64>,
}

/// NumPy's `linspace(first, last, n)`: n points, both ends included.
pub fn linspace(first: f64, last: f64, n: usize) -> Vec<f64> {
    match n {
        0 => Vec::new(),
        1 => vec![first],
        _ => {
            let step = (last - first) / (n - 1) as f64;
            (0..n)
                .map(|i| {
                    if i == n - 1 {
                        last
                    } else {
                        first + step * i as f64
                    }
                })
                .collect()
        }
    }
}

/// The Legendre polynomial P2 (m = 0), scipy's `lpmv(0, 2, x)`.
pub fn legendre2(x: f64) -> f64 {
    (3.0 * x * x - 1.0) / 2.0
}

/// The Legendre polynomial P3 (m = 0), scipy's `lpmv(0, 3, x)`.
pub fn legendre3(x: f64) -> f64 {
    (5.0 * x * x * x - 3.0 * x) / 2.0
}

impl Grid {
    /// The course's grid of `nlat x nlon x nr` points.
    pub fn new(nlat: usize, nlon: usize, nr: usize) -> Grid {
        Grid {
            latitude: linspace(-90.0, 90.0, nlat),
            longitude: linspace(0.0, 360.0, nlon),
            radius: linspace(3485.0, 6371.0, nr),
        }
    }

    pub fn points(&self) -> usize {
        self.latitude.len() * self.radius.len() * self.longitude.len()
    }

    /// Where point (latitude i, radius j, longitude k) is stored.
    pub fn index(&self, i: usize, j: usize, k: usize) -> usize {
        (i * self.radius.len() + j) * self.longitude.len() + k
    }
}

impl Spherical {
    /// The course's fields: v_lat = P3(latitude / 90), v_lon = P2(longitude / 180 - 1),
    /// v_rad = P3((radius - 4928) / 1443), each constant along the other two axes.
    pub fn course(grid: &Grid) -> Spherical {
        let n = grid.points();
        let mut v = Spherical {
            vlat: Vec::with_capacity(n),
            vlon: Vec::with_capacity(n),
            vrad: Vec::with_capacity(n),
        };
        for &lat in &grid.latitude {
            for &r in &grid.radius {
                for &lon in &grid.longitude {
                    v.vlat.push(legendre3(lat / 90.0));
                    v.vlon.push(legendre2(lon / 180.0 - 1.0));
                    v.vrad.push(legendre3((r - 4928.0) / 1443.0));
                }
            }
        }
        v
    }
}

impl Cartesian {
    /// Three arrays of `n` zeros, like the course's `np.zeros((nlat, nr, nlon))`.
    pub fn zeros(n: usize) -> Cartesian {
        Cartesian {
            vx: vec![0.0; n],
            vy: vec![0.0; n],
            vz: vec![0.0; n],
        }
    }
}
