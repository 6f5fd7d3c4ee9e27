//! Where a measured figure came from: the machine (CPU model, cores, caches), the build (rustc,
//! target features), the date, and how busy the machine was. `reproduce` heads every file it
//! writes with these, and waits for a quiet machine before it measures.

use std::process::Command;
use std::time::{Duration, Instant};

/// The CPU model, as /proc/cpuinfo names it (the architecture elsewhere).
pub fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines().find_map(|l| {
                l.strip_prefix("model name")
                    .map(|r| r.trim_start_matches([' ', '\t', ':']).to_string())
            })
        })
        .unwrap_or_else(|| std::env::consts::ARCH.to_string())
}

pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// "L1d 48K, L1i 64K, L2 2048K, L3 491520K" from the first CPU's cache entries in sysfs
/// (Linux); empty elsewhere.
pub fn caches() -> String {
    format_caches(&cache_entries())
}

/// (level, kind, size) of the first CPU's caches in sysfs (Linux): `("3", "Unified", "491520K")`.
pub fn cache_entries() -> Vec<(String, String, String)> {
    let dir = std::path::Path::new("/sys/devices/system/cpu/cpu0/cache");
    let mut entries = Vec::new();
    for i in 0..8 {
        let index = dir.join(format!("index{i}"));
        let read = |name: &str| {
            std::fs::read_to_string(index.join(name))
                .ok()
                .map(|s| s.trim().to_string())
        };
        let (Some(level), Some(kind), Some(size)) = (read("level"), read("type"), read("size"))
        else {
            continue;
        };
        entries.push((level, kind, size));
    }
    entries
}

fn format_caches(entries: &[(String, String, String)]) -> String {
    entries
        .iter()
        .map(|(level, kind, size)| {
            let suffix = match kind.as_str() {
                "Data" => "d",
                "Instruction" => "i",
                _ => "",
            };
            format!("L{level}{suffix} {size}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `rustc -V`, the compiler cargo uses.
pub fn rustc_version() -> String {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    Command::new(rustc)
        .arg("-V")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "rustc (version unknown)".into())
}

/// The vector features this build may use without checking at run time: the tools and the
/// runners are built with the same flags, so the runners' code may use the same.
pub fn target_features() -> String {
    let mut on = Vec::new();
    macro_rules! feature {
        ($($name:tt),*) => {$(
            if cfg!(target_feature = $name) {
                on.push($name);
            }
        )*};
    }
    feature!(
        "sse2", "sse3", "ssse3", "sse4.1", "sse4.2", "avx", "avx2", "fma", "avx512f", "neon"
    );
    if on.is_empty() {
        "none of the vector features".into()
    } else {
        on.join(", ")
    }
}

/// Which vector instructions the kernels dispatch to, with `WORKBOOK_SIMD` set to `forced`
/// when it is `Some` (a measurement's own setting), or as this process has it.
pub fn dispatch(forced: Option<&str>) -> String {
    let level = match forced {
        Some(name) => simd::Level::named(name),
        None => simd::Level::from_env(),
    };
    match level {
        Ok(level) if forced.is_some() || std::env::var_os(simd::ENV).is_some() => {
            format!("run-time dispatch: {level}, forced by {}", simd::ENV)
        }
        Ok(level) => format!("run-time dispatch: {level}, the widest this CPU has"),
        Err(e) => format!("run-time dispatch: none ({e})"),
    }
}

/// The 1-minute load average (Linux); `None` elsewhere.
pub fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// (busy, total) CPU time from the `cpu` line of /proc/stat: idle and iowait are not busy.
fn cpu_times(stat: &str) -> Option<(u64, u64)> {
    let line = stat.lines().find(|l| l.starts_with("cpu "))?;
    let fields: Vec<u64> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|f| f.parse().ok())
        .collect();
    if fields.len() < 5 {
        return None;
    }
    let total: u64 = fields.iter().sum();
    let idle = fields[3] + fields[4];
    Some((total - idle, total))
}

/// The share of all cores' time that was busy over `span`, from /proc/stat; `None` where
/// there is no /proc/stat.
pub fn busy_over(span: Duration) -> Option<f64> {
    let read = || cpu_times(&std::fs::read_to_string("/proc/stat").ok()?);
    let (b0, t0) = read()?;
    std::thread::sleep(span);
    let (b1, t1) = read()?;
    let total = t1.saturating_sub(t0);
    (total > 0).then(|| b1.saturating_sub(b0) as f64 / total as f64)
}

/// A machine is quiet when less than this share of its CPU time is busy (a quarter: on two
/// cores, half of one core doing something else).
const QUIET_BELOW: f64 = 0.25;

/// How long `reproduce` waits for a quiet machine before it gives up.
const QUIET_WAIT: Duration = Duration::from_secs(90);

/// How busy the machine was when it was last sampled: the share and the load average.
pub struct Busy {
    pub share: f64,
    pub load: Option<f64>,
}

/// Waits until the machine is quiet (sampling a second at a time, at most [`QUIET_WAIT`]);
/// `Err` with how busy it still was. `WORKBOOK_QUIET_BELOW` and `WORKBOOK_QUIET_WAIT`
/// (seconds) change the threshold and the wait, for tests.
pub fn wait_for_quiet() -> Result<(), Busy> {
    let below = std::env::var("WORKBOOK_QUIET_BELOW")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(QUIET_BELOW);
    let wait = std::env::var("WORKBOOK_QUIET_WAIT")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(QUIET_WAIT, Duration::from_secs_f64);
    let start = Instant::now();
    loop {
        let Some(share) = busy_over(Duration::from_secs(1)) else {
            return Ok(()); // No /proc/stat: nothing to wait on.
        };
        if share < below {
            return Ok(());
        }
        if start.elapsed() >= wait {
            return Err(Busy {
                share,
                load: load_average(),
            });
        }
    }
}

/// The short description of the machine: "Intel(R) Xeon(R) Processor, 2 cores (L1d 48K, ...),
/// linux x86_64".
pub fn machine_line() -> String {
    let caches = caches();
    let caches = if caches.is_empty() {
        String::new()
    } else {
        format!(" ({caches})")
    };
    format!(
        "{}, {} cores{caches}, {} {}",
        cpu_model(),
        cores(),
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

/// Today's date and time in UTC, as `date` prints it: "2026-12-02 03:50 UTC".
pub fn now() -> String {
    Command::new("date")
        .args(["-u", "+%Y-%m-%d %H:%M UTC"])
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_time_leaves_out_idle_and_iowait() {
        let stat = "cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 50 0 25 400 25 0 0 0 0 0\n";
        assert_eq!(cpu_times(stat), Some((150, 1000)));
        assert_eq!(cpu_times("intr 1 2 3"), None);
    }

    #[test]
    fn caches_read_as_levels_and_kinds() {
        let e = |l: &str, k: &str, s: &str| (l.to_string(), k.to_string(), s.to_string());
        let entries = [
            e("1", "Data", "48K"),
            e("1", "Instruction", "64K"),
            e("2", "Unified", "2048K"),
        ];
        assert_eq!(format_caches(&entries), "L1d 48K, L1i 64K, L2 2048K");
    }
}
