//! `lines`: the cost of a kernel per source line, the course's `%lprun`. One call of the
//! kernel runs under callgrind (as for `count`, through the runner's `count-once`), which
//! writes the instructions executed on each line of each function; the workspace's files are
//! printed with a cost column, the hottest function first. Code inlined from the standard
//! library or libm counts in its own files, summed one line per file.

use crate::callgrind::{self, thousands};
use crate::chapter::Workload;
use crate::cli::{KernelArgs, pick};
use crate::commands::count;
use crate::files;
use crate::guard::run_kernel;
use crate::measure::human_duration;
use crate::progress::Progress;
use anyhow::{Context, Result, anyhow};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Functions shown, at most; and the least share of the total one must have.
const FUNCTIONS: usize = 4;
const LEAST: f64 = 0.01;
/// Lines of context around each line with cost.
const CONTEXT: u32 = 1;
/// Files outside the workspace shown.
const OTHERS: usize = 5;

pub fn run(work: &Workload, args: &KernelArgs) -> Result<()> {
    let kernel = args.kernel.as_str();
    let side = args.side();
    let (k, job, stub) = pick(work, kernel, side)?;
    callgrind::check_available_for("lines")?;
    let start = Instant::now();
    run_kernel(job.as_ref(), stub).map_err(|e| anyhow!(e))?;
    let native = start.elapsed();
    let exe = std::env::current_exe().context("cannot find the runner's own executable")?;
    let path = files::default_path(&format!(
        "callgrind.out.lines-{}-{kernel}-{}",
        work.chapter,
        side.word()
    ))?;
    let pending = files::Pending::new(&path)?;
    let progress = Progress::work(
        format!(
            "counting {} {kernel} ({}) under valgrind, which runs code 20-100x slower than the {} it takes natively",
            work.chapter,
            side.word(),
            human_duration(native)
        ),
        None,
    );
    let text = callgrind::run_file(&exe, &count::once_args(args, work, 1), pending.path(), &[])?;
    drop(progress);
    pending.commit()?;
    let detail = callgrind::parse_detail(&text)?;
    let report = Report::new(&detail, files::root());
    println!(
        "{} {kernel} ({}) on 1 thread, counted by callgrind per source line: {}",
        work.chapter,
        side.word(),
        work.cases[k.case].summary
    );
    print!("{}", report.render(files::root()));
    println!(
        "callgrind's file: {} (callgrind_annotate shows every line)",
        files::shown(&path)
    );
    Ok(())
}

/// The costs regrouped: per function, the workspace files' lines; the other files summed.
#[derive(Debug, Default)]
struct Report {
    total: u64,
    /// (function, its cost on workspace lines, file -> line -> cost), hottest first.
    functions: Vec<(String, u64, BTreeMap<PathBuf, BTreeMap<u32, u64>>)>,
    /// Files outside the workspace, most first.
    others: Vec<(String, u64)>,
}

impl Report {
    fn new(detail: &callgrind::Detail, root: &Path) -> Report {
        type Lines = BTreeMap<PathBuf, BTreeMap<u32, u64>>;
        let mut functions: HashMap<&str, Lines> = HashMap::new();
        let mut others: HashMap<String, u64> = HashMap::new();
        let mut known: HashMap<&str, Option<PathBuf>> = HashMap::new();
        for ((function, file, line), &cost) in &detail.by_line {
            let place = known
                .entry(file.as_str())
                .or_insert_with(|| in_workspace(file, root))
                .clone();
            match place {
                Some(p) => {
                    *functions
                        .entry(function.as_str())
                        .or_default()
                        .entry(p)
                        .or_default()
                        .entry(*line)
                        .or_default() += cost
                }
                None => *others.entry(shown_file(file)).or_default() += cost,
            }
        }
        let mut functions: Vec<(String, u64, Lines)> = functions
            .into_iter()
            .map(|(f, lines)| {
                let sum = lines.values().flat_map(|l| l.values()).sum();
                (f.to_string(), sum, lines)
            })
            .collect();
        functions.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut others: Vec<(String, u64)> = others.into_iter().collect();
        others.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Report {
            total: detail.total,
            functions,
            others,
        }
    }

    fn render(&self, root: &Path) -> String {
        let total = self.total.max(1) as f64;
        let share = |n: u64| 100.0 * n as f64 / total;
        let mut out = String::new();
        let ours: u64 = self.functions.iter().map(|f| f.1).sum();
        out += &format!(
            "  instructions  {} in one call of the kernel, {:.1}% of them on the workspace's lines below\n",
            thousands(self.total),
            share(ours)
        );
        let shown: Vec<_> = self
            .functions
            .iter()
            .enumerate()
            .filter(|(i, f)| *i == 0 || (f.1 as f64 >= LEAST * total && *i < FUNCTIONS))
            .map(|(_, f)| f)
            .collect();
        for (function, cost, files) in &shown {
            out += &format!(
                "\n{function}: {} ({:.1}%) on its lines\n",
                thousands(*cost),
                share(*cost)
            );
            let mut files: Vec<_> = files.iter().collect();
            files.sort_by_key(|(_, lines)| std::cmp::Reverse(lines.values().sum::<u64>()));
            for (file, lines) in files {
                out += &format!("  {}\n", file.display());
                let text = std::fs::read_to_string(root.join(file)).unwrap_or_default();
                let source: Vec<&str> = text.lines().collect();
                out += &listing(lines, &source, total);
            }
        }
        let hidden = self.functions.len() - shown.len();
        if hidden > 0 {
            let rest: u64 = self.functions[shown.len()..].iter().map(|f| f.1).sum();
            out += &format!(
                "\n{hidden} other functions: {} ({:.1}%) on the workspace's lines\n",
                thousands(rest),
                share(rest)
            );
        }
        if !self.others.is_empty() {
            out += "\noutside the workspace (inlined from the standard library, or in libraries such as libm):\n";
            for (file, cost) in self.others.iter().take(OTHERS) {
                out += &format!(
                    "  {:>15}  {:>5.1}%  {file}\n",
                    thousands(*cost),
                    share(*cost)
                );
            }
            if self.others.len() > OTHERS {
                let rest: u64 = self.others[OTHERS..].iter().map(|o| o.1).sum();
                out += &format!(
                    "  {:>15}  {:>5.1}%  {} other files\n",
                    thousands(rest),
                    share(rest),
                    self.others.len() - OTHERS
                );
            }
        }
        out
    }
}

