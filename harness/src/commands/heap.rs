//! `heap`: one kernel run under dhat, its bytes and blocks, and where to view the profile.

use crate::chapter::Workload;
use crate::cli::{Side, check_destination, pick};
use crate::measure::human_bytes;
use crate::{files, heap};
use anyhow::{Result, bail};
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
    // dhat writes its JSON itself: to a temporary file beside the destination, moved into
    // place (with a backup of a file that was there) once it is whole.
    let pending = files::Pending::new(&path)?;
    // The Ctrl-C handler's thread (started with the runner) allocates its name as it starts;
    // a moment's wait keeps that allocation out of a profile of a very short kernel.
    std::thread::sleep(std::time::Duration::from_millis(50));
    let summary = heap::profile(job, stub, pending.path())?;
    if !heap::is_profile(pending.path()) {
        bail!(
            "dhat could not write its profile to {} (see its message above): is the disk full?",
            files::shown(&path)
        );
    }
    let backup = pending.commit()?;
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
    if let Some(b) = backup {
        println!(
            "           (the file that was there is kept as {})",
            files::shown(&b)
        );
    }
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
