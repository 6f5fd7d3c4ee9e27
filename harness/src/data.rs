//! A chapter's data file, `chapters/NN_name/chapter.toml`: everything about a chapter that is
//! not code. Its title and page, its parameters, its kernels in the order the book asks for
//! them, the figures its page shows, its hints and speed goals. The launcher reads these files
//! at run time (status, names, reproduce); a chapter's runner embeds its own at build time, so a
//! runner and its data can never disagree.

use anyhow::{Context, Result, bail};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChapterData {
    /// The one name: command line, exercise package, `NAME-solution`, `NAME-chapter`.
    pub name: String,
    /// The chapter's number in the book, which is also the prefix of its folders: `01_laue`.
    pub number: u32,
    pub title: String,
    /// The book page, relative to `book/src/`.
    pub page: String,
    /// The largest error (max |ref - x| / max |ref|, against the case's baseline) a correct
    /// kernel may have; above it `run` and `bench` call the result WRONG.
    #[serde(default = "default_tolerance")]
    pub tolerance: f64,
    #[serde(default)]
    pub params: Vec<ParamData>,
    /// What an `--init FILE.npy` holds, for a chapter that can start from inputs in a file
    /// (nbody: bodies written by the Python side); `None`: the chapter takes no file.
    #[serde(default)]
    pub init: Option<String>,
    /// The kernels; the first of each case is its baseline and its reference for errors.
    #[serde(default)]
    pub kernels: Vec<KernelData>,
    /// Every function the learner fills in (a `todo!()` in the exercise), helpers included, in
    /// the order the book asks for them; when absent, the kernels' stubs in the kernels' order.
    #[serde(default)]
    pub stubs: Vec<String>,
    /// The figures the page shows, in the order `reproduce` makes them.
    #[serde(default)]
    pub measurements: Vec<MeasurementData>,
    /// For `hint`: the hints of each stub, from a nudge to the answer's shape.
    #[serde(default)]
    pub hints: Vec<HintData>,
    /// pytest files under `python/` that test the chapter's Python binding: `check` runs them
    /// on `workbook_py` built with the learner's exercise, after the cargo tests.
    #[serde(default)]
    pub pytest: Vec<String>,
    /// The case studies this chapter's kernels take part in, next to the course's Python
    /// (`cargo workbook compare`).
    #[serde(default)]
    pub compare: Vec<CompareData>,
    /// A runtime table that gathers the reference kernels of some cases across the chapters up
    /// to this one (`cargo workbook report`).
    pub report: Option<ReportData>,
    /// An MPI program (`cargo workbook mpi`): a binary of the runner package built with its
    /// `mpi` feature, and the kernels it runs. The exercise's tests then need MPI too.
    pub mpi: Option<MpiData>,
    /// Cargo features that the chapter's three crates all have and that its commands need
    /// (`gpu` for the GPU chapter): the launcher builds the runner, and `check` the tests, with
    /// them on, while a plain `cargo test` at the root leaves them off.
    #[serde(default)]
    pub features: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MpiData {
    /// The binary's name in the runner package.
    pub program: String,
    pub kernels: Vec<MpiKernelData>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MpiKernelData {
    pub name: String,
    pub about: String,
    /// The stub that the learner's version of this kernel uses (none: solution only).
    #[serde(default)]
    pub stub: Option<String>,
    /// The MPI kernel of one rank on threads that this one is compared with.
    #[serde(default)]
    pub rayon: Option<String>,
    /// The parameter that `--weak` multiplies by the number of ranks.
    #[serde(default)]
    pub weak: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParamData {
    pub name: String,
    /// The value the book's figures use.
    pub default: u64,
    /// The largest value accepted; sizes beyond it are refused before anything runs.
    pub max: u64,
    pub help: String,
    /// How the time of each case's baseline grows with this parameter: as value^cost (4 for
    /// laue's `n`). `run` scales one timed run at the default sizes by these powers to say how
    /// long the reference comparison will take before it starts; without it, no estimate.
    #[serde(default)]
    pub cost: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KernelData {
    /// The name typed on the command line: `cargo workbook run laue naive`.
    pub name: String,
    /// One line for tables and help.
    pub about: String,
    /// The exercise function this kernel calls (`laue_naive`, `FibCache::get`), written by the
    /// learner or given to them; absent for kernels that only the solution has.
    pub stub: Option<String>,
    /// The case this kernel belongs to, when a chapter has several (the square and the strained
    /// crystal); errors and speed-ups are measured against the case's first kernel.
    #[serde(default)]
    pub case: Option<String>,
    /// For an optimisation: the speed-up over its case's baseline that counts it solved.
    #[serde(default)]
    pub goal: Option<GoalData>,
}

/// A kernel's speed goal: at least `speedup` times faster than the reference of its case's
/// baseline, both timed in the same run on `threads` threads. A ratio, so that it holds on any
/// machine fast or slow; the thread count is part of it, since a parallel kernel's ratio grows
/// with the cores it is given.
///
/// The chapters set each goal at (1 + r) / 2 of the reference's own ratio r, rounded down
/// (r measured with `check --speed --solution`, the smaller of the machines it was measured
/// on): a learner's kernel may be about half as fast as the reference and still count, while
/// one that left the baseline's cost in place does not.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalData {
    pub speedup: f64,
    #[serde(default = "one_thread")]
    pub threads: usize,
}

fn one_thread() -> usize {
    1
}

fn default_tolerance() -> f64 {
    1e-9
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasurementData {
    /// Written under `book/src/measured/`.
    pub file: String,
    /// The arguments of `cargo workbook`.
    pub args: Vec<String>,
    /// Environment variables set for this command (`WORKBOOK_SIMD`, `RUSTFLAGS`), shown before
    /// it in the measured file, as a shell would take them.
    #[serde(default)]
    pub env: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HintData {
    pub stub: String,
    pub text: Vec<String>,
}

/// Kernels of this chapter timed in `compare` next to the Python variants of `case`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompareData {
    /// The Python driver's case study: square, strained, series, cosine, nbody.
    pub case: String,
    pub kernels: Vec<String>,
    /// A Python variant that runs the same algorithm as one of `kernels`, for a ratio of
    /// language against language rather than algorithm against algorithm.
    #[serde(default)]
    pub same: Option<SameData>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SameData {
    pub python: String,
    pub kernel: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportData {
    pub cases: Vec<String>,
}

impl MeasurementData {
    /// The command as a shell would take it: its environment first.
    pub fn shown(&self) -> String {
        let env: Vec<String> = self
            .env
            .iter()
            .map(|(k, v)| {
                if v.contains(' ') {
                    format!("{k}=\"{v}\" ")
                } else {
                    format!("{k}={v} ")
                }
            })
            .collect();
        format!("{}cargo workbook {}", env.concat(), self.args.join(" "))
    }
}

impl ChapterData {
    /// Parses a data file; `origin` names it in messages.
    pub fn parse(text: &str, origin: &str) -> Result<ChapterData> {
        let data: ChapterData = toml::from_str(text)
            .with_context(|| format!("{origin} is not a valid chapter file"))?;
        data.validate()
            .with_context(|| format!("{origin} is not a valid chapter file"))?;
        Ok(data)
    }

    /// The folder name shared by the chapter's crates: `01_laue`.
    pub fn folder(&self) -> String {
        format!("{:02}_{}", self.number, self.name)
    }

    pub fn exercise_dir(&self) -> String {
        format!("exercises/{}", self.folder())
    }

    pub fn solution_dir(&self) -> String {
        format!("solutions/{}", self.folder())
    }

    pub fn solution_package(&self) -> String {
        format!("{}-solution", self.name)
    }

    pub fn runner_package(&self) -> String {
        format!("{}-chapter", self.name)
    }

    /// The functions the learner writes, in book order.
    pub fn stubs(&self) -> Vec<&str> {
        if self.stubs.is_empty() {
            self.kernels
                .iter()
                .filter_map(|k| k.stub.as_deref())
                .collect()
        } else {
            self.stubs.iter().map(String::as_str).collect()
        }
    }

    pub fn kernel(&self, name: &str) -> Result<&KernelData> {
        match self.kernels.iter().find(|k| k.name == name) {
            Some(k) => Ok(k),
            None => bail!(
                "chapter {} has no kernel `{name}`{} (its kernels: {})",
                self.name,
                crate::catalog::did_you_mean(name, &self.kernel_names()),
                self.kernel_names().join(", ")
            ),
        }
    }

    /// The MPI kernel `name`, or an error that lists them.
    pub fn mpi_kernel(&self, name: &str) -> Result<(&MpiData, &MpiKernelData)> {
        let Some(mpi) = &self.mpi else {
            bail!(
                "chapter {} has no MPI program: `cargo workbook mpi` runs the MPI chapter's (processes)",
                self.name
            );
        };
        let names: Vec<&str> = mpi.kernels.iter().map(|k| k.name.as_str()).collect();
        match mpi.kernels.iter().find(|k| k.name == name) {
            Some(k) => Ok((mpi, k)),
            None => bail!(
                "chapter {}'s MPI program has no kernel `{name}`{} (its kernels: {})",
                self.name,
                crate::catalog::did_you_mean(name, &names),
                names.join(", ")
            ),
        }
    }

    /// The hints of `stub`, from a nudge to the answer's shape (none when the data has none).
    pub fn hints_for(&self, stub: &str) -> &[String] {
        self.hints
            .iter()
            .find(|h| h.stub == stub)
            .map_or(&[], |h| h.text.as_slice())
    }

    /// The function a learner means by `typed`: a kernel's name (`naive`: its stub
    /// `laue_naive`), a stub's name (`FibCache::get`), or a stub's last part when only one
    /// stub has it (`get`). Else an error that lists both and suggests the nearest.
    pub fn stub_for(&self, typed: &str) -> Result<&str> {
        if let Some(k) = self.kernels.iter().find(|k| k.name == typed) {
            return match k.stub.as_deref() {
                Some(stub) => Ok(stub),
                None => bail!(
                    "kernel `{typed}` of chapter {} exists only in the solution: there is no function of yours behind it (stubs: {})",
                    self.name,
                    self.stubs().join(", ")
                ),
            };
        }
        let stubs = self.stubs();
        if let Some(s) = stubs.iter().find(|s| **s == typed) {
            return Ok(s);
        }
        let last = |s: &&str| s.rsplit("::").next() == Some(typed);
        let same: Vec<&str> = stubs.iter().filter(|s| last(s)).copied().collect();
        match same.as_slice() {
            [one] => return Ok(one),
            [] => {}
            several => bail!(
                "chapter {} has several stubs called `{typed}`: name one of {}",
                self.name,
                several.join(", ")
            ),
        }
        let mut names = self.kernel_names();
        names.extend(stubs.iter().copied());
        bail!(
            "chapter {} has no kernel or stub `{typed}`{} (kernels: {}; stubs: {})",
            self.name,
            crate::catalog::did_you_mean(typed, &names),
            self.kernel_names().join(", "),
            stubs.join(", ")
        )
    }

    pub fn kernel_names(&self) -> Vec<&str> {
        self.kernels.iter().map(|k| k.name.as_str()).collect()
    }

    fn validate(&self) -> Result<()> {
        let name_ok = !self.name.is_empty()
            && self
                .name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        if !name_ok {
            bail!("name `{}` must be lower-case letters and digits", self.name);
        }
        if self.number == 0 || self.number > 99 {
            bail!("number {} must be between 1 and 99", self.number);
        }
        let mut seen = std::collections::HashSet::new();
        for k in &self.kernels {
            if !seen.insert(k.name.as_str()) {
                bail!("kernel `{}` is listed twice", k.name);
            }
        }
        for p in &self.params {
            if p.default == 0 || p.default > p.max {
                bail!(
                    "parameter {}: the default {} must be between 1 and its max {}",
                    p.name,
                    p.default,
                    p.max
                );
            }
        }
        let stubs = self.stubs();
        for k in self.mpi.iter().flat_map(|m| &m.kernels) {
            let mpi = self
                .mpi
                .as_ref()
                .map(|m| &m.kernels[..])
                .unwrap_or_default();
            if let Some(r) = &k.rayon
                && !mpi.iter().any(|o| &o.name == r)
            {
                bail!(
                    "MPI kernel `{}` is compared with `{r}`, no MPI kernel",
                    k.name
                );
            }
            if let Some(w) = &k.weak
                && !self.params.iter().any(|p| &p.name == w)
            {
                bail!("MPI kernel `{}` scales `{w}`, no parameter", k.name);
            }
            if let Some(stub) = &k.stub
                && !stubs.contains(&stub.as_str())
            {
                bail!("MPI kernel `{}` uses `{stub}`, no stub", k.name);
            }
        }
        let mut hinted = std::collections::HashSet::new();
        for h in &self.hints {
            if !stubs.contains(&h.stub.as_str()) {
                bail!(
                    "hints for `{}`, which is no stub of the chapter (stubs: {})",
                    h.stub,
                    stubs.join(", ")
                );
            }
            if !hinted.insert(h.stub.as_str()) {
                bail!("the hints for `{}` are listed twice", h.stub);
            }
            if h.text.is_empty() || h.text.iter().any(|t| t.trim().is_empty()) {
                bail!("the hints for `{}` have an empty text", h.stub);
            }
        }
        for c in &self.compare {
            for k in c.kernels.iter().chain(c.same.iter().map(|s| &s.kernel)) {
                self.kernel(k)?;
            }
        }
        if !(self.tolerance >= 0.0 && self.tolerance.is_finite()) {
            bail!("tolerance {} must be a number at least 0", self.tolerance);
        }
        for (i, k) in self.kernels.iter().enumerate() {
            let Some(goal) = k.goal else { continue };
            if !(goal.speedup > 0.0 && goal.speedup.is_finite()) || goal.threads == 0 {
                bail!(
                    "kernel `{}`: a goal needs a speed-up above 0 and at least 1 thread",
                    k.name
                );
            }
            let first_of_case = self.kernels[..i].iter().all(|o| o.case != k.case);
            if first_of_case {
                bail!(
                    "kernel `{}` is its case's baseline, and a goal is a speed-up over the baseline",
                    k.name
                );
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
name = "demo"
number = 3
title = "A demo"
page = "03_demo.md"

[[params]]
name = "n"
default = 8
max = 100
help = "size"

[[kernels]]
name = "naive"
about = "the loop"
stub = "demo_naive"

[[kernels]]
name = "fast"
about = "the fast one"
"#;

    #[test]
    fn reads_a_chapter() {
        let d = ChapterData::parse(SAMPLE, "demo.toml").unwrap();
        assert_eq!(d.folder(), "03_demo");
        assert_eq!(d.exercise_dir(), "exercises/03_demo");
        assert_eq!(d.stubs(), vec!["demo_naive"]);
        assert_eq!(d.kernel_names(), vec!["naive", "fast"]);
        let err = d.kernel("slow").unwrap_err().to_string();
        assert_eq!(
            err,
            "chapter demo has no kernel `slow` (its kernels: naive, fast)"
        );
        let err = d.kernel("nave").unwrap_err().to_string();
        assert_eq!(
            err,
            "chapter demo has no kernel `nave`: did you mean `naive`? (its kernels: naive, fast)"
        );
    }

    #[test]
    fn hints_and_stubs_by_name() {
        let text = format!(
            "{SAMPLE}\n[[hints]]\nstub = \"demo_naive\"\ntext = [\"a nudge\", \"the shape\"]\n"
        );
        let d = ChapterData::parse(&text, "demo.toml").unwrap();
        assert_eq!(d.hints_for("demo_naive"), ["a nudge", "the shape"]);
        assert!(d.hints_for("other").is_empty());
        assert_eq!(d.stub_for("naive").unwrap(), "demo_naive");
        assert_eq!(d.stub_for("demo_naive").unwrap(), "demo_naive");
        let e = d.stub_for("fast").unwrap_err().to_string();
        assert!(e.contains("exists only in the solution"), "{e}");
        let e = d.stub_for("demo_naiv").unwrap_err().to_string();
        assert_eq!(
            e,
            "chapter demo has no kernel or stub `demo_naiv`: did you mean `demo_naive`? (kernels: naive, fast; stubs: demo_naive)"
        );
        let unknown = text.replace("stub = \"demo_naive\"\ntext", "stub = \"demo_fast\"\ntext");
        let e = ChapterData::parse(&unknown, "x.toml").unwrap_err();
        assert!(format!("{e:#}").contains("no stub of the chapter"), "{e:#}");
        let empty = text.replace("[\"a nudge\", \"the shape\"]", "[]");
        assert!(ChapterData::parse(&empty, "x.toml").is_err());
    }

    #[test]
    fn refuses_bad_files() {
        let twice = SAMPLE.replace("name = \"fast\"", "name = \"naive\"");
        let e = ChapterData::parse(&twice, "x.toml").unwrap_err();
        assert!(format!("{e:#}").contains("listed twice"), "{e:#}");
        let unknown = format!("{SAMPLE}\ncolour = \"red\"\n");
        assert!(ChapterData::parse(&unknown, "x.toml").is_err());
        let upper = SAMPLE.replace("name = \"demo\"", "name = \"Demo\"");
        assert!(ChapterData::parse(&upper, "x.toml").is_err());
    }

    #[test]
    fn goals_belong_to_optimisations() {
        let d = ChapterData::parse(SAMPLE, "x.toml").unwrap();
        assert_eq!(d.tolerance, 1e-9);
        let fast = "about = \"the fast one\"\n";
        let text = SAMPLE.replace(
            fast,
            &format!("{fast}goal = {{ speedup = 4, threads = 2 }}\n"),
        );
        let d = ChapterData::parse(&text, "x.toml").unwrap();
        let goal = d.kernels[1].goal.unwrap();
        assert_eq!((goal.speedup, goal.threads), (4.0, 2));
        let on_baseline = SAMPLE.replace(
            "about = \"the loop\"\n",
            "about = \"the loop\"\ngoal = { speedup = 2 }\n",
        );
        let e = ChapterData::parse(&on_baseline, "x.toml").unwrap_err();
        assert!(format!("{e:#}").contains("baseline"), "{e:#}");
        let zero = SAMPLE.replace(fast, &format!("{fast}goal = {{ speedup = 0 }}\n"));
        assert!(ChapterData::parse(&zero, "x.toml").is_err());
        let negative = SAMPLE.replace(
            "page = \"03_demo.md\"",
            "page = \"03_demo.md\"\ntolerance = -1.0",
        );
        assert!(ChapterData::parse(&negative, "x.toml").is_err());
    }
}
