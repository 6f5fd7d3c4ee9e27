//! What every binding shares: checking and borrowing its NumPy arguments, running a kernel with
//! the GIL released, and turning the kernel's `Vec` into a new NumPy array without a copy.
//!
//! Bad input becomes a Python `ValueError` with a one-line message, before any kernel runs. A
//! kernel that panics anyway (a learner's `todo!()`, a bug) becomes a Python exception too:
//! `NotImplementedError` for a `todo!()`, `RuntimeError` for anything else.

use numpy::ndarray::{Array1, Array2, Array3};
use numpy::{IntoPyArray, PyArray1, PyArray2, PyArray3, PyReadonlyArrayDyn, PyUntypedArrayMethods};
use pyo3::exceptions::{PyNotImplementedError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use std::any::Any;
use std::borrow::Cow;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A position, velocity or acceleration, as the N-body crates store them.
pub type Vec3 = [f64; 3];

/// The signature every crystal kernel shares: `f(n, h, k) -> intensities`, row by row.
pub type Kernel = fn(usize, &[f64], &[f64]) -> Vec<f64>;

/// The N-body accelerations into a buffer the caller allocates.
pub type Accelerations = fn(&[Vec3], &[f64], &mut [Vec3]);

/// A `ValueError` with `message`.
pub fn bad(message: impl Into<String>) -> PyErr {
    PyValueError::new_err(message.into())
}

/// A shape as Python writes it: `(8, 12)`, `(5,)`.
fn shape_text(shape: &[usize]) -> String {
    let dims: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
    match dims.len() {
        1 => format!("({},)", dims[0]),
        _ => format!("({})", dims.join(", ")),
    }
}

/// The values of a 1-D array: borrowed when the array is contiguous (no copy), copied
/// otherwise (a strided view such as `a[::2]`).
pub fn vector<'a>(name: &str, array: &'a PyReadonlyArrayDyn<'_, f64>) -> PyResult<Cow<'a, [f64]>> {
    if array.ndim() != 1 {
        return Err(bad(format!(
            "{name} must be a 1-D array, not one of shape {}",
            shape_text(array.shape())
        )));
    }
    Ok(match array.as_slice() {
        Ok(slice) => Cow::Borrowed(slice),
        Err(_) => Cow::Owned(array.as_array().iter().copied().collect()),
    })
}

/// The rows of an `(n, 3)` array as `[x, y, z]` triples: borrowed when it is C-contiguous,
/// copied in row order otherwise.
pub fn points<'a>(name: &str, array: &'a PyReadonlyArrayDyn<'_, f64>) -> PyResult<Cow<'a, [Vec3]>> {
    if array.ndim() != 2 || array.shape()[1] != 3 {
        return Err(bad(format!(
            "{name} must have shape (n, 3), not {}",
            shape_text(array.shape())
        )));
    }
    // `as_slice` also accepts a Fortran-order array, whose memory holds the columns first:
    // only a C-order one can be read row by row in place.
    let slice = if array.is_c_contiguous() {
        array.as_slice().ok()
    } else {
        None
    };
    Ok(match slice {
        Some(slice) => Cow::Borrowed(slice.as_chunks::<3>().0),
        None => {
            let values: Vec<f64> = array.as_array().iter().copied().collect();
            Cow::Owned(values.as_chunks::<3>().0.to_vec())
        }
    })
}

/// A crystal size: at least one cell per side.
pub fn cells(n: usize) -> PyResult<usize> {
    if n == 0 {
        Err(bad("n must be at least 1 cell per side"))
    } else {
        Ok(n)
    }
}

/// A number of terms for the cosine series: k is turned into an f64, so beyond 2^53
/// consecutive k are no longer distinct.
pub fn terms(n: u64) -> PyResult<u64> {
    const LIMIT: u64 = 1 << 53;
    if n > LIMIT {
        Err(bad(format!("n must be at most 2^53 = {LIMIT}, not {n}")))
    } else {
        Ok(n)
    }
}

/// The text of a panic's payload.
fn panic_text(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_owned()
    }
}

/// Runs `f` with the GIL released (other Python threads run meanwhile), and turns a panic
/// into a Python exception that names `what`.
pub fn detached<T: Send>(py: Python<'_>, what: &str, f: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(f)))
        .map_err(|payload| {
            let text = panic_text(payload.as_ref());
            let first = text.lines().next().unwrap_or("").to_owned();
            if text.starts_with("not yet implemented") || text.starts_with("not implemented") {
                PyNotImplementedError::new_err(format!("{what}: {first}"))
            } else {
                PyRuntimeError::new_err(format!("{what} panicked: {first}"))
            }
        })
}

