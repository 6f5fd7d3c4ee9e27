//! `count`: the instructions one call of a kernel executes, counted by valgrind's callgrind,
//! and the functions that execute most of them. The runner starts itself again under valgrind
//! on the hidden command `count-once` ([`once`]), which builds the inputs and calls the kernel
//! once through [`callgrind::counted`], the only function whose calls are counted.

use crate::callgrind::{self, thousands};
use crate::chapter::Workload;
use crate::cli::{KernelArgs, Side, pick};
use crate::files;
use crate::guard::run_kernel;
use crate::measure::human_duration;
use crate::progress::Progress;
use anyhow::{Context, Result, anyhow};
use std::ffi::OsString;
use std::time::Instant;

/// The functions listed under the total.
const SHOWN: usize = 8;

/// One native run of the kernel before valgrind: a stub that still says todo!() fails here as
/// one line, not under valgrind; and its time tells the learner what to expect. Returns what
/// the spinner says while valgrind runs.
pub fn native_first(
    work: &Workload,
    args: &KernelArgs,
    job: &(dyn Fn() -> crate::output::Output + Send + Sync),
    stub: Option<&str>,
) -> Result<String> {
    let start = Instant::now();
    run_kernel(job, stub).map_err(|e| anyhow!(e))?;
    Ok(format!(
        "counting {} {} ({}) under valgrind, which runs code 20-100x slower than the {} it takes natively",
        work.chapter,
        args.kernel,
        args.side().word(),
        human_duration(start.elapsed())
    ))
}

/// Runs valgrind through `run` into a temporary file that becomes `path` only when it
/// succeeds, with a spinner saying `doing`; returns what `run` gave and the `.bak` kept.
pub fn into_file<T>(
    path: &std::path::Path,
    doing: String,
    run: impl FnOnce(&std::path::Path) -> Result<T>,
) -> Result<(T, Option<std::path::PathBuf>)> {
    let pending = files::Pending::new(path)?;
    let progress = Progress::work(doing, None);
    let out = run(pending.path())?;
    drop(progress);
    let backup = pending.commit()?;
    Ok((out, backup))
}

/// Counts `args.kernel` of `work`, built by the runner with `args` on `threads` threads.
pub fn run(work: &Workload, args: &KernelArgs, threads: usize) -> Result<()> {
    let kernel = args.kernel.as_str();
    let side = args.side();
    let (k, job, stub) = pick(work, kernel, side)?;
    callgrind::check_available()?;
    let path = files::default_path(&format!(
        "callgrind.out.{}-{kernel}-{}",
        work.chapter,
        side.word()
    ))?;
    let doing = native_first(work, args, job.as_ref(), stub)?;
    let exe = std::env::current_exe().context("cannot find the runner's own executable")?;
    let (counts, backup) = into_file(&path, doing, |out| {
        callgrind::run(&exe, &once_args(args, work, threads), out)
    })?;
    let on = if threads == 1 {
        "1 thread".to_string()
    } else {
        format!("{threads} threads")
    };
    println!(
        "{} {kernel} ({}) on {on}, counted by callgrind: {}",
        work.chapter,
        side.word(),
        work.cases[k.case].summary
    );
    println!(
        "  instructions  {} in one call of the kernel (building its inputs is not counted)",
        thousands(counts.total)
    );
    println!(
        "  callgrind     {} (open it in kcachegrind, or read it with callgrind_annotate)",
        files::shown(&path)
    );
    if let Some(b) = backup {
        println!(
            "                (the file that was there is kept as {})",
            files::shown(&b)
        );
    }
    println!(
        "where the instructions were executed (self: in the function itself; total: in it or what it calls)"
    );
    println!(
        "  {:>15}  {:>6}  {:>6}  function",
        "self Ir", "self", "total"
    );
    let total = counts.total.max(1) as f64;
    let share = |n: u64| 100.0 * (n as f64 / total).min(1.0);
    for f in counts.functions.iter().take(SHOWN) {
        let name: String = if f.name.chars().count() > 100 {
            f.name.chars().take(97).chain("...".chars()).collect()
        } else {
            f.name.clone()
        };
        println!(
            "  {:>15}  {:>5.1}%  {:>5.1}%  {name}",
            thousands(f.own),
            share(f.own),
            share(f.inclusive)
        );
    }
    if counts.functions.len() > SHOWN {
        let rest: u64 = counts.functions[SHOWN..].iter().map(|f| f.own).sum();
        println!(
            "  {:>15}  {:>5.1}%          {} other functions",
            thousands(rest),
            share(rest),
            counts.functions.len() - SHOWN
        );
    }
    Ok(())
}

/// The arguments of the run under valgrind: the same kernel, side, sizes and threads.
pub fn once_args(args: &KernelArgs, work: &Workload, threads: usize) -> Vec<OsString> {
    let mut out: Vec<OsString> = vec![
        "count-once".into(),
        work.chapter.clone().into(),
        args.kernel.clone().into(),
    ];
    if args.solution {
        out.push("--solution".into());
    }
    for p in &args.sizes.params {
        out.push("--param".into());
        out.push(p.into());
    }
    if let Some(init) = &args.sizes.init {
        out.push("--init".into());
        out.push(init.into());
    }
    out.push("--threads".into());
    out.push(threads.to_string().into());
    out
}

/// The run under valgrind: calls the kernel once, through the function callgrind counts.
pub fn once(work: &Workload, kernel: &str, side: Side) -> Result<()> {
    let (_, job, stub) = pick(work, kernel, side)?;
    let job = job.as_ref();
    run_kernel(&|| callgrind::counted(job), stub).map_err(|e| anyhow!(e))?;
    Ok(())
}
