//! How the launcher runs a chapter's kernels: it builds the chapter's runner with cargo (the
//! release profile, the exercise included unless only the solution is asked for), then starts
//! it with the learner's arguments and waits for it; Ctrl-C stops the runner too.

use crate::data::ChapterData;
use crate::files;
use anyhow::{Context, Result, bail};
use std::ffi::OsString;
use std::io::{BufRead, BufReader, IsTerminal};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Builds the runner of `chapter` and returns its executable, as cargo reports it (so a
/// `CARGO_TARGET_DIR` or a target folder set in cargo's config is followed).
pub fn build_runner(chapter: &ChapterData, with_exercise: bool) -> Result<PathBuf> {
    build_program(chapter, with_exercise, None)
}

/// [`build_runner`], or with `mpi` = Some(PROGRAM) the runner package's binary PROGRAM, built
/// with the package's `mpi` feature.
pub fn build_program(
    chapter: &ChapterData,
    with_exercise: bool,
    mpi: Option<&str>,
) -> Result<PathBuf> {
    let package = chapter.runner_package();
    let target = mpi.map_or(package.clone(), str::to_string);
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut build = Command::new(cargo);
    build.current_dir(files::root()).args([
        "build",
        "--release",
        "--message-format=json",
        "-p",
        &package,
    ]);
    let features: Vec<&str> = [with_exercise.then_some("exercise"), mpi.map(|_| "mpi")]
        .into_iter()
        .flatten()
        .chain(chapter.features.iter().map(String::as_str))
        .collect();
    if !features.is_empty() {
        build.args(["--features", &features.join(",")]);
    }
    if let Some(program) = mpi {
        build.args(["--bin", program]);
    }
    build.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = build
        .spawn()
        .context("cannot run cargo: is Rust installed (https://rustup.rs)?")?;
    // A first build takes minutes: in a terminal, cargo's "Compiling ..." lines show that it
    // moves; a fresh runner prints nothing, and neither does a build outside a terminal.
    let progress = child.stderr.take().map(|stderr| {
        std::thread::spawn(move || {
            let shown = std::io::stderr().is_terminal();
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let status = line.trim_start();
                // Compile errors come as JSON on stdout; these are cargo's own lines.
                let noise = ["Finished", "Fresh", "error: could not compile"]
                    .iter()
                    .any(|p| status.starts_with(p));
                if shown && !noise && !status.is_empty() {
                    eprintln!("{line}");
                }
            }
        })
    });
    let stdout = child.stdout.take().context("cannot read cargo's output")?;
    let mut executable = None;
    let mut errors: Vec<(String, String)> = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.context("cannot read cargo's output")?;
        let Ok(message) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        match message["reason"].as_str() {
            Some("compiler-artifact")
                if message["target"]["name"].as_str() == Some(target.as_str()) =>
            {
                if let Some(exe) = message["executable"].as_str() {
                    executable = Some(PathBuf::from(exe));
                }
            }
            Some("compiler-message") if message["message"]["level"] == "error" => {
                let m = &message["message"];
                let place = m["spans"]
                    .as_array()
                    .and_then(|spans| spans.first())
                    .map(|s| {
                        format!(
                            "{}:{}",
                            s["file_name"].as_str().unwrap_or("?"),
                            s["line_start"]
                        )
                    })
                    .unwrap_or_default();
                errors.push((
                    format!("{place}: {}", m["message"].as_str().unwrap_or("")),
                    m["rendered"].as_str().unwrap_or("").to_string(),
                ));
            }
            _ => {}
        }
    }
    let status = child.wait().context("cannot wait for cargo")?;
    if let Some(thread) = progress {
        let _ = thread.join();
    }
    if let Some((first, _)) = errors.first() {
        let rendered: Vec<&str> = errors.iter().map(|e| e.1.as_str()).collect();
        println!("{}", rendered.join("").trim_end());
        let folder = if first.starts_with("exercises/") {
            chapter.exercise_dir()
        } else {
            format!("chapter {}", chapter.name)
        };
        bail!(
            "{folder} does not compile (first error: {first}): fix it, or add --solution to run the reference alone"
        );
    }
    match (status.success(), executable) {
        (true, Some(exe)) => Ok(exe),
        _ => bail!("cargo could not build {package} (see its messages above)"),
    }
}

/// Builds and starts the runner with `args` (the learner's arguments, without the program
/// name), waits for it, and returns its exit code. Ctrl-C stops the runner, then the launcher.
pub fn run_chapter(chapter: &ChapterData, with_exercise: bool, args: &[OsString]) -> Result<i32> {
    let exe = build_runner(chapter, with_exercise)?;
    let interrupted = interrupt_flag();
    let mut child = Command::new(&exe)
        .args(args)
        .current_dir(std::env::current_dir().unwrap_or_else(|_| files::root().to_path_buf()))
        .env(files::ROOT_VARIABLE, files::root())
        .spawn()
        .with_context(|| format!("cannot start {}", exe.display()))?;
    loop {
        if let Some(status) = child.try_wait().context("cannot wait for the runner")? {
            return Ok(status.code().unwrap_or(1));
        }
        if interrupted.load(Ordering::SeqCst) {
            let _ = child.kill();
            let _ = child.wait();
            eprintln!("stopped");
            return Ok(130);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Set when the learner presses Ctrl-C (the handler is installed once).
fn interrupt_flag() -> &'static AtomicBool {
    static FLAG: AtomicBool = AtomicBool::new(false);
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // Without a handler Ctrl-C still ends both processes, the terminal's default.
        let _ = ctrlc::set_handler(|| FLAG.store(true, Ordering::SeqCst));
    });
    &FLAG
}

/// Builds the runner (reference side only) and returns what it prints; its errors become
/// this one's.
pub fn output_of(chapter: &ChapterData, args: &[String]) -> Result<String> {
    let exe = build_runner(chapter, false)?;
    let out = Command::new(&exe)
        .args(args)
        .current_dir(files::root())
        .env(files::ROOT_VARIABLE, files::root())
        .output()
        .with_context(|| format!("cannot start {}", exe.display()))?;
    if !out.status.success() {
        bail!(
            "`cargo workbook {}` failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
