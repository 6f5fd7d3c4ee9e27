//! Sampling profiles with pprof: a flamegraph SVG, and the hottest functions as text.

use crate::chapter::Job;
use crate::guard::{KernelError, run_kernel};
use anyhow::{Context, Result, anyhow};
use std::collections::{HashMap, HashSet};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// pprof samples at about 250 Hz on Linux whatever is asked, so a profile needs a couple of
/// seconds of work to hold enough samples: the kernel is repeated until `seconds` have passed.
pub struct Profile {
    pub svg: Vec<u8>,
    pub samples: isize,
    pub runs: usize,
    /// (function, self samples, total samples), hottest self time first.
    pub hottest: Vec<(String, isize, isize)>,
}

/// Profiles `job` for about `seconds`.
pub fn profile(job: &Job, stub: Option<&str>, seconds: f64) -> Result<Profile> {
    // A stub must fail here, as one line, and not inside the profiled loop.
    run_kernel(job.as_ref(), stub).map_err(|e: KernelError| anyhow!(e))?;
    let guard = pprof::ProfilerGuardBuilder::default()
        .frequency(997)
        .blocklist(&["libgcc", "pthread", "vdso"])
        .build()
        .context("cannot start the profiler")?;
    let budget = Duration::from_secs_f64(seconds);
    let start = Instant::now();
    let mut runs = 0;
    while runs == 0 || start.elapsed() < budget {
        black_box(job());
        runs += 1;
    }
    let report = guard.report().build().context("cannot build the profile")?;
    let mut svg = Vec::new();
    report
        .flamegraph(&mut svg)
        .context("cannot draw the flamegraph")?;
    let (samples, hottest) = hottest_functions(&report.data);
    Ok(Profile {
        svg,
        samples,
        runs,
        hottest,
    })
}

/// Self samples (the function is where the sample landed) and total samples (the function is
/// anywhere on the stack) for every function, hottest self time first.
fn hottest_functions(data: &HashMap<pprof::Frames, isize>) -> (isize, Vec<(String, isize, isize)>) {
    let mut own: HashMap<String, isize> = HashMap::new();
    let mut total: HashMap<String, isize> = HashMap::new();
    let mut samples = 0;
    for (frames, &count) in data {
        samples += count;
        // frames.frames[0] is the innermost address; its first symbol the innermost inlined call.
        let names: Vec<String> = frames
            .frames
            .iter()
            .flatten()
            .map(|s| tidy(&s.name()))
            .collect();
        if let Some(leaf) = names.first() {
            *own.entry(leaf.clone()).or_default() += count;
        }
        let mut seen = HashSet::new();
        for name in names {
            if seen.insert(name.clone()) {
                *total.entry(name).or_default() += count;
            }
        }
    }
    let mut rows: Vec<(String, isize, isize)> = total
        .into_iter()
        .map(|(name, t)| {
            let o = own.get(&name).copied().unwrap_or(0);
            (name, o, t)
        })
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
    (samples, rows)
}

/// Drops the symbol hash (`::h0123abcd...`) that rustc appends.
pub(crate) fn tidy(name: &str) -> String {
    match name.rsplit_once("::h") {
        Some((head, hash)) if hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) => {
            head.to_string()
        }
        _ => name.to_string(),
    }
}
