//! Timing kernels: warm-up, repeated runs, the median.

use crate::chapter::Job;
use crate::guard::{KernelError, run_kernel};
use crate::output::Output;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The timings of one kernel, and its first result (kept for the error column).
pub struct Timing {
    pub median: Duration,
    pub best: Duration,
    pub runs: usize,
    pub output: Output,
}

/// Runs `job` once to warm caches and check it works, then repeats it for about `budget`
/// (at least 3 runs when a run is shorter than the budget, at most 1000) and reports the median.
/// One run lies: the first pays for page faults and cold caches, and any run can be hit by
/// another process, so the median of several is the figure to compare.
pub fn time_job(job: &Job, stub: Option<&str>, budget: Duration) -> Result<Timing, KernelError> {
    let start = Instant::now();
    let output = run_kernel(job.as_ref(), stub)?;
    let first = start.elapsed();
    let runs = if first > budget {
        1
    } else {
        let fit = budget.as_secs_f64() / first.as_secs_f64().max(1e-9);
        (fit as usize).clamp(3, 1000)
    };
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        black_box(job());
        times.push(start.elapsed());
    }
    times.sort();
    Ok(Timing {
        median: times[times.len() / 2],
        best: times[0],
        runs,
        output,
    })
}

/// A duration with a unit that keeps three significant figures: "812 ns", "3.41 ms", "2.24 s".
pub fn human_duration(d: Duration) -> String {
    let s = d.as_secs_f64();
    let (value, unit) = if s >= 1.0 {
        (s, "s")
    } else if s >= 1e-3 {
        (s * 1e3, "ms")
    } else if s >= 1e-6 {
        (s * 1e6, "µs")
    } else {
        (s * 1e9, "ns")
    };
    if value >= 100.0 {
        format!("{value:.0} {unit}")
    } else if value >= 10.0 {
        format!("{value:.1} {unit}")
    } else {
        format!("{value:.2} {unit}")
    }
}

/// Bytes in binary units: "151.0 MiB".
pub fn human_bytes(bytes: u128) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < units.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", units[unit])
    }
}

/// Memory the system can give this process now, from /proc/meminfo (Linux); elsewhere a
/// conservative 4 GiB.
pub fn available_memory() -> u128 {
    let fallback = 4u128 << 30;
    let Ok(text) = std::fs::read_to_string("/proc/meminfo") else {
        return fallback;
    };
    text.lines()
        .find_map(|line| {
            let rest = line.strip_prefix("MemAvailable:")?;
            let kib: u128 = rest.trim().trim_end_matches("kB").trim().parse().ok()?;
            Some(kib * 1024)
        })
        .unwrap_or(fallback)
}
