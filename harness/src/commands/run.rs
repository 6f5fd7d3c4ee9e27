//! `run`: one kernel once, its time, its error against the case's baseline, and files to keep.

use crate::chapter::{Chapter, Values, Workload};
use crate::cli::{Side, check_destination, pick};
use crate::data::ChapterData;
use crate::files;
use crate::guard::run_kernel;
use crate::measure::{estimate_baseline, human_duration, human_long};
use crate::output::Output;
use crate::progress::Progress;
use crate::{npy, picture};
use anyhow::{Result, bail};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub struct Files {
    pub save: Option<PathBuf>,
    pub png: Option<PathBuf>,
}

/// The reference run that gives the error: skipped with `--no-reference`; the chapter's data
/// and the sizes estimate how long it takes.
pub struct Reference<'a> {
    pub skip: bool,
    pub data: &'a ChapterData,
    pub values: &'a Values,
}

/// A reference comparison estimated to take longer than this is announced before the run.
const LONG: Duration = Duration::from_secs(10);

pub fn run(
    chapter: &dyn Chapter,
    work: &Workload,
    kernel: &str,
    side: Side,
    files: Files,
    phases: bool,
    reference: Reference,
) -> Result<()> {
    let (k, job, stub) = pick(work, kernel, side)?;
    // Check the destinations before a long run, not after.
    for path in files.save.iter().chain(files.png.iter()) {
        check_destination(path)?;
    }
    let baseline = work.baseline(k.case);
    let same_as_baseline = side == Side::Reference && kernel == baseline.name;
    let compare = !same_as_baseline && !reference.skip;
    let estimate = if compare || kernel == baseline.name {
        estimate_baseline(
            reference.data,
            chapter,
            reference.values,
            &work.cases[k.case].name,
        )
    } else {
        None
    };
    if let Some(e) = estimate.as_ref().filter(|e| compare && e.time > LONG) {
        println!(
            "{} {kernel}: the reference {} that gives the error takes about {} at these sizes",
            work.chapter,
            baseline.name,
            human_long(e.time),
        );
        println!("  ({}): add --no-reference to skip it", e.how);
    }
    let own_estimate = estimate
        .as_ref()
        .filter(|_| kernel == baseline.name)
        .map(|e| e.time);
    let progress = Progress::work(
        format!("running {} {kernel} ({})", work.chapter, side.word()),
        own_estimate,
    );
    let start = std::time::Instant::now();
    let (output, table) = if phases {
        let (output, _, table) = crate::phases::collect(|| run_kernel(job.as_ref(), stub));
        (output, table)
    } else {
        (run_kernel(job.as_ref(), stub), Vec::new())
    };
    let output = output?;
    let elapsed = start.elapsed();
    drop(progress);
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
    let reference = if same_as_baseline {
        Some(output.clone())
    } else if reference.skip {
        None
    } else {
        let _progress = Progress::work(
            format!("running the reference {} for the error", baseline.name),
            estimate.as_ref().map(|e| e.time),
        );
        Some(run_kernel(baseline.reference.as_ref(), None)?)
    };
    match reference.as_ref().map(|r| (r, output.error_against(r))) {
        Some((_, Some(e))) if e <= work.tolerance => println!(
            "  error    {e:.2e} against the reference {} (max |ref - x| / max |ref|)",
            baseline.name
        ),
        Some((_, Some(e))) => println!(
            "  error    {e:.2e} against the reference {}: WRONG, the chapter's tolerance is {:.0e} (max |ref - x| / max |ref|)",
            baseline.name, work.tolerance
        ),
        Some((reference, None)) => println!(
            "  error    WRONG: shapes differ: {} against the reference's {}",
            output.describe(),
            reference.describe()
        ),
        None => println!(
            "  error    not checked (--no-reference): the reference {} was not run",
            baseline.name
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
        let drawn = match (&output, chapter.picture(&output)) {
            (_, Some(drawn)) => drawn?,
            (Output::Grid(grid), None) => picture::heatmap(
                grid,
                &format!("{} {kernel} ({})", work.chapter, side.word()),
                &work.cases[k.case].summary,
            )?,
            (other, None) => bail!(
                "chapter {} draws no picture of {}",
                work.chapter,
                other.describe()
            ),
        };
        let backup = files::write_file(&path, &drawn.png)?;
        report_written("picture", &path, backup);
        for line in &drawn.shows {
            println!("           {line}");
        }
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
