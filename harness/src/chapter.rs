//! What a chapter tells the harness: its parameters, its kernels, and how to build the jobs that
//! run them. Every `workbook` command works from this description alone, so a new chapter only
//! adds a module under the root crate's `src/chapters/` and a line in its `chapters::all()`.

use crate::output::Output;
use anyhow::{Result, bail};
use std::collections::BTreeMap;

/// One run of a kernel on prepared inputs. Jobs are built once and called many times by `bench`
/// and `flamegraph`, so input preparation stays outside the timed part.
pub type Job = Box<dyn Fn() -> Output + Send + Sync>;

/// A parameter a chapter accepts on the command line (`--n 64`, `--param steps=100`).
#[derive(Debug, Clone, Copy)]
pub struct Param {
    pub name: &'static str,
    /// The value the book's figures use.
    pub default: u64,
    /// A small value for the quick correctness check in `workbook status`.
    pub quick: u64,
    /// The largest value accepted; sizes beyond it are refused before anything runs.
    pub max: u64,
    pub help: &'static str,
}

/// The parameter values of one run, checked against the chapter's [`Param`] list.
#[derive(Debug, Clone, Default)]
pub struct Values(BTreeMap<&'static str, u64>);

impl Values {
    /// The value of `name`. Chapters only ask for the names they declared, so a missing name
    /// is a bug in the chapter, not bad input.
    pub fn get(&self, name: &str) -> u64 {
        match self.0.get(name) {
            Some(v) => *v,
            None => panic!("chapter asked for undeclared parameter {name}"),
        }
    }

    /// `get` as a `usize`, for sizes and counts.
    pub fn size(&self, name: &str) -> usize {
        usize::try_from(self.get(name)).unwrap_or(usize::MAX)
    }

    /// Checks the raw `name=value` pairs given on the command line against `params`, filling in
    /// defaults (or the quick values) for the rest.
    pub fn parse(
        chapter: &str,
        params: &[Param],
        given: &[(String, String)],
        quick: bool,
    ) -> Result<Self> {
        let mut values = BTreeMap::new();
        for p in params {
            values.insert(p.name, if quick { p.quick } else { p.default });
        }
        for (name, raw) in given {
            let Some(p) = params.iter().find(|p| p.name == name) else {
                let known: Vec<&str> = params.iter().map(|p| p.name).collect();
                bail!(
                    "chapter {chapter} has no parameter `{name}` (it takes: {})",
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    }
                );
            };
            let value = parse_positive(name, raw)?;
            if value > p.max {
                bail!(
                    "{name} = {value} is too large for chapter {chapter} (at most {})",
                    p.max
                );
            }
            values.insert(p.name, value);
        }
        Ok(Values(values))
    }

    /// Sets one value directly (tests, and chapters that derive one parameter from another).
    pub fn with(mut self, name: &'static str, value: u64) -> Self {
        self.0.insert(name, value);
        self
    }
}

/// Parses a whole number that must be at least 1, with a message that names the parameter.
pub fn parse_positive(name: &str, raw: &str) -> Result<u64> {
    let raw = raw.trim();
    match raw.parse::<u64>() {
        Ok(0) => bail!("{name} must be at least 1, got 0"),
        Ok(v) => Ok(v),
        Err(_) if raw.starts_with('-') => {
            bail!("{name} must be a positive whole number, got {raw}")
        }
        Err(_) if !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit()) => {
            bail!("{name} = {raw} is far too large")
        }
        Err(_) => bail!("{name} must be a positive whole number, got `{raw}`"),
    }
}

/// One kernel of a chapter: the learner's version (if the exercise has one) and the reference.
pub struct Kernel {
    /// The name typed on the command line: `workbook run laue naive`.
    pub name: &'static str,
    /// One line for tables and `--help`.
    pub about: &'static str,
    /// The exercise function the learner writes for this kernel, e.g. `laue_naive`;
    /// `None` for kernels that only exist in the solution.
    pub stub: Option<&'static str>,
    /// The learner's version, when the exercise has one.
    pub yours: Option<Job>,
    /// The reference solution's version.
    pub reference: Job,
}

impl Kernel {
    /// A kernel the learner writes too: `stub` names their exercise function.
    pub fn exercise(
        name: &'static str,
        about: &'static str,
        stub: &'static str,
        yours: Job,
        reference: Job,
    ) -> Kernel {
        Kernel {
            name,
            about,
            stub: Some(stub),
            yours: Some(yours),
            reference,
        }
    }

    /// A kernel that only the reference solution has.
    pub fn reference_only(name: &'static str, about: &'static str, reference: Job) -> Kernel {
        Kernel {
            name,
            about,
            stub: None,
            yours: None,
            reference,
        }
    }
}

/// Everything a command needs to run a chapter's kernels on one set of inputs.
pub struct Workload {
    /// The inputs in words, printed above every table: "N = 32, oversampling 3: 96 x 96 grid".
    pub summary: String,
    /// The kernels; the first one's reference is the baseline for speed-ups and the reference
    /// for errors.
    pub kernels: Vec<Kernel>,
}

impl Workload {
    pub fn kernel(&self, chapter: &dyn Chapter, name: &str) -> Result<&Kernel> {
        match self.kernels.iter().find(|k| k.name == name) {
            Some(k) => Ok(k),
            None => bail!(
                "chapter {} has no kernel `{name}` (its kernels: {})",
                chapter.slug(),
                self.kernels
                    .iter()
                    .map(|k| k.name)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// A figure the chapter's book page shows, made by the workbook itself: `workbook reproduce`
/// runs `workbook ARGS` and writes what it prints to `book/src/measured/FILE`.
#[derive(Debug, Clone, Copy)]
pub struct Measurement {
    pub file: &'static str,
    pub args: &'static [&'static str],
}

/// A chapter of the book with an exercise crate.
pub trait Chapter: Sync {
    /// The name typed on the command line: `workbook check laue`.
    fn slug(&self) -> &'static str;
    /// The chapter's title in the book.
    fn title(&self) -> &'static str;
    /// The book page, relative to `book/src/`.
    fn page(&self) -> &'static str;
    /// The exercise package: `exercises/NAME`, package `NAME`; its reference solution is
    /// `solutions/NAME`, package `NAME-solution`.
    fn crate_name(&self) -> &'static str;
    /// The parameters the chapter accepts.
    fn params(&self) -> &'static [Param];
    /// Bytes the largest kernel needs for these values, to refuse sizes the machine can't hold.
    fn bytes_needed(&self, values: &Values) -> u128;
    /// Prepares inputs and builds one job per kernel.
    fn workload(&self, values: &Values) -> Result<Workload>;
    /// The measured figures on the chapter's page, in the order `reproduce` makes them.
    fn measurements(&self) -> &'static [Measurement] {
        &[]
    }
}
