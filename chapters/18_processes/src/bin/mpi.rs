//! Chapter 18's MPI program: `cargo workbook mpi processes KERNEL --ranks P` starts it on P
//! ranks under mpirun. Every rank runs the kernel; rank 0 prints each rank's busy and
//! communication time, the wall time, and the error against a reference, then a `#summary`
//! line that the launcher reads.
//!
//! For the tests, `WORKBOOK_MPI_FAIL=panic:R` (or `kill:R`) makes rank R panic (or kill
//! itself) before the kernel's first message, while the other ranks wait for it.

use harness::chapter::Values;
use harness::data::ChapterData;
use mpi::topology::SimpleCommunicator;
use mpi::traits::*;
use processes_solution::ranks::{self, Share};
use std::time::Instant;

/// What the command line asked for.
struct Asked {
    kernel: String,
    values: Values,
    repeat: usize,
    yours: bool,
    threads: Option<usize>,
}

fn parse(data: &ChapterData) -> anyhow::Result<Asked> {
    let mut args = std::env::args().skip(1);
    let kernel = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: processes-mpi KERNEL [--param NAME=VALUE]..."))?;
    let (_, k) = data.mpi_kernel(&kernel)?;
    let (mut pairs, mut repeat, mut yours, mut threads) = (Vec::new(), 3, false, None);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| anyhow::anyhow!("{name} needs a value"))
        };
        match arg.as_str() {
            "--param" => {
                let p = value("--param")?;
                let (n, v) = p
                    .split_once('=')
                    .ok_or_else(|| anyhow::anyhow!("--param takes NAME=VALUE, got `{p}`"))?;
                pairs.push((n.to_string(), v.to_string()));
            }
            "--repeat" => {
                repeat = harness::chapter::parse_positive("repeat", &value("--repeat")?)? as usize
            }
            "--threads" => {
                threads = Some(
                    harness::chapter::parse_positive("threads", &value("--threads")?)? as usize,
                )
            }
            "--yours" => yours = true,
            other => anyhow::bail!("unknown argument `{other}`"),
        }
    }
    if yours && k.stub.is_none() {
        anyhow::bail!("MPI kernel `{kernel}` exists only in the solution: add --solution");
    }
    if yours && !cfg!(feature = "exercise") {
        anyhow::bail!(
            "this MPI program was built without your exercise: run it through `cargo workbook mpi`"
        );
    }
    let values = Values::parse(&data.name, &data.params, &pairs)?;
    Ok(Asked {
        kernel,
        values,
        repeat,
        yours,
        threads,
    })
}

/// The fault the tests ask for, on the rank they name.
fn inject_fault(world: &SimpleCommunicator) {
    let Ok(fault) = std::env::var("WORKBOOK_MPI_FAIL") else {
        return;
    };
    let (what, rank) = fault.split_once(':').unwrap_or((&fault, "0"));
    if rank.parse::<i32>().ok() != Some(world.rank()) {
        return;
    }
    match what {
        "panic" => panic!("failing on purpose (WORKBOOK_MPI_FAIL={fault})"),
        "kill" => {
            let _ = std::process::Command::new("kill")
                .args(["-9", &std::process::id().to_string()])
                .status();
            std::thread::sleep(std::time::Duration::from_secs(60));
        }
        _ => {}
    }
}

/// Calls of the collectives timed for their cost.
const CALLS: u32 = 2000;

/// One run of the kernel on this rank.
fn run_once(world: &SimpleCommunicator, asked: &Asked) -> Share {
    let v = &asked.values;
    let n = v.get("n");
    let (cells, oversampling, rows) = (v.size("cells"), v.size("oversampling"), v.size("rows"));
    let (h, k) = processes_solution::strained_axes(cells, oversampling, rows);
    let one_rank = |f: &dyn Fn() -> Vec<f64>, items: u64| {
        let start = Instant::now();
        let result = f();
        Share {
            result,
            busy: start.elapsed().as_secs_f64(),
            comm: 0.0,
            items,
        }
    };
    #[cfg(feature = "exercise")]
    if asked.yours {
        use processes::ranks as yours;
        // The exercise's own `Share`, with the same fields.
        let share = |s: yours::Share| Share {
            result: s.result,
            busy: s.busy,
            comm: s.comm,
            items: s.items,
        };
        return match asked.kernel.as_str() {
            "series-blocks" => share(yours::series_blocks(world, n)),
            "series-cyclic" => share(yours::series_cyclic(world, n)),
            "strained-blocks" => share(yours::strained_blocks(world, cells, &h, &k)),
            "allreduce" => collective(|| {
                yours::total(world, 1.0);
            }),
            other => unreachable!("checked: {other} has a stub"),
        };
    }
    match asked.kernel.as_str() {
        "series-blocks" => ranks::series_blocks(world, n),
        "series-cyclic" => ranks::series_cyclic(world, n),
        "series-dynamic" => ranks::series_dynamic(world, n),
        "series-rayon" => one_rank(
            &|| vec![series_solution::slow_blocks_parallel(n)],
            series_solution::chunk_count(n),
        ),
        "strained-blocks" => ranks::strained_blocks(world, cells, &h, &k),
        "strained-rayon" => one_rank(
            &|| cores_solution::strained_fast(cells, &h, &k),
            h.len() as u64,
        ),
        "allreduce" => collective(|| {
            ranks::total(world, 1.0);
        }),
        "gather" => {
            let row = vec![world.rank() as f64; k.len()];
            let root = world.process_at_rank(0);
            let mut all = vec![
                0.0;
                if world.rank() == 0 {
                    k.len() * world.size() as usize
                } else {
                    0
                }
            ];
            collective(|| {
                if world.rank() == 0 {
                    root.gather_into_root(&row[..], &mut all[..]);
                } else {
                    root.gather_into(&row[..]);
                }
            })
        }
        other => unreachable!("checked: no kernel {other}"),
    }
}

