//! `cargo workbook mpi CHAPTER KERNEL --ranks P`: builds the chapter's MPI program and starts
//! it under mpirun on P ranks (each of a list in turn), prints what rank 0 measured, and for a
//! list a scaling table: speed-up, efficiency, the communication apart, Amdahl's law, and the
//! same cores used by one rank's threads (rayon).

use crate::cli::Sizes;
use crate::data::{ChapterData, MpiKernelData};
use crate::{launch, mpi, scaling};
use anyhow::{Context, Result, bail};
use std::path::Path;
use std::time::Instant;

/// What the command line asked for.
pub struct Job<'a> {
    pub kernel: &'a str,
    pub ranks: &'a str,
    pub solution: bool,
    pub weak: bool,
    pub repeat: u32,
    pub sizes: &'a Sizes,
}

/// The most ranks a job may ask for: more would only take turns on a laptop's cores.
const MAX_RANKS: usize = 256;

/// One job's `#summary`, and how long mpirun took from start to end.
struct Row {
    ranks: usize,
    wall: f64,
    busy: Vec<f64>,
    comm: Vec<f64>,
    per_call_us: Option<f64>,
    error: Option<f64>,
    job: f64,
}

pub fn run(chapter: &ChapterData, job: &Job) -> Result<i32> {
    let (mpi_data, kernel) = chapter.mpi_kernel(job.kernel)?;
    if !job.solution && kernel.stub.is_none() {
        bail!(
            "MPI kernel `{}` of chapter {} exists only in the solution: add --solution",
            kernel.name,
            chapter.name
        );
    }
    let values = job.sizes.values(chapter)?;
    let ranks = parse_ranks(job.ranks)?;
    if job.weak && kernel.weak.is_none() {
        bail!(
            "--weak: MPI kernel `{}` has no size that grows with the ranks",
            kernel.name
        );
    }
    // A kernel that others are compared with runs on one rank, its threads as many as asked.
    let threads = mpi_data
        .kernels
        .iter()
        .any(|k| k.rayon.as_deref() == Some(kernel.name.as_str()));
    let scaled: Vec<Vec<(String, String)>> = ranks
        .iter()
        .map(|&p| params_for(chapter, kernel, job, &values, p))
        .collect::<Result<_>>()?;
    mpi::check_available()?;
    let exe = launch::build_program(chapter, !job.solution, Some(&mpi_data.program))?;
    let mut rows = Vec::new();
    for (&p, params) in ranks.iter().zip(&scaled) {
        rows.push(one_job(
            &exe,
            &kernel.name,
            p,
            threads,
            params,
            job,
            !job.solution,
        )?);
    }
    let mut exit = if rows.iter().any(|r| wrong(r, chapter)) {
        1
    } else {
        0
    };
    let largest = *ranks.last().expect("at least one rank count");
    let rayon = match &kernel.rayon {
        Some(r) if !job.weak && largest > 1 => {
            let params = &scaled[scaled.len() - 1];
            let row = one_job(&exe, r, largest, true, params, job, false)?;
            if wrong(&row, chapter) {
                exit = 1;
            }
            Some((r.as_str(), row))
        }
        _ => None,
    };
    if rows.len() > 1 || rayon.is_some() {
        summarise(chapter, kernel, job.weak, &rows, rayon.as_ref());
    }
    Ok(exit)
}

/// `1`, `2,4` or `1,2,4,8`: counts between 1 and [`MAX_RANKS`], in increasing order.
fn parse_ranks(raw: &str) -> Result<Vec<usize>> {
    let mut counts = Vec::new();
    for part in raw.split(',') {
        let p: usize = part
            .trim()
            .parse()
            .ok()
            .filter(|&p| (1..=MAX_RANKS).contains(&p))
            .with_context(|| {
                format!(
                    "--ranks takes counts between 1 and {MAX_RANKS}, as `2` or `1,2,4`: got `{raw}`"
                )
            })?;
        if counts.last().is_some_and(|&last| p <= last) {
            bail!("--ranks: list the counts in increasing order, each once: got `{raw}`");
        }
        counts.push(p);
    }
    Ok(counts)
}

