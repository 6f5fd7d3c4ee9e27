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

/// Whether `path` holds a whole dhat profile: JSON with dhat's version field. dhat reports a
/// failure to write only as a message on stderr, so the file is what tells.
pub fn is_profile(path: &Path) -> bool {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .is_some_and(|v| v.get("dhatFileVersion").is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_whole_dhat_file_counts_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("heap.json");
        assert!(!is_profile(&file), "missing");
        std::fs::write(&file, b"").unwrap();
        assert!(
            !is_profile(&file),
            "empty, as dhat leaves it on a full disk"
        );
        std::fs::write(&file, b"{\"dhatFileVersion\":2,\"mode\":").unwrap();
        assert!(!is_profile(&file), "cut short");
        std::fs::write(&file, b"{\"dhatFileVersion\":2,\"mode\":\"rust-heap\"}").unwrap();
        assert!(is_profile(&file));
    }
}
