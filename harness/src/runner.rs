//! The body of every chapter's runner (`chapters/NN_name/src/main.rs` calls [`main`]): the
//! commands that run kernels, for that one chapter. The launcher (`cargo workbook`) builds the
//! runner with cargo and starts it with the learner's arguments, so a chapter's code is only
//! ever compiled with its own exercise.

use crate::chapter::{Chapter, Workload};
use crate::cli::{self, Command, KernelArgs, parse_seconds};
use crate::commands::{asm, bench, count, flamegraph, heap, lines, run, speed};
use crate::data::ChapterData;
use crate::measure::{available_memory, human_bytes};
use crate::threads::{self, with_threads};
use crate::{files, guard};
use anyhow::{Result, bail};

/// Runs the command line for `chapter`, whose data file is `data` (its text, embedded with
/// `include_str!`). Exits with a one-line error on bad input.
pub fn main(data: &str, chapter: &dyn Chapter) {
    guard::install_quiet_hook();
    files::clean_up_on_interrupt();
    let result = ChapterData::parse(data, "chapter.toml").and_then(|data| {
        files::find_root()?;
        // A wrong WORKBOOK_SIMD is one line now, not a panic in the first kernel.
        simd::Level::from_env().map_err(anyhow::Error::msg)?;
        dispatch(&data, chapter, cli::parse())
    });
    if let Err(e) = result {
        cli::exit_with_error(e);
    }
}

fn dispatch(data: &ChapterData, chapter: &dyn Chapter, cli: cli::Cli) -> Result<()> {
    let Some(command) = cli.command else {
        bail!(
            "this is the runner of chapter {}: run it through `cargo workbook`",
            data.name
        );
    };
    if let Some(name) = command.kernel_chapter()
        && crate::catalog::resolve(std::slice::from_ref(data), name).is_err()
    {
        bail!(
            "this runner is chapter {}'s and was asked for `{name}`: run it through `cargo workbook`",
            data.name
        );
    }
    // Before any work: a destination that can't or mustn't be written is refused now.
    for path in command.destinations() {
        cli::check_destination(path)?;
    }
    match command {
        Command::Run {
            kernel,
            save,
            png,
            phases,
            no_reference,
            repeat,
        } => {
            let (work, threads) = prepare(data, chapter, &kernel)?;
            let values = kernel.sizes.values(data)?;
            with_threads(threads, || {
                run::run(
                    chapter,
                    &work,
                    &kernel.kernel,
                    kernel.side(),
                    run::Files { save, png },
                    run::Timing { phases, repeat },
                    run::Reference {
                        skip: no_reference,
                        data,
                        values: &values,
                    },
                )
            })
        }
        Command::Flamegraph {
            kernel,
            seconds,
            out,
        } => {
            let seconds = parse_seconds(&seconds)?;
            let (work, threads) = prepare(data, chapter, &kernel)?;
            with_threads(threads, || {
                flamegraph::run(&work, &kernel.kernel, kernel.side(), seconds, out)
            })
        }
        Command::Heap { kernel, out } => {
            let (work, threads) = prepare(data, chapter, &kernel)?;
            with_threads(threads, || {
                heap::run(&work, &kernel.kernel, kernel.side(), out)
            })
        }
        Command::Count { kernel } => {
            let (values, threads) = kernel.check(data)?;
            let threads = crate::callgrind::count_threads(&data.name, threads)?;
            // Before the inputs are built: a machine without valgrind is told at once.
            crate::callgrind::check_available()?;
            let work = workload(data, chapter, &values)?;
            with_threads(Some(threads), || count::run(&work, &kernel, threads))
        }
        Command::Asm { kernel } => {
            let (work, threads) = prepare(data, chapter, &kernel)?;
            crate::disasm::check_available()?;
            with_threads(threads, || asm::run(&work, &kernel))
        }
        Command::Lines { kernel } => {
            let (values, threads) = kernel.check(data)?;
            crate::callgrind::count_threads_for("lines", &data.name, threads)?;
            crate::callgrind::check_available_for("lines")?;
            let work = workload(data, chapter, &values)?;
            with_threads(Some(1), || lines::run(&work, &kernel))
        }
        Command::CountOnce { kernel } => {
            let (work, threads) = prepare(data, chapter, &kernel)?;
            let threads = crate::callgrind::count_threads(&data.name, threads)?;
            with_threads(Some(threads), || {
                count::once(&work, &kernel.kernel, kernel.side())
            })
        }
        Command::Bench {
            kernel,
            sizes,
            threads,
            seconds,
            solution,
            plot,
            roofline,
            json,
            ..
        } => {
            let seconds = parse_seconds(&seconds)?;
            let counts = threads::counts(threads.as_deref())?;
            for name in &kernel {
                data.kernel(name)?;
            }
            let values = sizes.values(data)?;
            let work = workload(data, chapter, &values)?;
            if json {
                return bench::json_lines(&work, seconds, &kernel);
            }
            let plot = match plot {
                Some(p) => p,
                None => files::default_path(&format!("scaling-{}.svg", data.name))?,
            };
            let roofline = match roofline {
                None => None,
                Some(path) => {
                    if !work.kernels.iter().any(|k| k.cost.is_some()) {
                        bail!(
                            "chapter {} declares no kernel's bytes and flops: it has no roofline",
                            data.name
                        );
                    }
                    let path = match path {
                        Some(p) => p,
                        None => files::default_path(&format!("roofline-{}.svg", data.name))?,
                    };
                    // Measured before any timing, so that it does not disturb them. The roof is
                    // the peak of the instructions the kernels are dispatched to.
                    let mut figures = crate::commands::machine::saved_or_measure()?;
                    figures.build = simd::level().instructions().to_string();
                    Some((figures, path))
                }
            };
            bench::bench(
                &work,
                &bench::Plan {
                    only: &kernel,
                    counts: &counts,
                    seconds,
                    reference_only: solution,
                    plot: &plot,
                    roofline: roofline.as_ref().map(|(f, p)| (f, p.as_path())),
                },
            )
        }
        Command::Speed {
            solution, rounds, ..
        } => {
            if rounds == 0 {
                bail!("--rounds must be at least 1");
            }
            let values = crate::chapter::Values::parse(&data.name, &data.params, &[])?;
            let work = workload(data, chapter, &values)?;
            speed::run(&work, cli::Side::from_flag(solution), rounds)
        }
        _ => bail!(
            "this is the runner of chapter {}: that command is `cargo workbook`'s",
            data.name
        ),
    }
}

/// Checks the arguments, the sizes against the machine, then builds the jobs.
fn prepare(
    data: &ChapterData,
    chapter: &dyn Chapter,
    args: &KernelArgs,
) -> Result<(Workload, Option<usize>)> {
    let (values, threads) = args.check(data)?;
    Ok((workload(data, chapter, &values)?, threads))
}

fn workload(
    data: &ChapterData,
    chapter: &dyn Chapter,
    values: &crate::chapter::Values,
) -> Result<Workload> {
    let needed = chapter.bytes_needed(values);
    let available = available_memory();
    if needed > available {
        bail!(
            "these sizes need about {} of memory, more than the {} this machine has available",
            human_bytes(needed),
            human_bytes(available)
        );
    }
    Workload::bind(data, chapter.cases(values)?)
}
