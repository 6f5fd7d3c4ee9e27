//! `workbook_py`: the workbook's reference kernels as a Python extension module, so the course's
//! Python (NumPy, NumExpr, Numba) and the Rust solutions can be timed by one driver, on the same
//! inputs, in the same process.
//!
//! Arrays come in as float64 NumPy arrays, borrowed without a copy when they are contiguous;
//! results go out as new NumPy arrays that take over the kernel's `Vec` (no copy either). Every
//! kernel runs with the GIL released, so other Python threads run meanwhile; the parallel ones
//! use rayon's threads, one per core. Bad input raises `ValueError` before a kernel runs.
//!
//! Built with `--features exercise`, the submodule `workbook_py.yours` holds the same functions
//! from the learner's exercise crates (those they have).

mod args;
#[cfg(feature = "exercise")]
mod yours;

use args::{Method, Vec3};
use numpy::{PyArray1, PyArray2, PyArray3, PyReadonlyArrayDyn};
use pyo3::prelude::*;

/// Sample points of one reciprocal-space axis: `oversampling * n` values from `center - 0.5`,
/// spaced by `1 / (oversampling * n)`.
#[pyfunction]
fn axis(
    py: Python<'_>,
    center: f64,
    n: usize,
    oversampling: usize,
) -> PyResult<Bound<'_, PyArray1<f64>>> {
    args::axis(py, "axis", laue_solution::axis, center, n, oversampling)
}

/// Defines a crystal binding `$name(n, h, k)` that runs the solution kernel `$kernel`.
macro_rules! crystal {
    ($(#[$doc:meta])* $name:ident => $kernel:path) => {
        $(#[$doc])*
        #[pyfunction]
        fn $name<'py>(
            py: Python<'py>,
            n: usize,
            h: PyReadonlyArrayDyn<'py, f64>,
            k: PyReadonlyArrayDyn<'py, f64>,
        ) -> PyResult<Bound<'py, PyArray2<f64>>> {
            args::crystal(py, stringify!($name), $kernel, n, &h, &k)
        }
    };
}

crystal! {
    /// The square crystal's intensity on the grid `h` x `k`: four nested loops, one complex
    /// exponential per term (chapter 1's `laue_naive`). Shape `(len(h), len(k))`.
    square_naive => laue_solution::laue_naive
}
crystal! {
    /// The square crystal with the phase factors computed once (chapter 1's `laue_tables`).
    square_tables => laue_solution::laue_tables
}
crystal! {
    /// The square crystal on one core, every exponential by chapter 9's vectorisable sincos.
    square_sincos => compiler_solution::square_sincos
}
crystal! {
    /// The square crystal's direct sum on every core with libm's sin and cos (chapter 10).
    square_parallel => cores_solution::square_parallel
}
crystal! {
    /// The best direct sum: chapter 9's sincos on every core (chapter 10's `square_fast`).
    square_fast => cores_solution::square_fast
}
crystal! {
    /// The strained circular crystal, straight from the formula (chapter 7's `strained_naive`).
    strained_naive => strained_solution::strained_naive
}
crystal! {
    /// The strained crystal with its cells' positions computed once (chapter 7).
    strained_positions => strained_solution::strained_positions
}
crystal! {
    /// The strained crystal on one core with chapter 9's sincos.
    strained_sincos => compiler_solution::strained_sincos
}
crystal! {
    /// The strained crystal on every core with libm's sin and cos (chapter 10).
    strained_parallel => cores_solution::strained_parallel
}
crystal! {
    /// The strained crystal's best direct sum: chapter 9's sincos on every core (chapter 10).
    strained_fast => cores_solution::strained_fast
}
crystal! {
    /// The strained crystal as one complex matrix product (chapter 11's `strained_matmul`).
    strained_matmul => algorithm_solution::strained_matmul
}
crystal! {
    /// The matrix product with the disk's mirror symmetries, about four times narrower
    /// (chapter 11's `strained_symmetric`): the best algorithm for the strained crystal.
    strained_symmetric => algorithm_solution::strained_symmetric
}

/// The square crystal through a 2-D FFT (chapter 11): the best algorithm. `h` and `k` must be
/// axes as `axis()` makes them (evenly spaced by 1 / their length).
#[pyfunction]
fn square_fft<'py>(
    py: Python<'py>,
    n: usize,
    h: PyReadonlyArrayDyn<'py, f64>,
    k: PyReadonlyArrayDyn<'py, f64>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    args::fft_axes(&h, &k)?;
    args::crystal(py, "square_fft", algorithm_solution::square_fft, n, &h, &k)
}

