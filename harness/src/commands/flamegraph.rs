//! `flamegraph`: a few seconds of one kernel sampled, the SVG, and the hottest functions.

use crate::chapter::Workload;
use crate::cli::{Side, check_destination, pick};
use crate::{files, flame};
use anyhow::Result;
use std::path::PathBuf;

pub fn run(
    work: &Workload,
    kernel: &str,
    side: Side,
    seconds: f64,
    out: Option<PathBuf>,
) -> Result<()> {
    let (k, job, stub) = pick(work, kernel, side)?;
    let path = match out {
        Some(p) => {
            check_destination(&p)?;
            p
        }
        None => files::default_path(&format!(
            "flamegraph-{}-{kernel}-{}.svg",
            work.chapter,
            side.word()
        ))?,
    };
    println!(
        "profiling {} {kernel} ({}) for {seconds} s: {}",
        work.chapter,
        side.word(),
        work.cases[k.case].summary
    );
    let progress = crate::progress::Progress::work(
        format!("sampling {} {kernel} ({})", work.chapter, side.word()),
        Some(std::time::Duration::from_secs_f64(seconds)),
    );
    let profile = flame::profile(job, stub, seconds)?;
    drop(progress);
    let backup = files::write_file(&path, &profile.svg)?;
    println!(
        "{} runs, {} samples; the flamegraph is {}",
        profile.runs,
        profile.samples,
        files::shown(&path)
    );
    if let Some(b) = backup {
        println!("(the file that was there is kept as {})", files::shown(&b));
    }
    println!(
        "where the samples landed (self: in the function itself; total: in it or what it calls)"
    );
    println!("  {:>6}  {:>6}  function", "self", "total");
    let samples = profile.samples.max(1) as f64;
    for (name, own, total) in profile.hottest.iter().filter(|row| row.1 > 0).take(12) {
        let name: String = if name.chars().count() > 100 {
            name.chars().take(97).chain("...".chars()).collect()
        } else {
            name.clone()
        };
        println!(
            "  {:>5.1}%  {:>5.1}%  {name}",
            100.0 * *own as f64 / samples,
            100.0 * *total as f64 / samples
        );
    }
    Ok(())
}
