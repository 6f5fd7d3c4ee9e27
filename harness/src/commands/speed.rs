//! `cargo workbook check CHAPTER --speed`: after the tests pass, each optimisation kernel is
//! timed against its case's baseline in alternating rounds, and counts solved when the median of
//! the rounds' ratios reaches the goal in the chapter's data. Alternating the two in every round
//! keeps a burst of load from favouring either side; the spread of the rounds says how far to
//! trust the median.

use crate::chapter::{Job, Workload};
use crate::cli::Side;
use crate::commands::bench::{tolerance_text, verdict};
use crate::data::GoalData;
use crate::guard::run_kernel;
use crate::progress::Progress;
use crate::threads::with_threads;
use anyhow::{Result, bail};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// A timed sample lasts at least this long, so that a kernel of nanoseconds is timed over many
/// calls and the clock's own cost does not count.
const SAMPLE: Duration = Duration::from_millis(10);

/// What one kernel's rounds gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// The median ratio reached the goal; (median, min, max) of the rounds' ratios.
    Met(f64, f64, f64),
    Missed(f64, f64, f64),
    /// The result is off by more than the tolerance: not timed.
    Wrong(String),
    /// The goal asks for more threads than the machine has cores.
    NotJudged(usize),
}

/// One kernel to judge: its name, its job (yours or the reference), its goal.
pub struct Entrant<'w> {
    pub kernel: &'w str,
    pub job: &'w Job,
    pub stub: Option<&'w str>,
    pub goal: GoalData,
}