/// The sum of 1/k for k = 1..=n without the digit 9, every k tested, in order (chapter 12's
/// `slow_digits`). 0.0 for n = 0.
#[pyfunction]
fn series_digits(py: Python<'_>, n: u64) -> PyResult<f64> {
    args::series(py, "series_digits", series_solution::slow_digits, n)
}

/// The same sum skipping every block of numbers that holds a 9, a hundred terms at a time.
#[pyfunction]
fn series_blocks(py: Python<'_>, n: u64) -> PyResult<f64> {
    args::series(py, "series_blocks", series_solution::slow_blocks, n)
}

/// [`series_blocks`] on every core, in fixed chunks (the same bits on any thread count).
#[pyfunction]
fn series_blocks_parallel(py: Python<'_>, n: u64) -> PyResult<f64> {
    args::series(
        py,
        "series_blocks_parallel",
        series_solution::slow_blocks_parallel,
        n,
    )
}

/// The same sum group by group from precomputed power sums: microseconds for any n < 2^128.
#[pyfunction]
fn series_grouped(py: Python<'_>, n: u128) -> PyResult<f64> {
    args::series(py, "series_grouped", series_solution::slow_grouped, n)
}

/// The sum of cos(k)/k for k = 1..=n, one libm `cos` per term, in order (chapter 13).
#[pyfunction]
fn cosine_libm(py: Python<'_>, n: u64) -> PyResult<f64> {
    let n = args::terms(n)?;
    args::series(py, "cosine_libm", cosine_solution::cos_libm, n)
}

/// The same sum by rotations, exact again every `resync` terms (default 4096).
#[pyfunction]
#[pyo3(signature = (n, resync = cosine_solution::RESYNC))]
fn cosine_rotation(py: Python<'_>, n: u64, resync: u64) -> PyResult<f64> {
    let n = args::terms(n)?;
    if resync == 0 {
        return Err(args::bad("resync must be at least 1 term"));
    }
    args::series(
        py,
        "cosine_rotation",
        |n| cosine_solution::cos_rotation(n, resync),
        n,
    )
}

/// The rotations on every core, in chunks of 4096 terms (the same bits on any thread count).
#[pyfunction]
fn cosine_parallel(py: Python<'_>, n: u64) -> PyResult<f64> {
    let n = args::terms(n)?;
    args::series(py, "cosine_parallel", cosine_solution::cos_parallel, n)
}

/// The accelerations (G = 1) of bodies at `pos` (shape (n, 3)) with masses `mass` (shape
/// (n,)), each pair visited once, on one core (chapter 5's `accelerations`). Shape (n, 3).
#[pyfunction]
fn nbody_accelerations<'py>(
    py: Python<'py>,
    pos: PyReadonlyArrayDyn<'py, f64>,
    mass: PyReadonlyArrayDyn<'py, f64>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    args::accelerations(
        py,
        "nbody_accelerations",
        nbody_solution::accelerations,
        &pos,
        &mass,
    )
}

/// Chapter 5's run from copies of `pos`, `vel` (both (n, 3)) and `mass` ((n,)).
fn solution_run(
    pos: Vec<Vec3>,
    vel: Vec<Vec3>,
    mass: Vec<f64>,
    frames: usize,
    steps_per_frame: usize,
    dt: f64,
    method: Method,
) -> Vec<Vec3> {
    let mut system = nbody_solution::System { pos, vel, mass };
    let method = match method {
        Method::Naive => nbody_solution::Method::Naive,
        Method::Pairs => nbody_solution::Method::Pairs,
        Method::Parallel => nbody_solution::Method::Parallel,
    };
    nbody_solution::simulate(&mut system, frames, steps_per_frame, dt, method)
}

/// `frames * steps_per_frame` RK2 (midpoint) steps of `dt` from `pos`, `vel` and `mass` (left
/// unchanged), with the accelerations of `method` ("naive", "pairs" or "parallel"). Returns
/// the positions after every frame, shape (frames, n, 3).
#[pyfunction]
#[pyo3(signature = (pos, vel, mass, frames, steps_per_frame, dt, method = "pairs"))]
#[allow(clippy::too_many_arguments)]
fn nbody_simulate<'py>(
    py: Python<'py>,
    pos: PyReadonlyArrayDyn<'py, f64>,
    vel: PyReadonlyArrayDyn<'py, f64>,
    mass: PyReadonlyArrayDyn<'py, f64>,
    frames: usize,
    steps_per_frame: usize,
    dt: f64,
    method: &str,
) -> PyResult<Bound<'py, PyArray3<f64>>> {
    args::simulate(
        py,
        "nbody_simulate",
        solution_run,
        &pos,
        &vel,
        &mass,
        frames,
        steps_per_frame,
        dt,
        method,
    )
}

