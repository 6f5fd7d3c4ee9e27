//! `bench`: one table per case and thread count, and for a sweep the speed-up of each kernel
//! with Amdahl's law fitted to it ([`crate::scaling`]).

use crate::chapter::Workload;
use crate::measure::{Timing, human_duration, time_job};
use crate::progress::Progress;
use crate::scaling::{Sweep, print_scaling};
use crate::threads::with_threads;
use anyhow::Result;
use std::path::Path;
use std::time::Duration;

/// What to bench.
pub struct Plan<'a> {
    pub only: &'a [String],
    pub counts: &'a [Option<usize>],
    pub seconds: f64,
    pub reference_only: bool,
    pub plot: &'a Path,
    /// The machine's roofs and where the roofline plot goes, for `--roofline`.
    pub roofline: Option<(&'a crate::machine::Figures, &'a Path)>,
}

/// One row of a bench table.
struct Row<'w> {
    kernel: &'w str,
    side: &'static str,
    result: Result<Timing, String>,
}

pub fn bench(work: &Workload, plan: &Plan) -> Result<()> {
    let budget = Duration::from_secs_f64(plan.seconds);
    let mut sweep: Vec<Sweep> = Vec::new();
    let mut placed: Vec<crate::roofline::Point> = Vec::new();
    // Every row costs about the budget (one warm-up run, then runs for `seconds`).
    let rows: usize = (0..work.cases.len())
        .map(|case| planned_rows(work, case, plan.only, plan.reference_only))
        .sum();
    let progress = Progress::steps((rows * plan.counts.len()) as u64, "timing", Some(budget));
    for &count in plan.counts {
        let threads = count.unwrap_or_else(rayon::current_num_threads);
        for (case, info) in work.cases.iter().enumerate() {
            if !work
                .kernels
                .iter()
                .any(|k| k.case == case && wanted(plan.only, &k.name))
            {
                continue;
            }
            progress.println(format!(
                "{} on {} thread{}: {}",
                work.chapter,
                threads,
                if threads == 1 { "" } else { "s" },
                info.summary
            ));
            let rows = with_threads(count, || {
                Ok(time_rows(
                    work,
                    case,
                    plan.only,
                    budget,
                    plan.reference_only,
                    &progress,
                ))
            })?;
            let mut table = format_table(&rows, work, case, threads);
            if let Some((figures, _)) = plan.roofline {
                let points = roofline_points(work, &rows, threads);
                table.push_str(&crate::roofline::table(figures, threads, &points));
                placed.extend(points);
            }
            progress.suspend(|| print!("{table}"));
            for row in rows.iter().filter(|r| r.side == "reference") {
                if let Ok(t) = &row.result {
                    match sweep.iter_mut().find(|(k, _)| k == row.kernel) {
                        Some((_, points)) => points.push((threads, t.median)),
                        None => sweep.push((row.kernel.to_string(), vec![(threads, t.median)])),
                    }
                }
            }
            progress.println("");
        }
    }
    drop(progress);
    if plan.counts.len() > 1 {
        print_scaling(&work.chapter, &sweep, plan.plot)?;
    }
    if let Some((figures, path)) = plan.roofline {
        let svg = crate::roofline::svg(&work.chapter, figures, &placed);
        crate::files::write_file(path, svg.as_bytes())?;
        println!("roofline plot: {}", path.display());
    }
    Ok(())
}

/// The rows of a table whose kernel declares its cost, as points under the roofs.
fn roofline_points(work: &Workload, rows: &[Row], threads: usize) -> Vec<crate::roofline::Point> {
    rows.iter()
        .filter_map(|row| {
            let t = row.result.as_ref().ok()?;
            let cost = work.kernels.iter().find(|k| k.name == row.kernel)?.cost?;
            Some(crate::roofline::Point {
                kernel: row.kernel.to_string(),
                side: row.side,
                threads,
                seconds: t.median.as_secs_f64(),
                cost,
            })
        })
        .collect()
}

fn wanted(only: &[String], kernel: &str) -> bool {
    only.is_empty() || only.iter().any(|o| o == kernel)
}

/// How many rows [`time_rows`] times for `case`: the progress bar's steps.
fn planned_rows(work: &Workload, case: usize, only: &[String], reference_only: bool) -> usize {
    let kernels: Vec<_> = work
        .kernels
        .iter()
        .filter(|k| k.case == case && wanted(only, &k.name))
        .collect();
    if kernels.is_empty() {
        return 0;
    }
    let yours = kernels
        .iter()
        .filter(|k| k.yours.is_some() && !reference_only)
        .count();
    let base = work.baseline(case);
    let extra = usize::from(!kernels.iter().any(|k| k.name == base.name));
    kernels.len() + yours + extra
}

