//! Chapter 19 exercise: the strained crystal's direct sum as a WGSL compute shader, one
//! invocation per point (h, k), every cell in a loop over a buffer of positions computed once
//! on the CPU.
//!
//! Two things to write: the shader's loop over the cells, `intensity` in `src/sum.wgsl`, and
//! the host code that runs it, `dispatch` in `src/sum.rs`. The GPU half (`device`, `sum`) needs the `gpu` feature: without it the crate holds the
//! grid and the CPU references only, so that a plain build never compiles wgpu.

#[cfg(feature = "gpu")]
pub mod device;
#[cfg(feature = "gpu")]
pub mod sum;

#[cfg(feature = "gpu")]
pub use device::{Gpu, NO_DEVICE};
#[cfg(feature = "gpu")]
pub use sum::{Precision, Sum, dispatch};

/// Which crystal: chapter 1's square of `cells x cells`, or chapter 7's strained disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Crystal {
    Square,
    Strained,
}

/// The cells' positions, as chapter 9 and chapter 7 compute them (n major).
pub fn positions(crystal: Crystal, cells: usize) -> (Vec<f64>, Vec<f64>) {
    match crystal {
        Crystal::Square => compiler_solution::square_positions(cells),
        Crystal::Strained => strained_solution::positions(cells),
    }
}

/// Chapter 1's grid: h over one fringe around H = 0, k around K = 4, `cells x oversampling`
/// values each.
pub fn axes(cells: usize, oversampling: usize) -> (Vec<f64>, Vec<f64>) {
    (
        laue_solution::axis(0.0, cells, oversampling),
        laue_solution::axis(4.0, cells, oversampling),
    )
}

/// The best CPU kernel, chapter 10's on every core: the reference the GPU is checked and timed
/// against.
pub fn cpu(crystal: Crystal, cells: usize, h: &[f64], k: &[f64]) -> Vec<f64> {
    match crystal {
        Crystal::Square => cores_solution::square_fast(cells, h, k),
        Crystal::Strained => cores_solution::strained_fast(cells, h, k),
    }
}

/// The book's error: max |reference - x| / max |reference|.
pub fn relative_error(reference: &[f64], x: &[f64]) -> f64 {
    let top = reference.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let worst = reference
        .iter()
        .zip(x)
        .fold(0.0f64, |m, (r, v)| m.max((r - v).abs()));
    if reference.len() != x.len() {
        return f64::INFINITY;
    }
    worst / top
}
