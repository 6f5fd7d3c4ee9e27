//! `report`: a runtime table across chapters. A chapter's data names the cases its report
//! gathers (`[report] cases = ["square", "strained"]`); every chapter up to it that has kernels
//! of those cases is benched (reference side, JSON lines), and the rows are put together case
//! by case, each speed-up against the case's first row; a kernel that several chapters show is
//! timed once, by the first. Printed, and written as markdown and JSON under target/workbook/.

use crate::catalog;
use crate::data::ChapterData;
use crate::files;
use crate::launch;
use crate::measure::human_duration;
use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::fmt::Write as _;
use std::time::Duration;

#[derive(Debug, Clone, Deserialize)]
struct Row {
    chapter: String,
    case: String,
    summary: String,
    kernel: String,
    about: String,
    median_s: f64,
    best_s: f64,
    runs: usize,
    error: f64,
}

pub fn run(chapter: Option<&str>, seconds: f64) -> Result<()> {
    let chapters = catalog::all()?;
    let owner = match chapter {
        Some(name) => catalog::resolve(&chapters, name)?.clone(),
        None => match chapters.iter().rev().find(|c| c.report.is_some()) {
            Some(c) => c.clone(),
            None => bail!("no chapter has a report"),
        },
    };
    let Some(report) = &owner.report else {
        bail!("chapter {} has no report", owner.name);
    };
    let mut rows: Vec<Row> = Vec::new();
    for c in chapters.iter().filter(|c| c.number <= owner.number) {
        if !c.kernels.iter().any(|k| {
            k.case
                .as_ref()
                .is_some_and(|case| report.cases.contains(case))
        }) {
            continue;
        }
        eprintln!("timing chapter {}...", c.name);
        for mut row in json_rows::<Row>(c, seconds)? {
            // In a chapter with several cases the kernels are named `CASE-KERNEL`; the same
            // kernel shown again by a later chapter is timed once, by the first.
            if let Some(plain) = row.kernel.strip_prefix(&format!("{}-", row.case)) {
                row.kernel = plain.to_string();
            }
            let seen = rows
                .iter()
                .any(|r| r.case == row.case && r.kernel == row.kernel);
            if report.cases.contains(&row.case) && !seen {
                rows.push(row);
            }
        }
    }
    let tables: Vec<(&String, Vec<&Row>)> = report
        .cases
        .iter()
        .map(|case| (case, rows.iter().filter(|r| &r.case == case).collect()))
        .collect();
    let threads = rayon::current_num_threads();
    print!("{}", plain(&tables, threads));
    let md = files::default_path("report.md")?;
    files::write_file(&md, markdown(&tables, threads).as_bytes())?;
    let json = files::default_path("report.json")?;
    let value = serde_json::json!({
        "threads": threads,
        "machine": crate::commands::reproduce::machine(),
        "rows": rows.iter().map(|r| serde_json::json!({
            "chapter": r.chapter, "case": r.case, "kernel": r.kernel,
            "best_s": r.best_s, "median_s": r.median_s, "runs": r.runs, "error": r.error,
        })).collect::<Vec<_>>(),
    });
    files::write_file(&json, format!("{value:#}\n").as_bytes())?;
    println!("written: {} and {}", files::shown(&md), files::shown(&json));
    Ok(())
}

/// The chapter's reference kernels timed by its runner (`bench --solution --json`), as `T`.
pub fn json_rows<T: serde::de::DeserializeOwned>(
    chapter: &ChapterData,
    seconds: f64,
) -> Result<Vec<T>> {
    let args = [
        "bench".to_string(),
        chapter.name.clone(),
        "--solution".to_string(),
        "--json".to_string(),
        "--seconds".to_string(),
        seconds.to_string(),
    ];
    let text = launch::output_of(chapter, &args)?;
    text.lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| {
            serde_json::from_str(l).with_context(|| {
                format!("chapter {} printed a line report cannot read", chapter.name)
            })
        })
        .collect()
}

fn speedup(base: f64, t: f64) -> f64 {
    base / t.max(1e-12)
}

fn plain(tables: &[(&String, Vec<&Row>)], threads: usize) -> String {
    let mut s = String::new();
    for (case, rows) in tables {
        let Some(first) = rows.first() else { continue };
        let _ = writeln!(s, "{case} on {threads} threads: {}", first.summary);
        let _ = writeln!(
            s,
            "  {:<12} {:<20} {:>10} {:>10} {:>5} {:>9} {:>8}  what",
            "chapter", "kernel", "best", "median", "runs", "speed-up", "error"
        );
        for r in rows {
            let _ = writeln!(
                s,
                "  {:<12} {:<20} {:>10} {:>10} {:>5} {:>8.1}x {:>8}  {}",
                r.chapter,
                r.kernel,
                human_duration(Duration::from_secs_f64(r.best_s)),
                human_duration(Duration::from_secs_f64(r.median_s)),
                r.runs,
                speedup(first.best_s, r.best_s),
                format!("{:.0e}", r.error),
                r.about
            );
        }
        let _ = writeln!(s);
    }
    let _ = writeln!(
        s,
        "speed-up: best time of the case's first row / best time of the row (the course compares best times);\n\
         error: max |ref - x| / max |ref| against the first kernel of the same case in the row's chapter"
    );
    s
}

fn markdown(tables: &[(&String, Vec<&Row>)], threads: usize) -> String {
    let mut s = String::new();
    for (case, rows) in tables {
        let Some(first) = rows.first() else { continue };
        let _ = writeln!(s, "### {case} ({threads} threads)\n\n{}\n", first.summary);
        let _ = writeln!(
            s,
            "| chapter | kernel | best (ms) | median (ms) | speed-up | error | what |\n|---|---|---:|---:|---:|---:|---|"
        );
        for r in rows {
            let _ = writeln!(
                s,
                "| {} | {} | {:.3} | {:.3} | {:.1}x | {:.0e} | {} |",
                r.chapter,
                r.kernel,
                r.best_s * 1e3,
                r.median_s * 1e3,
                speedup(first.best_s, r.best_s),
                r.error,
                r.about
            );
        }
        let _ = writeln!(s);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(kernel: &str, best_s: f64) -> Row {
        Row {
            chapter: "demo".into(),
            case: "square".into(),
            summary: "a grid".into(),
            kernel: kernel.into(),
            about: "what".into(),
            median_s: best_s * 1.1,
            best_s,
            runs: 3,
            error: 1e-15,
        }
    }

    #[test]
    fn speedups_are_against_the_case_s_first_row() {
        let (a, b) = (row("naive", 0.09), row("fast", 0.009));
        let case = "square".to_string();
        let text = plain(&[(&case, vec![&a, &b])], 2);
        assert!(text.contains("10.0x"), "{text}");
        let md = markdown(&[(&case, vec![&a, &b])], 2);
        assert_eq!(
            md.lines()
                .filter(|l| l.starts_with("| demo | fast"))
                .count(),
            1
        );
        assert!(md.contains("| demo | naive | 90.000 |"), "{md}");
    }
}