/// The learner's parameters, with --weak's one multiplied by the ranks (refused beyond its
/// maximum before any job starts).
fn params_for(
    chapter: &ChapterData,
    kernel: &MpiKernelData,
    job: &Job,
    values: &crate::chapter::Values,
    ranks: usize,
) -> Result<Vec<(String, String)>> {
    let mut pairs = job.sizes.pairs()?;
    if let (true, Some(name)) = (job.weak, &kernel.weak) {
        let scaled = values.get(name).saturating_mul(ranks as u64);
        let max = chapter
            .params
            .iter()
            .find(|p| &p.name == name)
            .map_or(u64::MAX, |p| p.max);
        if scaled > max {
            bail!(
                "--weak: {name} = {} x {ranks} ranks is above its maximum {max}",
                values.get(name)
            );
        }
        pairs.retain(|(n, _)| n != name);
        pairs.push((name.clone(), scaled.to_string()));
    }
    Ok(pairs)
}

fn wrong(row: &Row, chapter: &ChapterData) -> bool {
    // A NaN error is wrong too.
    row.error
        .is_some_and(|e| e.is_nan() || e > chapter.tolerance)
}

/// Starts one job, prints what rank 0 printed (but the summary), and reads the summary.
fn one_job(
    exe: &Path,
    kernel: &str,
    ranks: usize,
    threads: bool,
    params: &[(String, String)],
    job: &Job,
    yours: bool,
) -> Result<Row> {
    let processes = if threads { 1 } else { ranks };
    let mut command = mpi::mpirun(processes, if threads { ranks } else { 1 }, exe);
    command.arg(kernel);
    for (name, value) in params {
        command.args(["--param", &format!("{name}={value}")]);
    }
    command.args(["--repeat", &job.repeat.to_string()]);
    if threads {
        command.args(["--threads", &ranks.to_string()]);
    }
    if yours {
        command.arg("--yours");
    }
    // The program from the workbook's folder: the line reads the same on every machine.
    let root = crate::files::root();
    let shown: Vec<String> = std::iter::once(command.get_program())
        .chain(command.get_args())
        .map(|a| {
            let a = Path::new(a);
            a.strip_prefix(root)
                .unwrap_or(a)
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    println!("$ {}", shown.join(" "));
    let start = Instant::now();
    let out = mpi::output_of(command)?;
    let seconds = start.elapsed().as_secs_f64();
    let mut summary = None;
    for line in out.lines() {
        match line.strip_prefix("#summary ") {
            Some(s) => summary = Some(s.to_string()),
            None => println!("{line}"),
        }
    }
    println!(
        "  the whole job took {:.2} s: mpirun starting {processes} process{}, MPI's set-up and the {} runs",
        seconds,
        if processes == 1 { "" } else { "es" },
        job.repeat
    );
    println!();
    let summary = summary.context("the MPI program printed no #summary line")?;
    read_summary(&summary, ranks, seconds)
}

fn read_summary(line: &str, ranks: usize, job: f64) -> Result<Row> {
    let field = |name: &str| {
        line.split_whitespace()
            .find_map(|f| f.strip_prefix(name)?.strip_prefix('='))
            .with_context(|| format!("no {name} in the summary `{line}`"))
    };
    let list = |name: &str| -> Result<Vec<f64>> {
        field(name)?
            .split(',')
            .map(|x| x.parse().with_context(|| format!("{name} in `{line}`")))
            .collect()
    };
    let optional = |name: &str| -> Result<Option<f64>> { Ok(field(name)?.parse().ok()) };
    Ok(Row {
        ranks,
        wall: field("wall")?.parse().context("wall")?,
        busy: list("busy")?,
        comm: list("comm")?,
        per_call_us: optional("per_call_us")?,
        error: optional("error")?,
        job,
    })
}

fn max(v: &[f64]) -> f64 {
    v.iter().fold(0.0_f64, |m, &x| m.max(x))
}

fn min(v: &[f64]) -> f64 {
    v.iter().fold(f64::INFINITY, |m, &x| m.min(x))
}

/// The scaling table, the comparison with threads, and Amdahl's law.
fn summarise(
    chapter: &ChapterData,
    kernel: &MpiKernelData,
    weak: bool,
    rows: &[Row],
    rayon: Option<&(&str, Row)>,
) {
    let base = rows.iter().find(|r| r.ranks == 1);
    let what = if weak {
        format!(
            "weak scaling of {} ({} grows with the ranks)",
            kernel.name,
            kernel.weak.as_deref().unwrap_or("?")
        )
    } else {
        format!("strong scaling of {}", kernel.name)
    };
    println!("{what}, chapter {}:", chapter.name);
    // Left-aligned names and at least two spaces between cells: the book's figures read the
    // rows by name (`{{#figure processes-strained 2 speed-up}}`).
    if rows.iter().any(|r| r.per_call_us.is_some()) {
        println!("  {:<5}  {:>11}  {:>6}", "ranks", "µs per call", "job s");
        for r in rows {
            let us = r.per_call_us.unwrap_or(f64::NAN);
            println!("  {:<5}  {us:>11.2}  {:>6.2}", r.ranks, r.job);
        }
        return;
    }
    println!(
        "  {:<5}  {:>10}  {:>8}  {:>10}  {:>9}  {:>12}  {:>6}  {:>7}",
        "ranks", "wall ms", "speed-up", "efficiency", "max comm", "busy max/min", "job s", "error"
    );
    let dash = |x: f64, text: String| if x.is_nan() { "-".to_string() } else { text };
    let line = |name: String, r: &Row, cores: usize, spread: bool| {
        let (speedup, efficiency) = match base {
            Some(b) if weak => (f64::NAN, b.wall / r.wall),
            Some(b) => (b.wall / r.wall, b.wall / r.wall / cores as f64),
            None => (f64::NAN, f64::NAN),
        };
        let error = match r.error {
            Some(e) if e.is_nan() || e > chapter.tolerance => format!("{e:.0e} WRONG"),
            Some(e) => format!("{e:.0e}"),
            None => "-".into(),
        };
        let (comm, balance) = if spread {
            (max(&r.comm) * 1e3, max(&r.busy) / min(&r.busy).max(1e-9))
        } else {
            (f64::NAN, f64::NAN)
        };
        println!(
            "  {name:<5}  {:>10.2}  {:>8}  {:>10}  {:>9}  {:>12}  {:>6.2}  {error:>7}",
            r.wall * 1e3,
            dash(speedup, format!("{speedup:.2}x")),
            dash(efficiency, format!("{:.0}%", efficiency * 100.0)),
            dash(comm, format!("{comm:.3}")),
            dash(balance, format!("{balance:.2}")),
            r.job,
        );
    };
    for r in rows {
        line(r.ranks.to_string(), r, r.ranks, true);
    }
    let last = rows.last().expect("rows");
    if let Some((name, t)) = rayon {
        line("rayon".into(), t, t.ranks, false);
        println!(
            "  rayon: {name}, one rank on {} threads: the {} ranks take {:.2}x its time",
            t.ranks,
            last.ranks,
            last.wall / t.wall
        );
    }
    if let (Some(b), false) = (base, weak) {
        let points: Vec<(f64, f64)> = rows
            .iter()
            .map(|r| (r.ranks as f64, b.wall / r.wall))
            .collect();
        if points.len() > 1 {
            let f = scaling::fit_serial_fraction(&points);
            // The form of `bench --threads`'s fit, which the book's figures read.
            println!(
                "  {}: serial fraction f = {f:.3} fits best (Amdahl's law, S(P) = 1 / (f + (1 - f) / P): {})",
                kernel.name,
                if f > 0.0 {
                    format!("at most {:.0}x on any number of ranks", 1.0 / f)
                } else {
                    "no limit in sight".into()
                }
            );
            let p = last.ranks as f64;
            // The rank that reaches a collective last waits least: its time there is the
            // messages' own cost; the others' is mostly waiting for it.
            let comm = min(&last.comm);
            println!(
                "  with the communication apart: T(1) / P + C = {:.2} + {:.3} = {:.2} ms predicted on {} ranks (C: the least time a rank spent in messages); {:.2} ms measured",
                b.wall / p * 1e3,
                comm * 1e3,
                (b.wall / p + comm) * 1e3,
                last.ranks,
                last.wall * 1e3
            );
        }
    }
}