fn time_rows<'w>(
    work: &'w Workload,
    case: usize,
    only: &[String],
    budget: Duration,
    reference_only: bool,
    progress: &Progress,
) -> Vec<Row<'w>> {
    let timed = |job: &crate::chapter::Job, stub: Option<&str>, kernel: &str, side: &str| {
        progress.set_message(format!("{} {kernel} ({side})", work.chapter));
        let result = time_job(job, stub, budget).map_err(|e| e.to_string());
        progress.step();
        result
    };
    let mut rows = Vec::new();
    for k in work
        .kernels
        .iter()
        .filter(|k| k.case == case && wanted(only, &k.name))
    {
        if let (Some(job), false) = (&k.yours, reference_only) {
            rows.push(Row {
                kernel: &k.name,
                side: "yours",
                result: timed(job, k.stub.as_deref(), &k.name, "yours"),
            });
        }
        rows.push(Row {
            kernel: &k.name,
            side: "reference",
            result: timed(&k.reference, None, &k.name, "reference"),
        });
    }
    // The baseline and the reference for errors is the case's first kernel's reference
    // version, even when --kernel leaves it out of the table.
    let base = work.baseline(case);
    if !rows
        .iter()
        .any(|r| r.kernel == base.name && r.side == "reference")
    {
        rows.insert(
            0,
            Row {
                kernel: &base.name,
                side: "reference",
                result: timed(&base.reference, None, &base.name, "reference"),
            },
        );
    }
    rows
}

/// The table of one case at one thread count: time, speed-up and error against the case's
/// baseline (the reference version of its first kernel), each kernel's goal and whether this
/// run meets it, and WRONG for an error above the chapter's tolerance.
fn format_table(rows: &[Row], work: &Workload, case: usize, threads: usize) -> String {
    use std::fmt::Write as _;
    let base = work.baseline(case);
    let baseline = rows
        .iter()
        .find(|r| r.side == "reference" && r.kernel == base.name)
        .and_then(|r| r.result.as_ref().ok());
    let width = rows
        .iter()
        .map(|r| r.kernel.len())
        .max()
        .unwrap_or(6)
        .max(12);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "  {:<width$} {:<9} {:>10} {:>10} {:>6} {:>9}  {:<19} error",
        "kernel", "code", "median", "best", "runs", "speed-up", "goal"
    );
    let mut goals = false;
    for row in rows {
        let t = match &row.result {
            Ok(t) => t,
            Err(e) => {
                let _ = writeln!(out, "  {:<width$} {:<9} {e}", row.kernel, row.side);
                continue;
            }
        };
        let speedup = baseline.map(|b| b.median.as_secs_f64() / t.median.as_secs_f64().max(1e-12));
        let goal = work
            .kernels
            .iter()
            .find(|k| k.name == row.kernel)
            .and_then(|k| k.goal);
        goals |= goal.is_some();
        let goal_cell = match (goal, speedup) {
            (None, _) => String::new(),
            (Some(g), _) if g.threads > 1 && g.threads != threads => format!(
                "{} (on {} thread{})",
                ratio(g.speedup),
                g.threads,
                if g.threads == 1 { "" } else { "s" }
            ),
            (Some(g), Some(s)) if s >= g.speedup => format!("{} met", ratio(g.speedup)),
            (Some(g), _) => format!("{} MISSED", ratio(g.speedup)),
        };
        let error = match baseline.map(|b| t.output.error_against(&b.output)) {
            None => String::new(),
            Some(None) => "WRONG: shapes differ".into(),
            Some(Some(e)) => verdict(e, work.tolerance),
        };
        let _ = writeln!(
            out,
            "  {:<width$} {:<9} {:>10} {:>10} {:>6} {:>9}  {:<19} {}",
            row.kernel,
            row.side,
            human_duration(t.median),
            human_duration(t.best),
            t.runs,
            speedup.map(|s| format!("{s:.2}x")).unwrap_or_default(),
            goal_cell,
            error
        );
    }
    let _ = writeln!(
        out,
        "  speed-up and error: against the solution's {}, the case's baseline; error: max |ref - x| / max |ref|, WRONG {}",
        base.name,
        tolerance_text(work.tolerance)
    );
    if goals {
        let _ = writeln!(
            out,
            "  goal: the speed-up over {} that counts a kernel solved (a parallel one's on the threads it names); `cargo workbook check {} --speed` measures it in rounds",
            base.name, work.chapter
        );
    }
    out
}

/// "12x", "2.5x", "1.05x": a goal as the chapter's data states it.
fn ratio(x: f64) -> String {
    format!("{x}x")
}

