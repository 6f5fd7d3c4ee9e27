//! `cargo workbook`, the launcher: it depends on no chapter. It reads the chapters' data files
//! at run time, runs their tests with cargo (`status`, `check`), builds the book, and hands the
//! commands that run kernels to the chapter's own runner ([`crate::launch`]). So a chapter whose
//! exercise does not compile breaks only the commands on that chapter.

use crate::cli::{self, Command, parse_seconds};
use crate::commands::{compare, hint, report, reproduce, reset, status, watch};
use crate::{book, catalog, check, files, guard};
use anyhow::Result;
use std::ffi::OsString;

pub fn main() {
    guard::install_quiet_hook();
    let cli = cli::parse();
    match run(cli) {
        Ok(0) => {}
        Ok(code) => std::process::exit(code),
        Err(e) => cli::exit_with_error(e),
    }
}

fn run(cli: cli::Cli) -> Result<i32> {
    files::find_root()?;
    // A wrong WORKBOOK_SIMD is refused before anything is built.
    simd::Level::from_env().map_err(anyhow::Error::msg)?;
    let command = cli.command.unwrap_or(Command::Status);
    if let Some(name) = command.kernel_chapter() {
        let chapter = catalog::find(name)?;
        // Refuse what can be refused without building anything.
        if let Command::Run { kernel, .. }
        | Command::Flamegraph { kernel, .. }
        | Command::Heap { kernel, .. }
        | Command::CountOnce { kernel } = &command
        {
            kernel.check(&chapter)?;
        }
        if let Command::Asm { kernel } = &command {
            kernel.check(&chapter)?;
            // A missing objdump is said before the runner is built.
            crate::disasm::check_available()?;
        }
        if let Command::Lines { kernel } = &command {
            let (_, threads) = kernel.check(&chapter)?;
            crate::callgrind::count_threads_for("lines", &chapter.name, threads)?;
            crate::callgrind::check_available_for("lines")?;
        }
        if let Command::Count { kernel } = &command {
            let (_, threads) = kernel.check(&chapter)?;
            crate::callgrind::count_threads(&chapter.name, threads)?;
            // A missing valgrind is said before minutes of building the runner, not after.
            crate::callgrind::check_available()?;
        }
        if let Command::Bench { kernel, sizes, .. } = &command {
            for k in kernel {
                chapter.kernel(k)?;
            }
            sizes.values(&chapter)?;
        }
        for path in command.destinations() {
            cli::check_destination(path)?;
        }
        // The runner gets the arguments as typed, the chapter by its own name.
        let mut args: Vec<OsString> = cli::expand_params(std::env::args_os().collect());
        args.remove(0);
        if let Some(slot) = args.iter_mut().find(|a| a.to_string_lossy() == name) {
            *slot = chapter.name.clone().into();
        }
        return crate::launch::run_chapter(&chapter, !command.solution_only(), &args);
    }
    match command {
        Command::Status => status::run()?,
        Command::Check {
            chapter,
            solution,
            speed,
            rounds,
        } => {
            let chapter = catalog::find(&chapter)?;
            if speed && rounds == 0 {
                anyhow::bail!("--rounds must be at least 1");
            }
            match check::run(&chapter, solution) {
                Err(e) if speed => {
                    anyhow::bail!("{e}: the speed goals are timed once every test passes")
                }
                other => other?,
            }
            if speed {
                println!();
                let mut args: Vec<OsString> = vec![
                    "speed".into(),
                    chapter.name.clone().into(),
                    "--rounds".into(),
                    rounds.to_string().into(),
                ];
                if solution {
                    args.push("--solution".into());
                }
                return crate::launch::run_chapter(&chapter, !solution, &args);
            }
        }
        Command::Hint { chapter, kernel } => {
            hint::run(&catalog::find(&chapter)?, kernel.as_deref())?
        }
        Command::Reset { chapter, kernel } => {
            reset::run(&catalog::find(&chapter)?, kernel.as_deref())?
        }
        Command::Watch { chapter } => watch::run(chapter.as_deref())?,
        Command::Book => {
            let index = book::build()?;
            println!("The book is built: open {}", index.display());
        }
        Command::Reproduce {
            chapter,
            matching,
            force,
        } => reproduce::run(chapter.as_deref(), matching.as_deref(), force)?,
        Command::Compare { case, seconds } => {
            compare::run(case.as_deref(), parse_seconds(&seconds)?)?
        }
        Command::Report { chapter, seconds } => {
            report::run(chapter.as_deref(), parse_seconds(&seconds)?)?
        }
        Command::Sweep {
            chapter,
            param,
            kernel,
            seconds,
            plot,
        } => {
            let chapter = catalog::find(&chapter)?;
            let plot = match plot {
                Some(p) => p,
                None => files::default_path(&format!("sweep-{}.svg", chapter.name))?,
            };
            crate::commands::sweep::run(&chapter, &param, &kernel, parse_seconds(&seconds)?, &plot)?
        }
        Command::Roofline { plot, seconds } => {
            crate::commands::roofline::run(plot, parse_seconds(&seconds)?)?
        }
        Command::Mpi {
            chapter,
            kernel,
            ranks,
            solution,
            weak,
            repeat,
            sizes,
        } => {
            let chapter = catalog::find(&chapter)?;
            let job = crate::commands::mpi::Job {
                kernel: &kernel,
                ranks: &ranks,
                solution,
                weak,
                repeat,
                sizes: &sizes,
            };
            return crate::commands::mpi::run(&chapter, &job);
        }
        Command::Machine { array_mb, reps } => {
            crate::commands::machine::run(array_mb.map(|m| m as usize), reps as usize)?
        }
        Command::Run { .. }
        | Command::Bench { .. }
        | Command::Flamegraph { .. }
        | Command::Heap { .. }
        | Command::Count { .. }
        | Command::Asm { .. }
        | Command::Lines { .. }
        | Command::CountOnce { .. }
        | Command::Speed { .. } => unreachable!("handed to the chapter's runner above"),
    }
    Ok(0)
}
