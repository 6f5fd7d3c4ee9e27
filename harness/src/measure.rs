//! Timing kernels: warm-up, repeated runs, the median.

use crate::chapter::{Chapter, Job, Values, Workload};
use crate::data::{ChapterData, ParamData};
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

/// A timed sample lasts at least about this long: a kernel of nanoseconds is timed over many
/// calls, so that the clock's own cost (tens of nanoseconds, more on some virtual machines)
/// does not count as the kernel's.
const SAMPLE_AT_LEAST: Duration = Duration::from_micros(200);

/// The fewest timed runs behind any figure: a median of fewer says little about the spread.
pub const MIN_RUNS: usize = 5;

/// Runs `job` once to warm caches and check it works, then takes samples for about `budget`
/// (at least [`MIN_RUNS`], however long a run takes, and at most 1000) and reports the median
/// time of one call. A sample of a quick kernel is many calls in a row, divided by their
/// number. One run lies: the first pays for page faults and cold caches, and any run can be
/// hit by another process, so the median of several is the figure to compare.
pub fn time_job(job: &Job, stub: Option<&str>, budget: Duration) -> Result<Timing, KernelError> {
    let start = Instant::now();
    let output = run_kernel(job.as_ref(), stub)?;
    let first = start.elapsed();
    let calls = (SAMPLE_AT_LEAST.as_secs_f64() / first.as_secs_f64().max(1e-9))
        .ceil()
        .clamp(1.0, 1e6) as u32;
    let sample = first.max(SAMPLE_AT_LEAST);
    let fit = budget.as_secs_f64() / sample.as_secs_f64();
    let runs = (fit as usize).clamp(MIN_RUNS, 1000);
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        for _ in 0..calls {
            black_box(job());
        }
        times.push(start.elapsed() / calls);
    }
    times.sort();
    Ok(Timing {
        median: times[times.len() / 2],
        best: times[0],
        runs,
        output,
    })
}

/// The factor by which a case's baseline takes longer at `values` than at the default sizes,
/// from the parameters' `cost` powers (chapter.toml); `None` when a parameter that differs from
/// its default has none.
pub fn work_ratio(params: &[ParamData], values: &Values) -> Option<f64> {
    let mut ratio = 1.0;
    for p in params {
        let v = values.get(&p.name);
        if v != p.default {
            ratio *= (v as f64 / p.default as f64).powf(p.cost?);
        }
    }
    Some(ratio)
}

/// Sizes with less than this many times the default sizes' work are not estimated: they take
/// about as long as the defaults, which the book's figures show are quick.
const ESTIMATED_ABOVE: f64 = 20.0;

/// How long the reference baseline of a case will take, and how that was found.
pub struct Estimate {
    pub time: Duration,
    /// "timed at the default sizes and scaled as n^4 oversampling^2".
    pub how: String,
}

/// How long the reference baseline of case `case` takes at `values`: one run timed at the
/// chapter's default sizes, scaled by [`work_ratio`]. `None` for sizes near the defaults, and
/// for a chapter whose parameters have no `cost`.
pub fn estimate_baseline(
    data: &ChapterData,
    chapter: &dyn Chapter,
    values: &Values,
    case: &str,
) -> Option<Estimate> {
    let ratio = work_ratio(&data.params, values)?;
    if ratio < ESTIMATED_ABOVE {
        return None;
    }
    let defaults = Values::parse(&data.name, &data.params, &[]).ok()?;
    let small = Workload::bind(data, chapter.cases(&defaults).ok()?).ok()?;
    let index = small.cases.iter().position(|c| c.name == case)?;
    let baseline = small.baseline(index);
    let start = Instant::now();
    run_kernel(baseline.reference.as_ref(), None).ok()?;
    let seconds = start.elapsed().as_secs_f64() * ratio;
    let powers: Vec<String> = data
        .params
        .iter()
        .filter_map(|p| match p.cost? {
            0.0 => None,
            1.0 => Some(p.name.clone()),
            c => Some(format!("{}^{c}", p.name)),
        })
        .collect();
    Some(Estimate {
        time: Duration::from_secs_f64(seconds.clamp(0.0, 1e9)),
        how: format!(
            "timed at the default sizes and scaled as {}",
            powers.join(" ")
        ),
    })
}

/// A long duration in words: "40 s", "3.5 min", "2.1 h", "3 days".
pub fn human_long(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s < 90.0 {
        human_duration(d)
    } else if s < 5400.0 {
        format!("{:.1} min", s / 60.0)
    } else if s < 2.0 * 86400.0 {
        format!("{:.1} h", s / 3600.0)
    } else {
        format!("{:.0} days", s / 86400.0)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn param(name: &str, default: u64, cost: Option<f64>) -> ParamData {
        ParamData {
            name: name.into(),
            default,
            max: u64::MAX,
            help: String::new(),
            cost,
        }
    }

    #[test]
    fn work_grows_as_the_parameters_powers() {
        let params = [
            param("n", 32, Some(4.0)),
            param("oversampling", 3, Some(2.0)),
        ];
        let values = Values::default().with("n", 64).with("oversampling", 3);
        assert_eq!(work_ratio(&params, &values), Some(16.0));
        let values = values.with("oversampling", 6);
        assert_eq!(work_ratio(&params, &values), Some(64.0));
        // A changed parameter without a power: no estimate; an unchanged one does not matter.
        let params = [param("n", 32, Some(4.0)), param("steps", 10, None)];
        let values = Values::default().with("n", 64).with("steps", 10);
        assert_eq!(work_ratio(&params, &values), Some(16.0));
        assert_eq!(work_ratio(&params, &values.with("steps", 20)), None);
    }

    #[test]
    fn long_durations_read_in_minutes_and_hours() {
        assert_eq!(human_long(Duration::from_secs(40)), "40.0 s");
        assert_eq!(human_long(Duration::from_secs(210)), "3.5 min");
        assert_eq!(human_long(Duration::from_secs(7560)), "2.1 h");
        assert_eq!(human_long(Duration::from_secs(3 * 86400)), "3 days");
    }
}
