//! The command line, shared by the launcher (`cargo workbook`) and the chapters' runners: the
//! clap definitions, the arguments the kernel commands share, and the one-line errors.

use crate::chapter::{Kernel, Values, Workload};
use crate::data::ChapterData;
use anyhow::{Result, anyhow, bail};
use clap::{Args, CommandFactory, Parser, Subcommand};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

#[derive(Parser, Debug)]
#[command(
    name = "workbook",
    bin_name = "cargo workbook",
    version,
    about = "Run, check, time and profile the workbook's exercises against the reference solutions",
    after_help = "With no command: where you stand, chapter by chapter, and the book built for reading.\n\
                  A chapter is named by its name (laue), its number (1) or its folder (01_laue).\n\
                  A chapter's parameters are set with --param NAME=VALUE or --NAME VALUE (--n 64).\n\
                  Files the tools write go under target/workbook/ unless you name a path."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Where you stand: every chapter's tests, which are done, what to do next.
    Status,
    /// Run a chapter's tests on your code (or the solution's) and summarise them; with
    /// --speed, then time each optimisation against its goal.
    Check {
        chapter: String,
        /// Test the reference solution instead of your code.
        #[arg(long)]
        solution: bool,
        /// Once the tests pass, time each kernel with a speed goal against the chapter's
        /// baseline in alternating rounds: solved means correct and fast enough.
        #[arg(long)]
        speed: bool,
        /// Rounds of timing for --speed (each times the baseline, then the kernel).
        #[arg(long, default_value_t = 5, requires = "speed")]
        rounds: usize,
    },
    /// A hint for the first stub of a chapter you have not solved (or for KERNEL's stub); ask
    /// again for the next, more specific one.
    Hint {
        chapter: String,
        /// A kernel (`naive`) or a stub (`laue_naive`) of the chapter.
        kernel: Option<String>,
    },
    /// Put a chapter's original stubs back (or only KERNEL's stub); your version of each file
    /// it replaces is kept as FILE.bak.
    Reset {
        chapter: String,
        /// A kernel (`naive`) or a stub (`laue_naive`) of the chapter.
        kernel: Option<String>,
    },
    /// Run a chapter's tests again each time you save a file of its exercise, and show the
    /// first failure and what to do next; a chapter done gives way to the next. q quits.
    Watch {
        /// The chapter to start at (default: the first one that is not done).
        chapter: Option<String>,
    },
    /// Run one kernel once: its time, its error against the reference, and files to look at.
    Run {
        #[command(flatten)]
        kernel: KernelArgs,
        /// Save the result as a NumPy .npy file (float64; a grid has shape rows x cols).
        #[arg(long, value_name = "FILE.npy")]
        save: Option<PathBuf>,
        /// Save the result as a PNG picture, when the chapter draws its results.
        #[arg(long, value_name = "FILE.png")]
        png: Option<PathBuf>,
        /// Time the kernel's phases (its tracing spans) and print them as a table.
        #[arg(long)]
        phases: bool,
        /// Skip the reference run that gives the error: for sizes where it takes long.
        #[arg(long)]
        no_reference: bool,
        /// Time this many runs, the first one cold, and print their median (at least 1).
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=1000))]
        repeat: u32,
    },
    /// Time your kernels and the reference ones on the same inputs, in one table per case.
    Bench {
        chapter: String,
        /// Only these kernels (repeat the flag, or separate with commas).
        #[arg(long, value_delimiter = ',')]
        kernel: Vec<String>,
        #[command(flatten)]
        sizes: Sizes,
        /// Thread counts: one (`4`) or a sweep (`1,2,4,8`) with a scaling table and plot.
        #[arg(long, allow_hyphen_values = true)]
        threads: Option<String>,
        /// Seconds of repeated runs per kernel, after one warm-up run.
        #[arg(long, default_value = "1", allow_hyphen_values = true)]
        seconds: String,
        /// Only the reference solution's kernels.
        #[arg(long)]
        solution: bool,
        /// Where a thread sweep's plot goes (default: target/workbook/scaling-CHAPTER.svg).
        #[arg(long, value_name = "FILE.svg")]
        plot: Option<PathBuf>,
        /// Place each kernel under this machine's roofs (`cargo workbook machine`): GB/s,
        /// GFLOP/s, flop per byte and the fraction of its roof, and the roofline plot
        /// (default: target/workbook/roofline-CHAPTER.svg).
        #[arg(long, value_name = "FILE.svg", num_args = 0..=1)]
        roofline: Option<Option<PathBuf>>,
        /// Print the reference timings as JSON lines (what `cargo workbook report` reads).
        #[arg(long, hide = true)]
        json: bool,
    },
    /// Profile a few seconds of one kernel: a flamegraph SVG and the hottest functions.
    Flamegraph {
        #[command(flatten)]
        kernel: KernelArgs,
        /// Seconds of work to sample (the kernel is repeated until then).
        #[arg(long, default_value = "3", allow_hyphen_values = true)]
        seconds: String,
        /// Where to write the SVG (default: target/workbook/flamegraph-CHAPTER-KERNEL.svg).
        #[arg(long, value_name = "FILE.svg")]
        out: Option<PathBuf>,
    },
    /// Run one kernel under the dhat heap profiler: bytes and blocks allocated, peak memory.
    Heap {
        #[command(flatten)]
        kernel: KernelArgs,
        /// Where to write dhat's JSON (default: target/workbook/heap-CHAPTER-KERNEL.json).
        #[arg(long, value_name = "FILE.json")]
        out: Option<PathBuf>,
    },
    /// Count the instructions one call of a kernel executes, with valgrind's callgrind: the
    /// same count on a busy machine, where times are not.
    ///
    /// `cargo workbook count CHAPTER KERNEL` prints the total and the functions that execute
    /// most of it, and keeps callgrind's file for kcachegrind. Building the inputs is not
    /// counted; the kernel runs on 1 thread (the only --threads count takes). Needs valgrind
    /// (Linux), which runs code 20-100x slower than natively.
    Count {
        #[command(flatten)]
        kernel: KernelArgs,
    },
    /// The machine code of a kernel's hot loop, each vector instruction marked with its width
    /// (xmm: 2 doubles, ymm: 4, zmm: 8) or as scalar.
    ///
    /// `cargo workbook asm CHAPTER KERNEL` finds the kernel's function in the chapter's runner
    /// by its symbol, with its closures and what they call, disassembles it with objdump
    /// (binutils), and prints the loop that executes most instructions (counted by callgrind
    /// when valgrind is installed; else the innermost loop with the most instructions).
    Asm {
        #[command(flatten)]
        kernel: KernelArgs,
    },
    /// The cost of a kernel per source line (a line profiler, as `%lprun`): its source with the
    /// instructions each line executed in one call, counted by valgrind's callgrind.
    ///
    /// `cargo workbook lines CHAPTER KERNEL` prints the workspace's lines that cost, with a
    /// little context, the hottest function first, and one line for each file outside the
    /// workspace (the standard library's inlined code, libm). Needs valgrind (Linux); runs on
    /// 1 thread.
    Lines {
        #[command(flatten)]
        kernel: KernelArgs,
    },
    /// The run that `count` starts under valgrind: builds the inputs, calls the kernel once.
    #[command(hide = true)]
    CountOnce {
        #[command(flatten)]
        kernel: KernelArgs,
    },
    /// The timing half of `check --speed`, run by the chapter's runner.
    #[command(hide = true)]
    Speed {
        chapter: String,
        #[arg(long)]
        solution: bool,
        #[arg(long, default_value_t = 5)]
        rounds: usize,
    },
    /// Build the book and say where to open it.
    Book,
    /// The course's Python (pure Python, NumPy, NumExpr, Numba, Rust called from Python) and
    /// the Rust kernels on the same inputs, timed on this machine in one run, per case study
    /// (all, or CASE: square, strained, series, cosine, nbody, or a chapter's). Needs Python
    /// 3.9+; the packages go in a virtual environment under target/workbook/venv.
    Compare {
        case: Option<String>,
        /// Seconds of repeated calls per variant, after one warm-up call.
        #[arg(long, default_value = "1", allow_hyphen_values = true)]
        seconds: String,
    },
    /// Re-measure the figures the book shows (all chapters, or one) on this machine.
    Reproduce {
        chapter: Option<String>,
        /// Only the figures whose file name contains this (e.g. `scaling`, for a many-core machine).
        #[arg(long, value_name = "TEXT")]
        matching: Option<String>,
        /// Measure even when the machine is busy (each file then says it was not quiet).
        #[arg(long)]
        force: bool,
    },
    /// Run a chapter's MPI program under mpirun: KERNEL on P ranks, each rank's busy and
    /// communication time, and the wall time; a list of rank counts sweeps them (strong
    /// scaling, or weak with --weak) and compares the largest with rayon on as many threads.
    Mpi {
        chapter: String,
        kernel: String,
        /// Ranks (processes): a number or a list, `1,2,4`.
        #[arg(long, default_value = "2", allow_hyphen_values = true)]
        ranks: String,
        /// Run the reference solution instead of your code.
        #[arg(long)]
        solution: bool,
        /// Weak scaling: multiply the kernel's size by the number of ranks.
        #[arg(long)]
        weak: bool,
        /// Timed runs in each job; the fastest counts.
        #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=100))]
        repeat: u32,
        #[command(flatten)]
        sizes: Sizes,
    },
    /// This machine's limits: memory bandwidth (copy and triad, one thread and all), the peak
    /// floating-point rate of each vector width the CPU has, and its caches; the roofs of
    /// `bench --roofline`, kept in target/workbook/machine.json.
    Machine {
        /// The size of each of the three arrays, in MiB (default: four times the last cache).
        #[arg(long, value_name = "MiB", value_parser = clap::value_parser!(u64).range(1..=65536))]
        array_mb: Option<u64>,
        /// Timed runs of each kernel; the best counts, as in STREAM.
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=100))]
        reps: u32,
    },
    /// Every chapter's fastest reference kernel (of those that declare their bytes and flops)
    /// on one roofline, under this machine's roofs.
    Roofline {
        /// Where the plot goes (default: target/workbook/roofline.svg).
        #[arg(long, value_name = "FILE.svg")]
        plot: Option<PathBuf>,
        /// Seconds of repeated runs per kernel, after one warm-up run.
        #[arg(long, default_value = "0.5", allow_hyphen_values = true)]
        seconds: String,
    },
    /// A runtime table: every reference kernel of the cases a chapter's report names, across
    /// the chapters up to it (default: the last chapter that has one).
    Report {
        chapter: Option<String>,
        /// Seconds of repeated runs per kernel, after one warm-up run.
        #[arg(long, default_value = "1", allow_hyphen_values = true)]
        seconds: String,
    },
    /// Time the reference kernels at each value of one parameter: medians, speed-ups over
    /// each case's baseline, the crossover, and a log-log plot of time against the parameter.
    Sweep {
        chapter: String,
        /// The parameter and its values: `cells=8,16,32`.
        #[arg(long, value_name = "NAME=V1,V2,...")]
        param: String,
        /// Only these kernels (their cases' baselines are timed too, for the speed-ups).
        #[arg(long, value_delimiter = ',')]
        kernel: Vec<String>,
        /// Seconds of repeated runs per kernel and value, after one warm-up run.
        #[arg(long, default_value = "1", allow_hyphen_values = true)]
        seconds: String,
        /// Where the plot goes (default: target/workbook/sweep-CHAPTER.svg).
        #[arg(long, value_name = "FILE.svg")]
        plot: Option<std::path::PathBuf>,
    },
}

