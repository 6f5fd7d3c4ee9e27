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

/// How `run` times the kernel: its tracing phases, and how many runs.
pub struct Timing {
    pub phases: bool,
    pub repeat: u32,
}

/// A reference comparison estimated to take longer than this is announced before the run.
const LONG: Duration = Duration::from_secs(10);

pub fn run(
    chapter: &dyn Chapter,
    work: &Workload,
    kernel: &str,
    side: Side,
    files: Files,
    timing: Timing,
    reference: Reference,
) -> Result<()> {
    let phases = timing.phases;
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
    // Each run is timed; with --phases each collects its phase table, and the table shown is
    // the one of the run whose time is the median, so that it adds up to the figure printed.
    let timed = || -> Result<_> {
        let start = std::time::Instant::now();
        let (output, table) = if phases {
            let (output, _, table) = crate::phases::collect(|| run_kernel(job.as_ref(), stub));
            (output, table)
        } else {
            (run_kernel(job.as_ref(), stub), Vec::new())
        };
        Ok((output?, start.elapsed(), table))
    };
    let (output, first, first_table) = timed()?;
    let mut runs = vec![(first, first_table)];
    // The later runs are warm: the same inputs, the caches and the allocator already primed.
    for _ in 1..timing.repeat {
        let (_, elapsed, table) = timed()?;
        runs.push((elapsed, table));
    }
    let times: Vec<Duration> = runs.iter().map(|r| r.0).collect();
    let mut order: Vec<usize> = (0..runs.len()).collect();
    order.sort_by_key(|&i| runs[i].0);
    let (median_time, table) = runs.swap_remove(order[order.len() / 2]);
    drop(progress);
    println!(
        "{} {kernel} ({}): {}",
        work.chapter,
        side.word(),
        work.cases[k.case].summary
    );
    println!("  time     {}", describe_times(&times));
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
            print!("{}", crate::phases::format_table(median_time, &table));
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

/// "151 ms (one cold run; ...)" or "148 ms, the median of 5 runs (best 147 ms; the first, cold: 160 ms)".
fn describe_times(times: &[Duration]) -> String {
    if let [one] = times {
        return format!(
            "{} (one cold run; `--repeat 5` or `cargo workbook bench` for a figure to trust)",
            human_duration(*one)
        );
    }
    let mut sorted = times.to_vec();
    sorted.sort();
    format!(
        "{}, the median of {} runs (best {}; the first, cold: {})",
        human_duration(sorted[sorted.len() / 2]),
        times.len(),
        human_duration(sorted[0]),
        human_duration(times[0])
    )
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
