//! The machine's own limits, measured: memory bandwidth (STREAM-style copy and triad on
//! arrays well beyond the last cache), the peak floating-point rate (independent
//! multiply-adds, one number at a time and with the vectors the CPU has) and its caches.
//!
//! These are the roofs of the roofline: a kernel that moves B bytes and does F floating-point
//! operations cannot take less than max(B / bandwidth, F / peak).

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Bytes per second of the two STREAM kernels. STREAM's convention: copy moves 16 bytes per
/// element (one read, one write), triad 24 (two reads, one write); the write-allocate read a
/// cache does before it writes is not counted.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Bandwidth {
    pub copy: f64,
    pub triad: f64,
}

/// Floating-point operations per second of one vector width.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rate {
    /// "scalar", "SSE2", "AVX2+FMA", "AVX-512".
    pub name: String,
    /// f64 numbers per instruction.
    pub lanes: usize,
    /// A multiply and an add fused in one instruction (2 operations each).
    pub fused: bool,
    pub one_thread: f64,
    pub all_threads: f64,
}

/// Everything `cargo workbook machine` measured.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Figures {
    pub cpu: String,
    pub threads: usize,
    pub caches: String,
    /// The size of each of the three arrays of the bandwidth kernels.
    pub array_bytes: usize,
    /// Why the arrays are not four times the last cache, when they are not.
    pub array_note: Option<String>,
    pub one_thread: Bandwidth,
    pub all_threads: Bandwidth,
    /// From the narrowest to the widest this CPU has.
    pub rates: Vec<Rate>,
    /// The rate a default build's vectorised code can reach (baseline x86-64: SSE2).
    pub build: String,
}

impl Figures {
    /// The peak of the instructions a default build uses, on `threads` threads.
    pub fn build_peak(&self, threads: usize) -> f64 {
        let rate = self
            .rates
            .iter()
            .find(|r| r.name == self.build)
            .or(self.rates.last())
            .expect("at least the scalar rate is measured");
        if threads <= 1 {
            rate.one_thread
        } else {
            rate.all_threads
        }
    }

    /// The triad bandwidth on `threads` threads.
    pub fn triad(&self, threads: usize) -> f64 {
        if threads <= 1 {
            self.one_thread.triad
        } else {
            self.all_threads.triad
        }
    }
}

/// The largest cache, in bytes, from sysfs (Linux); `None` elsewhere.
fn last_cache_bytes() -> Option<usize> {
    crate::provenance::cache_entries()
        .iter()
        .filter_map(|(_, _, size)| parse_cache_size(size))
        .max()
}

/// "491520K" or "32M" in bytes.
fn parse_cache_size(text: &str) -> Option<usize> {
    let (digits, scale) = match text.chars().last()? {
        'K' => (&text[..text.len() - 1], 1 << 10),
        'M' => (&text[..text.len() - 1], 1 << 20),
        'G' => (&text[..text.len() - 1], 1 << 30),
        _ => (text, 1),
    };
    digits.parse::<usize>().ok().map(|d| d * scale)
}

/// MemAvailable from /proc/meminfo, in bytes.
fn available_memory() -> Option<usize> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Each array four times the last cache (at least 64 MiB), so that nothing of it is left in a
/// cache from the pass before; at most a quarter of the free memory for the three.
fn array_size(requested: Option<usize>) -> (usize, Option<String>) {
    if let Some(bytes) = requested {
        return (bytes, Some("set by --array-mb".to_string()));
    }
    let cache = last_cache_bytes().unwrap_or(32 << 20);
    let wanted = (4 * cache).max(64 << 20);
    match available_memory() {
        Some(free) if 3 * wanted > free / 4 => {
            let bytes = (free / 12).max(16 << 20);
            (
                bytes,
                Some(format!(
                    "{} MiB each, less than four times the last cache ({} MiB): the free memory limits them",
                    bytes >> 20,
                    cache >> 20
                )),
            )
        }
        _ => (wanted, None),
    }
}

