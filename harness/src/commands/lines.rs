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
use anyhow::{Context, Result};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

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
    let doing = count::native_first(work, args, job.as_ref(), stub)?;
    let exe = std::env::current_exe().context("cannot find the runner's own executable")?;
    let path = files::default_path(&format!(
        "callgrind.out.lines-{}-{kernel}-{}",
        work.chapter,
        side.word()
    ))?;
    let (text, _) = count::into_file(&path, doing, |out| {
        callgrind::run_file(
            &exe,
            &count::once_args(args, work, 1),
            out,
            &["--dump-instr=yes"],
        )
    })?;
    let detail = callgrind::parse_detail(&text)?;
    let root = files::root();
    let (entries, inlined) = match through_inlining(&detail, &exe, root) {
        Ok(entries) => (entries, true),
        Err(_) => (by_innermost_line(&detail), false),
    };
    let report = Report::new(&entries, detail.total, root);
    println!(
        "{} {kernel} ({}) on 1 thread, counted by callgrind per source line: {}",
        work.chapter,
        side.word(),
        work.cases[k.case].summary
    );
    if inlined {
        println!(
            "  inlined code (the standard library's, a vector crate's) counts on the workspace line it was inlined into (addr2line -i), and a call into a library (libm) on the line that calls it"
        );
    } else {
        println!(
            "  inlined code counts in its own file (install binutils for addr2line to count it on the workspace line that called it)"
        );
    }
    print!("{}", report.render(root));
    println!(
        "callgrind's file: {} (callgrind_annotate shows every line)",
        files::shown(&path)
    );
    Ok(())
}

/// The cost of the instructions at one place of the source.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    function: String,
    file: String,
    line: u32,
    cost: u64,
}

/// Each line's cost as callgrind gives it: in the innermost inlined function's file.
fn by_innermost_line(detail: &callgrind::Detail) -> Vec<Entry> {
    detail
        .by_line
        .iter()
        .map(|((function, file, line), &cost)| Entry {
            function: function.clone(),
            file: file.clone(),
            line: *line,
            cost,
        })
        .collect()
}

/// Each instruction's cost on the innermost line of its inlining chain that is the
/// workspace's (`addr2line -a -i -f -C`), under its outermost function (the one compiled);
/// with no workspace line, in the innermost file. A call into another object (libm) counts
/// on the calling instruction's line; what the other objects execute otherwise counts as
/// theirs.
fn through_inlining(detail: &callgrind::Detail, exe: &Path, root: &Path) -> Result<Vec<Entry>> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let exe_name = exe.file_name().map(|n| n.to_string_lossy().into_owned());
    let mut ours: Vec<(u64, u64)> = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    for ((object, address), &cost) in &detail.by_address {
        let name = Path::new(object)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        if name == exe_name {
            ours.push((*address, cost));
        } else {
            entries.push(Entry {
                function: object.clone(),
                file: object.clone(),
                line: 0,
                cost,
            });
        }
    }
    if ours.is_empty() {
        anyhow::bail!("callgrind wrote no instruction addresses");
    }
    ours.sort_unstable();
    let mut child = Command::new("addr2line")
        .args(["-a", "-i", "-f", "-C", "-e"])
        .arg(exe)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .context("cannot run addr2line")?;
    let mut input = String::new();
    for (a, _) in &ours {
        input += &format!("{a:#x}\n");
    }
    let mut stdin = child.stdin.take().context("addr2line's input")?;
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().context("addr2line failed")?;
    let _ = writer.join();
    if !out.status.success() {
        anyhow::bail!("addr2line failed");
    }
    let chains = parse_addr2line(&String::from_utf8_lossy(&out.stdout));
    let mut costs: HashMap<u64, u64> = ours.into_iter().collect();
    // A call into a library counts on the line that makes it, as a line profiler's time
    // does, and no longer in the library's own line.
    let mut moved: HashMap<&str, u64> = HashMap::new();
    for (caller, address, callee, cost) in &detail.calls_out {
        let name = Path::new(caller)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        if name == exe_name
            && let Some(c) = costs.get_mut(address)
        {
            *c += cost;
            *moved.entry(callee.as_str()).or_default() += cost;
        }
    }
    for e in &mut entries {
        if let Some(m) = moved.get_mut(e.file.as_str()) {
            let taken = (*m).min(e.cost);
            e.cost -= taken;
            *m -= taken;
        }
    }
    entries.retain(|e| e.cost > 0);
    let mut known: HashMap<String, bool> = HashMap::new();
    for (address, frames) in chains {
        let Some(&cost) = costs.get(&address) else {
            continue;
        };
        let Some(outer) = frames.last() else { continue };
        let function = crate::flame::tidy(&outer.0);
        let mut ours = |file: &str| {
            *known
                .entry(file.to_string())
                .or_insert_with(|| in_workspace(file, root).is_some())
        };
        let place = frames
            .iter()
            .find(|(_, file, _)| ours(file))
            .unwrap_or(&frames[0]);
        entries.push(Entry {
            function,
            file: place.1.clone(),
            line: place.2,
            cost,
        });
    }
    Ok(entries)
}