/// A 1-D array that takes over `data` (no copy).
pub fn array1(py: Python<'_>, data: Vec<f64>) -> Bound<'_, PyArray1<f64>> {
    Array1::from_vec(data).into_pyarray(py)
}

/// A `rows` x `cols` array that takes over `data`, stored row by row (no copy).
pub fn array2(
    py: Python<'_>,
    rows: usize,
    cols: usize,
    data: Vec<f64>,
) -> PyResult<Bound<'_, PyArray2<f64>>> {
    let grid = Array2::from_shape_vec((rows, cols), data)
        .map_err(|e| PyRuntimeError::new_err(format!("a kernel returned the wrong size: {e}")))?;
    Ok(grid.into_pyarray(py))
}

/// A `frames` x `n` x 3 array of positions, frame by frame (no copy).
pub fn array3(
    py: Python<'_>,
    frames: usize,
    n: usize,
    data: Vec<Vec3>,
) -> PyResult<Bound<'_, PyArray3<f64>>> {
    let flat = data.into_flattened();
    let cube = Array3::from_shape_vec((frames, n, 3), flat).map_err(|e| {
        PyRuntimeError::new_err(format!("a simulation returned the wrong size: {e}"))
    })?;
    Ok(cube.into_pyarray(py))
}

/// The axis points of `axis(center, n, oversampling)`.
pub fn axis<'py>(
    py: Python<'py>,
    what: &str,
    f: fn(f64, usize, usize) -> Vec<f64>,
    center: f64,
    n: usize,
    oversampling: usize,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    cells(n)?;
    if oversampling == 0 {
        return Err(bad("oversampling must be at least 1"));
    }
    if !center.is_finite() {
        return Err(bad(format!("center must be finite, not {center}")));
    }
    let points = detached(py, what, || f(center, n, oversampling))?;
    Ok(array1(py, points))
}

/// Runs the crystal kernel `f` (called `what` in messages) on `n`, `h` and `k`, and returns
/// its grid as a `(len(h), len(k))` array.
pub fn crystal<'py>(
    py: Python<'py>,
    what: &str,
    f: Kernel,
    n: usize,
    h: &PyReadonlyArrayDyn<'py, f64>,
    k: &PyReadonlyArrayDyn<'py, f64>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    let n = cells(n)?;
    let (h, k) = (vector("h", h)?, vector("k", k)?);
    let grid = detached(py, what, || f(n, &h, &k))?;
    array2(py, h.len(), k.len(), grid)
}

/// Checks that an FFT kernel's axes are evenly spaced by 1 / their length, as `axis` makes
/// them, before the kernel would panic on them.
pub fn fft_axes(h: &PyReadonlyArrayDyn<'_, f64>, k: &PyReadonlyArrayDyn<'_, f64>) -> PyResult<()> {
    for (name, a) in [("h", h), ("k", k)] {
        let values = vector(name, a)?;
        if !values.is_empty() && algorithm_solution::fft_axis_start(&values).is_none() {
            return Err(bad(format!(
                "the FFT needs {name} spaced by exactly 1 / len({name}), as axis() makes it"
            )));
        }
    }
    Ok(())
}

/// A scalar series kernel `f(n)`, with the GIL released.
pub fn series<N: Send>(
    py: Python<'_>,
    what: &str,
    f: impl FnOnce(N) -> f64 + Send,
    n: N,
) -> PyResult<f64> {
    detached(py, what, || f(n))
}

/// The accelerations of bodies at `pos` with masses `mass`, as an `(n, 3)` array.
pub fn accelerations<'py>(
    py: Python<'py>,
    what: &str,
    f: Accelerations,
    pos: &PyReadonlyArrayDyn<'py, f64>,
    mass: &PyReadonlyArrayDyn<'py, f64>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    let (pos, mass) = bodies(pos, None, mass)?;
    let n = pos.len();
    let acc = detached(py, what, || {
        let mut acc = vec![[0.0; 3]; n];
        f(&pos, &mass, &mut acc);
        acc
    })?;
    array2(py, n, 3, acc.into_flattened())
}