impl Command {
    /// The chapter a command that runs kernels is about; `None` for the others.
    pub fn kernel_chapter(&self) -> Option<&str> {
        match self {
            Command::Run { kernel, .. }
            | Command::Flamegraph { kernel, .. }
            | Command::Heap { kernel, .. }
            | Command::Count { kernel }
            | Command::Asm { kernel }
            | Command::Lines { kernel }
            | Command::CountOnce { kernel } => Some(&kernel.chapter),
            Command::Bench { chapter, .. } | Command::Speed { chapter, .. } => Some(chapter),
            _ => None,
        }
    }

    /// The files the learner named for the command to write, to refuse before any work.
    pub fn destinations(&self) -> Vec<&Path> {
        match self {
            Command::Run { save, png, .. } => {
                save.iter().chain(png).map(PathBuf::as_path).collect()
            }
            Command::Flamegraph { out, .. } | Command::Heap { out, .. } => {
                out.iter().map(PathBuf::as_path).collect()
            }
            Command::Roofline { plot, .. } => plot.iter().map(PathBuf::as_path).collect(),
            Command::Bench { plot, roofline, .. } => plot
                .iter()
                .chain(roofline.iter().flatten())
                .map(PathBuf::as_path)
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Whether the command runs only the reference solution.
    pub fn solution_only(&self) -> bool {
        match self {
            Command::Run { kernel, .. }
            | Command::Flamegraph { kernel, .. }
            | Command::Heap { kernel, .. }
            | Command::Count { kernel }
            | Command::Asm { kernel }
            | Command::Lines { kernel }
            | Command::CountOnce { kernel } => kernel.solution,
            Command::Bench { solution, .. } | Command::Speed { solution, .. } => *solution,
            _ => false,
        }
    }
}

/// A chapter's parameters, as `--param NAME=VALUE` (or `--NAME VALUE`, rewritten to it).
#[derive(Args, Debug, Clone, Default)]
pub struct Sizes {
    /// A parameter of the chapter, as NAME=VALUE (repeatable; `--NAME VALUE` works too).
    #[arg(long = "param", value_name = "NAME=VALUE", allow_hyphen_values = true)]
    pub params: Vec<String>,
    /// Start from the inputs in this file, for a chapter that takes one (nbody: the bodies,
    /// an (n, 7) float64 array of x, y, z, vx, vy, vz, mass).
    #[arg(long, value_name = "FILE.npy")]
    pub init: Option<PathBuf>,
}

impl Sizes {
    pub fn pairs(&self) -> Result<Vec<(String, String)>> {
        self.params
            .iter()
            .map(|p| {
                p.split_once('=')
                    .map(|(n, v)| (n.trim().to_string(), v.to_string()))
                    .ok_or_else(|| anyhow!("--param takes NAME=VALUE, got `{p}`"))
            })
            .collect()
    }

    pub fn values(&self, data: &ChapterData) -> Result<Values> {
        let values = Values::parse(&data.name, &data.params, &self.pairs()?)?;
        let Some(path) = &self.init else {
            return Ok(values);
        };
        if data.init.is_none() {
            bail!(
                "chapter {} takes no --init file: it builds its own inputs from its parameters",
                data.name
            );
        }
        if !path.is_file() {
            bail!(
                "--init {}: no such file (it should hold {})",
                path.display(),
                data.init.as_deref().unwrap_or("the inputs")
            );
        }
        Ok(values.with_init(path.clone()))
    }
}

/// What `run`, `flamegraph`, `heap`, `count`, `asm` and `lines` share: one kernel of one chapter, its side,
/// its sizes and its threads.
#[derive(Args, Debug, Clone)]
pub struct KernelArgs {
    pub chapter: String,
    pub kernel: String,
    /// Run the reference solution instead of your code.
    #[arg(long)]
    pub solution: bool,
    #[command(flatten)]
    pub sizes: Sizes,
    /// Threads for parallel kernels (default: all cores; `count` takes 1 only).
    #[arg(long, allow_hyphen_values = true)]
    pub threads: Option<String>,
}

/// Which side of a kernel a command runs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Side {
    Yours,
    Reference,
}

impl Side {
    pub fn from_flag(solution: bool) -> Side {
        if solution {
            Side::Reference
        } else {
            Side::Yours
        }
    }
    pub fn word(self) -> &'static str {
        match self {
            Side::Yours => "yours",
            Side::Reference => "reference",
        }
    }
}

