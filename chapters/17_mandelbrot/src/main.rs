//! Chapter 17's runner: the Mandelbrot set's upper half, its rows split over the cores three
//! ways, and the kernel reached through each kind of call.
//!
//! A job returns the counts as numbers (`u32` to `f64`, a copy that costs about 1 % of the
//! fastest kernel's time at the default size): the error column then says whether every count
//! is the naive grid's (0 exactly, or WRONG).

use harness::chapter::{Case, Chapter, Job, Values};
use harness::output::{Grid as Picture, Output};
use harness::yours;
use mandelbrot_solution::Plane;
use std::sync::Mutex;

fn counts(c: Vec<u32>) -> Output {
    Output::Values(c.into_iter().map(f64::from).collect())
}

fn job(plane: Plane, f: fn(&Plane) -> Vec<u32>) -> Job {
    Box::new(move || counts(f(&plane)))
}

/// The parameters as a plane: the set's upper half, `width x height` points.
fn plane(values: &Values) -> Plane {
    let iterations = u32::try_from(values.get("iterations")).unwrap_or(u32::MAX);
    Plane::upper_half(values.size("width"), values.size("height"), iterations)
}

/// The learner's side takes the exercise's own `Plane` (the same type, re-exported, until a
/// solution is copied over the exercise and defines its own).
#[cfg(feature = "exercise")]
fn yours_job(p: &Plane, f: fn(&mandelbrot::Plane) -> Vec<u32>) -> Job {
    let plane = mandelbrot::Plane::upper_half(p.width, p.height, p.max_iter);
    Box::new(move || counts(f(&plane)))
}

/// The chapter; it remembers the plane for the picture.
struct Mandelbrot {
    plane: Mutex<Option<Plane>>,
}

impl Chapter for Mandelbrot {
    fn bytes_needed(&self, values: &Values) -> u128 {
        // Per point: the counts (4 bytes) and their copy as f64 (8), for yours and the
        // reference at once, plus the interleaved split's rows before they are put back (4).
        let points = values.get("width") as u128 * values.get("height") as u128;
        2 * 12 * points + 4 * points
    }

    fn cases(&self, values: &Values) -> anyhow::Result<Vec<Case>> {
        let p = plane(values);
        *self.plane.lock().unwrap_or_else(|e| e.into_inner()) = Some(p);
        let summary = format!(
            "{} x {} points over [{}, {}] x [{}, {}]i (the upper half), at most {} iterations a point",
            p.width, p.height, p.re.0, p.re.1, p.im.0, p.im.1, p.max_iter
        );
        use mandelbrot_solution as sol;
        // The work is the iterations, which depend on the point: no fixed count of bytes or
        // operations per point describes it, so the kernels stay off the roofline.
        Ok(vec![
            Case::new("mandelbrot", summary)
                .exercise(
                    "naive",
                    yours!(yours_job(&p, mandelbrot::mandelbrot_naive)),
                    job(p, sol::mandelbrot_naive),
                )
                .reference("lanes", job(p, sol::mandelbrot_lanes))
                .reference("generic", job(p, sol::mandelbrot_generic))
                .reference("inline-never", job(p, sol::mandelbrot_inline_never))
                .reference("fn-pointer", job(p, sol::mandelbrot_fn_pointer))
                .exercise(
                    "dyn",
                    yours!(yours_job(&p, mandelbrot::mandelbrot_dyn)),
                    job(p, sol::mandelbrot_dyn),
                )
                .reference("boxed-closure", job(p, sol::mandelbrot_boxed_closure))
                .reference("values", job(p, sol::mandelbrot_values))
                .reference("boxed-values", job(p, sol::mandelbrot_boxed_values))
                .reference("blocks", job(p, sol::mandelbrot_blocks))
                .reference("interleaved", job(p, sol::mandelbrot_interleaved))
                .reference("par-rows", job(p, sol::mandelbrot_par_rows))
                .exercise(
                    "balanced",
                    yours!(yours_job(&p, mandelbrot::mandelbrot_balanced)),
                    job(p, sol::mandelbrot_balanced),
                ),
        ])
    }

    fn picture(&self, output: &Output) -> Option<anyhow::Result<harness::picture::Picture>> {
        let Output::Values(values) = output else {
            return None;
        };
        let p = (*self.plane.lock().unwrap_or_else(|e| e.into_inner()))?;
        if values.len() != p.points() {
            return Some(Err(anyhow::anyhow!(
                "cannot draw a {} x {} plane from {} values",
                p.width,
                p.height,
                values.len()
            )));
        }
        // The real axis to the right, the imaginary axis upwards: the picture's rows are the
        // grid's columns. The colour is the logarithm of the count, so that the few steps far
        // from the set and the thousands at its edge both show.
        let data = (0..p.width)
            .flat_map(|j| (0..p.height).map(move |i| values[i * p.width + j].log10()))
            .collect();
        let map = Picture {
            rows: p.width,
            cols: p.height,
            data,
            row_axis: ("real part", p.re.0, p.re.1),
            col_axis: ("imaginary part", p.im.0, p.im.1),
            value: "log10 of the iterations",
        };
        Some(harness::picture::heatmap(
            &map,
            "The Mandelbrot set's upper half: iterations to escape",
            &format!(
                "{} x {} points, at most {} iterations (those reach it: the set)",
                p.width, p.height, p.max_iter
            ),
        ))
    }
}

fn main() {
    harness::runner::main(
        include_str!("../chapter.toml"),
        &Mandelbrot {
            plane: Mutex::new(None),
        },
    );
}
