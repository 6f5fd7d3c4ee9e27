//! A criterion profiler that samples with pprof and writes a flamegraph per benchmark.
//!
//! pprof's own criterion integration targets an older criterion, so this is the small adapter
//! the workbook's benches use. It only runs under `--profile-time`:
//!
//! ```text
//! cargo bench -p laue-solution -- --profile-time 5
//! ```
//!
//! writes `target/criterion/<group>/<bench>/profile/flamegraph.svg` for each benchmark.

use criterion::profiler::Profiler;
use std::fs::File;
use std::path::Path;

/// Samples at `frequency` Hz while criterion profiles a benchmark.
pub struct FlamegraphProfiler {
    frequency: i32,
    active: Option<pprof::ProfilerGuard<'static>>,
}

impl FlamegraphProfiler {
    /// pprof on Linux delivers about 250 samples a second whatever is asked, so profile for at
    /// least a few seconds (`--profile-time 5`).
    pub fn new(frequency: i32) -> Self {
        FlamegraphProfiler {
            frequency,
            active: None,
        }
    }
}

impl Default for FlamegraphProfiler {
    fn default() -> Self {
        Self::new(997)
    }
}

impl Profiler for FlamegraphProfiler {
    fn start_profiling(&mut self, _benchmark_id: &str, _benchmark_dir: &Path) {
        match pprof::ProfilerGuardBuilder::default()
            .frequency(self.frequency)
            .blocklist(&["libgcc", "pthread", "vdso"])
            .build()
        {
            Ok(guard) => self.active = Some(guard),
            Err(e) => eprintln!("flamegraph profiler: cannot start: {e}"),
        }
    }

    fn stop_profiling(&mut self, benchmark_id: &str, benchmark_dir: &Path) {
        let Some(guard) = self.active.take() else {
            return;
        };
        let written = std::fs::create_dir_all(benchmark_dir)
            .map_err(|e| e.to_string())
            .and_then(|()| guard.report().build().map_err(|e| e.to_string()))
            .and_then(|report| {
                let path = benchmark_dir.join("flamegraph.svg");
                let file = File::create(&path).map_err(|e| e.to_string())?;
                report.flamegraph(file).map_err(|e| e.to_string())?;
                Ok(path)
            });
        match written {
            Ok(path) => eprintln!("{benchmark_id}: flamegraph written to {}", path.display()),
            Err(e) => eprintln!("{benchmark_id}: cannot write the flamegraph: {e}"),
        }
    }
}