/// The course's velocity conversion (chapter 15) on every core: the spherical components
/// `vlat`, `vlon`, `vrad` (shape (nlat, nr, nlon), longitude fastest) on the axes `latitude`,
/// `longitude` (degrees) and `radius`, to `(vx, vy, vz)`, three new arrays of the same shape
/// (the solution's `velocity_parallel`, reading NumPy's arrays without a copy).
#[pyfunction]
#[allow(clippy::too_many_arguments, clippy::type_complexity)]
fn velocity_parallel<'py>(
    py: Python<'py>,
    latitude: PyReadonlyArrayDyn<'py, f64>,
    longitude: PyReadonlyArrayDyn<'py, f64>,
    radius: PyReadonlyArrayDyn<'py, f64>,
    vlat: PyReadonlyArrayDyn<'py, f64>,
    vlon: PyReadonlyArrayDyn<'py, f64>,
    vrad: PyReadonlyArrayDyn<'py, f64>,
) -> PyResult<(
    Bound<'py, PyArray3<f64>>,
    Bound<'py, PyArray3<f64>>,
    Bound<'py, PyArray3<f64>>,
)> {
    let grid = velocity_solution::Grid {
        latitude: args::vector("latitude", &latitude)?.into_owned(),
        longitude: args::vector("longitude", &longitude)?.into_owned(),
        radius: args::vector("radius", &radius)?.into_owned(),
    };
    let shape = [grid.latitude.len(), grid.radius.len(), grid.longitude.len()];
    fn field<'a>(
        name: &str,
        a: &'a PyReadonlyArrayDyn<'_, f64>,
        shape: [usize; 3],
    ) -> PyResult<&'a [f64]> {
        use numpy::PyUntypedArrayMethods;
        if a.shape() != shape {
            return Err(args::bad(format!(
                "{name} must have shape (len(latitude), len(radius), len(longitude)) = ({}, {}, {}), not {:?}",
                shape[0],
                shape[1],
                shape[2],
                a.shape()
            )));
        }
        if !a.is_c_contiguous() {
            return Err(args::bad(format!("{name} must be a C-contiguous array")));
        }
        a.as_slice()
            .map_err(|_| args::bad(format!("{name} must be a C-contiguous array")))
    }
    let (a, b, c) = (
        field("vlat", &vlat, shape)?,
        field("vlon", &vlon, shape)?,
        field("vrad", &vrad, shape)?,
    );
    // The outputs are NumPy's own arrays (`np.zeros`), written in place: NumPy asks the kernel
    // for huge pages on large arrays, so a fresh output costs far fewer page faults than a
    // `Vec` of the same size would.
    use numpy::PyArrayMethods;
    let zeros = || PyArray3::<f64>::zeros(py, shape, false);
    let (vx, vy, vz) = (zeros(), zeros(), zeros());
    {
        let (mut wx, mut wy, mut wz) = (vx.readwrite(), vy.readwrite(), vz.readwrite());
        let (x, y, z) = (wx.as_slice_mut()?, wy.as_slice_mut()?, wz.as_slice_mut()?);
        args::detached(py, "velocity_parallel", || {
            velocity_solution::parallel_slices(&grid, [a, b, c], [x, y, z]);
        })?;
    }
    Ok((vx, vy, vz))
}

