//! `workbook_py.yours`: the bindings of the learner's exercise crates, with the names and
//! signatures of the solution's. Only the kernels the exercises ask for are here: chapter 9's
//! exercise has no crystal kernel (only `cis_turns`), so `square_sincos` and `strained_sincos`
//! are not here, nor chapter 10's `*_fast` and chapter 11's `strained_symmetric`, which only the
//! solutions have. A stub still holding its `todo!()` raises `NotImplementedError`.
use crate::args::{self, Method, Vec3};
use numpy::{PyArray1, PyArray2, PyArray3, PyReadonlyArrayDyn};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// Your `axis` (chapter 1).
#[pyfunction]
fn axis(
    py: Python<'_>,
    center: f64,
    n: usize,
    oversampling: usize,
) -> PyResult<Bound<'_, PyArray1<f64>>> {
    args::axis(py, "yours.axis", laue::axis, center, n, oversampling)
}

/// Defines a crystal binding `$name(n, h, k)` that runs the exercise kernel `$kernel`.
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
            args::crystal(py, concat!("yours.", stringify!($name)), $kernel, n, &h, &k)
        }
    };
}

crystal! {
    /// Your `laue_naive` (chapter 1).
    square_naive => laue::laue_naive
}
crystal! {
    /// Your `laue_tables` (chapter 1).
    square_tables => laue::laue_tables
}
crystal! {
    /// Your `square_parallel` (chapter 10).
    square_parallel => cores::square_parallel
}
crystal! {
    /// Your `strained_naive` (chapter 7).
    strained_naive => strained::strained_naive
}
crystal! {
    /// Your `strained_positions` (chapter 7).
    strained_positions => strained::strained_positions
}
crystal! {
    /// Your `strained_parallel` (chapter 10).
    strained_parallel => cores::strained_parallel
}
crystal! {
    /// Your `strained_matmul` (chapter 11).
    strained_matmul => algorithm::strained_matmul
}

/// Your `square_fft` (chapter 11).
#[pyfunction]
fn square_fft<'py>(
    py: Python<'py>,
    n: usize,
    h: PyReadonlyArrayDyn<'py, f64>,
    k: PyReadonlyArrayDyn<'py, f64>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    args::fft_axes(&h, &k)?;
    args::crystal(py, "yours.square_fft", algorithm::square_fft, n, &h, &k)
}

/// Your `slow_digits` (chapter 12).
#[pyfunction]
fn series_digits(py: Python<'_>, n: u64) -> PyResult<f64> {
    args::series(py, "yours.series_digits", series::slow_digits, n)
}

/// Your `slow_blocks` (chapter 12).
#[pyfunction]
fn series_blocks(py: Python<'_>, n: u64) -> PyResult<f64> {
    args::series(py, "yours.series_blocks", series::slow_blocks, n)
}

/// Your `slow_blocks_parallel` (chapter 12).
#[pyfunction]
fn series_blocks_parallel(py: Python<'_>, n: u64) -> PyResult<f64> {
    args::series(
        py,
        "yours.series_blocks_parallel",
        series::slow_blocks_parallel,
        n,
    )
}

/// Your `slow_grouped` (chapter 12).
#[pyfunction]
fn series_grouped(py: Python<'_>, n: u128) -> PyResult<f64> {
    args::series(py, "yours.series_grouped", series::slow_grouped, n)
}

/// Your `cos_libm` (chapter 13).
#[pyfunction]
fn cosine_libm(py: Python<'_>, n: u64) -> PyResult<f64> {
    let n = args::terms(n)?;
    args::series(py, "yours.cosine_libm", cosine::cos_libm, n)
}

/// Your `cos_rotation` (chapter 13).
#[pyfunction]
#[pyo3(signature = (n, resync = cosine::RESYNC))]
fn cosine_rotation(py: Python<'_>, n: u64, resync: u64) -> PyResult<f64> {
    let n = args::terms(n)?;
    if resync == 0 {
        return Err(args::bad("resync must be at least 1 term"));
    }
    args::series(
        py,
        "yours.cosine_rotation",
        |n| cosine::cos_rotation(n, resync),
        n,
    )
}

/// Your `cos_parallel` (chapter 13).
#[pyfunction]
fn cosine_parallel(py: Python<'_>, n: u64) -> PyResult<f64> {
    let n = args::terms(n)?;
    args::series(py, "yours.cosine_parallel", cosine::cos_parallel, n)
}

