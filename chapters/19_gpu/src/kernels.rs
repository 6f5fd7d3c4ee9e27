//! The chapter's cases with the gpu feature: the device opened once, one pipeline and one set
//! of buffers per GPU kernel, and the CPU baseline.

use anyhow::{Result, anyhow};
use gpu_solution::{Costs, Crystal, Gpu, Precision, Sum, dispatch};
use harness::chapter::{Case, Job, Values};
use harness::output::Output;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub fn bytes_needed(values: &Values) -> u128 {
    // Per point: the CPU's grid and the device's (f64 each, yours and the reference), the
    // readback copy; the cells' positions are small beside them.
    let side = values.get("cells") as u128 * values.get("oversampling") as u128;
    6 * 8 * side * side
}

/// The grid of one crystal, shared by its kernels.
struct Grid {
    crystal: Crystal,
    cells: usize,
    x: Vec<f64>,
    y: Vec<f64>,
    h: Vec<f64>,
    k: Vec<f64>,
}

impl Grid {
    fn new(crystal: Crystal, cells: usize, oversampling: usize) -> Arc<Grid> {
        let (x, y) = gpu_solution::positions(crystal, cells);
        let (h, k) = gpu_solution::axes(cells, oversampling);
        Arc::new(Grid {
            crystal,
            cells,
            x,
            y,
            h,
            k,
        })
    }

    fn cpu(self: &Arc<Grid>) -> Job {
        let g = Arc::clone(self);
        Box::new(move || Output::Values(gpu_solution::cpu(g.crystal, g.cells, &g.h, &g.k)))
    }

    /// The reference shader at `precision` with `workgroup` invocations a group.
    fn gpu(&self, gpu: &Arc<Gpu>, precision: Precision, workgroup: u32) -> Result<Job> {
        let sum = Sum::new(
            gpu,
            precision,
            workgroup,
            (&self.x, &self.y),
            &self.h,
            &self.k,
        )
        .map_err(|e| anyhow!(e))?;
        let gpu = Arc::clone(gpu);
        Ok(Box::new(move || Output::Values(dispatch(&gpu, &sum))))
    }

    /// Your `dispatch` and your shader, on a device of your crate's own.
    #[cfg(feature = "exercise")]
    fn yours(&self) -> Result<Job> {
        let gpu = ::gpu::Gpu::open().map_err(|e| anyhow!(e))?;
        let precision = ::gpu::Precision::best(&gpu);
        let sum = ::gpu::Sum::new(&gpu, precision, 64, (&self.x, &self.y), &self.h, &self.k)
            .map_err(|e| {
                anyhow!(
                    "exercises/19_gpu: {e}; fix it, or add --solution to run the reference alone"
                )
            })?;
        Ok(Box::new(move || {
            Output::Values(::gpu::dispatch(&gpu, &sum))
        }))
    }
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

/// The device's line and its costs around the kernel, for the strained grid.
fn costs_line(gpu: &Gpu, start: Duration, grid: &Grid, precision: Precision) -> Result<String> {
    let c = Costs::measure(
        gpu,
        start,
        precision,
        64,
        (&grid.x, &grid.y),
        &grid.h,
        &grid.k,
    )
    .map_err(|e| anyhow!(e))?;
    Ok(format!(
        "device: {gpu}\n  {precision:?}: start-up {}, shader compile {}, upload {}, launch (an empty submission) {}, kernel {}, download {} (host clock around each submitted and awaited command)",
        ms(c.start),
        ms(c.compile),
        ms(c.upload),
        ms(c.launch),
        ms(c.kernel),
        ms(c.download)
    ))
}

pub fn cases(values: &Values) -> Result<Vec<Case>> {
    let (cells, oversampling) = (values.size("cells"), values.size("oversampling"));
    let t = Instant::now();
    let gpu = Arc::new(Gpu::open().map_err(|e| anyhow!(e))?);
    let start = t.elapsed();
    let best = Precision::best(&gpu);
    let strained = Grid::new(Crystal::Strained, cells, oversampling);
    let square = Grid::new(Crystal::Square, cells, oversampling);
    let mut costs = costs_line(&gpu, start, &strained, best)?;
    if best == Precision::F32 {
        costs.push_str("\n  this device has no f64 in shaders: the gpu kernels run in f32");
    }
    let side = cells * oversampling;
    let strained_case = Case::new(
        "strained",
        format!(
            "strained crystal, N = {cells}: {} cells, {side} x {side} points\n{costs}",
            strained.x.len()
        ),
    )
    .reference("cpu", strained.cpu())
    .exercise(
        "gpu",
        harness::yours!(strained.yours()?),
        strained.gpu(&gpu, best, 64)?,
    )
    .reference("gpu-f32", strained.gpu(&gpu, Precision::F32, 64)?)
    .reference("gpu-wg1", strained.gpu(&gpu, best, 1)?)
    .reference("gpu-wg16", strained.gpu(&gpu, best, 16)?)
    .reference("gpu-wg256", strained.gpu(&gpu, best, 256)?);
    let square_case = Case::new(
        "square",
        format!(
            "square crystal, N = {cells}: {} cells, {side} x {side} points",
            square.x.len()
        ),
    )
    .reference("square-cpu", square.cpu())
    .reference("square-gpu", square.gpu(&gpu, best, 64)?);
    Ok(vec![strained_case, square_case])
}