/// Positions (and velocities, when given) of shape (n, 3) and masses of shape (n,), n >= 1.
#[allow(clippy::type_complexity)]
fn bodies<'a>(
    pos: &'a PyReadonlyArrayDyn<'_, f64>,
    vel: Option<&'a PyReadonlyArrayDyn<'_, f64>>,
    mass: &'a PyReadonlyArrayDyn<'_, f64>,
) -> PyResult<(Cow<'a, [Vec3]>, Cow<'a, [f64]>)> {
    let pos = points("pos", pos)?;
    let mass = vector("mass", mass)?;
    if pos.is_empty() {
        return Err(bad("there must be at least one body"));
    }
    if mass.len() != pos.len() {
        return Err(bad(format!(
            "mass must have one entry per body: {} bodies, {} masses",
            pos.len(),
            mass.len()
        )));
    }
    if let Some(vel) = vel {
        let vel = points("vel", vel)?;
        if vel.len() != pos.len() {
            return Err(bad(format!(
                "vel must have the shape of pos: {} velocities for {} bodies",
                vel.len(),
                pos.len()
            )));
        }
    }
    Ok((pos, mass))
}

/// Which accelerations an N-body run uses, by the name Python passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Naive,
    Pairs,
    Parallel,
}

impl Method {
    pub fn parse(name: &str) -> PyResult<Self> {
        match name {
            "naive" => Ok(Method::Naive),
            "pairs" => Ok(Method::Pairs),
            "parallel" => Ok(Method::Parallel),
            other => Err(bad(format!(
                "method must be \"naive\", \"pairs\" or \"parallel\", not {other:?}"
            ))),
        }
    }
}

/// One N-body run: `(pos, vel, mass, frames, steps_per_frame, dt, method)` to the positions
/// after every frame, `frames * n` entries.
pub type Simulation = fn(Vec<Vec3>, Vec<Vec3>, Vec<f64>, usize, usize, f64, Method) -> Vec<Vec3>;

/// Runs `sim` from copies of the arrays (the caller's are left as they are) and returns the
/// positions after every frame as a `(frames, n, 3)` array.
#[allow(clippy::too_many_arguments)]
pub fn simulate<'py>(
    py: Python<'py>,
    what: &str,
    sim: Simulation,
    pos: &PyReadonlyArrayDyn<'py, f64>,
    vel: &PyReadonlyArrayDyn<'py, f64>,
    mass: &PyReadonlyArrayDyn<'py, f64>,
    frames: usize,
    steps_per_frame: usize,
    dt: f64,
    method: &str,
) -> PyResult<Bound<'py, PyArray3<f64>>> {
    let method = Method::parse(method)?;
    let (p, m) = bodies(pos, Some(vel), mass)?;
    let v = points("vel", vel)?;
    if !dt.is_finite() {
        return Err(bad(format!("dt must be finite, not {dt}")));
    }
    let n = p.len();
    let (p, v, m) = (p.into_owned(), v.into_owned(), m.into_owned());
    let trajectory = detached(py, what, move || {
        sim(p, v, m, frames, steps_per_frame, dt, method)
    })?;
    array3(py, frames, n, trajectory)
}

/// The most points a Mandelbrot grid may have: 4 GB of counts.
const MAX_POINTS: usize = 1 << 30;

/// Checks a Mandelbrot grid (sizes at least 1 and at most [`MAX_POINTS`] points, a cut-off of
/// at least 1, finite axes), runs `f(width, height, max_iter, re, im)` with the GIL released,
/// and returns its counts as a `(height, width)` array of `uint32` (no copy).
pub fn mandelbrot<'py>(
    py: Python<'py>,
    what: &str,
    f: impl FnOnce(usize, usize, u32, (f64, f64), (f64, f64)) -> Vec<u32> + Send,
    (width, height, max_iter): (usize, usize, u32),
    re: (f64, f64),
    im: (f64, f64),
) -> PyResult<Bound<'py, PyArray2<u32>>> {
    if width == 0 || height == 0 {
        return Err(bad(format!(
            "width and height must be at least 1, got {width} x {height}"
        )));
    }
    if width.checked_mul(height).is_none_or(|p| p > MAX_POINTS) {
        return Err(bad(format!(
            "{width} x {height} points is more than the {MAX_POINTS} a grid may have"
        )));
    }
    if max_iter == 0 {
        return Err(bad("max_iter must be at least 1"));
    }
    if ![re.0, re.1, im.0, im.1].iter().all(|v| v.is_finite()) {
        return Err(bad(format!(
            "the axes must be finite, got re {re:?}, im {im:?}"
        )));
    }
    let counts = detached(py, what, || f(width, height, max_iter, re, im))?;
    let grid = Array2::from_shape_vec((height, width), counts)
        .map_err(|e| PyRuntimeError::new_err(format!("a kernel returned the wrong size: {e}")))?;
    Ok(grid.into_pyarray(py))
}
