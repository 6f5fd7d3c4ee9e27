//! `workbook report`: the runtime table that closes the course, for Part II's two crystals.
//! Every reference kernel of the `square` and `strained` chapters is timed on the book's inputs,
//! and each row says how many times faster than the naive version it is, and how far it is from
//! the course's Python figures. Printed, and written as markdown and JSON under target/workbook/.

use crate::chapter::Values;
use crate::files;
use crate::measure::{human_duration, time_job};
use crate::registry;
use anyhow::{Result, anyhow};
use std::fmt::Write as _;
use std::time::Duration;

/// The course's Python timings (best of repeated runs, 96 x 96 grid, N = 32, on a 2-core machine
/// of the kind this workbook was written on), in milliseconds.
const PYTHON_SQUARE: &[(&str, f64)] = &[
    ("NumPy", 252.0),
    ("NumExpr", 111.0),
    ("Numba parallel", 115.0),
    ("FFT (NumPy)", 0.11),
];
const PYTHON_STRAINED: &[(&str, f64)] = &[
    ("NumPy", 305.0),
    ("NumExpr", 120.0),
    ("Numba parallel", 269.0),
];

/// One timed kernel.
struct Row {
    kernel: &'static str,
    about: &'static str,
    median: Duration,
    best: Duration,
    runs: usize,
    error: Option<f64>,
}

/// One crystal's table.
struct Table {
    chapter: &'static str,
    summary: String,
    rows: Vec<Row>,
    python: &'static [(&'static str, f64)],
}

impl Table {
    fn baseline(&self) -> Duration {
        self.rows.first().map(|r| r.best).unwrap_or(Duration::ZERO)
    }

    fn numba_ms(&self) -> f64 {
        self.python
            .iter()
            .find(|(name, _)| *name == "Numba parallel")
            .map(|p| p.1)
            .unwrap_or(f64::NAN)
    }
}

pub fn run(seconds: f64) -> Result<()> {
    let budget = Duration::from_secs_f64(seconds);
    let threads = rayon::current_num_threads();
    let mut tables = Vec::new();
    for (slug, python) in [("square", PYTHON_SQUARE), ("strained", PYTHON_STRAINED)] {
        let chapter = registry::find(slug)?;
        let values = Values::parse(slug, chapter.params(), &[], false)?;
        let work = chapter.workload(&values)?;
        let mut rows = Vec::new();
        let mut reference = None;
        for k in &work.kernels {
            let t = time_job(&k.reference, None, budget)
                .map_err(|e| anyhow!("{slug} {}: {e}", k.name))?;
            let error = reference.as_ref().and_then(|r| t.output.error_against(r));
            if reference.is_none() {
                reference = Some(t.output.clone());
            }
            rows.push(Row {
                kernel: k.name,
                about: k.about,
                median: t.median,
                best: t.best,
                runs: t.runs,
                error: error.or(Some(0.0)),
            });
        }
        tables.push(Table {
            chapter: chapter.slug(),
            summary: work.summary,
            rows,
            python,
        });
    }
    let text = plain(&tables, threads);
    print!("{text}");
    let md = files::default_path("report.md")?;
    files::write_file(&md, markdown(&tables, threads).as_bytes())?;
    let json = files::default_path("report.json")?;
    files::write_file(&json, json_text(&tables, threads).as_bytes())?;
    println!("written: {} and {}", files::shown(&md), files::shown(&json));
    Ok(())
}

