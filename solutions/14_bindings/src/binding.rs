//! The binding Python calls: `workbook_py.yours.square(n, h, k)` (and, from the solution,
//! `workbook_py.square_binding`). Built only with the feature `python`.

// ANCHOR: binding
use numpy::ndarray::Array2;
use numpy::{IntoPyArray, PyArray2, PyReadonlyArray1};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// `square(n, h, k)`: the square crystal's intensity as a `(len(h), len(k))` float64 array.
#[pyfunction]
pub fn square<'py>(
    py: Python<'py>,
    n: usize,
    h: PyReadonlyArray1<'py, f64>,
    k: PyReadonlyArray1<'py, f64>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    // Borrowed, not copied: a contiguous float64 array is already a `&[f64]`.
    let not_contiguous = |_| PyValueError::new_err("h and k must be contiguous arrays");
    let (h, k) = (
        h.as_slice().map_err(not_contiguous)?,
        k.as_slice().map_err(not_contiguous)?,
    );
    crate::check_inputs(n, h, k).map_err(PyValueError::new_err)?;
    // The GIL is released while Rust works: other Python threads run meanwhile. Only plain
    // slices cross into the closure, no Python object.
    let values = py.detach(|| crate::intensity(n, h, k));
    let grid = Array2::from_shape_vec((h.len(), k.len()), values)
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    // NumPy takes over the Vec's memory: no copy on the way out either.
    Ok(grid.into_pyarray(py))
}
// ANCHOR_END: binding