/// The kernels of `work` that have a goal, on `side`; kernels only the solution has are left
/// out of yours, and are named so the learner knows why.
pub fn entrants(work: &Workload, side: Side) -> (Vec<(usize, Entrant<'_>)>, Vec<&str>) {
    let mut chosen = Vec::new();
    let mut reference_only = Vec::new();
    for k in &work.kernels {
        let Some(goal) = k.goal else { continue };
        let job = match side {
            Side::Reference => Some((&k.reference, None)),
            Side::Yours => k.yours.as_ref().map(|j| (j, k.stub.as_deref())),
        };
        match job {
            Some((job, stub)) => chosen.push((
                k.case,
                Entrant {
                    kernel: &k.name,
                    job,
                    stub,
                    goal,
                },
            )),
            None => reference_only.push(k.name.as_str()),
        }
    }
    (chosen, reference_only)
}

/// Runs `job` `reps` times and returns the time of one call.
fn sample(job: &Job, reps: u32) -> Duration {
    let start = Instant::now();
    for _ in 0..reps {
        black_box(job());
    }
    start.elapsed() / reps
}

/// How many calls make a sample of at least [`SAMPLE`], from one timed call.
fn calls_per_sample(job: &Job) -> u32 {
    let one = sample(job, 1).as_secs_f64().max(1e-9);
    (SAMPLE.as_secs_f64() / one).ceil().clamp(1.0, 1e7) as u32
}

/// Judges `entrants` (all of one case) against `baseline` (the case's reference baseline) in
/// `rounds` rounds on the threads each goal names. `cores` is what the machine has.
pub fn judge(
    baseline: &Job,
    entrants: &[Entrant],
    tolerance: f64,
    rounds: usize,
    cores: usize,
    progress: &Progress,
) -> Result<Vec<Verdict>> {
    let mut verdicts: Vec<Option<Verdict>> = vec![None; entrants.len()];
    let mut counts: Vec<usize> = entrants.iter().map(|e| e.goal.threads).collect();
    counts.sort_unstable();
    counts.dedup();
    for threads in counts {
        let group: Vec<usize> = (0..entrants.len())
            .filter(|&i| entrants[i].goal.threads == threads)
            .collect();
        if threads > cores {
            for &i in &group {
                verdicts[i] = Some(Verdict::NotJudged(threads));
                progress.advance(rounds as u64);
            }
            continue;
        }
        let judged = with_threads(Some(threads), || {
            let expected = run_kernel(baseline.as_ref(), None)?;
            let mut timed = Vec::new();
            let mut out = Vec::new();
            for &i in &group {
                let e = &entrants[i];
                let output = run_kernel(e.job.as_ref(), e.stub)?;
                match output.error_against(&expected) {
                    Some(err) if err <= tolerance => {
                        timed.push(i);
                    }
                    Some(err) => out.push((i, Verdict::Wrong(verdict(err, tolerance)))),
                    None => out.push((i, Verdict::Wrong("shapes differ".into()))),
                }
            }
            for &i in &group {
                if !timed.contains(&i) {
                    progress.advance(rounds as u64);
                }
            }
            let base_calls = calls_per_sample(baseline);
            let calls: Vec<u32> = timed
                .iter()
                .map(|&i| calls_per_sample(entrants[i].job))
                .collect();
            let mut ratios = vec![Vec::with_capacity(rounds); timed.len()];
            for _ in 0..rounds {
                let base = sample(baseline, base_calls).as_secs_f64();
                for (j, &i) in timed.iter().enumerate() {
                    progress.set_message(format!("{} against the baseline", entrants[i].kernel));
                    let t = sample(entrants[i].job, calls[j]).as_secs_f64().max(1e-12);
                    ratios[j].push(base / t);
                    progress.step();
                }
            }
            for (j, &i) in timed.iter().enumerate() {
                out.push((i, verdict_of(&mut ratios[j], entrants[i].goal.speedup)));
            }
            Ok(out)
        })?;
        for (i, v) in judged {
            verdicts[i] = Some(v);
        }
    }
    Ok(verdicts
        .into_iter()
        .map(|v| v.expect("every entrant is judged"))
        .collect())
}

/// Met or missed, from the rounds' ratios: the median against the goal.
fn verdict_of(ratios: &mut [f64], goal: f64) -> Verdict {
    ratios.sort_by(f64::total_cmp);
    let median = ratios[ratios.len() / 2];
    let (min, max) = (ratios[0], ratios[ratios.len() - 1]);
    if median >= goal {
        Verdict::Met(median, min, max)
    } else {
        Verdict::Missed(median, min, max)
    }
}

/// The command: every goal of the chapter judged on `side`, a table per case, and an error
/// when a goal is missed or a result is wrong.
pub fn run(work: &Workload, side: Side, rounds: usize) -> Result<()> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (chosen, reference_only) = entrants(work, side);
    if chosen.is_empty() {
        println!(
            "chapter {} sets no speed goal for {}: its tests are the whole exercise",
            work.chapter,
            match side {
                Side::Yours => "your kernels",
                Side::Reference => "its kernels",
            }
        );
        return Ok(());
    }
    let progress = Progress::steps(
        (chosen.len() * rounds) as u64,
        "timing rounds",
        Some(SAMPLE * 2),
    );
    let (mut met, mut missed, mut wrong) = (Vec::new(), Vec::new(), Vec::new());
    let mut next = None;
    for (case, info) in work.cases.iter().enumerate() {
        let entrants: Vec<&Entrant> = chosen
            .iter()
            .filter(|(c, _)| *c == case)
            .map(|(_, e)| e)
            .collect();
        if entrants.is_empty() {
            continue;
        }
        let base = work.baseline(case);
        let owned: Vec<Entrant> = entrants
            .iter()
            .map(|e| Entrant {
                kernel: e.kernel,
                job: e.job,
                stub: e.stub,
                goal: e.goal,
            })
            .collect();
        let verdicts = judge(
            &base.reference,
            &owned,
            work.tolerance,
            rounds,
            cores,
            &progress,
        )?;
        let mut table = format!(
            "{} ({}) against the reference {}, {rounds} rounds: {}\n",
            work.chapter,
            side.word(),
            base.name,
            info.summary
        );
        table.push_str(&format!(
            "  {:<18} {:>8} {:>9} {:>17}  {}\n",
            "kernel", "goal", "speed-up", "rounds (min-max)", "verdict"
        ));
        for (e, v) in owned.iter().zip(&verdicts) {
            let goal = format!("{}x", e.goal.speedup);
            let goal = if e.goal.threads > 1 {
                format!("{goal}/{}t", e.goal.threads)
            } else {
                goal
            };
            let (speedup, spread, word) = match v {
                Verdict::Met(m, lo, hi) => (
                    format!("{m:.2}x"),
                    format!("{lo:.2}x-{hi:.2}x"),
                    "met".to_string(),
                ),
                Verdict::Missed(m, lo, hi) => (
                    format!("{m:.2}x"),
                    format!("{lo:.2}x-{hi:.2}x"),
                    "MISSED".to_string(),
                ),
                Verdict::Wrong(why) => (
                    String::new(),
                    String::new(),
                    format!(
                        "WRONG: error {why}, {} ({})",
                        tolerance_text(work.tolerance),
                        "not timed"
                    ),
                ),
                Verdict::NotJudged(t) => (
                    String::new(),
                    String::new(),
                    format!("not judged: the goal is on {t} threads, this machine has {cores}"),
                ),
            };
            table.push_str(&format!(
                "  {:<18} {:>8} {:>9} {:>17}  {word}\n",
                e.kernel, goal, speedup, spread
            ));
            match v {
                Verdict::Met(..) => met.push(e.kernel),
                Verdict::Missed(m, ..) => {
                    missed.push(e.kernel);
                    next.get_or_insert(format!(
                        "next: {} runs {m:.2}x {} and its goal is {}x: `cargo workbook flamegraph {} {}` shows where its time goes",
                        e.kernel, base.name, e.goal.speedup, work.chapter, e.kernel
                    ));
                }
                Verdict::Wrong(_) => wrong.push(e.kernel),
                Verdict::NotJudged(_) => {}
            }
        }
        progress.suspend(|| println!("{table}"));
    }
    drop(progress);
    if !reference_only.is_empty() {
        println!(
            "  (goals of kernels only the solution has, not yours to meet: {})",
            reference_only.join(", ")
        );
    }
    println!(
        "{}: {} of {} goals met (speed-up: the median of the rounds' ratios, each round timing the baseline then the kernel)",
        work.chapter,
        met.len(),
        chosen.len()
    );
    if let Some(next) = next {
        println!("{next}");
    }
    if !wrong.is_empty() {
        bail!(
            "wrong results from {} in chapter {}: `cargo workbook check {}` first",
            wrong.join(", "),
            work.chapter,
            work.chapter
        );
    }
    if !missed.is_empty() {
        bail!(
            "{} of {} speed goals missed in chapter {}: {}",
            missed.len(),
            chosen.len(),
            work.chapter,
            missed.join(", ")
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Output;

    /// A job that sums `n` numbers: its time grows with `n` whatever the machine.
    fn work_of(n: u64) -> Job {
        Box::new(move || {
            black_box((0..black_box(n)).map(|i| i as f64).sum::<f64>());
            Output::Scalar(1.0)
        })
    }

    fn entrant<'a>(kernel: &'a str, job: &'a Job, speedup: f64, threads: usize) -> Entrant<'a> {
        Entrant {
            kernel,
            job,
            stub: None,
            goal: GoalData { speedup, threads },
        }
    }

    #[test]
    fn a_kernel_far_faster_meets_its_goal_and_an_equal_one_misses() {
        let baseline = work_of(2_000_000);
        let fast = work_of(20_000);
        let same = work_of(2_000_000);
        let wrong: Job = Box::new(|| Output::Scalar(2.0));
        let entrants = [
            entrant("fast", &fast, 5.0, 1),
            entrant("same", &same, 5.0, 1),
            entrant("wrong", &wrong, 5.0, 1),
            entrant("wide", &fast, 5.0, 64),
        ];
        let progress = Progress::steps(0, "", None);
        let v = judge(&baseline, &entrants, 1e-9, 3, 2, &progress).unwrap();
        // 100 times less work against a goal of 5x: met even on a loaded machine.
        assert!(matches!(v[0], Verdict::Met(m, _, _) if m > 5.0), "{v:?}");
        assert!(matches!(v[1], Verdict::Missed(m, _, _) if m < 5.0), "{v:?}");
        assert!(
            matches!(&v[2], Verdict::Wrong(w) if w.contains("WRONG")),
            "{v:?}"
        );
        assert_eq!(v[3], Verdict::NotJudged(64));
    }

    #[test]
    fn the_median_of_the_rounds_decides() {
        assert_eq!(
            verdict_of(&mut [9.0, 1.0, 12.0], 8.0),
            Verdict::Met(9.0, 1.0, 12.0)
        );
        assert_eq!(
            verdict_of(&mut [9.0, 1.0, 2.0], 8.0),
            Verdict::Missed(2.0, 1.0, 9.0)
        );
    }
}