impl KernelArgs {
    /// Checks everything that needs no inputs built: the kernel, the side, the sizes, the
    /// threads. The launcher calls it before building a runner, the runner again.
    pub fn check(&self, data: &ChapterData) -> Result<(Values, Option<usize>)> {
        let k = data.kernel(&self.kernel)?;
        if !self.solution && k.stub.is_none() {
            bail!(
                "kernel `{}` of chapter {} exists only in the solution: add --solution",
                self.kernel,
                data.name
            );
        }
        let values = self.sizes.values(data)?;
        let threads = crate::threads::single_count(self.threads.as_deref())?;
        Ok((values, threads))
    }

    pub fn side(&self) -> Side {
        Side::from_flag(self.solution)
    }
}

/// The job of `kernel` on `side`, with the exercise function's name for messages.
pub fn pick<'w>(
    work: &'w Workload,
    kernel: &str,
    side: Side,
) -> Result<(&'w Kernel, &'w crate::chapter::Job, Option<&'w str>)> {
    let k = work.kernel(kernel)?;
    match side {
        Side::Reference => Ok((k, &k.reference, None)),
        Side::Yours => match &k.yours {
            Some(job) => Ok((k, job, k.stub.as_deref())),
            None if k.stub.is_some() => bail!(
                "this runner of chapter {} was built without your exercise: run it through `cargo workbook`",
                work.chapter
            ),
            None => bail!(
                "kernel `{kernel}` of chapter {} exists only in the solution: add --solution",
                work.chapter
            ),
        },
    }
}