/// Your `accelerations` (chapter 5).
#[pyfunction]
fn nbody_accelerations<'py>(
    py: Python<'py>,
    pos: PyReadonlyArrayDyn<'py, f64>,
    mass: PyReadonlyArrayDyn<'py, f64>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    args::accelerations(
        py,
        "yours.nbody_accelerations",
        nbody::accelerations,
        &pos,
        &mass,
    )
}

/// Your chapter 5 run from copies of the arrays.
fn exercise_run(
    pos: Vec<Vec3>,
    vel: Vec<Vec3>,
    mass: Vec<f64>,
    frames: usize,
    steps_per_frame: usize,
    dt: f64,
    method: Method,
) -> Vec<Vec3> {
    let mut system = nbody::System { pos, vel, mass };
    let method = match method {
        Method::Naive => nbody::Method::Naive,
        Method::Pairs => nbody::Method::Pairs,
        Method::Parallel => nbody::Method::Parallel,
    };
    nbody::simulate(&mut system, frames, steps_per_frame, dt, method)
}

/// Your `simulate` (chapter 5), with your accelerations of `method`.
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
        "yours.nbody_simulate",
        exercise_run,
        &pos,
        &vel,
        &mass,
        frames,
        steps_per_frame,
        dt,
        method,
    )
}

/// Defines a Mandelbrot binding `$name(width, height, max_iter, re, im)` that runs the
/// exercise kernel `$kernel` (chapter 17) on the exercise's own `Plane`.
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
                $kernel(&mandelbrot::Plane { width, height, max_iter, re, im })
            };
            let what = concat!("yours.", stringify!($name));
            args::mandelbrot(py, what, run, (width, height, max_iter), re, im)
        }
    };
}

mandelbrot! {
    /// Your `mandelbrot_naive` (chapter 17).
    mandelbrot_naive => mandelbrot::mandelbrot_naive
}
mandelbrot! {
    /// Your `mandelbrot_balanced` (chapter 17).
    mandelbrot_balanced => mandelbrot::mandelbrot_balanced
}

/// Adds the submodule `yours` to `parent`, and to `sys.modules` as `workbook_py.yours` so that
/// `import workbook_py.yours` and `from workbook_py import yours` both work.
pub fn register(parent: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = parent.py();
    let m = PyModule::new(py, "yours")?;
    m.add(
        "__doc__",
        "Your exercise crates' kernels, with the solution's names and signatures.",
    )?;
    m.add_function(wrap_pyfunction!(axis, &m)?)?;
    m.add_function(wrap_pyfunction!(square_naive, &m)?)?;
    m.add_function(wrap_pyfunction!(square_tables, &m)?)?;
    m.add_function(wrap_pyfunction!(square_parallel, &m)?)?;
    m.add_function(wrap_pyfunction!(square_fft, &m)?)?;
    m.add_function(wrap_pyfunction!(strained_naive, &m)?)?;
    m.add_function(wrap_pyfunction!(strained_positions, &m)?)?;
    m.add_function(wrap_pyfunction!(strained_parallel, &m)?)?;
    m.add_function(wrap_pyfunction!(strained_matmul, &m)?)?;
    m.add_function(wrap_pyfunction!(series_digits, &m)?)?;
    m.add_function(wrap_pyfunction!(series_blocks, &m)?)?;
    m.add_function(wrap_pyfunction!(series_blocks_parallel, &m)?)?;
    m.add_function(wrap_pyfunction!(series_grouped, &m)?)?;
    m.add_function(wrap_pyfunction!(cosine_libm, &m)?)?;
    m.add_function(wrap_pyfunction!(cosine_rotation, &m)?)?;
    m.add_function(wrap_pyfunction!(cosine_parallel, &m)?)?;
    m.add_function(wrap_pyfunction!(nbody_accelerations, &m)?)?;
    m.add_function(wrap_pyfunction!(nbody_simulate, &m)?)?;
    m.add_function(wrap_pyfunction!(mandelbrot_naive, &m)?)?;
    m.add_function(wrap_pyfunction!(mandelbrot_balanced, &m)?)?;
    // Chapter 14: the binding you write yourself.
    m.add_function(wrap_pyfunction!(bindings::binding::square, &m)?)?;
    parent.add_submodule(&m)?;
    let modules = py
        .import("sys")?
        .getattr("modules")?
        .cast_into::<PyDict>()?;
    modules.set_item("workbook_py.yours", &m)?;
    Ok(())
}
