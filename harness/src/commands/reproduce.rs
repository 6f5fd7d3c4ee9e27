//! `cargo workbook reproduce`: re-measures every figure the book shows, on this machine, and writes
//! each one under `book/src/measured/` with the command and the machine that gave it. The book
//! includes these files, so its numbers are always ones that a command produced.

use crate::data::{ChapterData, MeasurementData};
use crate::progress::Progress;
use crate::{catalog, files, provenance};
use anyhow::{Context, Result, bail};
use std::process::Command;

pub fn run(only: Option<&str>, matching: Option<&str>, force: bool) -> Result<()> {
    let selected: Vec<ChapterData> = match only {
        Some(name) => vec![catalog::find(name)?],
        None => catalog::all()?,
    };
    let wanted: Vec<&MeasurementData> = selected
        .iter()
        .flat_map(|c| &c.measurements)
        .filter(|m| matching.is_none_or(|t| m.file.contains(t)))
        .collect();
    if wanted.is_empty() {
        bail!("{}", nothing_matches(only, &selected, matching));
    }
    let me = std::env::current_exe().context("cannot find the workbook binary")?;
    let dir = files::measured_dir();
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    // Said once, the same for every figure of this run.
    let machine = provenance::machine_line();
    let rustc = provenance::rustc_version();
    let features = provenance::target_features();
    let progress = Progress::steps(wanted.len() as u64, "", None);
    for m in wanted {
        let shown = m.shown();
        progress.println(&shown);
        progress.set_message(format!("{}: waiting for a quiet machine", m.file));
        let quiet = match provenance::wait_for_quiet() {
            Ok(()) => "quiet".to_string(),
            Err(busy) if force => format!(
                "NOT quiet ({:.0}% busy), measured anyway with --force",
                busy.share * 100.0
            ),
            Err(busy) => bail!(
                "the machine is busy ({:.0}% of its CPU time over the last second, load average {}): nothing of {} was measured; close what is running, or add --force to measure anyway (the files then say so)",
                busy.share * 100.0,
                busy.load.map_or("unknown".into(), |l| format!("{l:.2}")),
                m.file
            ),
        };
        let load_before = provenance::load_average();
        progress.set_message(m.file.clone());
        let out = Command::new(&me)
            .args(&m.args)
            .current_dir(files::root())
            // Captured anyway; said outright so that no spinner can reach a measured file.
            .env("WORKBOOK_NO_PROGRESS", "1")
            .envs(&m.env)
            .output()
            .with_context(|| format!("cannot run {shown}"))?;
        if !out.status.success() {
            bail!(
                "`{shown}` failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        let load = |l: Option<f64>| l.map_or("unknown".into(), |l| format!("{l:.2}"));
        // A figure whose runner was built with RUSTFLAGS has the features those flags set.
        let features = match m.env.get("RUSTFLAGS") {
            Some(flags) => format!("those of RUSTFLAGS=\"{flags}\""),
            None => features.clone(),
        };
        let build = format!(
            "{rustc}; target features: {features}; {}",
            provenance::dispatch(m.env.get(simd::ENV).map(String::as_str))
        );
        let text = format!(
            "$ {shown}\n# machine: {machine}\n# build: {build}\n# measured {}, {quiet}; load average {} before, {} after\n{}",
            provenance::now(),
            load(load_before),
            load(provenance::load_average()),
            String::from_utf8_lossy(&out.stdout)
        );
        files::write_file(&dir.join(&m.file), text.as_bytes())?;
        progress.step();
    }
    drop(progress);
    println!(
        "written under {}; rebuild the book with `cargo workbook book`",
        files::shown(&dir)
    );
    // The prose's claims, on the new numbers.
    let failed = crate::figures::failed_claims(&files::root().join("book").join("src"), &dir)?;
    if !failed.is_empty() {
        for f in &failed {
            println!("  book/src/{f}");
        }
        bail!(
            "{} claim{} of the book no longer hold{} on these measurements (listed above): rewrite the sentence{} to what the tables show",
            failed.len(),
            if failed.len() == 1 { "" } else { "s" },
            if failed.len() == 1 { "s" } else { "" },
            if failed.len() == 1 { "" } else { "s" }
        );
    }
    Ok(())
}

/// Why `reproduce` found nothing to measure, and what there is.
fn nothing_matches(only: Option<&str>, selected: &[ChapterData], matching: Option<&str>) -> String {
    let files: Vec<&str> = selected
        .iter()
        .flat_map(|c| c.measurements.iter().map(|m| m.file.as_str()))
        .collect();
    let scope = match (only, selected) {
        (Some(_), [chapter]) => format!("chapter {}", chapter.name),
        _ => "any chapter".to_string(),
    };
    match matching {
        Some(text) if files.is_empty() => {
            format!("{scope} has no measured figures, so none matches `{text}`")
        }
        Some(text) if files.len() <= 8 => format!(
            "no measured figure of {scope} has `{text}` in its file name (its figures: {})",
            files.join(", ")
        ),
        Some(text) => format!(
            "no measured figure of {scope} has `{text}` in its file name ({} figures, e.g. {}): try `cargo workbook reproduce --matching bench`",
            files.len(),
            files[..3].join(", ")
        ),
        None => format!("{scope} has no measured figures to reproduce"),
    }
}

/// The machine and the date in one line, for `report`'s JSON.
pub fn machine() -> String {
    format!(
        "machine: {}; measured {}",
        provenance::machine_line(),
        provenance::now()
    )
}
