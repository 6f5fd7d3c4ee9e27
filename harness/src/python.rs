//! The Python side of `compare`: a virtual environment under `target/workbook/venv` with the
//! pinned packages of `python/requirements.txt`, the `workbook_py` module built into it by
//! maturin, and the course's variants run from `python/`. Made on first use, reused after; the
//! rest of the workbook never needs Python.

use crate::files;
use crate::progress::Progress;
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The Python that makes the environment: `WORKBOOK_PYTHON`, else `python3`.
fn system_python() -> PathBuf {
    std::env::var_os("WORKBOOK_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| "python3".into())
}

/// What to install when there is no usable Python, in one line.
const INSTALL: &str = "compare needs Python 3.9 or newer with venv: install it (Debian/Ubuntu: `apt-get install python3 python3-venv`; macOS: `brew install python`), or set WORKBOOK_PYTHON to one";

/// The environment, ready: its folder.
pub struct Env {
    dir: PathBuf,
}

impl Env {
    pub fn python(&self) -> PathBuf {
        bin(&self.dir, "python")
    }

    /// "Python 3.11.7, NumPy 2.4.6, NumExpr 2.14.2, Numba 0.68.1": said above every table.
    pub fn versions(&self) -> Result<String> {
        let out = run_quiet(Command::new(self.python()).args([
            "-c",
            "import sys, numpy, numexpr, numba; v = sys.version_info; \
             print(f'Python {v.major}.{v.minor}.{v.micro}, NumPy {numpy.__version__}, NumExpr {numexpr.__version__}, Numba {numba.__version__}')",
        ]))?;
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    }
}

fn bin(venv: &Path, name: &str) -> PathBuf {
    if cfg!(windows) {
        venv.join("Scripts").join(format!("{name}.exe"))
    } else {
        venv.join("bin").join(name)
    }
}

/// The folder of the Python code: `python/` at the workbook's root.
pub fn source_dir() -> PathBuf {
    files::root().join("python")
}

/// Makes (or reuses) the environment and builds `workbook_py` into it, saying what it does
/// on stderr; `with_exercise` builds the learner's kernels in too (`workbook_py.yours`).
pub fn ready(with_exercise: bool) -> Result<Env> {
    let version = Command::new(system_python())
        .args([
            "-c",
            "import sys, venv; sys.exit(0 if sys.version_info >= (3, 9) else 3)",
        ])
        .output();
    match version {
        Ok(out) if out.status.success() => {}
        _ => bail!("{INSTALL}"),
    }
    let dir = files::root().join("target").join("workbook").join("venv");
    if !bin(&dir, "python").exists() {
        let _p = Progress::work(format!("creating {}", files::shown(&dir)), None);
        run_quiet(Command::new(system_python()).args(["-m", "venv"]).arg(&dir))
            .context("cannot create the virtual environment")?;
    }
    let env = Env { dir };
    let requirements = source_dir().join("requirements.txt");
    let wanted = std::fs::read_to_string(&requirements)
        .with_context(|| format!("cannot read {}", requirements.display()))?;
    let stamp = env.dir.join("workbook-requirements.txt");
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(wanted.as_str()) {
        let _p = Progress::work(
            "installing numpy, numexpr, numba, maturin and pytest (pinned, once)",
            None,
        );
        run_quiet(
            Command::new(env.python())
                .args([
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                    "-r",
                ])
                .arg(&requirements),
        )
        .context(
            "pip could not install python/requirements.txt (is the package index reachable?)",
        )?;
        std::fs::write(&stamp, &wanted).context("cannot write the environment's stamp")?;
    }
    let _p = Progress::work("building workbook_py with maturin (release)", None);
    let mut build = Command::new(bin(&env.dir, "maturin"));
    build
        .current_dir(source_dir())
        .args(["develop", "--release", "--quiet"])
        .env("VIRTUAL_ENV", &env.dir)
        .env("CARGO_TARGET_DIR", build_dir());
    if with_exercise {
        build.args(["--features", "exercise"]);
    }
    run_quiet(&mut build).context("maturin could not build workbook_py")?;
    Ok(env)
}

/// Where maturin's cargo builds: `python/` under the workbook's target folder (or under
/// `CARGO_TARGET_DIR`, so that copies of the workbook can share one build).
fn build_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| files::root().join("target"))
        .join("python")
}