/// When an error is WRONG, in words: "above 1e-9", "unless 0 (exact)".
pub fn tolerance_text(tolerance: f64) -> String {
    if tolerance == 0.0 {
        "unless 0 (the result must be exact)".into()
    } else {
        format!("above {tolerance:.0e}")
    }
}

/// An error in the table: the number, and WRONG when it is above the chapter's tolerance.
pub fn verdict(error: f64, tolerance: f64) -> String {
    if error <= tolerance {
        format!("{error:.1e}")
    } else {
        format!("{error:.1e} WRONG")
    }
}

/// `bench --json`: the reference kernels (all, or those of `only`) timed, one JSON object a
/// line, with its case, its times, and its error against the case's baseline (run for the
/// error even when `only` leaves it out). `report` and `compare` gather these across chapters.
pub fn json_lines(work: &Workload, seconds: f64, only: &[String]) -> Result<()> {
    let budget = Duration::from_secs_f64(seconds);
    for (case, info) in work.cases.iter().enumerate() {
        let kernels: Vec<_> = work
            .kernels
            .iter()
            .filter(|k| k.case == case && wanted(only, &k.name))
            .collect();
        if kernels.is_empty() {
            continue;
        }
        let base = work.baseline(case);
        // The baseline's result, for the errors: its timed run gives it when it is in the
        // table (it comes first), one run of its own when `only` leaves it out.
        let mut baseline = if kernels[0].name == base.name {
            None
        } else {
            Some(
                crate::guard::run_kernel(base.reference.as_ref(), None)
                    .map_err(|e| anyhow::anyhow!("{} {}: {e}", work.chapter, base.name))?,
            )
        };
        for k in kernels {
            let t = time_job(&k.reference, None, budget)
                .map_err(|e| anyhow::anyhow!("{} {}: {e}", work.chapter, k.name))?;
            let baseline = baseline.get_or_insert_with(|| t.output.clone());
            let error = t.output.error_against(baseline).unwrap_or(f64::INFINITY);
            let line = serde_json::json!({
                "chapter": work.chapter,
                "case": info.name,
                "summary": info.summary,
                "kernel": k.name,
                "about": k.about,
                "median_s": t.median.as_secs_f64(),
                "best_s": t.best.as_secs_f64(),
                "runs": t.runs,
                "error": error,
                "bytes": k.cost.map(|c| c.bytes),
                "flops": k.cost.map(|c| c.flops),
                "threads": rayon::current_num_threads(),
            });
            println!("{line}");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chapter::{CaseInfo, Kernel};
    use crate::data::GoalData;
    use crate::output::Output;

    fn kernel(name: &str, goal: Option<GoalData>) -> Kernel {
        Kernel {
            name: name.into(),
            about: String::new(),
            stub: None,
            yours: None,
            reference: Box::new(|| Output::Scalar(1.0)),
            case: 0,
            goal,
            cost: None,
        }
    }

    fn row<'a>(kernel: &'a str, side: &'static str, ms: u64, value: f64) -> Row<'a> {
        Row {
            kernel,
            side,
            result: Ok(Timing {
                median: Duration::from_millis(ms),
                best: Duration::from_millis(ms),
                runs: 3,
                output: Output::Scalar(value),
            }),
        }
    }

    #[test]
    fn a_table_says_met_missed_and_wrong() {
        let goal = |speedup, threads| Some(GoalData { speedup, threads });
        let work = Workload {
            chapter: "demo".into(),
            tolerance: 1e-9,
            cases: vec![CaseInfo {
                name: String::new(),
                summary: String::new(),
            }],
            kernels: vec![
                kernel("naive", None),
                kernel("fast", goal(4.0, 1)),
                kernel("wide", goal(3.0, 8)),
            ],
        };
        let rows = [
            row("naive", "reference", 100, 1.0),
            row("fast", "yours", 50, 1.0 + 1e-3),
            row("fast", "reference", 20, 1.0),
            row("wide", "reference", 10, 1.0),
        ];
        let table = format_table(&rows, &work, 0, 2);
        let lines: Vec<&str> = table.lines().collect();
        assert!(
            lines[2].contains("4x MISSED") && lines[2].ends_with("1.0e-3 WRONG"),
            "{table}"
        );
        assert!(
            lines[3].contains("5.00x") && lines[3].contains("4x met"),
            "{table}"
        );
        assert!(!lines[3].contains("WRONG"), "{table}");
        assert!(lines[4].contains("3x (on 8 threads)"), "{table}");
        assert!(
            table.contains("against the solution's naive, the case's baseline")
                && table.contains("WRONG above 1e-9"),
            "{table}"
        );
    }
}
