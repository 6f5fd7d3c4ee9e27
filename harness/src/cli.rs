//! The `workbook` command line: argument parsing and one function per command.

use crate::chapter::{Chapter, Values, Workload, parse_positive};
use crate::guard::run_kernel;
use crate::measure::{available_memory, human_bytes, human_duration};
use crate::output::Output;
use crate::registry;
use crate::{book, check, files, flame, heap, npy, picture, report, reproduce, scaling};
use anyhow::{Context, Result, anyhow, bail};
use clap::{Args, Parser, Subcommand};
use std::path::{Path, PathBuf};

#[derive(Parser, Debug)]
#[command(
    name = "workbook",
    version,
    about = "Run, check, time and profile the workbook's exercises against the reference solutions",
    after_help = "With no command: where you stand, chapter by chapter, and the book built for reading.\n\
                  Files the tools write go under target/workbook/ unless you name a path."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Where you stand: every chapter, which exercises are done, what to do next.
    Status,
    /// Run a chapter's tests on your code (or the solution's) and summarise them.
    Check {
        chapter: String,
        /// Test the reference solution instead of your code.
        #[arg(long)]
        solution: bool,
    },
    /// Run one kernel once: its time, its error against the reference, and files to look at.
    Run {
        chapter: String,
        kernel: String,
        #[arg(long)]
        solution: bool,
        #[command(flatten)]
        size: SizeArgs,
        /// Threads for parallel kernels (default: all cores).
        #[arg(long, allow_hyphen_values = true)]
        threads: Option<String>,
        /// Save the result as a NumPy .npy file (float64; a grid has shape rows x cols).
        #[arg(long, value_name = "FILE.npy")]
        save: Option<PathBuf>,
        /// Save a grid result as a PNG picture on a logarithmic colour scale, or trajectories
        /// as their paths seen from above (x right, y up).
        #[arg(long, value_name = "FILE.png")]
        png: Option<PathBuf>,
        /// Time the kernel's phases (its tracing spans) and print them as a table.
        #[arg(long)]
        phases: bool,
    },
    /// Time your kernels and the reference ones on the same inputs, in one table.
    Bench {
        chapter: String,
        /// Only these kernels (repeat the flag, or separate with commas).
        #[arg(long, value_delimiter = ',')]
        kernel: Vec<String>,
        #[command(flatten)]
        size: SizeArgs,
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
    },
    /// Profile a few seconds of one kernel: a flamegraph SVG and the hottest functions.
    Flamegraph {
        chapter: String,
        kernel: String,
        #[arg(long)]
        solution: bool,
        #[command(flatten)]
        size: SizeArgs,
        #[arg(long, allow_hyphen_values = true)]
        threads: Option<String>,
        /// Seconds of work to sample (the kernel is repeated until then).
        #[arg(long, default_value = "3", allow_hyphen_values = true)]
        seconds: String,
        /// Where to write the SVG (default: target/workbook/flamegraph-CHAPTER-KERNEL.svg).
        #[arg(long, value_name = "FILE.svg")]
        out: Option<PathBuf>,
    },
    /// Run one kernel under the dhat heap profiler: bytes and blocks allocated, peak memory.
    Heap {
        chapter: String,
        kernel: String,
        #[arg(long)]
        solution: bool,
        #[command(flatten)]
        size: SizeArgs,
        #[arg(long, allow_hyphen_values = true)]
        threads: Option<String>,
        /// Where to write dhat's JSON (default: target/workbook/heap-CHAPTER-KERNEL.json).
        #[arg(long, value_name = "FILE.json")]
        out: Option<PathBuf>,
    },
    /// Build the book and say where to open it.
    Book,
    /// Re-measure the figures the book shows (all chapters, or one) on this machine.
    Reproduce {
        chapter: Option<String>,
        /// Only the figures whose file name contains this (e.g. `scaling`, for a many-core machine).
        #[arg(long, value_name = "TEXT")]
        matching: Option<String>,
    },
    /// The runtime table of Part II: every variant for the square and the strained crystal.
    Report {
        /// Seconds of repeated runs per kernel, after one warm-up run.
        #[arg(long, default_value = "1", allow_hyphen_values = true)]
        seconds: String,
    },
}

