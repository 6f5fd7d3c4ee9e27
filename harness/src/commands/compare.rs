//! `cargo workbook compare [CASE]`: the course's Python variants and the workbook's Rust
//! kernels, timed on the same inputs on this machine in one run, one table per case study.
//! The Python side (pure Python, NumPy, NumExpr, Numba, and Rust called from Python through
//! `workbook_py`) is timed by `python -m course.compare`; the Rust side by the chapters'
//! runners (`bench --json`), on the kernels each chapter's `[[compare]]` names. Both time a
//! warm-up call, then repeated calls, and report the best and the median; every error is
//! against the same Rust baseline on the same inputs.

use crate::data::ChapterData;
use crate::measure::human_duration;
use crate::{catalog, files, launch, python};
use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::fmt::Write as _;
use std::time::Duration;

/// One timed variant, from either side.
#[derive(Debug, Clone, Deserialize)]
pub struct Row {
    pub variant: String,
    pub language: String,
    #[serde(default)]
    pub about: String,
    pub best_s: f64,
    pub median_s: f64,
    pub runs: usize,
    #[serde(default)]
    pub compile_s: Option<f64>,
    #[serde(default)]
    pub error: Option<f64>,
    /// For a variant timed on a smaller size and scaled up: how.
    #[serde(default)]
    pub scaled: Option<String>,
    #[serde(default)]
    pub summary: String,
}

/// A line of a runner's `bench --json`.
#[derive(Debug, Deserialize)]
struct BenchLine {
    chapter: String,
    kernel: String,
    about: String,
    median_s: f64,
    best_s: f64,
    runs: usize,
    error: f64,
}

/// The case studies `typed` names (a case, or a chapter that has `[[compare]]` entries), in
/// book order, each with the chapters that time Rust kernels for it.
fn studies<'c>(
    chapters: &'c [ChapterData],
    typed: Option<&str>,
) -> Result<Vec<(String, Vec<&'c ChapterData>)>> {
    let mut cases: Vec<String> = Vec::new();
    for c in chapters {
        for entry in &c.compare {
            if !cases.contains(&entry.case) {
                cases.push(entry.case.clone());
            }
        }
    }
    let chosen: Vec<String> = match typed {
        None => cases.clone(),
        Some(t) if cases.iter().any(|c| c == t) => vec![t.to_string()],
        Some(t) => match catalog::resolve(chapters, t) {
            Ok(chapter) if !chapter.compare.is_empty() => {
                chapter.compare.iter().map(|e| e.case.clone()).collect()
            }
            Ok(chapter) => bail!(
                "chapter {} has no Python comparison (the case studies: {})",
                chapter.name,
                cases.join(", ")
            ),
            Err(_) => {
                let names: Vec<&str> = cases.iter().map(String::as_str).collect();
                bail!(
                    "no case study or chapter `{t}`{} (the case studies: {})",
                    catalog::did_you_mean(t, &names),
                    cases.join(", ")
                )
            }
        },
    };
    Ok(chosen
        .into_iter()
        .map(|case| {
            let owners = chapters
                .iter()
                .filter(|c| c.compare.iter().any(|e| e.case == case))
                .collect();
            (case, owners)
        })
        .collect())
}

pub fn run(typed: Option<&str>, seconds: f64) -> Result<()> {
    let chapters = catalog::all()?;
    let studies = studies(&chapters, typed)?;
    let env = python::ready(false)?;
    let versions = env.versions()?;
    let scratch = files::default_path("compare")?;
    std::fs::create_dir_all(&scratch)
        .with_context(|| format!("cannot create {}", scratch.display()))?;
    for (case, owners) in &studies {
        eprintln!("timing {case}: Python...");
        let mut args = vec![
            "--case".to_string(),
            case.clone(),
            "--seconds".into(),
            seconds.to_string(),
        ];
        // Both sides integrate the same bodies: the Python side writes them, Rust reads them.
        let init = scratch.join(format!("{case}-init.npy"));
        let takes_init = owners.iter().any(|c| c.init.is_some());
        if takes_init {
            args.push("--nbody-init".into());
            args.push(init.display().to_string());
        }
        let mut rows = python_rows(&python::driver(&env, &args)?)?;
        for chapter in owners {
            for entry in chapter
                .compare
                .iter()
                .filter(|e| &e.case == case && !e.kernels.is_empty())
            {
                eprintln!("timing {case}: Rust, chapter {}...", chapter.name);
                let mut args = vec![
                    "bench".to_string(),
                    chapter.name.clone(),
                    "--solution".into(),
                    "--json".into(),
                    "--seconds".into(),
                    seconds.to_string(),
                    "--kernel".into(),
                    entry.kernels.join(","),
                ];
                if chapter.init.is_some() {
                    args.push("--init".into());
                    args.push(init.display().to_string());
                }
                rows.extend(rust_rows(&launch::output_of(chapter, &args)?)?);
            }
        }
        let pairs: Vec<(String, String)> = owners
            .iter()
            .flat_map(|c| &c.compare)
            .filter(|e| &e.case == case)
            .filter_map(|e| e.same.clone().map(|s| (s.python, s.kernel)))
            .collect();
        print!("{}", table(case, &versions, &rows, &pairs));
    }
    Ok(())
}

fn python_rows(text: &str) -> Result<Vec<Row>> {
    text.lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| {
            serde_json::from_str(l).with_context(|| format!("the Python driver printed `{l}`"))
        })
        .collect()
}

