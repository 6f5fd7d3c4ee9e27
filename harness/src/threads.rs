//! Thread counts from the command line, and running a closure on that many threads.

use crate::chapter::parse_positive;
use anyhow::{Context, Result, bail};

/// `--threads 1,2,4`: each count at least 1, sorted and each once (`4,1,2,2` sweeps 1, 2, 4);
/// no flag means one run with rayon's default.
pub fn counts(raw: Option<&str>) -> Result<Vec<Option<usize>>> {
    let Some(raw) = raw else {
        return Ok(vec![None]);
    };
    let mut counts = Vec::new();
    for part in raw.split(',') {
        let t = parse_positive("--threads", part)?;
        if t > 4096 {
            bail!("--threads {t} is more threads than any machine this runs on");
        }
        counts.push(Some(t as usize));
    }
    counts.sort_unstable();
    counts.dedup();
    Ok(counts)
}

/// One thread count, for the commands that run a kernel once.
pub fn single_count(raw: Option<&str>) -> Result<Option<usize>> {
    let counts = counts(raw)?;
    match counts.as_slice() {
        [one] => Ok(*one),
        _ => bail!(
            "this command takes one thread count; a sweep is for `cargo workbook bench CHAPTER --threads 1,2,4`"
        ),
    }
}

/// Runs `f` inside a rayon pool of `threads` threads (rayon's default pool when `None`).
pub fn with_threads<T: Send>(
    threads: Option<usize>,
    f: impl FnOnce() -> Result<T> + Send,
) -> Result<T> {
    match threads {
        None => f(),
        Some(t) => rayon::ThreadPoolBuilder::new()
            .num_threads(t)
            .build()
            .context("cannot start the thread pool")?
            .install(f),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sweep_is_sorted_and_each_count_once() {
        assert_eq!(counts(Some("8,1,2,2,4,1")).unwrap(), [1, 2, 4, 8].map(Some));
        assert_eq!(counts(None).unwrap(), [None]);
        assert_eq!(single_count(Some("3,3")).unwrap(), Some(3));
        assert!(counts(Some("2,0")).is_err());
    }
}