/// Problem-size options; each chapter accepts the ones its `Param` list declares.
#[derive(Args, Debug, Clone, Default)]
pub struct SizeArgs {
    /// The chapter's main size (unit cells per side for the crystals).
    #[arg(long, allow_hyphen_values = true)]
    pub n: Option<String>,
    /// Samples per fringe (crystal chapters).
    #[arg(long, allow_hyphen_values = true)]
    pub oversampling: Option<String>,
    /// Any other parameter of the chapter, as NAME=VALUE (repeatable).
    #[arg(long = "param", value_name = "NAME=VALUE", allow_hyphen_values = true)]
    pub params: Vec<String>,
}

impl SizeArgs {
    fn pairs(&self) -> Result<Vec<(String, String)>> {
        let mut pairs = Vec::new();
        if let Some(v) = &self.n {
            pairs.push(("n".to_string(), v.clone()));
        }
        if let Some(v) = &self.oversampling {
            pairs.push(("oversampling".to_string(), v.clone()));
        }
        for p in &self.params {
            let (name, value) = p
                .split_once('=')
                .ok_or_else(|| anyhow!("--param takes NAME=VALUE, got `{p}`"))?;
            pairs.push((name.trim().to_string(), value.to_string()));
        }
        Ok(pairs)
    }
}

/// Which side of a kernel a command runs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Side {
    Yours,
    Reference,
}

