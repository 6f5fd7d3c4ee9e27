//! What a chapter's code gives the harness: how to build its inputs and one job per kernel.
//! Everything else about a chapter (title, parameters, kernel names and descriptions, stubs,
//! figures, hints) is data, in its `chapter.toml` ([`crate::data`]).
//!
//! # Adding a chapter
//! 1. Pick the next number `NN` and a name, and add the page `book/src/NN_name.md` to
//!    `book/src/SUMMARY.md` (the one list of chapters, in book order).
//! 2. `exercises/NN_name/` (package `name`): the stubs, and the tests in `tests/`.
//! 3. `solutions/NN_name/` (package `name-solution`): the same functions solved; its `tests/`
//!    include the exercise's test files, so the tests are written once.
//! 4. `chapters/NN_name/` (package `name-chapter`): `chapter.toml`, and `src/main.rs` that
//!    implements [`Chapter`] and calls [`crate::runner::main`]. The learner's side is an
//!    optional dependency behind the feature `exercise`, wrapped in [`crate::yours!`], so that
//!    the reference side builds even while the exercise does not compile.
//!
//! The crates name each other by relative paths (`laue-solution = { path =
//! "../../solutions/01_laue" }`), which read the same from all three folders. The workspace
//! lists `exercises/*`, `solutions/*` and `chapters/*`, so nothing else changes;
//! the root tests in `tests/chapters.rs` fail when a chapter's data, crates and page disagree.

use crate::data::{ChapterData, ParamData};
use crate::output::Output;
use anyhow::{Result, bail};
use std::collections::BTreeMap;

/// One run of a kernel on prepared inputs. Jobs are built once and called many times by `bench`
/// and `flamegraph`, so input preparation stays outside the timed part.
pub type Job = Box<dyn Fn() -> Output + Send + Sync>;

/// The learner's job when the runner is built with the exercise (feature `exercise`), `None`
/// otherwise. The `cfg` is evaluated in the chapter's crate, where the feature is declared.
#[macro_export]
macro_rules! yours {
    ($job:expr) => {{
        #[cfg(feature = "exercise")]
        let job: Option<$crate::chapter::Job> = Some($job);
        #[cfg(not(feature = "exercise"))]
        let job: Option<$crate::chapter::Job> = None;
        job
    }};
}

/// A chapter's code.
pub trait Chapter: Sync {
    /// Bytes the largest kernel needs for these values, to refuse sizes the machine can't hold.
    fn bytes_needed(&self, values: &Values) -> u128;
    /// Prepares inputs and builds the jobs, case by case.
    fn cases(&self, values: &Values) -> Result<Vec<Case>>;
    /// A picture of a result that is not a grid (a grid gets a heat map), with what it shows
    /// in words; `None`: no picture.
    fn picture(&self, _output: &Output) -> Option<Result<crate::picture::Picture>> {
        None
    }
}

/// What a kernel's algorithm must do for its inputs, whatever the code: the bytes it must move
/// between memory and the processor (its inputs read once, its result written once) and the
/// floating-point operations it must do. `bench --roofline` places a kernel by them: achieved
/// GB/s and GFLOP/s, and how far it is from the roof that applies. Conventions for operations
/// that are not one instruction are in [`crate::roofline`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cost {
    pub bytes: f64,
    pub flops: f64,
}

