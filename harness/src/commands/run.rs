//! `run`: one kernel once, its time, its error against the case's baseline, and files to keep.

use crate::chapter::{Chapter, Workload};
use crate::cli::{Side, check_destination, pick};
use crate::files;
use crate::guard::run_kernel;
use crate::measure::human_duration;
use crate::output::Output;
use crate::{npy, picture};
use anyhow::{Result, bail};
use std::path::{Path, PathBuf};

pub struct Files {
    pub save: Option<PathBuf>,
    pub png: Option<PathBuf>,
}

pub fn run(
    chapter: &dyn Chapter,
    work: &Workload,
    kernel: &str,
    side: Side,
    files: Files,
    phases: bool,
) -> Result<()> {
    let (k, job, stub) = pick(work, kernel, side)?;
    // Check the destinations before a long run, not after.
    for path in files.save.iter().chain(files.png.iter()) {
        check_destination(path)?;
    }
    let start = std::time::Instant::now();
    let (output, table) = if phases {
        let (output, _, table) = crate::phases::collect(|| run_kernel(job.as_ref(), stub));
        (output, table)
    } else {
        (run_kernel(job.as_ref(), stub), Vec::new())
    };
    let output = output?;
    let elapsed = start.elapsed();
    println!(
        "{} {kernel} ({}): {}",
        work.chapter,
        side.word(),
        work.cases[k.case].summary
    );
    println!(
        "  time     {} (one cold run; `cargo workbook bench` repeats it for a figure to trust)",
        human_duration(elapsed)
    );
    let baseline = work.baseline(k.case);
    let same_as_baseline = side == Side::Reference && kernel == baseline.name;
    let reference = if same_as_baseline {
        output.clone()
    } else {
        run_kernel(baseline.reference.as_ref(), None)?
    };
    match output.error_against(&reference) {
        Some(e) => println!(
            "  error    {e:.2e} against the reference {} (max |ref - x| / max |ref|)",
            baseline.name
        ),
        None => println!(
            "  error    shapes differ: {} against the reference's {}",
            output.describe(),
            reference.describe()
        ),
    }
    println!("  result   {}", output.describe());
    if phases {
        if table.is_empty() {
            println!("  phases   none: this kernel opens no tracing spans");
        } else {
            println!("  phases, largest own time first:");
            print!("{}", crate::phases::format_table(elapsed, &table));
        }
    }
    if let Output::Values(v) = &output
        && v.len() <= 64
    {
        // A short list (a table of partial sums, say) is worth reading in full.
        for (i, x) in v.iter().enumerate() {
            println!("    [{i:>2}] {x:.17}");
        }
    }
    if let Some(path) = files.save {
        let (shape, data) = match &output {
            Output::Grid(g) => (vec![g.rows, g.cols], &g.data),
            Output::Values(v) => (vec![v.len()], v),
            Output::Trajectories(t) => (vec![t.frames, t.bodies, 3], &t.xyz),
            other => bail!(
                "--save writes arrays, and this kernel returns {}",
                other.describe()
            ),
        };
        let backup = files::write_file(&path, &npy::encode_f64(&shape, data))?;
        report_written("saved", &path, backup);
    }
    if let Some(path) = files.png {
        let png = match (&output, chapter.picture(&output)) {
            (_, Some(png)) => png?,
            (Output::Grid(grid), None) => picture::heatmap_png(grid)?,
            (other, None) => bail!(
                "chapter {} draws no picture of {}",
                work.chapter,
                other.describe()
            ),
        };
        let backup = files::write_file(&path, &png)?;
        report_written("picture", &path, backup);
    }
    Ok(())
}

fn report_written(what: &str, path: &Path, backup: Option<PathBuf>) {
    println!("  {what:<8} {}", files::shown(path));
    if let Some(b) = backup {
        println!(
            "           (the file that was there is kept as {})",
            files::shown(&b)
        );
    }
}