impl Side {
    fn from_flag(solution: bool) -> Side {
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

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command.unwrap_or(Command::Status) {
        Command::Status => status(),
        Command::Check { chapter, solution } => check::run(registry::find(&chapter)?, solution),
        Command::Run {
            chapter,
            kernel,
            solution,
            size,
            threads,
            save,
            png,
            phases,
        } => {
            let chapter = registry::find(&chapter)?;
            let threads = single_thread_count(threads.as_deref())?;
            let work = prepare(chapter, &size)?;
            with_threads(threads, || {
                run_one(
                    chapter,
                    &work,
                    &kernel,
                    Side::from_flag(solution),
                    save,
                    png,
                    phases,
                )
            })
        }
        Command::Bench {
            chapter,
            kernel,
            size,
            threads,
            seconds,
            solution,
            plot,
        } => {
            let chapter = registry::find(&chapter)?;
            let seconds = parse_seconds(&seconds)?;
            let counts = thread_counts(threads.as_deref())?;
            if let Some(p) = &plot {
                check_destination(p)?;
            }
            let work = prepare(chapter, &size)?;
            for name in &kernel {
                work.kernel(chapter, name)?;
            }
            let plot = match plot {
                Some(p) => p,
                None => files::default_path(&format!("scaling-{}.svg", chapter.slug()))?,
            };
            scaling::bench(chapter, &work, &kernel, &counts, seconds, solution, &plot)
        }
        Command::Flamegraph {
            chapter,
            kernel,
            solution,
            size,
            threads,
            seconds,
            out,
        } => {
            let chapter = registry::find(&chapter)?;
            let seconds = parse_seconds(&seconds)?;
            let threads = single_thread_count(threads.as_deref())?;
            let work = prepare(chapter, &size)?;
            let side = Side::from_flag(solution);
            with_threads(threads, || {
                flamegraph(chapter, &work, &kernel, side, seconds, out)
            })
        }
        Command::Heap {
            chapter,
            kernel,
            solution,
            size,
            threads,
            out,
        } => heap_via_helper(&chapter, &kernel, solution, &size, threads.as_deref(), out),
        Command::Reproduce { chapter, matching } => {
            reproduce::run(chapter.as_deref(), matching.as_deref())
        }
        Command::Report { seconds } => report::run(parse_seconds(&seconds)?),
        Command::Book => {
            let index = book::build()?;
            println!("The book is built: open {}", index.display());
            Ok(())
        }
    }
}

/// Checks the sizes against the chapter and the machine, then builds the jobs.
pub fn prepare(chapter: &dyn Chapter, size: &SizeArgs) -> Result<Workload> {
    let values = Values::parse(chapter.slug(), chapter.params(), &size.pairs()?, false)?;
    let needed = chapter.bytes_needed(&values);
    let available = available_memory();
    if needed > available {
        bail!(
            "these sizes need about {} of memory, more than the {} this machine has available",
            human_bytes(needed),
            human_bytes(available)
        );
    }
    chapter.workload(&values)
}

fn parse_seconds(raw: &str) -> Result<f64> {
    match raw.trim().parse::<f64>() {
        Ok(s) if s > 0.0 && s <= 3600.0 => Ok(s),
        _ => bail!("--seconds must be a number of seconds between 0 and 3600, got `{raw}`"),
    }
}

/// `--threads 1,2,4`: each count at least 1; no flag means one run with rayon's default.
pub fn thread_counts(raw: Option<&str>) -> Result<Vec<Option<usize>>> {
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
    Ok(counts)
}

fn single_thread_count(raw: Option<&str>) -> Result<Option<usize>> {
    let counts = thread_counts(raw)?;
    match counts.as_slice() {
        [one] => Ok(*one),
        _ => bail!("this command takes one thread count; a sweep (--threads 1,2,4) is for `bench`"),
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

/// The job of `kernel` on `side`, with the exercise function's name for messages.
pub fn pick<'w>(
    chapter: &dyn Chapter,
    work: &'w Workload,
    kernel: &str,
    side: Side,
) -> Result<(&'w crate::chapter::Job, Option<&'static str>)> {
    let k = work.kernel(chapter, kernel)?;
    match side {
        Side::Reference => Ok((&k.reference, None)),
        Side::Yours => match &k.yours {
            Some(job) => Ok((job, k.stub)),
            None => bail!(
                "kernel `{kernel}` of chapter {} exists only in the solution: add --solution",
                chapter.slug()
            ),
        },
    }
}

fn run_one(
    chapter: &dyn Chapter,
    work: &Workload,
    kernel: &str,
    side: Side,
    save: Option<PathBuf>,
    png: Option<PathBuf>,
    phases: bool,
) -> Result<()> {
    let (job, stub) = pick(chapter, work, kernel, side)?;
    // Check the destinations before a long run, not after.
    for path in save.iter().chain(png.iter()) {
        check_destination(path)?;
    }
    let start = std::time::Instant::now();
    let (output, table) = if phases {
        let (output, _, table) = crate::phases::collect(|| run_kernel(job.as_ref(), stub));
        (output, table)
    } else {
        (run_kernel(job.as_ref(), stub), Vec::new())
    };
    let output = output?;
    let elapsed = start.elapsed();
    println!(
        "{} {kernel} ({}): {}",
        chapter.slug(),
        side.word(),
        work.summary
    );
    println!(
        "  time     {} (one cold run; `workbook bench` repeats it for a figure to trust)",
        human_duration(elapsed)
    );
    let reference_kernel = &work.kernels[0];
    let same_as_reference = side == Side::Reference && kernel == reference_kernel.name;
    let reference = if same_as_reference {
        output.clone()
    } else {
        run_kernel(reference_kernel.reference.as_ref(), None)?
    };
    match output.error_against(&reference) {
        Some(e) => println!(
            "  error    {e:.2e} against the reference {} (max |ref - x| / max |ref|)",
            reference_kernel.name
        ),
        None => println!(
            "  error    shapes differ: {} against the reference's {}",
            output.describe(),
            reference.describe()
        ),
    }
    println!("  result   {}", output.describe());
    if phases {
        if table.is_empty() {
            println!("  phases   none: this kernel opens no tracing spans");
        } else {
            println!("  phases, largest own time first:");
            print!("{}", crate::phases::format_table(elapsed, &table));
        }
    }
    if let Output::Values(v) = &output
        && v.len() <= 64
    {
        // A short list (a table of partial sums, say) is worth reading in full.
        for (i, x) in v.iter().enumerate() {
            println!("    [{i:>2}] {x:.17}");
        }
    }
    if let Some(path) = save {
        let (shape, data) = match &output {
            Output::Grid(g) => (vec![g.rows, g.cols], &g.data),
            Output::Values(v) => (vec![v.len()], v),
            Output::Trajectories(t) => (vec![t.frames, t.bodies, 3], &t.xyz),
            other => bail!(
                "--save writes arrays, and this kernel returns {}",
                other.describe()
            ),
        };
        let backup = files::write_file(&path, &npy::encode_f64(&shape, data))?;
        report_written("saved", &path, backup);
    }
    if let Some(path) = png {
        let png = match &output {
            Output::Grid(grid) => picture::heatmap_png(grid)?,
            Output::Trajectories(t) => crate::orbits::trajectories_png(t)?,
            other => bail!(
                "--png draws grids and trajectories, and this kernel returns {}",
                other.describe()
            ),
        };
        let backup = files::write_file(&path, &png)?;
        report_written("picture", &path, backup);
    }
    Ok(())
}

/// Refuses a path that can't be written before any work is done.
fn check_destination(path: &Path) -> Result<()> {
    if path.is_dir() {
        bail!("cannot write {}: it is a folder", path.display());
    }
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() && !p.is_dir() => {
            bail!(
                "cannot write {}: folder {} does not exist",
                path.display(),
                p.display()
            )
        }
        _ => Ok(()),
    }
}

fn report_written(what: &str, path: &Path, backup: Option<PathBuf>) {
    println!("  {what:<8} {}", files::shown(path));
    if let Some(b) = backup {
        println!(
            "           (the file that was there is kept as {})",
            files::shown(&b)
        );
    }
}

fn flamegraph(
    chapter: &dyn Chapter,
    work: &Workload,
    kernel: &str,
    side: Side,
    seconds: f64,
    out: Option<PathBuf>,
) -> Result<()> {
    let (job, stub) = pick(chapter, work, kernel, side)?;
    let path = match out {
        Some(p) => {
            check_destination(&p)?;
            p
        }
        None => files::default_path(&format!(
            "flamegraph-{}-{kernel}-{}.svg",
            chapter.slug(),
            side.word()
        ))?,
    };
    println!(
        "profiling {} {kernel} ({}) for {seconds} s: {}",
        chapter.slug(),
        side.word(),
        work.summary
    );
    let profile = flame::profile(job, stub, seconds)?;
    let backup = files::write_file(&path, &profile.svg)?;
    println!(
        "{} runs, {} samples; the flamegraph is {}",
        profile.runs,
        profile.samples,
        files::shown(&path)
    );
    if let Some(b) = backup {
        println!("(the file that was there is kept as {})", files::shown(&b));
    }
    println!(
        "where the samples landed (self: in the function itself; total: in it or what it calls)"
    );
    println!("  {:>6}  {:>6}  function", "self", "total");
    let samples = profile.samples.max(1) as f64;
    for (name, own, total) in profile.hottest.iter().filter(|row| row.1 > 0).take(12) {
        let name: String = if name.chars().count() > 100 {
            name.chars().take(97).chain("...".chars()).collect()
        } else {
            name.clone()
        };
        println!(
            "  {:>5.1}%  {:>5.1}%  {name}",
            100.0 * *own as f64 / samples,
            100.0 * *total as f64 / samples
        );
    }
    Ok(())
}

/// `workbook heap` runs in the `workbook-heap` binary, whose global allocator is dhat's: the
/// timing binary must not pay dhat's lock on every allocation.
fn heap_via_helper(
    chapter: &str,
    kernel: &str,
    solution: bool,
    size: &SizeArgs,
    threads: Option<&str>,
    out: Option<PathBuf>,
) -> Result<()> {
    // Check everything cheap here first, so bad input gets the same one-line errors.
    let ch = registry::find(chapter)?;
    let work = prepare(ch, size)?;
    pick(ch, &work, kernel, Side::from_flag(solution))?;
    single_thread_count(threads)?;
    if let Some(p) = &out {
        check_destination(p)?;
    }
    drop(work);
    let helper = heap_binary()?;
    let mut cmd = std::process::Command::new(&helper);
    cmd.args(std::env::args_os().skip(1));
    let status = cmd
        .status()
        .with_context(|| format!("cannot start {}", helper.display()))?;
    if status.success() {
        Ok(())
    } else {
        // The helper printed its own one-line error.
        std::process::exit(status.code().unwrap_or(1));
    }
}

/// The `workbook-heap` binary beside this one. cargo builds it first, every time: a no-op when
/// it is fresh, and the only way to be sure it holds the learner's latest code (`cargo run`
/// rebuilds only the `workbook` binary). `WORKBOOK_HEAP_BIN` names a prebuilt one instead; the
/// tests use it, since cargo keeps its build lock while tests run.
fn heap_binary() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os("WORKBOOK_HEAP_BIN") {
        return Ok(PathBuf::from(path));
    }
    let me = std::env::current_exe().context("cannot find the workbook binary")?;
    let helper = me.with_file_name(format!("workbook-heap{}", std::env::consts::EXE_SUFFIX));
    let release = me
        .parent()
        .and_then(|p| p.file_name())
        .is_some_and(|n| n == "release");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut build = std::process::Command::new(cargo);
    build
        .current_dir(files::root())
        .args(["build", "--quiet", "--bin", "workbook-heap"]);
    if release {
        build.arg("--release");
    }
    let status = build
        .status()
        .context("cannot run cargo to build workbook-heap")?;
    if !status.success() || !helper.exists() {
        bail!("could not build workbook-heap (see cargo's messages above)");
    }
    Ok(helper)
}