pub fn parse_seconds(raw: &str) -> Result<f64> {
    match raw.trim().parse::<f64>() {
        Ok(s) if s > 0.0 && s <= 3600.0 => Ok(s),
        _ => bail!("--seconds must be a number of seconds between 0 and 3600, got `{raw}`"),
    }
}

/// Refuses a path that can't be written before any work is done: see
/// [`crate::files::check_destination`].
pub fn check_destination(path: &Path) -> Result<()> {
    crate::files::check_destination(path)
}

/// The long options of subcommand `name` (`--solution`, `--kernel`, ...), or `None` when there
/// is no such subcommand: for the tests that check the commands the docs name.
pub fn options_of(name: &str) -> Option<Vec<String>> {
    let command = Cli::command();
    let sub = command.find_subcommand(name)?;
    Some(
        sub.get_arguments()
            .filter_map(|a| a.get_long().map(str::to_string))
            .collect(),
    )
}

/// Rewrites `--NAME VALUE` and `--NAME=VALUE`, where NAME is no option of the subcommand, to
/// `--param NAME=VALUE`: a chapter's parameters read like options (`--n 64`) while the clap
/// definitions stay the same for every chapter. An unknown name is then refused by the
/// chapter, with the list of the parameters it takes.
pub fn expand_params(args: Vec<OsString>) -> Vec<OsString> {
    let command = Cli::command();
    let mut out = Vec::with_capacity(args.len());
    let mut known: Vec<String> = Vec::new();
    let mut iter = args.into_iter().peekable();
    if let Some(program) = iter.next() {
        out.push(program);
    }
    while let Some(arg) = iter.next() {
        let text = arg.to_string_lossy().into_owned();
        if known.is_empty() && !text.starts_with('-') {
            if let Some(sub) = command.find_subcommand(&text) {
                known = sub
                    .get_arguments()
                    .filter_map(|a| a.get_long().map(str::to_string))
                    .chain(["help".to_string()])
                    .collect();
            }
            out.push(arg);
            continue;
        }
        let Some(flag) = text.strip_prefix("--").filter(|f| !f.is_empty()) else {
            out.push(arg);
            continue;
        };
        let (name, inline) = match flag.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (flag.to_string(), None),
        };
        if known.is_empty() || known.contains(&name) {
            out.push(arg);
            continue;
        }
        let value = match inline {
            Some(v) => Some(v),
            None => match iter.peek() {
                Some(next) if !next.to_string_lossy().starts_with("--") => {
                    iter.next().map(|v| v.to_string_lossy().into_owned())
                }
                _ => None,
            },
        };
        match value {
            Some(v) => {
                out.push("--param".into());
                out.push(format!("{name}={v}").into());
            }
            None => out.push(arg),
        }
    }
    out
}