fn rust_rows(text: &str) -> Result<Vec<Row>> {
    text.lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| {
            let b: BenchLine =
                serde_json::from_str(l).with_context(|| format!("a runner printed `{l}`"))?;
            Ok(Row {
                variant: format!("{} {}", b.chapter, b.kernel),
                language: "Rust".into(),
                about: b.about,
                best_s: b.best_s,
                median_s: b.median_s,
                runs: b.runs,
                compile_s: None,
                error: Some(b.error),
                scaled: None,
                summary: String::new(),
            })
        })
        .collect()
}

fn time(seconds: f64) -> String {
    human_duration(Duration::from_secs_f64(seconds.max(0.0)))
}

/// The fastest row (by median) whose language is one of `languages`.
fn fastest<'r>(rows: &'r [Row], languages: &[&str]) -> Option<&'r Row> {
    rows.iter()
        .filter(|r| languages.contains(&r.language.as_str()))
        .min_by(|a, b| a.median_s.total_cmp(&b.median_s))
}

/// The table of one case study, and what its ratios say.
pub fn table(case: &str, versions: &str, rows: &[Row], same: &[(String, String)]) -> String {
    let mut s = String::new();
    let summary = rows
        .iter()
        .map(|r| r.summary.as_str())
        .find(|t| !t.is_empty())
        .unwrap_or("");
    let _ = writeln!(s, "{case}: {summary}");
    let _ = writeln!(
        s,
        "  ({versions}; Rust on {} threads)",
        rayon::current_num_threads()
    );
    let numpy = rows
        .iter()
        .find(|r| r.language == "NumPy")
        .map(|r| r.median_s);
    let width = rows
        .iter()
        .map(|r| r.variant.len())
        .max()
        .unwrap_or(8)
        .max(8);
    let _ = writeln!(
        s,
        "  {:<width$} {:<16} {:>10} {:>10} {:>5} {:>10} {:>9} {:>8}",
        "variant", "language", "median", "best", "runs", "vs NumPy", "compile", "error"
    );
    for r in rows {
        let vs = numpy.map_or(String::new(), |n| {
            let x = n / r.median_s.max(1e-12);
            if x >= 10.0 {
                format!("{x:.0}x")
            } else if x >= 0.1 {
                format!("{x:.2}x")
            } else {
                format!("{x:.3}x")
            }
        });
        let compile = r.compile_s.map_or(String::new(), time);
        let error = r.error.map_or(String::new(), |e| format!("{e:.0e}"));
        let _ = writeln!(
            s,
            "  {:<width$} {:<16} {:>10} {:>10} {:>5} {:>10} {:>9} {:>8}{}",
            r.variant,
            r.language,
            time(r.median_s),
            time(r.best_s),
            r.runs,
            vs,
            compile,
            error,
            r.scaled
                .as_ref()
                .map_or(String::new(), |how| format!("  ({how})"))
        );
    }
    let python_side = ["Python", "NumPy", "NumExpr", "Numba"];
    // Only where NumPy sets the scale: the rows of `call` are calls, not solutions.
    if let (Some(rust), Some(py), Some(_)) = (
        fastest(rows, &["Rust from Python"]),
        fastest(rows, &python_side),
        numpy,
    ) {
        let _ = writeln!(
            s,
            "  the best Rust called from Python ({}) against the best Python variant ({}): {:.1}x",
            rust.variant,
            py.variant,
            py.median_s / rust.median_s.max(1e-12)
        );
    }
    for (variant, kernel) in same {
        let py = rows.iter().find(|r| &r.variant == variant);
        let rust = rows
            .iter()
            .find(|r| r.language == "Rust" && r.variant.ends_with(&format!(" {kernel}")));
        if let (Some(py), Some(rust)) = (py, rust) {
            let _ = writeln!(
                s,
                "  the same algorithm, Rust ({}) against {} ({}): {:.1}x",
                rust.variant,
                py.language,
                py.variant,
                py.median_s / rust.median_s.max(1e-12)
            );
        }
    }
    let _ = writeln!(
        s,
        "  median and best of repeated calls after a warm-up; vs NumPy: NumPy's median / the row's; compile: Numba's first call less its median; error: max |ref - x| / max |ref| against the Rust baseline on the same inputs\n"
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(variant: &str, language: &str, median_s: f64) -> Row {
        Row {
            variant: variant.into(),
            language: language.into(),
            about: String::new(),
            best_s: median_s,
            median_s,
            runs: 3,
            compile_s: None,
            error: Some(1e-15),
            scaled: None,
            summary: "a grid".into(),
        }
    }

    #[test]
    fn ratios_are_against_numpy_and_between_the_best() {
        // Not timings of anything: made-up times in ratios chosen to check the arithmetic.
        let base = 1.0;
        let rows = [
            row("numpy", "NumPy", base),
            row("numba_parallel", "Numba", base / 2.0),
            row("square_fast", "Rust from Python", base / 20.0),
            row("cores square-fast", "Rust", base / 25.0),
        ];
        let same = [("numba_parallel".to_string(), "square-fast".to_string())];
        let text = table("square", "Python 3", &rows, &same);
        assert!(text.starts_with("square: a grid"), "{text}");
        let numba = text
            .lines()
            .find(|l| l.contains("numba_parallel "))
            .unwrap();
        assert!(numba.contains("2.00x"), "{text}");
        assert!(
            text.contains("(square_fast) against the best Python variant (numba_parallel): 10.0x"),
            "{text}"
        );
        assert!(
            text.contains("Rust (cores square-fast) against Numba (numba_parallel): 12.5x"),
            "{text}"
        );
    }
}