/// The body of `workbook-heap`: the same arguments as `workbook heap`, run under dhat.
pub fn heap_main(cli: Cli) -> Result<()> {
    let Some(Command::Heap {
        chapter,
        kernel,
        solution,
        size,
        threads,
        out,
    }) = cli.command
    else {
        bail!("workbook-heap only runs `heap` (it is started by `workbook heap`)");
    };
    let ch = registry::find(&chapter)?;
    let threads = single_thread_count(threads.as_deref())?;
    let work = prepare(ch, &size)?;
    let side = Side::from_flag(solution);
    let (job, stub) = pick(ch, &work, &kernel, side)?;
    let path = match out {
        Some(p) => p,
        None => files::default_path(&format!("heap-{}-{kernel}-{}.json", ch.slug(), side.word()))?,
    };
    println!(
        "heap profile of {} {kernel} ({}): {}",
        ch.slug(),
        side.word(),
        work.summary
    );
    let summary = with_threads(threads, || heap::profile(job, stub, &path))?;
    println!(
        "  total    {} in {} blocks",
        human_bytes(summary.total_bytes as u128),
        summary.total_blocks
    );
    println!(
        "  peak     {} in {} blocks live at once",
        human_bytes(summary.peak_bytes as u128),
        summary.peak_blocks
    );
    println!("  profile  {}", files::shown(&path));
    println!("  view it: {}", heap_viewer_hint());
    Ok(())
}