/// The lines with cost, each with [`CONTEXT`] lines around it, `...` between the pieces.
fn listing(lines: &BTreeMap<u32, u64>, source: &[&str], total: f64) -> String {
    let mut out = String::new();
    let mut shown_until = 0u32;
    let last = source.len() as u32;
    let mut wanted: Vec<u32> = Vec::new();
    for &l in lines.keys() {
        for n in l.saturating_sub(CONTEXT).max(1)..=(l + CONTEXT) {
            if n <= last.max(l) && !wanted.contains(&n) {
                wanted.push(n);
            }
        }
    }
    wanted.sort_unstable();
    for n in wanted {
        if shown_until > 0 && n > shown_until + 1 {
            out += "                          ...\n";
        }
        shown_until = n;
        let text = source
            .get(n as usize - 1)
            .copied()
            .unwrap_or("")
            .trim_end();
        let line = match lines.get(&n) {
            Some(&c) => format!(
                "  {:>15}  {:>5.1}%  {n:>5} | {text}",
                thousands(c),
                100.0 * c as f64 / total
            ),
            None => format!("  {:>15}  {:>6}  {n:>5} | {text}", "", ""),
        };
        out += line.trim_end();
        out += "\n";
    }
    // Line 0: code the compiler gave no line (callgrind's `0`).
    out
}

/// The workspace's own path of a file callgrind names: relative to the root; an absolute path
/// under the root, or of a copy of the workspace built elsewhere, by its crate folders.
fn in_workspace(file: &str, root: &Path) -> Option<PathBuf> {
    let path = Path::new(file);
    if path.is_relative() {
        return root.join(path).is_file().then(|| path.to_path_buf());
    }
    if let Ok(rel) = path.strip_prefix(root) {
        return Some(rel.to_path_buf());
    }
    for folder in ["/solutions/", "/exercises/", "/chapters/", "/harness/", "/profiler/"] {
        if let Some(i) = file.rfind(folder) {
            let rel = PathBuf::from(&file[i + 1..]);
            if root.join(&rel).is_file() {
                return Some(rel);
            }
        }
    }
    None
}

/// A file outside the workspace, shorter: the standard library's from `library/`, callgrind's
/// `???` said in words.
fn shown_file(file: &str) -> String {
    if file == "???" || file.is_empty() {
        return "(no line information: a library built without debug info)".to_string();
    }
    if let Some(i) = file.find("/library/")
        && file.starts_with("/rustc/")
    {
        return format!("std: {}", &file[i + 1..]);
    }
    if let Some(i) = file.find("/.cargo/registry/src/") {
        let rest = &file[i + "/.cargo/registry/src/".len()..];
        return rest.split_once('/').map_or(rest, |(_, r)| r).to_string();
    }
    file.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_printed_with_their_cost_and_context() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("solutions/09_x/src")).unwrap();
        let source = (1..=12)
            .map(|i| format!("line {i}"))
            .collect::<Vec<_>>()
            .join("\n");
        std::fs::write(root.join("solutions/09_x/src/lib.rs"), source).unwrap();
        let text = "positions: line\nevents: Ir\nsummary: 1000\n\
             fl=(1) /elsewhere/tmp/solutions/09_x/src/lib.rs\nfn=(1) x_solution::sum\n\
             3 100\n+1 500\n10 50\n\
             fi=(2) /rustc/abc/library/core/src/ops/arith.rs\n352 200\n\
             fe=(1)\n4 50\n\
             fl=(3) ???\nfn=(2) sin\n0 100\n";
        let detail = callgrind::parse_detail(text).unwrap();
        let report = Report::new(&detail, root);
        assert_eq!(report.functions.len(), 1);
        assert_eq!(report.functions[0].1, 700);
        let shown = report.render(root);
        assert!(
            shown.contains("1,000 in one call of the kernel, 70.0% of them"),
            "{shown}"
        );
        assert!(
            shown.contains("x_solution::sum: 700 (70.0%) on its lines"),
            "{shown}"
        );
        assert!(shown.contains("  solutions/09_x/src/lib.rs\n"), "{shown}");
        assert!(
            shown.contains("              550   55.0%      4 | line 4"),
            "{shown}"
        );
        // Context lines have no cost; a gap between pieces is marked.
        assert!(shown.contains("                            2 | line 2"), "{shown}");
        assert!(shown.contains("...\n"), "{shown}");
        assert!(!shown.contains("line 7"), "{shown}");
        assert!(
            shown.contains("200   20.0%  std: library/core/src/ops/arith.rs"),
            "{shown}"
        );
        assert!(shown.contains("100   10.0%  (no line information"), "{shown}");
    }
}