/// One problem a chapter's kernels solve on the same inputs (most chapters have one). Its first
/// kernel is the baseline for speed-ups and the reference for errors.
pub struct Case {
    pub name: &'static str,
    /// The inputs in words, printed above every table: "N = 32, oversampling 3: 96 x 96 grid".
    pub summary: String,
    jobs: Vec<(&'static str, Option<Job>, Job)>,
    /// The cost of every kernel of the case, unless `kernel_costs` names it.
    cost: Option<Cost>,
    kernel_costs: Vec<(&'static str, Option<Cost>)>,
}

impl Case {
    /// `name` must match the `case` of the kernels in the data file (`""` when it has none).
    pub fn new(name: &'static str, summary: impl Into<String>) -> Case {
        Case {
            name,
            summary: summary.into(),
            jobs: Vec::new(),
            cost: None,
            kernel_costs: Vec::new(),
        }
    }

    /// The cost of every kernel of the case: the algorithm's, which faster code does not change.
    pub fn costs(mut self, cost: Cost) -> Case {
        self.cost = Some(cost);
        self
    }

    /// The cost of one kernel whose algorithm does less (or more) than the case's.
    pub fn cost(mut self, kernel: &'static str, cost: Cost) -> Case {
        self.kernel_costs.push((kernel, Some(cost)));
        self
    }

    /// A kernel whose work no count describes well (it skips most of the case's work by a
    /// trick the count would have to model): left off the roofline.
    pub fn uncounted(mut self, kernel: &'static str) -> Case {
        self.kernel_costs.push((kernel, None));
        self
    }

    /// A kernel the learner writes too; `yours` comes from [`yours!`].
    pub fn exercise(mut self, kernel: &'static str, yours: Option<Job>, reference: Job) -> Case {
        self.jobs.push((kernel, yours, reference));
        self
    }

    /// A kernel that only the reference solution has.
    pub fn reference(mut self, kernel: &'static str, reference: Job) -> Case {
        self.jobs.push((kernel, None, reference));
        self
    }
}

/// A kernel as the commands see it: its data and its jobs.
pub struct Kernel {
    pub name: String,
    pub about: String,
    /// The exercise function, e.g. `laue_naive`; `None` for kernels only the solution has.
    pub stub: Option<String>,
    /// The learner's version: `None` for reference-only kernels, and when the runner was built
    /// without the exercise.
    pub yours: Option<Job>,
    pub reference: Job,
    /// Index into [`Workload::cases`].
    pub case: usize,
    /// The speed-up over the case's baseline that counts this kernel solved, if it is an
    /// optimisation.
    pub goal: Option<crate::data::GoalData>,
    /// What its algorithm must move and compute, for the roofline; `None`: not declared.
    pub cost: Option<Cost>,
}

pub struct CaseInfo {
    pub name: String,
    pub summary: String,
}

/// Everything a command needs to run a chapter's kernels on one set of inputs.
pub struct Workload {
    pub chapter: String,
    /// Errors above this are wrong results (chapter.toml's `tolerance`).
    pub tolerance: f64,
    pub cases: Vec<CaseInfo>,
    /// In the data file's order.
    pub kernels: Vec<Kernel>,
}

impl Workload {
    /// Joins the data file's kernels with the code's jobs; any mismatch is a bug in the
    /// chapter, reported as such.
    pub fn bind(data: &ChapterData, cases: Vec<Case>) -> Result<Workload> {
        let mut infos = Vec::new();
        let mut jobs = BTreeMap::new();
        let mut costs = BTreeMap::new();
        for (i, case) in cases.into_iter().enumerate() {
            for (name, _, _) in &case.jobs {
                if let Some(c) = case.cost {
                    costs.insert(*name, c);
                }
            }
            for (name, c) in &case.kernel_costs {
                if !case.jobs.iter().any(|(k, _, _)| k == name) {
                    bail!(
                        "chapter {}: a cost is given for kernel `{name}`, which case `{}` does not build",
                        data.name,
                        case.name
                    );
                }
                match c {
                    Some(c) => costs.insert(*name, *c),
                    None => costs.remove(name),
                };
            }
            infos.push(CaseInfo {
                name: case.name.to_string(),
                summary: case.summary,
            });
            for (name, yours, reference) in case.jobs {
                if jobs.insert(name, (i, yours, reference)).is_some() {
                    bail!(
                        "chapter {}: the code builds kernel `{name}` twice",
                        data.name
                    );
                }
            }
        }
        let mut kernels = Vec::new();
        for k in &data.kernels {
            let Some((case, yours, reference)) = jobs.remove(k.name.as_str()) else {
                bail!(
                    "chapter {}: chapter.toml lists kernel `{}`, which the code does not build",
                    data.name,
                    k.name
                );
            };
            let case_name = k.case.as_deref().unwrap_or("");
            if infos[case].name != case_name {
                bail!(
                    "chapter {}: kernel `{}` is in case `{}` in the code and `{case_name}` in chapter.toml",
                    data.name,
                    k.name,
                    infos[case].name
                );
            }
            if k.stub.is_none() && yours.is_some() {
                bail!(
                    "chapter {}: kernel `{}` has an exercise job but no stub in chapter.toml",
                    data.name,
                    k.name
                );
            }
            kernels.push(Kernel {
                name: k.name.clone(),
                about: k.about.clone(),
                stub: k.stub.clone(),
                yours,
                reference,
                case,
                goal: k.goal,
                cost: costs.get(k.name.as_str()).copied(),
            });
        }
        if let Some(extra) = jobs.keys().next() {
            bail!(
                "chapter {}: the code builds kernel `{extra}`, which chapter.toml does not list",
                data.name
            );
        }
        for (i, info) in infos.iter().enumerate() {
            if !kernels.iter().any(|k| k.case == i) {
                bail!("chapter {}: case `{}` has no kernel", data.name, info.name);
            }
        }
        Ok(Workload {
            chapter: data.name.clone(),
            tolerance: data.tolerance,
            cases: infos,
            kernels,
        })
    }

    pub fn kernel(&self, name: &str) -> Result<&Kernel> {
        match self.kernels.iter().find(|k| k.name == name) {
            Some(k) => Ok(k),
            None => {
                let names: Vec<&str> = self.kernels.iter().map(|k| k.name.as_str()).collect();
                bail!(
                    "chapter {} has no kernel `{name}`{} (its kernels: {})",
                    self.chapter,
                    crate::catalog::did_you_mean(name, &names),
                    names.join(", ")
                )
            }
        }
    }

    /// The first kernel of `case`: its baseline and its reference for errors.
    pub fn baseline(&self, case: usize) -> &Kernel {
        self.kernels
            .iter()
            .find(|k| k.case == case)
            .expect("bind checks every case has a kernel")
    }
}

/// The parameter values of one run, checked against the chapter's parameters.
#[derive(Debug, Clone, Default)]
pub struct Values {
    values: BTreeMap<String, u64>,
    /// `--init FILE.npy`: inputs from a file, for a chapter whose data says it takes one.
    init: Option<std::path::PathBuf>,
}

impl Values {
    /// The value of `name`. Chapters only ask for the names they declared, so a missing name
    /// is a bug in the chapter, not bad input.
    pub fn get(&self, name: &str) -> u64 {
        match self.values.get(name) {
            Some(v) => *v,
            None => panic!("chapter asked for undeclared parameter {name}"),
        }
    }

    /// `get` as a `usize`, for sizes and counts.
    pub fn size(&self, name: &str) -> usize {
        usize::try_from(self.get(name)).unwrap_or(usize::MAX)
    }

    /// Checks the raw `name=value` pairs given on the command line against `params`, filling in
    /// the defaults for the rest.
    pub fn parse(chapter: &str, params: &[ParamData], given: &[(String, String)]) -> Result<Self> {
        let mut values = BTreeMap::new();
        for p in params {
            values.insert(p.name.clone(), p.default);
        }
        for (name, raw) in given {
            let Some(p) = params.iter().find(|p| &p.name == name) else {
                let known: Vec<&str> = params.iter().map(|p| p.name.as_str()).collect();
                bail!(
                    "chapter {chapter} has no parameter `{name}`{} (it takes: {})",
                    crate::catalog::did_you_mean(name, &known),
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
            values.insert(p.name.clone(), value);
        }
        Ok(Values { values, init: None })
    }

    /// Sets one value directly (tests, and chapters that derive one parameter from another).
    pub fn with(mut self, name: &str, value: u64) -> Self {
        self.values.insert(name.to_string(), value);
        self
    }

    /// The inputs file given with `--init`, if any.
    pub fn init(&self) -> Option<&std::path::Path> {
        self.init.as_deref()
    }

    pub fn with_init(mut self, path: std::path::PathBuf) -> Self {
        self.init = Some(path);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_names_suggest_the_nearest() {
        let reference: Job = Box::new(|| Output::Values(vec![1.0]));
        let work = Workload {
            chapter: "demo".into(),
            tolerance: 1e-9,
            cases: vec![CaseInfo {
                name: String::new(),
                summary: String::new(),
            }],
            kernels: vec![Kernel {
                name: "tables".into(),
                about: String::new(),
                stub: None,
                yours: None,
                reference,
                case: 0,
                goal: None,
                cost: None,
            }],
        };
        let e = work.kernel("table").err().unwrap().to_string();
        assert_eq!(
            e,
            "chapter demo has no kernel `table`: did you mean `tables`? (its kernels: tables)"
        );
        let params = [ParamData {
            name: "oversampling".into(),
            default: 3,
            max: 9,
            help: String::new(),
            cost: None,
        }];
        let given = [("oversample".to_string(), "2".to_string())];
        let e = Values::parse("demo", &params, &given)
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "chapter demo has no parameter `oversample`: did you mean `oversampling`? (it takes: oversampling)"
        );
    }
}