/// One frame of an inlining chain: function, file, line.
type Frame = (String, String, u32);

/// A workspace file's costs, line by line.
type FileLines = BTreeMap<PathBuf, BTreeMap<u32, u64>>;

/// Reads `addr2line -a -i -f -C`: an address line (`0x00000000002818a1`), then for each frame,
/// innermost first, its function and `file:line` (`??:0` when unknown; a line may end in
/// ` (discriminator 2)`).
fn parse_addr2line(text: &str) -> Vec<(u64, Vec<Frame>)> {
    let mut out: Vec<(u64, Vec<Frame>)> = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if let Some(hex) = line.strip_prefix("0x")
            && let Ok(a) = u64::from_str_radix(hex.trim(), 16)
        {
            out.push((a, Vec::new()));
            continue;
        }
        let Some((_, frames)) = out.last_mut() else {
            continue;
        };
        let function = line.trim().to_string();
        let Some(place) = lines.next() else { break };
        let place = place.split(" (").next().unwrap_or("").trim();
        let (file, number) = place.rsplit_once(':').unwrap_or((place, "0"));
        frames.push((function, file.to_string(), number.parse().unwrap_or(0)));
    }
    out
}

/// The costs regrouped: per function, the workspace files' lines; the other files summed.
#[derive(Debug, Default)]
struct Report {
    total: u64,
    /// (function, its cost on workspace lines, file -> line -> cost), hottest first.
    functions: Vec<(String, u64, FileLines)>,
    /// Files outside the workspace, most first.
    others: Vec<(String, u64)>,
}

impl Report {
    fn new(entries: &[Entry], total: u64, root: &Path) -> Report {
        let mut functions: HashMap<&str, FileLines> = HashMap::new();
        let mut others: HashMap<String, u64> = HashMap::new();
        let mut known: HashMap<&str, Option<PathBuf>> = HashMap::new();
        for Entry {
            function,
            file,
            line,
            cost,
        } in entries
        {
            let cost = *cost;
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
        let mut functions: Vec<(String, u64, FileLines)> = functions
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
            total,
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
        let text = source.get(n as usize - 1).copied().unwrap_or("").trim_end();
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
    for folder in [
        "/solutions/",
        "/exercises/",
        "/chapters/",
        "/harness/",
        "/profiler/",
    ] {
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
    if file == "???" || file == "??" || file.is_empty() {
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
        let report = Report::new(&by_innermost_line(&detail), detail.total, root);
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
        assert!(
            shown.contains("                            2 | line 2"),
            "{shown}"
        );
        assert!(shown.contains("...\n"), "{shown}");
        assert!(!shown.contains("line 7"), "{shown}");
        assert!(
            shown.contains("200   20.0%  std: library/core/src/ops/arith.rs"),
            "{shown}"
        );
        assert!(
            shown.contains("100   10.0%  (no line information"),
            "{shown}"
        );
    }

    #[test]
    fn inlined_frames_are_read_innermost_first() {
        let text = "0x00000000002818a1\n\
                    core::core_arch::x86::sse2::_mm_mul_pd\n\
                    /rustc/abc/library/core/src/../../stdarch/crates/core_arch/src/x86/sse2.rs:1901\n\
                    compiler_solution::sum_cis\n\
                    /work/solutions/09_compiler/src/lib.rs:118 (discriminator 2)\n\
                    0x00000000002816c8\n\
                    ??\n\
                    ??:0\n";
        let chains = parse_addr2line(text);
        assert_eq!(chains.len(), 2);
        assert_eq!(chains[0].0, 0x2818a1);
        assert_eq!(chains[0].1.len(), 2);
        assert_eq!(
            chains[0].1[1],
            (
                "compiler_solution::sum_cis".to_string(),
                "/work/solutions/09_compiler/src/lib.rs".to_string(),
                118
            )
        );
        assert_eq!(chains[1].1, [("??".to_string(), "??".to_string(), 0)]);
    }
}