/// The best of `reps` runs: STREAM's figure (the others were slowed by something else).
fn best_of(reps: usize, mut f: impl FnMut()) -> Duration {
    (0..reps)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Rows of this many elements are what one thread takes at a time.
const CHUNK: usize = 1 << 16;

fn bandwidth(a: &mut [f64], b: &[f64], c: &[f64], parallel: bool, reps: usize) -> Bandwidth {
    let n = a.len() as f64;
    let s = black_box(3.0);
    let copy = best_of(reps, || {
        if parallel {
            a.par_chunks_mut(CHUNK)
                .zip(b.par_chunks(CHUNK))
                .for_each(|(a, b)| a.copy_from_slice(b));
        } else {
            a.copy_from_slice(b);
        }
        black_box(&mut *a);
    });
    let triad = best_of(reps, || {
        let kernel = |(a, (b, c)): (&mut [f64], (&[f64], &[f64]))| {
            for ((a, b), c) in a.iter_mut().zip(b).zip(c) {
                *a = b + s * c;
            }
        };
        if parallel {
            a.par_chunks_mut(CHUNK)
                .zip(b.par_chunks(CHUNK).zip(c.par_chunks(CHUNK)))
                .for_each(kernel);
        } else {
            kernel((a, (b, c)));
        }
        black_box(&mut *a);
    });
    Bandwidth {
        copy: 16.0 * n / copy.as_secs_f64(),
        triad: 24.0 * n / triad.as_secs_f64(),
    }
}

/// Independent multiply-add chains: `C` accumulators, each `x = x * m + a`, `iters` times.
/// The chains do not depend on each other, so the processor can keep every arithmetic unit
/// busy; with fewer than (latency x units x lanes) of them, it would wait on the last result.
#[inline(always)]
fn chains<const C: usize>(iters: u64, fused: bool) -> f64 {
    let m = black_box(0.999_999_9);
    let a = black_box(1e-7);
    // One black box for the whole array, so that it is loaded as vectors.
    let mut x: [f64; C] = black_box(std::array::from_fn(|i| i as f64));
    for _ in 0..iters {
        for x in x.iter_mut() {
            *x = if fused { x.mul_add(m, a) } else { *x * m + a };
        }
    }
    x.iter().sum()
}

/// One f64 per instruction: `_mm_mul_sd` and `_mm_add_sd` work on the low lane only, and the
/// compiler keeps them scalar (plain f64 chains would be vectorised).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn scalar_chains(iters: u64) -> f64 {
    use std::arch::x86_64::{__m128d, _mm_add_sd, _mm_cvtsd_f64, _mm_mul_sd, _mm_set_sd};
    let m = _mm_set_sd(black_box(0.999_999_9));
    let a = _mm_set_sd(black_box(1e-7));
    let mut x: [__m128d; 16] = std::array::from_fn(|i| _mm_set_sd(black_box(i as f64)));
    for _ in 0..iters {
        for x in x.iter_mut() {
            *x = _mm_add_sd(_mm_mul_sd(*x, m), a);
        }
    }
    x.iter().map(|&x| _mm_cvtsd_f64(x)).sum()
}

