//! The binding Python calls: `workbook_py.yours.square(n, h, k)`. Built only with the feature
//! `python`, which `cargo workbook check bindings` turns on when it builds `workbook_py`.
//!
//! Four steps, in this order: borrow `h` and `k` as `&[f64]` (`as_slice`: no copy), check them
//! with `check_inputs` (its message as a `ValueError`), run `intensity` with the GIL released
//! (`py.detach`), and give NumPy the result (`Array2::from_shape_vec`, then `into_pyarray`).

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
    todo!(
        "borrow h and k as slices, check_inputs (a ValueError), py.detach(|| intensity(..)), then a (len(h), len(k)) array"
    )
}
