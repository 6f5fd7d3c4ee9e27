//! `heap`: one kernel run under dhat, its bytes and blocks, and where to view the profile.

use crate::chapter::Workload;
use crate::cli::{Side, check_destination, pick};
use crate::measure::human_bytes;
use crate::{files, heap};
use anyhow::Result;
use std::path::{Path, PathBuf};

pub fn run(work: &Workload, kernel: &str, side: Side, out: Option<PathBuf>) -> Result<()> {
    let (k, job, stub) = pick(work, kernel, side)?;
    let path = match out {
        Some(p) => {
            check_destination(&p)?;
            p
        }
        None => files::default_path(&format!(
            "heap-{}-{kernel}-{}.json",
            work.chapter,
            side.word()
        ))?,
    };
    println!(
        "heap profile of {} {kernel} ({}): {}",
        work.chapter,
        side.word(),
        work.cases[k.case].summary
    );
    let summary = heap::profile(job, stub, &path)?;
    println!(
        "  total    {} in {} blocks",
        human_bytes(summary.total_bytes as u128),
        summary.total_blocks
    );
    println!(
        "  peak     {} in {} blocks live at once",
        human_bytes(summary.peak_bytes as u128),
        summary.peak_blocks
    );
    println!("  profile  {}", files::shown(&path));
    println!("  view it: {}", viewer_hint());
    Ok(())
}

/// Where dhat's viewer is: it ships with valgrind as a single HTML page.
fn viewer_hint() -> String {
    let known = [
        "/usr/libexec/valgrind/dh_view.html",
        "/usr/lib/valgrind/dh_view.html",
        "/usr/local/libexec/valgrind/dh_view.html",
        "/opt/homebrew/libexec/valgrind/dh_view.html",
    ];
    match known.iter().find(|p| Path::new(p).exists()) {
        Some(p) => format!("open {p} in a browser and load the profile"),
        None => "dhat's viewer dh_view.html ships with valgrind: install valgrind, open it in a browser and load the profile".to_string(),
    }
}