/// Defines a Mandelbrot binding `$name(width, height, max_iter, re, im)` that runs the
/// solution kernel `$kernel` on the grid of `re = (first, last)` by `im = (first, last)`.
macro_rules! mandelbrot {
    ($(#[$doc:meta])* $name:ident => $kernel:path) => {
        $(#[$doc])*
        #[pyfunction]
        #[pyo3(signature = (width, height, max_iter, re = (-2.0, 1.0), im = (-1.5, 1.5)))]
        fn $name(
            py: Python<'_>,
            width: usize,
            height: usize,
            max_iter: u32,
            re: (f64, f64),
            im: (f64, f64),
        ) -> PyResult<Bound<'_, PyArray2<u32>>> {
            let run = |width, height, max_iter, re, im| {
                $kernel(&mandelbrot_solution::Plane { width, height, max_iter, re, im })
            };
            args::mandelbrot(py, stringify!($name), run, (width, height, max_iter), re, im)
        }
    };
}

mandelbrot! {
    /// The course's escape-time counts (chapter 17) on a `(height, width)` grid, row `i` at the
    /// `i`-th imaginary part: two serial loops (the solution's `mandelbrot_naive`).
    mandelbrot_naive => mandelbrot_solution::mandelbrot_naive
}
mandelbrot! {
    /// The same counts on every core: one task per row and rayon's work stealing (the
    /// solution's `mandelbrot_balanced`).
    mandelbrot_balanced => mandelbrot_solution::mandelbrot_balanced
}

/// `a + b`: almost no work, to measure what one call from Python costs.
#[pyfunction]
fn add(a: f64, b: f64) -> f64 {
    a + b
}

/// The workbook's Rust kernels for Python: crystals, series, cosine, N-body, velocity,
/// Mandelbrot, and `add`.
#[pymodule]
fn workbook_py(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(axis, m)?)?;
    m.add_function(wrap_pyfunction!(square_naive, m)?)?;
    m.add_function(wrap_pyfunction!(square_tables, m)?)?;
    m.add_function(wrap_pyfunction!(square_sincos, m)?)?;
    m.add_function(wrap_pyfunction!(square_parallel, m)?)?;
    m.add_function(wrap_pyfunction!(square_fast, m)?)?;
    m.add_function(wrap_pyfunction!(square_fft, m)?)?;
    m.add_function(wrap_pyfunction!(strained_naive, m)?)?;
    m.add_function(wrap_pyfunction!(strained_positions, m)?)?;
    m.add_function(wrap_pyfunction!(strained_sincos, m)?)?;
    m.add_function(wrap_pyfunction!(strained_parallel, m)?)?;
    m.add_function(wrap_pyfunction!(strained_fast, m)?)?;
    m.add_function(wrap_pyfunction!(strained_matmul, m)?)?;
    m.add_function(wrap_pyfunction!(strained_symmetric, m)?)?;
    m.add_function(wrap_pyfunction!(series_digits, m)?)?;
    m.add_function(wrap_pyfunction!(series_blocks, m)?)?;
    m.add_function(wrap_pyfunction!(series_blocks_parallel, m)?)?;
    m.add_function(wrap_pyfunction!(series_grouped, m)?)?;
    m.add_function(wrap_pyfunction!(cosine_libm, m)?)?;
    m.add_function(wrap_pyfunction!(cosine_rotation, m)?)?;
    m.add_function(wrap_pyfunction!(cosine_parallel, m)?)?;
    m.add_function(wrap_pyfunction!(nbody_accelerations, m)?)?;
    m.add_function(wrap_pyfunction!(nbody_simulate, m)?)?;
    m.add_function(wrap_pyfunction!(velocity_parallel, m)?)?;
    m.add_function(wrap_pyfunction!(mandelbrot_naive, m)?)?;
    m.add_function(wrap_pyfunction!(mandelbrot_balanced, m)?)?;
    m.add_function(wrap_pyfunction!(add, m)?)?;
    // The solutions' constants, so Python builds exactly the same inputs.
    m.add("STRAIN_E0", strained_solution::E0)?;
    m.add("STRAIN_W", strained_solution::W)?;
    m.add("COSINE_RESYNC", cosine_solution::RESYNC)?;
    m.add("NBODY_DT", nbody_solution::DT)?;
    m.add("NBODY_FRAMES", nbody_solution::FRAMES)?;
    m.add("NBODY_STEPS_PER_FRAME", nbody_solution::steps_per_frame())?;
    m.add("RAYON_THREADS", rayon::current_num_threads())?;
    m.add("HAS_YOURS", cfg!(feature = "exercise"))?;
    register_bindings(m)?;
    #[cfg(feature = "exercise")]
    yours::register(m)?;
    Ok(())
}

/// The submodule `workbook_py.bindings`: chapter 14's binding as the solution writes it, the
/// one `python/tests/test_bindings.py` tests with `cargo workbook check bindings --solution`.
fn register_bindings(parent: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = parent.py();
    let m = PyModule::new(py, "bindings")?;
    m.add(
        "__doc__",
        "Chapter 14's binding, from the reference solution: square(n, h, k).",
    )?;
    m.add_function(wrap_pyfunction!(bindings_solution::binding::square, &m)?)?;
    parent.add_submodule(&m)?;
    py.import("sys")?
        .getattr("modules")?
        .cast_into::<pyo3::types::PyDict>()?
        .set_item("workbook_py.bindings", &m)?;
    Ok(())
}
