//! Heap profiles with dhat. The process's allocator switches to dhat's for the rest of the run
//! ([`crate::alloc`]), so that only `heap` pays dhat's lock on every allocation.

use crate::chapter::Job;
use crate::guard::run_kernel;
use anyhow::{Result, anyhow};
use std::path::Path;

/// What dhat counted over one run of a kernel.
pub struct HeapSummary {
    pub total_bytes: u64,
    pub total_blocks: u64,
    pub peak_bytes: usize,
    pub peak_blocks: usize,
}

/// Runs `job` once under dhat and writes the profile to `json`.
pub fn profile(job: &Job, stub: Option<&str>, json: &Path) -> Result<HeapSummary> {
    crate::alloc::use_dhat();
    let profiler = dhat::Profiler::builder()
        .file_name(json)
        .trim_backtraces(Some(12))
        .build();
    let result = run_kernel(job.as_ref(), stub);
    // Dropping the output before reading the stats leaves only what the kernel kept alive.
    drop(result.map_err(|e| anyhow!(e))?);
    let stats = dhat::HeapStats::get();
    drop(profiler);
    Ok(HeapSummary {
        total_bytes: stats.total_bytes,
        total_blocks: stats.total_blocks,
        peak_bytes: stats.max_bytes,
        peak_blocks: stats.max_blocks,
    })
}