/// Where dhat's viewer is: it ships with valgrind as a single HTML page.
fn heap_viewer_hint() -> String {
    let known = [
        "/usr/libexec/valgrind/dh_view.html",
        "/usr/lib/valgrind/dh_view.html",
        "/usr/local/libexec/valgrind/dh_view.html",
        "/opt/homebrew/libexec/valgrind/dh_view.html",
    ];
    match known.iter().find(|p| Path::new(p).exists()) {
        Some(p) => format!("open {p} in a browser and load the profile"),
        None => "dhat's viewer dh_view.html ships with valgrind: install valgrind, open it in a browser and load the profile".to_string(),
    }
}

/// The default command: every chapter, a quick check of each of your kernels against the
/// reference on small inputs, what to do next, and the book.
fn status() -> Result<()> {
    println!(
        "The workbook: make it work, make it right, benchmark, profile, optimize, check, loop.\n"
    );
    let mut next: Option<String> = None;
    for (i, chapter) in registry::all().into_iter().enumerate() {
        let values = Values::parse(chapter.slug(), chapter.params(), &[], true)?;
        let work = chapter.workload(&values)?;
        let mut done = 0;
        let mut lines = Vec::new();
        let mut yours = 0;
        for k in &work.kernels {
            let Some(job) = &k.yours else { continue };
            yours += 1;
            let verdict = match run_kernel(job.as_ref(), k.stub) {
                Err(e) => {
                    if next.is_none() {
                        next = Some(format!(
                            "read \"{}\" (target/book/{}), then fill in fn {} in exercises/{}/src/lib.rs and run `cargo workbook check {}`",
                            chapter.title(),
                            chapter.page().replace(".md", ".html"),
                            k.stub.unwrap_or(k.name),
                            chapter.crate_name(),
                            chapter.slug()
                        ));
                    }
                    e.to_string()
                }
                Ok(out) => {
                    let reference = run_kernel(k.reference.as_ref(), None)?;
                    match out.error_against(&reference) {
                        Some(e) if e < 1e-9 => {
                            done += 1;
                            format!("agrees with the reference (error {e:.1e})")
                        }
                        Some(e) => format!("differs from the reference: error {e:.1e}"),
                        None => format!(
                            "wrong shape: {} instead of {}",
                            out.describe(),
                            reference.describe()
                        ),
                    }
                }
            };
            lines.push(format!("     {:<10} {verdict}", k.name));
        }
        println!(
            "{:>2}. {:<10} {}   [{done}/{yours} kernels agree on a quick input]",
            i + 1,
            chapter.slug(),
            chapter.title()
        );
        for l in lines {
            println!("{l}");
        }
    }
    println!();
    match next {
        Some(n) => println!("Next: {n}."),
        None => println!(
            "Every kernel agrees on the quick inputs: run `cargo workbook check CHAPTER` for the full tests, then `cargo workbook bench CHAPTER`."
        ),
    }
    match book::build() {
        Ok(index) => println!("The book: open {}", index.display()),
        Err(e) => println!("The book could not be built: {e:#}"),
    }
    Ok(())
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
    eprintln!("{first} (see `workbook --help`)");
    std::process::exit(2)
}
