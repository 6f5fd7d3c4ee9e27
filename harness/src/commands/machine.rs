//! `machine`: this machine's memory bandwidth, peak floating-point rates and caches, printed and
//! kept in `target/workbook/machine.json` for `bench --roofline`.

use crate::files;
use crate::machine::{self, Figures};
use crate::progress::Progress;
use anyhow::{Context, Result};
use std::path::PathBuf;

/// Where the last measurement is kept.
pub fn saved_path() -> PathBuf {
    files::workbook_dir().join("machine.json")
}

/// Measures, prints and keeps the figures.
pub fn run(array_mb: Option<usize>, reps: usize) -> Result<()> {
    let figures = measure(array_mb, reps)?;
    print!("{}", machine::format(&figures));
    println!(
        "kept in {} for `cargo workbook bench CHAPTER --roofline`",
        saved_path().display()
    );
    Ok(())
}

fn measure(array_mb: Option<usize>, reps: usize) -> Result<Figures> {
    let threads = crate::provenance::cores();
    let figures = {
        let _progress = Progress::work(
            format!("measuring memory bandwidth and peak rates on 1 and {threads} threads"),
            None,
        );
        machine::measure(threads, array_mb, reps)
    };
    let path = files::default_path("machine.json")?;
    let json = serde_json::to_string_pretty(&figures)?;
    files::write_file(&path, json.as_bytes())?;
    Ok(figures)
}

/// The figures kept by the last `machine`, or measured now (saying so) when there are none.
pub fn saved_or_measure() -> Result<Figures> {
    let path = saved_path();
    if let Ok(text) = std::fs::read_to_string(&path)
        && let Ok(figures) = serde_json::from_str::<Figures>(&text)
        && figures.threads == crate::provenance::cores()
    {
        return Ok(figures);
    }
    eprintln!("no machine figures yet: measuring them first (`cargo workbook machine`)");
    measure(None, 5).context("cannot measure the machine's roofs")
}