#[cfg(not(target_arch = "x86_64"))]
fn scalar_chains(iters: u64) -> f64 {
    let m = black_box(0.999_999_9);
    let a = black_box(1e-7);
    let mut x = [0.0f64; 16];
    for _ in 0..iters {
        for x in x.iter_mut() {
            *x = black_box(*x * m + a);
        }
    }
    x.iter().sum()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn avx2_chains(iters: u64) -> f64 {
    chains::<32>(iters, true)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
fn avx512_chains(iters: u64) -> f64 {
    chains::<64>(iters, true)
}

/// One vector width's kernel: its name, lanes, whether it fuses, and the loop (flops per
/// iteration of `iters`).
struct Width {
    name: &'static str,
    lanes: usize,
    fused: bool,
    flops_per_iter: f64,
    run: fn(u64) -> f64,
}

fn widths() -> Vec<Width> {
    let mut out = vec![Width {
        name: "scalar",
        lanes: 1,
        fused: false,
        flops_per_iter: 32.0,
        #[cfg(target_arch = "x86_64")]
        // SAFETY: scalar_chains needs SSE2, which every x86_64 CPU has (it is part of the
        // architecture's baseline).
        run: |iters| unsafe { scalar_chains(iters) },
        #[cfg(not(target_arch = "x86_64"))]
        run: scalar_chains,
    }];
    #[cfg(target_arch = "x86_64")]
    {
        out.push(Width {
            name: "SSE2",
            lanes: 2,
            fused: false,
            flops_per_iter: 32.0,
            run: |iters| chains::<16>(iters, false),
        });
        if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
            out.push(Width {
                name: "AVX2+FMA",
                lanes: 4,
                fused: true,
                flops_per_iter: 64.0,
                // SAFETY: avx2_chains needs AVX2 and FMA, and both were detected on this CPU
                // just above; nothing else about it is unsafe.
                run: |iters| unsafe { avx2_chains(iters) },
            });
        }
        if std::is_x86_feature_detected!("avx512f") {
            out.push(Width {
                name: "AVX-512",
                lanes: 8,
                fused: true,
                flops_per_iter: 128.0,
                // SAFETY: avx512_chains needs AVX-512F, detected on this CPU just above.
                run: |iters| unsafe { avx512_chains(iters) },
            });
        }
    }
    out
}

/// Iterations for about `target` of work on one thread, from a short trial.
fn iterations(run: fn(u64) -> f64, target: Duration) -> u64 {
    let mut iters = 1u64 << 12;
    loop {
        let start = Instant::now();
        black_box(run(iters));
        let t = start.elapsed();
        if t > target / 8 || iters > 1 << 40 {
            let scale = target.as_secs_f64() / t.as_secs_f64().max(1e-9);
            return ((iters as f64 * scale) as u64).max(1);
        }
        iters *= 4;
    }
}

fn rate(width: &Width, threads: usize, reps: usize) -> (f64, f64) {
    let iters = iterations(width.run, Duration::from_millis(100));
    let one = best_of(reps, || {
        black_box((width.run)(iters));
    });
    let all = best_of(reps, || {
        (0..threads).into_par_iter().for_each(|_| {
            black_box((width.run)(iters));
        });
    });
    let flops = width.flops_per_iter * iters as f64;
    (
        flops / one.as_secs_f64(),
        threads as f64 * flops / all.as_secs_f64(),
    )
}

/// The vector width a default build uses: the build's target features.
fn build_width() -> &'static str {
    if cfg!(target_feature = "avx512f") {
        "AVX-512"
    } else if cfg!(all(target_feature = "avx2", target_feature = "fma")) {
        "AVX2+FMA"
    } else if cfg!(target_feature = "sse2") {
        "SSE2"
    } else {
        "scalar"
    }
}

/// Measures everything, `reps` times each (the best counts), on `threads` threads for the
/// all-threads figures.
pub fn measure(threads: usize, array_mb: Option<usize>, reps: usize) -> Figures {
    let (array_bytes, array_note) = array_size(array_mb.map(|mb| mb << 20));
    let n = array_bytes / 8;
    // Touched first by the threads that will use them, chunk by chunk.
    let mut a = vec![0.0f64; n];
    let mut b = vec![0.0f64; n];
    let mut c = vec![0.0f64; n];
    b.par_chunks_mut(CHUNK).for_each(|b| b.fill(1.0));
    c.par_chunks_mut(CHUNK).for_each(|c| c.fill(2.0));
    a.par_chunks_mut(CHUNK).for_each(|a| a.fill(0.0));
    let one_thread = bandwidth(&mut a, &b, &c, false, reps);
    let all_threads = bandwidth(&mut a, &b, &c, true, reps);
    drop((a, b, c));
    let rates = widths()
        .iter()
        .map(|w| {
            let (one, all) = rate(w, threads, reps);
            Rate {
                name: w.name.to_string(),
                lanes: w.lanes,
                fused: w.fused,
                one_thread: one,
                all_threads: all,
            }
        })
        .collect();
    Figures {
        cpu: crate::provenance::cpu_model(),
        threads,
        caches: crate::provenance::caches(),
        array_bytes,
        array_note,
        one_thread,
        all_threads,
        rates,
        build: build_width().to_string(),
    }
}