fn speedup(base: Duration, t: Duration) -> f64 {
    base.as_secs_f64() / t.as_secs_f64().max(1e-12)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn plain(tables: &[Table], threads: usize) -> String {
    let mut s = String::new();
    for t in tables {
        let _ = writeln!(s, "{} on {threads} threads: {}", t.chapter, t.summary);
        let _ = writeln!(
            s,
            "  {:<13} {:>10} {:>10} {:>5} {:>9} {:>9} {:>8}  what",
            "kernel", "best", "median", "runs", "speed-up", "vs Numba", "error"
        );
        for r in &t.rows {
            let _ = writeln!(
                s,
                "  {:<13} {:>10} {:>10} {:>5} {:>8.1}x {:>8.1}x {:>8}  {}",
                r.kernel,
                human_duration(r.best),
                human_duration(r.median),
                r.runs,
                speedup(t.baseline(), r.best),
                t.numba_ms() / ms(r.best),
                r.error
                    .map(|e| format!("{e:.0e}"))
                    .unwrap_or_else(|| "shape!".into()),
                r.about
            );
        }
        let python: Vec<String> = t
            .python
            .iter()
            .map(|(name, v)| format!("{name} {v} ms"))
            .collect();
        let _ = writeln!(
            s,
            "  the course's Python on a 2-core machine: {}",
            python.join(", ")
        );
        let _ = writeln!(s);
    }
    let _ = writeln!(
        s,
        "speed-up: best time of the naive row / best time of the row (the course compares best times);\n\
         vs Numba: the course's Numba parallel time / this row's best time; error: max |naive - x| / max |naive|"
    );
    s
}

fn markdown(tables: &[Table], threads: usize) -> String {
    let mut s = String::new();
    for t in tables {
        let _ = writeln!(
            s,
            "### {} ({threads} threads)\n\n{}\n",
            t.chapter, t.summary
        );
        let _ = writeln!(
            s,
            "| kernel | best (ms) | median (ms) | speed-up | vs Numba | error | what |\n|---|---:|---:|---:|---:|---:|---|"
        );
        for r in &t.rows {
            let _ = writeln!(
                s,
                "| {} | {:.3} | {:.3} | {:.1}x | {:.1}x | {:.0e} | {} |",
                r.kernel,
                ms(r.best),
                ms(r.median),
                speedup(t.baseline(), r.best),
                t.numba_ms() / ms(r.best),
                r.error.unwrap_or(f64::NAN),
                r.about
            );
        }
        let _ = writeln!(s);
    }
    s
}

fn json_text(tables: &[Table], threads: usize) -> String {
    let quote = |v: &str| format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""));
    let number = |v: f64| {
        if v.is_finite() {
            format!("{v}")
        } else {
            "null".to_string()
        }
    };
    let mut crystals = Vec::new();
    for t in tables {
        let rows: Vec<String> = t
            .rows
            .iter()
            .map(|r| {
                format!(
                    "{{\"kernel\": {}, \"best_ms\": {}, \"median_ms\": {}, \"runs\": {}, \"speedup\": {}, \"error\": {}}}",
                    quote(r.kernel),
                    number(ms(r.best)),
                    number(ms(r.median)),
                    r.runs,
                    number(speedup(t.baseline(), r.best)),
                    number(r.error.unwrap_or(f64::NAN))
                )
            })
            .collect();
        let python: Vec<String> = t
            .python
            .iter()
            .map(|(name, v)| {
                format!(
                    "{{\"variant\": {}, \"best_ms\": {}}}",
                    quote(name),
                    number(*v)
                )
            })
            .collect();
        crystals.push(format!(
            "{{\"chapter\": {}, \"summary\": {}, \"kernels\": [{}], \"python\": [{}]}}",
            quote(t.chapter),
            quote(&t.summary),
            rows.join(", "),
            python.join(", ")
        ));
    }
    format!(
        "{{\"threads\": {threads}, \"machine\": {}, \"crystals\": [{}]}}\n",
        quote(&crate::reproduce::machine()),
        crystals.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            chapter: "square",
            summary: "a \"test\"".into(),
            rows: vec![
                Row {
                    kernel: "naive",
                    about: "slow",
                    median: Duration::from_millis(100),
                    best: Duration::from_millis(90),
                    runs: 3,
                    error: Some(0.0),
                },
                Row {
                    kernel: "fast",
                    about: "quick",
                    median: Duration::from_millis(10),
                    best: Duration::from_millis(9),
                    runs: 30,
                    error: Some(1e-14),
                },
            ],
            python: PYTHON_SQUARE,
        }
    }

    #[test]
    fn speedups_are_against_the_first_row() {
        let t = table();
        let text = plain(&[t], 2);
        assert!(text.contains("10.0x"), "{text}");
        assert!(text.contains("Numba parallel 115 ms"), "{text}");
    }

    #[test]
    fn markdown_has_one_row_per_kernel() {
        let md = markdown(&[table()], 2);
        assert_eq!(md.lines().filter(|l| l.starts_with("| fast")).count(), 1);
        assert!(md.contains("| naive | 90.000 |"));
    }

    #[test]
    fn json_escapes_and_balances() {
        let j = json_text(&[table()], 2);
        assert!(j.contains("a \\\"test\\\""));
        assert_eq!(j.matches('{').count(), j.matches('}').count());
        assert_eq!(j.matches('[').count(), j.matches(']').count());
    }
}