/// Parses the process's arguments, or exits with clap's help or a one-line usage error.
pub fn parse() -> Cli {
    let args = expand_params(std::env::args_os().collect());
    match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => exit_with_usage_error(e),
    }
}

/// Prints a one-line error and exits with status 1.
pub fn exit_with_error(e: anyhow::Error) -> ! {
    // `{:#}` joins the causes on one line: "cannot write x.npy: No such file or directory".
    eprintln!("error: {e:#}");
    std::process::exit(1)
}

/// Help and version go to stdout as usual; a usage error is one line plus a pointer to --help.
pub fn exit_with_usage_error(e: clap::Error) -> ! {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        std::process::exit(0);
    }
    let text = e.render().to_string();
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let mut first = lines.next().unwrap_or("error: bad arguments").to_string();
    // "the following required arguments were not provided:" names them on the next lines.
    if first.ends_with(':') {
        let named: Vec<&str> = lines
            .take_while(|l| l.starts_with('<') || l.starts_with("--"))
            .collect();
        first = format!("{first} {}", named.join(" "));
    }
    eprintln!("{first} (see `cargo workbook --help`)");
    std::process::exit(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expanded(args: &[&str]) -> Vec<String> {
        let mut all = vec!["workbook".to_string()];
        all.extend(args.iter().map(|a| a.to_string()));
        expand_params(all.into_iter().map(OsString::from).collect())
            .into_iter()
            .skip(1)
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn parameters_read_like_options() {
        assert_eq!(
            expanded(&[
                "run",
                "laue",
                "naive",
                "--n",
                "64",
                "--solution",
                "--oversampling=2"
            ]),
            [
                "run",
                "laue",
                "naive",
                "--param",
                "n=64",
                "--solution",
                "--param",
                "oversampling=2"
            ]
        );
        // The subcommand's own options are left alone, values included.
        assert_eq!(
            expanded(&["bench", "laue", "--threads", "1,2", "--seconds", "0.1"]),
            ["bench", "laue", "--threads", "1,2", "--seconds", "0.1"]
        );
        // A flag without a value stays for clap to refuse.
        assert_eq!(
            expanded(&["run", "laue", "x", "--bogus"]),
            ["run", "laue", "x", "--bogus"]
        );
        assert_eq!(expanded(&["--help"]), ["--help"]);
    }
}