/// The figures as `cargo workbook machine` prints them.
pub fn format(f: &Figures) -> String {
    let gb = |x: f64| format!("{:.1} GB/s", x / 1e9);
    let gf = |x: f64| format!("{:.1} GFLOP/s", x / 1e9);
    let mut out = String::new();
    out.push_str(&format!(
        "machine: {}, {} threads; caches {}\n",
        f.cpu,
        f.threads,
        if f.caches.is_empty() {
            "unknown"
        } else {
            &f.caches
        }
    ));
    out.push_str(&format!(
        "memory bandwidth, STREAM-style, arrays of {} MiB each (best of the runs):\n",
        f.array_bytes >> 20
    ));
    if let Some(note) = &f.array_note {
        out.push_str(&format!("  ({note})\n"));
    }
    out.push_str("  kernel      bytes/element   1 thread    all threads\n");
    out.push_str(&format!(
        "  copy        16              {:<11} {}\n",
        gb(f.one_thread.copy),
        gb(f.all_threads.copy)
    ));
    out.push_str(&format!(
        "  triad       24              {:<11} {}\n",
        gb(f.one_thread.triad),
        gb(f.all_threads.triad)
    ));
    out.push_str("peak floating-point rate, independent multiply-adds on f64:\n");
    out.push_str("  width       lanes  fused   1 thread        all threads\n");
    let dispatched = simd::level().instructions();
    for r in &f.rates {
        let marks: Vec<&str> = [
            (r.name == f.build).then_some("what a default build's own code uses"),
            (r.name == dispatched).then_some("the run-time dispatch of the workbook's kernels"),
        ]
        .into_iter()
        .flatten()
        .collect();
        out.push_str(&format!(
            "  {:<11} {:<6} {:<7} {:<15} {}{}\n",
            r.name,
            r.lanes,
            if r.fused { "yes" } else { "no" },
            gf(r.one_thread),
            gf(r.all_threads),
            if marks.is_empty() {
                String::new()
            } else {
                format!("   <- {}", marks.join("; "))
            }
        ));
    }
    let mut ridges = vec![f.build.as_str()];
    if dispatched != f.build {
        ridges.push(dispatched);
    }
    for name in ridges {
        if let Some(r) = f.rates.iter().find(|r| r.name == name) {
            out.push_str(&format!(
                "ridge point (all threads, {}): {:.1} flop per byte; a kernel doing fewer per byte it moves is bound by memory\n",
                r.name,
                r.all_threads / f.triad(f.threads)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_sizes_parse() {
        assert_eq!(parse_cache_size("48K"), Some(48 << 10));
        assert_eq!(parse_cache_size("32M"), Some(32 << 20));
        assert_eq!(parse_cache_size("1024"), Some(1024));
        assert_eq!(parse_cache_size("x"), None);
    }

    #[test]
    fn every_width_computes_its_chains_right() {
        // Chain i starts at i and takes x -> x m + a, so after k steps it holds
        // i m^k + a (1 - m^k) / (1 - m); a width with C chains (2 flops each) sums C of them.
        let (m, a, k) = (0.999_999_9f64, 1e-7, 1000);
        for w in widths() {
            let c = (w.flops_per_iter / 2.0) as usize;
            let expected: f64 = (0..c)
                .map(|i| i as f64 * m.powi(k) + a * (1.0 - m.powi(k)) / (1.0 - m))
                .sum();
            let got = (w.run)(k as u64);
            assert!(
                ((got - expected) / expected).abs() < 1e-12,
                "{}: {got} against {expected}",
                w.name
            );
        }
    }

    #[test]
    fn a_small_measurement_gives_positive_figures() {
        let f = measure(2, Some(16), 1);
        assert!(f.one_thread.triad > 0.0 && f.all_threads.copy > 0.0);
        assert!(f.rates.iter().all(|r| r.one_thread > 0.0));
        let text = format(&f);
        assert!(text.contains("triad") && text.contains("scalar"), "{text}");
    }
}
