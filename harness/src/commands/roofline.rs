//! `roofline`: each chapter's fastest reference kernel, of those that declare what they must
//! move and compute, on one plot under this machine's roofs.

use crate::catalog;
use crate::chapter::Cost;
use crate::files;
use crate::roofline::{self, Point};
use anyhow::Result;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Deserialize)]
struct Row {
    chapter: String,
    kernel: String,
    median_s: f64,
    bytes: Option<f64>,
    flops: Option<f64>,
    threads: usize,
}

pub fn run(plot: Option<PathBuf>, seconds: f64) -> Result<()> {
    let plot = match plot {
        Some(p) => p,
        None => files::default_path("roofline.svg")?,
    };
    let figures = crate::commands::machine::saved_or_measure()?;
    let mut points = Vec::new();
    for chapter in catalog::all()? {
        eprintln!("timing chapter {}...", chapter.name);
        let rows: Vec<Row> = crate::commands::report::json_rows(&chapter, seconds)?;
        let best = rows
            .into_iter()
            .filter_map(|r| {
                let cost = Cost {
                    bytes: r.bytes?,
                    flops: r.flops?,
                };
                Some((r, cost))
            })
            .min_by(|a, b| a.0.median_s.total_cmp(&b.0.median_s));
        if let Some((row, cost)) = best {
            points.push(Point {
                kernel: format!("{} {}", row.chapter, row.kernel),
                side: "reference",
                threads: row.threads,
                seconds: row.median_s,
                cost,
            });
        }
    }
    let threads = points.first().map_or(figures.threads, |p| p.threads);
    print!("{}", roofline::table(&figures, threads, &points));
    let svg = roofline::svg("every chapter's fastest kernel", &figures, &points);
    files::write_file(&plot, svg.as_bytes())?;
    println!("roofline plot: {}", files::shown(&plot));
    Ok(())
}