/// Runs `command`, and on failure returns its last lines of output as the error.
fn run_quiet(command: &mut Command) -> Result<Output> {
    let shown = format!("{:?}", command.get_program());
    let out = command
        .output()
        .with_context(|| format!("cannot run {shown}"))?;
    if !out.status.success() {
        let text = String::from_utf8_lossy(&out.stderr);
        let tail: Vec<&str> = text.lines().rev().take(12).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        eprintln!("{}", tail.join("\n"));
        bail!("{shown} failed (its last lines are above)");
    }
    Ok(out)
}

/// Runs the course's variants (`python -m course.compare --json ...`) and returns its lines.
pub fn driver(env: &Env, args: &[String]) -> Result<String> {
    let out = Command::new(env.python())
        .current_dir(source_dir())
        .args(["-m", "course.compare", "--json"])
        .args(args)
        .output()
        .context("cannot run the Python driver")?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        bail!(
            "the Python driver failed: {}",
            err.lines().last().unwrap_or("no message")
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Runs a chapter's pytest files (relative to `python/`) on `workbook_py` built with the
/// learner's exercise, or on the solution's binding with `solution`, one outcome per test.
pub fn pytest(files: &[String], solution: bool) -> Result<Vec<crate::check::TestOutcome>> {
    let env = ready(!solution)?;
    let out = Command::new(env.python())
        .current_dir(source_dir())
        .args([
            "-m",
            "pytest",
            "-q",
            "-rA",
            "--no-header",
            "-p",
            "no:cacheprovider",
        ])
        .args(files)
        .env("WORKBOOK_SIDE", if solution { "solution" } else { "yours" })
        // pytest cuts its summary lines to the terminal's width, 80 columns in a pipe.
        .env("COLUMNS", "1000")
        .output()
        .context("cannot run pytest")?;
    let text = String::from_utf8_lossy(&out.stdout);
    let outcomes = pytest_outcomes(&text);
    if outcomes.is_empty() {
        let last = text
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        bail!("pytest ran no test: {last}");
    }
    Ok(outcomes)
}

/// The outcomes in pytest's short summary (`-rA`): `PASSED FILE::NAME`, `FAILED FILE::NAME -
/// message`, `ERROR ...`; skipped tests are left out.
fn pytest_outcomes(text: &str) -> Vec<crate::check::TestOutcome> {
    text.lines()
        .filter_map(|line| {
            let (word, rest) = line.split_once(' ')?;
            let passed = match word {
                "PASSED" => true,
                "FAILED" | "ERROR" => false,
                _ => return None,
            };
            let (test, why) = match rest.split_once(" - ") {
                Some((test, why)) => (test, Some(why.trim().to_string())),
                None => (rest, None),
            };
            let name = test.rsplit("::").next().unwrap_or(test).trim();
            // A Rust panic crosses into Python as pyo3's PanicException: say it plainly.
            let why = why.map(|w| w.replace("pyo3_runtime.PanicException: ", "Rust panicked: "));
            Some(crate::check::TestOutcome {
                name: format!("pytest {name}"),
                passed,
                why: if passed { None } else { why },
                place: None,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pytests_short_summary() {
        let text = "..F\n=== short test summary info ===\nPASSED tests/test_bindings.py::test_agrees\nSKIPPED [1] tests/x.py:3: no exercise\nFAILED tests/test_bindings.py::test_refuses - NotImplementedError: square: not yet implemented\n1 failed, 1 passed\n";
        let o = pytest_outcomes(text);
        assert_eq!(o.len(), 2);
        assert_eq!(o[0].name, "pytest test_agrees");
        assert!(o[0].passed);
        assert_eq!(
            o[1].why.as_deref(),
            Some("NotImplementedError: square: not yet implemented")
        );
    }
}
