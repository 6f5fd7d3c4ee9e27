//! What a kernel returns, and how two results are compared.

/// A kernel's result.
#[derive(Debug, Clone, PartialEq)]
pub enum Output {
    /// A 2-D array of `rows x cols` values stored row by row, with the physical range of each
    /// axis for pictures: rows run over `row_axis`, columns over `col_axis`.
    Grid(Grid),
    /// A 1-D array.
    Values(Vec<f64>),
    /// One number (a sum, an energy).
    Scalar(f64),
    /// An exact integer (Fibonacci numbers, counts).
    Integer(u128),
    /// Positions of bodies over time (N-body).
    Trajectories(Trajectories),
}

/// `frames x bodies` points in 3-D, frame by frame: `xyz[(frame * bodies + body) * 3 + k]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Trajectories {
    pub frames: usize,
    pub bodies: usize,
    pub xyz: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub rows: usize,
    pub cols: usize,
    pub data: Vec<f64>,
    /// (name, first, last) of the axis along the rows, e.g. ("h", -0.5, 0.49).
    pub row_axis: (&'static str, f64, f64),
    pub col_axis: (&'static str, f64, f64),
    /// What the values are, for the colour bar of a picture: "intensity", "temperature".
    pub value: &'static str,
}

impl Output {
    /// The course's validation measure: max |reference - x| / max |reference| for arrays,
    /// |reference - x| / |reference| for single numbers. `None` when the shapes differ.
    pub fn error_against(&self, reference: &Output) -> Option<f64> {
        match (reference, self) {
            (Output::Grid(r), Output::Grid(x)) if (r.rows, r.cols) == (x.rows, x.cols) => {
                Some(max_relative_error(&r.data, &x.data))
            }
            (Output::Values(r), Output::Values(x)) if r.len() == x.len() => {
                Some(max_relative_error(r, x))
            }
            (Output::Scalar(r), Output::Scalar(x)) => Some(scalar_relative_error(*r, *x)),
            (Output::Trajectories(r), Output::Trajectories(x))
                if (r.frames, r.bodies) == (x.frames, x.bodies) =>
            {
                Some(max_relative_error(&r.xyz, &x.xyz))
            }
            (Output::Integer(r), Output::Integer(x)) => Some(if r == x {
                0.0
            } else {
                scalar_relative_error(*r as f64, *x as f64).max(f64::EPSILON)
            }),
            _ => None,
        }
    }

    /// A few words on the shape, for messages: "96 x 96 grid", "1 number".
    pub fn describe(&self) -> String {
        match self {
            Output::Grid(g) => format!("{} x {} grid", g.rows, g.cols),
            Output::Values(v) => format!("{} values", v.len()),
            Output::Scalar(v) => format!("the number {v}"),
            Output::Integer(v) => format!("the integer {v}"),
            Output::Trajectories(t) => format!("{} bodies over {} frames", t.bodies, t.frames),
        }
    }
}

/// max |r - x| / max |r|; NaN anywhere makes the error infinite rather than hiding it.
pub fn max_relative_error(reference: &[f64], x: &[f64]) -> f64 {
    let mut scale = 0.0_f64;
    let mut worst = 0.0_f64;
    for (r, v) in reference.iter().zip(x) {
        if r.is_nan() || v.is_nan() {
            return f64::INFINITY;
        }
        scale = scale.max(r.abs());
        worst = worst.max((r - v).abs());
    }
    if worst == 0.0 { 0.0 } else { worst / scale }
}

fn scalar_relative_error(r: f64, x: f64) -> f64 {
    if r.is_nan() || x.is_nan() {
        f64::INFINITY
    } else if r == x {
        0.0
    } else {
        (r - x).abs() / r.abs()
    }
}