/// [`CALLS`] calls of `call`; the result is microseconds per call.
fn collective(mut call: impl FnMut()) -> Share {
    let start = Instant::now();
    for _ in 0..CALLS {
        call();
    }
    let seconds = start.elapsed().as_secs_f64();
    Share {
        result: vec![seconds / f64::from(CALLS) * 1e6],
        busy: 0.0,
        comm: seconds,
        items: u64::from(CALLS),
    }
}

fn main() {
    let data = ChapterData::parse(include_str!("../../chapter.toml"), "chapter.toml")
        .expect("the chapter's data file is checked by its tests");
    let asked = match parse(&data) {
        Ok(a) => a,
        Err(e) => {
            // Every rank parses the same line: one says what is wrong.
            if std::env::var("OMPI_COMM_WORLD_RANK").map_or(true, |r| r == "0") {
                eprintln!("error: {e:#}");
            }
            std::process::exit(2);
        }
    };
    ranks::abort_on_panic();
    let universe = mpi::initialize().expect("MPI is initialised once");
    let world = universe.world();
    if let Some(t) = asked.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(t)
            .build_global()
            .expect("the thread pool is built once, first");
    }
    inject_fault(&world);
    let mut best: Option<(f64, Share)> = None;
    for _ in 0..asked.repeat {
        world.barrier();
        let start = Instant::now();
        let share = run_once(&world, &asked);
        let mine = start.elapsed().as_secs_f64();
        let mut wall = 0.0;
        world.all_reduce_into(&mine, &mut wall, mpi::collective::SystemOperation::max());
        if best.as_ref().is_none_or(|(w, _)| wall < *w) {
            best = Some((wall, share));
        }
    }
    let (wall, share) = best.expect("--repeat is at least 1");
    let stats = [share.busy, share.comm, share.items as f64];
    let root = world.process_at_rank(0);
    if world.rank() != 0 {
        root.gather_into(&stats[..]);
        return;
    }
    let mut all = vec![0.0; 3 * world.size() as usize];
    root.gather_into_root(&stats[..], &mut all[..]);
    drop(universe);
    report(&asked, world_size(&all), wall, &share.result, &all);
}

fn world_size(all: &[f64]) -> usize {
    all.len() / 3
}

/// Rank 0's table, the error against the reference, and the `#summary` line.
fn report(asked: &Asked, ranks: usize, wall: f64, result: &[f64], stats: &[f64]) {
    let v = &asked.values;
    let side = if asked.yours {
        "yours"
    } else {
        "reference solution"
    };
    let threads = asked
        .threads
        .map(|t| format!(", {t} threads"))
        .unwrap_or_default();
    println!(
        "{} on {ranks} rank{}{threads} ({side}), best of {}:",
        asked.kernel,
        if ranks == 1 { "" } else { "s" },
        asked.repeat
    );
    let unit = if asked.kernel.starts_with("strained") {
        "rows"
    } else if asked.kernel.starts_with("series") {
        "chunks"
    } else {
        "calls"
    };
    println!(
        "  {:>4}  {:>10}  {:>10}  {:>8}",
        "rank", "busy ms", "comm ms", unit
    );
    for (rank, s) in stats.chunks_exact(3).enumerate() {
        println!(
            "  {rank:>4}  {:>10.2}  {:>10.3}  {:>8}",
            s[0] * 1e3,
            s[1] * 1e3,
            s[2]
        );
    }
    println!(
        "  wall {:.2} ms (the slowest rank, from a barrier to its answer); comm counts the waits for other ranks",
        wall * 1e3
    );
    let error = match asked.kernel.as_str() {
        k if k.starts_with("series") => {
            let n = v.get("n");
            let reference = series_solution::slow_grouped(u128::from(n));
            let error = (result[0] - reference).abs() / reference;
            println!(
                "  S({n}) = {:.15}; relative error {error:.1e} against Schmelzer & Baillie's grouped sum",
                result[0]
            );
            Some(error)
        }
        k if k.starts_with("strained") => {
            let cells = v.size("cells");
            let (h, k) =
                processes_solution::strained_axes(cells, v.size("oversampling"), v.size("rows"));
            let reference = cores_solution::strained_fast(cells, &h, &k);
            let scale = reference.iter().fold(0.0_f64, |m, r| m.max(r.abs()));
            let worst = reference
                .iter()
                .zip(result)
                .fold(0.0_f64, |m, (r, x)| m.max((r - x).abs()));
            let error = if result.len() == reference.len() {
                worst / scale
            } else {
                f64::INFINITY
            };
            println!(
                "  {} x {} grid on rank 0; max |ref - x| / max |ref| = {error:.1e} against chapter 10's strained-fast",
                h.len(),
                k.len()
            );
            Some(error)
        }
        _ => {
            println!("  {:.2} µs per call (mean of {CALLS} calls)", result[0]);
            None
        }
    };
    let join = |i: usize| {
        stats
            .chunks_exact(3)
            .map(|s| format!("{:.6}", s[i]))
            .collect::<Vec<_>>()
            .join(",")
    };
    println!(
        "#summary ranks={ranks} wall={wall:.6} busy={} comm={} per_call_us={} error={}",
        join(0),
        join(1),
        if error.is_none() {
            format!("{:.3}", result[0])
        } else {
            "-".into()
        },
        error.map_or("-".into(), |e| format!("{e:.3e}"))
    );
}
