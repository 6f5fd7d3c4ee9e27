//! Instruction counts with valgrind's callgrind: finding valgrind, the one function whose
//! calls are counted, running a runner under valgrind, and reading callgrind's output file.
//!
//! Callgrind runs the program on a simulated processor and counts every instruction it
//! executes (the event `Ir`, "instructions read"). A kernel on one thread executes the same
//! instructions on every run, however busy the machine is: where two times differ by less
//! than their noise, two counts still differ exactly.
//!
//! Only the kernel call is counted, not the building of its inputs nor valgrind's start-up:
//! callgrind is started with `--toggle-collect` on [`counted`], so it collects from the
//! moment that function is entered until it returns. (The other way, callgrind's client
//! requests, needs valgrind's C header at build time or `unsafe` inline assembly of our own;
//! a symbol name needs neither, and the workbook builds on machines without valgrind.)

use crate::output::Output;
use anyhow::{Context, Result, bail};
use std::collections::HashMap;
use std::ffi::OsString;
use std::io::ErrorKind;
use std::path::Path;
use std::process::{Command, Stdio};

/// Names the valgrind to run instead of the one on the `PATH` (the tests name a missing one).
pub const VALGRIND_VARIABLE: &str = "WORKBOOK_VALGRIND";

/// What to install, for every way valgrind can be missing (after "count needs valgrind").
const INSTALL: &str = "install it (Debian/Ubuntu: apt-get install valgrind; macOS: not supported by valgrind, use Linux or a VM)";

/// The pattern of `--toggle-collect`: [`counted`]'s name as callgrind demangles it. The `*`
/// also matches the crate hash that Rust's v0 symbol mangling adds after the crate's name.
pub const TOGGLE: &str = "harness*::callgrind::counted";

/// The valgrind program: `WORKBOOK_VALGRIND` when set, else `valgrind` on the `PATH`.
pub fn program() -> OsString {
    std::env::var_os(VALGRIND_VARIABLE).unwrap_or_else(|| "valgrind".into())
}

/// Refuses, in one line, a machine where valgrind cannot run: not Linux, or no valgrind.
/// Returns valgrind's version ("valgrind-3.19.0").
pub fn check_available() -> Result<String> {
    check_available_for("count")
}

/// [`check_available`] for `command` (`count`, `lines`), which the line names.
pub fn check_available_for(command: &str) -> Result<String> {
    if !cfg!(target_os = "linux") {
        bail!(
            "{command} needs valgrind, which runs on Linux, not on {} (macOS: not supported by valgrind, use Linux or a VM)",
            std::env::consts::OS
        );
    }
    let install = format!("{command} needs valgrind: {INSTALL}");
    let install = install.as_str();
    let program = program();
    let named = match std::env::var_os(VALGRIND_VARIABLE) {
        Some(p) => format!(
            " ({VALGRIND_VARIABLE}={} cannot be run)",
            Path::new(&p).display()
        ),
        None => String::new(),
    };
    let out = match Command::new(&program)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
    {
        Ok(out) => out,
        Err(e) if e.kind() == ErrorKind::NotFound || e.kind() == ErrorKind::PermissionDenied => {
            bail!("{install}{named}")
        }
        Err(e) => bail!("{install}{named}: {e}"),
    };
    let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !out.status.success() || !version.starts_with("valgrind") {
        bail!("{install}{named}: `valgrind --version` did not answer as valgrind does");
    }
    Ok(version)
}

/// `count`'s threads: one, also without `--threads`. Callgrind runs a program's threads one at
/// a time anyway, so more threads would make the count no faster; on one thread a kernel
/// executes the same instructions on every run, so it has one count, where on several the
/// threads' waiting and work-stealing change from run to run. And `--toggle-collect` counts
/// only the thread that enters [`counted`]: the work other threads steal from it would be
/// missing (a parallel kernel on 4 threads counted about an eighth of its instructions).
/// On one thread, a parallel kernel's whole work is counted, its rayon overhead included.
pub fn count_threads(chapter: &str, threads: Option<usize>) -> Result<usize> {
    count_threads_for("count", chapter, threads)
}

/// [`count_threads`] for `command` (`count`, `lines`), which the message names.
pub fn count_threads_for(command: &str, chapter: &str, threads: Option<usize>) -> Result<usize> {
    match threads {
        None | Some(1) => Ok(1),
        Some(t) => bail!(
            "{command} runs kernels on 1 thread, not {t}: callgrind would count only the thread that calls the kernel, not the work the others take from it (time threads with `cargo workbook bench {chapter} --threads 1,{t}`)"
        ),
    }
}

/// Calls `job`: the one function whose calls callgrind counts ([`TOGGLE`]). Never inlined, so
/// that its symbol exists, and the result is looked at after the call, so that the call is
/// not compiled as a jump (a tail call), which callgrind would not see return through here.
#[inline(never)]
pub fn counted(job: &(dyn Fn() -> Output + Send + Sync)) -> Output {
    let output = job();
    std::hint::black_box(&output);
    output
}

/// Runs `exe args` under callgrind, counting the calls of [`counted`], with callgrind's file
/// written to `out`; returns what callgrind counted. The runner under valgrind reports its own
/// errors as one `error: ...` line on stderr, which becomes this error.
pub fn run(exe: &Path, args: &[OsString], out: &Path) -> Result<Counts> {
    let text = run_file(exe, args, out, &[])?;
    let counts = parse(&text)?;
    if counts.total == 0 {
        bail!(
            "callgrind counted nothing: the binary has no symbol {TOGGLE} to count from (was it stripped?)"
        );
    }
    Ok(counts)
}

/// [`run`] with more of callgrind's options (`--dump-instr=yes`); returns the file's text.
pub fn run_file(exe: &Path, args: &[OsString], out: &Path, options: &[&str]) -> Result<String> {
    let mut file_flag = OsString::from("--callgrind-out-file=");
    file_flag.push(out);
    let result = Command::new(program())
        .args(["--tool=callgrind", "-q"])
        .arg(file_flag)
        .arg(format!("--toggle-collect={TOGGLE}"))
        .args(options)
        .arg(exe)
        .args(args)
        .env(crate::files::ROOT_VARIABLE, crate::files::root())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .context("cannot start valgrind")?;
    let stderr = String::from_utf8_lossy(&result.stderr);
    if !result.status.success() {
        let line = stderr
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix("error: "))
            .map(str::to_string)
            .or_else(|| {
                stderr
                    .lines()
                    .map(|l| l.trim_start_matches(|c: char| c == '=' || c.is_ascii_digit()))
                    .map(str::trim)
                    .find(|l| !l.is_empty())
                    .map(|l| format!("valgrind failed: {l}"))
            })
            .unwrap_or_else(|| format!("valgrind failed ({})", result.status));
        bail!("{line}");
    }
    std::fs::read_to_string(out)
        .with_context(|| format!("cannot read callgrind's file {}", out.display()))
}

/// What callgrind counted, from its output file.
#[derive(Debug, Clone, PartialEq)]
pub struct Counts {
    /// Instructions executed in the counted calls.
    pub total: u64,
    /// Every function with instructions of its own, most first (ties by name).
    pub functions: Vec<FunctionCount>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FunctionCount {
    pub name: String,
    /// Instructions executed in the function itself.
    pub own: u64,
    /// In the function and in everything it calls.
    pub inclusive: u64,
}

/// Reads a callgrind output file (its format: valgrind's manual, "Callgrind Format
/// Specification"): the `Ir` of every cost line goes to the current function's own count;
/// the cost line after a `calls=` line is the inclusive cost of that call, which goes to the
/// caller's inclusive count. Compressed names (`fn=(12) name`, then `fn=(12)`) are expanded.
/// A function's calls to itself are left out of its inclusive count, which already holds
/// their instructions as its own.
pub fn parse(text: &str) -> Result<Counts> {
    let mut positions = 1;
    let mut ir: Option<usize> = None;
    let mut names: HashMap<u64, String> = HashMap::new();
    let mut current: Option<String> = None;
    // The callee of the last `calls=` line: the next cost line is that call's cost.
    let mut callee: Option<String> = None;
    let mut pending_call = false;
    let mut own: HashMap<String, u64> = HashMap::new();
    let mut inclusive: HashMap<String, u64> = HashMap::new();
    let (mut totals, mut summary): (Option<u64>, Option<u64>) = (None, None);
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        let at = || format!("callgrind file, line {}", n + 1);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let key_len = line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(line.len());
        let (key, rest) = line.split_at(key_len);
        if key_len > 0 && rest.starts_with(':') {
            let value = rest[1..].trim();
            match key {
                "positions" => positions = value.split_whitespace().count().max(1),
                "events" => {
                    ir = value.split_whitespace().position(|e| e == "Ir");
                    if ir.is_none() {
                        bail!("{}: no Ir among the events `{value}`", at());
                    }
                }
                "totals" | "summary" => {
                    let ir = ir.unwrap_or(0);
                    let count = match value.split_whitespace().nth(ir) {
                        Some(v) => v
                            .parse::<u64>()
                            .with_context(|| format!("{}: `{line}`", at()))?,
                        None => 0,
                    };
                    if key == "totals" {
                        *totals.get_or_insert(0) += count;
                    } else {
                        *summary.get_or_insert(0) += count;
                    }
                }
                _ => {}
            }
            continue;
        }
        if key_len > 0 && rest.starts_with('=') {
            let value = &rest[1..];
            match key {
                "fn" => current = Some(expand(&mut names, value).with_context(at)?),
                "cfn" => callee = Some(expand(&mut names, value).with_context(at)?),
                "calls" => pending_call = true,
                _ => {}
            }
            continue;
        }
        if !line.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-' | '*')) {
            bail!("{}: cannot read `{line}`", at());
        }
        let field = line.split_whitespace().nth(positions + ir.unwrap_or(0));
        let cost = match field {
            Some(v) => v
                .parse::<u64>()
                .with_context(|| format!("{}: `{line}`", at()))?,
            None => 0,
        };
        let Some(function) = current.clone() else {
            bail!("{}: a cost line before any fn= line", at());
        };
        if pending_call {
            pending_call = false;
            if callee.as_ref() != Some(&function) {
                *inclusive.entry(function).or_default() += cost;
            }
        } else {
            *own.entry(function.clone()).or_default() += cost;
            *inclusive.entry(function).or_default() += cost;
        }
    }
    let total = totals
        .or(summary)
        .unwrap_or_else(|| own.values().copied().sum());
    let mut functions: Vec<FunctionCount> = own
        .into_iter()
        .filter(|(_, o)| *o > 0)
        .map(|(name, o)| FunctionCount {
            inclusive: inclusive.get(&name).copied().unwrap_or(o),
            own: o,
            name,
        })
        .collect();
    functions.sort_by(|a, b| b.own.cmp(&a.own).then_with(|| a.name.cmp(&b.name)));
    Ok(Counts { total, functions })
}

/// `(12) name` defines name 12, `(12)` refers to it, `name` is itself.
fn expand(names: &mut HashMap<u64, String>, value: &str) -> Result<String> {
    let Some(compressed) = value.strip_prefix('(') else {
        return Ok(value.trim().to_string());
    };
    let Some((id, name)) = compressed.split_once(')') else {
        bail!("a compressed name without its `)`: `{value}`");
    };
    let id: u64 = id
        .trim()
        .parse()
        .with_context(|| format!("a compressed name with a bad number: `{value}`"))?;
    let name = name.trim();
    if !name.is_empty() {
        names.insert(id, crate::flame::tidy(name));
        return Ok(names[&id].clone());
    }
    match names.get(&id) {
        Some(name) => Ok(name.clone()),
        None => bail!("name ({id}) is used before it is defined"),
    }
}

/// 1234567 as "1,234,567".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// Where the instructions were executed, from a callgrind file: per instruction address (with
/// `--dump-instr=yes`) and per source line (callgrind writes lines by default). Costs of calls
/// (the line after `calls=`) are left out: each instruction and line has only its own cost.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Detail {
    pub total: u64,
    /// Own cost per (object, instruction address): empty without `--dump-instr=yes`.
    pub by_address: HashMap<(String, u64), u64>,
    /// Own cost per (function, file, line); inlined code counts in its own file (`fi=`).
    pub by_line: HashMap<(String, String, u32), u64>,
    /// Calls into another object (libm's `sin` from the runner), with `--dump-instr=yes`:
    /// (caller's object, the call's address, callee's object, the call's inclusive cost).
    pub calls_out: Vec<(String, u64, String, u64)>,
}

/// Reads a callgrind file for [`Detail`]: the positions (`instr`, `line`, compressed as `+3`,
/// `-2`, `*` relative to the last cost line, `calls=` lines not changing them), the object
/// (`ob=`), the file (`fl=`, and `fi=`/`fe=` for inlined code) and the function (`fn=`).
pub fn parse_detail(text: &str) -> Result<Detail> {
    let mut positions: Vec<String> = vec!["line".to_string()];
    let mut ir: Option<usize> = None;
    let mut last: Vec<u64> = vec![0];
    let mut tables: [HashMap<u64, String>; 3] = Default::default();
    let (mut object, mut file, mut inline, mut function) =
        (String::new(), String::new(), None::<String>, None::<String>);
    let mut pending_call = false;
    // The object of the next call's target (`cob=`), when it is not the current one.
    let mut call_object: Option<String> = None;
    let mut detail = Detail::default();
    let (mut totals, mut summary): (Option<u64>, Option<u64>) = (None, None);
    let mut sum = 0u64;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        let at = || format!("callgrind file, line {}", n + 1);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let key_len = line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(line.len());
        let (key, rest) = line.split_at(key_len);
        if key_len > 0 && rest.starts_with(':') {
            let value = rest[1..].trim();
            match key {
                "positions" => {
                    positions = value.split_whitespace().map(str::to_string).collect();
                    last = vec![0; positions.len()];
                }
                "events" => ir = value.split_whitespace().position(|e| e == "Ir"),
                "totals" | "summary" => {
                    let count = value
                        .split_whitespace()
                        .nth(ir.unwrap_or(0))
                        .and_then(|v| v.parse::<u64>().ok())
                        .unwrap_or(0);
                    if key == "totals" {
                        *totals.get_or_insert(0) += count;
                    } else {
                        *summary.get_or_insert(0) += count;
                    }
                }
                _ => {}
            }
            continue;
        }
        if key_len > 0 && rest.starts_with('=') {
            let value = &rest[1..];
            let table = match key {
                "ob" | "cob" => 0,
                "fl" | "fi" | "fe" | "cfi" | "cfl" => 1,
                "fn" | "cfn" => 2,
                "calls" => {
                    pending_call = true;
                    continue;
                }
                _ => continue,
            };
            let name = expand_raw(&mut tables[table], value).with_context(at)?;
            match key {
                "ob" => object = name,
                "cob" => call_object = Some(name),
                "fl" => {
                    file = name;
                    inline = None;
                }
                "fi" | "fe" => inline = (name != file).then_some(name),
                "fn" => function = Some(crate::flame::tidy(&name)),
                _ => {}
            }
            continue;
        }
        let mut fields = line.split_whitespace();
        for (i, last) in last.iter_mut().enumerate() {
            let Some(p) = fields.next() else {
                bail!("{}: a cost line without its positions: `{line}`", at());
            };
            let hex = positions.get(i).is_some_and(|p| p == "instr");
            let value = if p == "*" {
                Some(*last)
            } else if let Some(d) = p.strip_prefix('+') {
                d.parse::<u64>().ok().map(|d| last.wrapping_add(d))
            } else if let Some(d) = p.strip_prefix('-') {
                d.parse::<u64>().ok().map(|d| last.wrapping_sub(d))
            } else if let Some(h) = p.strip_prefix("0x") {
                u64::from_str_radix(h, 16).ok()
            } else if hex {
                u64::from_str_radix(p, 16).ok()
            } else {
                p.parse::<u64>().ok()
            };
            match value {
                Some(v) => *last = v,
                None => bail!("{}: cannot read the position `{p}`", at()),
            }
        }
        let cost = match fields.nth(ir.unwrap_or(0)) {
            Some(v) => v
                .parse::<u64>()
                .with_context(|| format!("{}: `{line}`", at()))?,
            None => 0,
        };
        if std::mem::take(&mut pending_call) {
            if let Some(callee) = call_object.take()
                && callee != object
                && cost > 0
                && let Some(i) = positions.iter().position(|p| p == "instr")
            {
                detail
                    .calls_out
                    .push((object.clone(), last[i], callee, cost));
            }
            continue;
        }
        if cost == 0 {
            continue;
        }
        let Some(f) = &function else {
            bail!("{}: a cost line before any fn= line", at());
        };
        sum += cost;
        let get = |name: &str| positions.iter().position(|p| p == name).map(|i| last[i]);
        if let Some(address) = get("instr") {
            *detail
                .by_address
                .entry((object.clone(), address))
                .or_default() += cost;
        }
        if let Some(l) = get("line") {
            let in_file = inline.as_ref().unwrap_or(&file).clone();
            *detail
                .by_line
                .entry((f.clone(), in_file, l as u32))
                .or_default() += cost;
        }
    }
    detail.total = totals.or(summary).unwrap_or(sum);
    Ok(detail)
}

/// [`expand`] without tidying: file and object names as written.
fn expand_raw(names: &mut HashMap<u64, String>, value: &str) -> Result<String> {
    let Some(compressed) = value.strip_prefix('(') else {
        return Ok(value.trim().to_string());
    };
    let Some((id, name)) = compressed.split_once(')') else {
        bail!("a compressed name without its `)`: `{value}`");
    };
    let id: u64 = id
        .trim()
        .parse()
        .with_context(|| format!("a compressed name with a bad number: `{value}`"))?;
    let name = name.trim();
    if !name.is_empty() {
        names.insert(id, name.to_string());
        return Ok(name.to_string());
    }
    match names.get(&id) {
        Some(name) => Ok(name.clone()),
        None => bail!("name ({id}) is used before it is defined"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small file in callgrind's own layout: compressed names, relative positions, inline
    /// files (fi=, fe=), calls with their inclusive cost, a self-recursive call, and one caller
    /// (main) that was not collected but still shows the cost of what it called.
    const FILE: &str = "\
# callgrind format
version: 1
creator: callgrind-3.19.0
pid: 4242
cmd:  ./runner count-once laue naive
part: 1

desc: I1 cache: 
desc: Trigger: Program termination

positions: line
events: Ir
summary: 1000

ob=(1) /work/target/release/laue-chapter
fl=(1) src/main.rs
fn=(1) main
cfl=(2) harness/src/callgrind.rs
cfn=(2) harness::callgrind::counted
calls=1 80 
12 1000

fl=(2)
fn=(2)
80 40
+1 60
cfl=(3) solutions/01_laue/src/lib.rs
cfn=(3) laue_solution::laue_naive::h0123456789abcdef
calls=1 20 
81 900

fl=(3)
fn=(3)
20 300
fi=(4) library/core/src/num/f64.rs
-5 90
fe=(3)
* 10
cob=(2) /usr/lib/x86_64-linux-gnu/libm.so.6
cfl=(5) ./s_sin.c
cfn=(4) sincos
calls=40 0 
22 500
cfn=(3)
calls=2 20 
23 77

ob=(2)
fl=(5)
fn=(4)
0 500

totals: 1000
";

    #[test]
    fn reads_own_and_inclusive_counts() {
        let counts = parse(FILE).unwrap();
        assert_eq!(counts.total, 1000);
        let rows: Vec<(&str, u64, u64)> = counts
            .functions
            .iter()
            .map(|f| (f.name.as_str(), f.own, f.inclusive))
            .collect();
        assert_eq!(
            rows,
            [
                ("sincos", 500, 500),
                // 300 + 90 + 10 of its own, sincos's 500; its call to itself is not added.
                ("laue_solution::laue_naive", 400, 900),
                ("harness::callgrind::counted", 100, 1000),
            ]
        );
        // main executed nothing of its own while counting: it is not listed.
        assert!(counts.functions.iter().all(|f| f.name != "main"));
    }

    #[test]
    fn without_totals_the_counts_are_summed() {
        let text = "events: Ir\nfn=a\n1 5\n2 7\nfn=b\n3 8\n";
        let counts = parse(text).unwrap();
        assert_eq!(counts.total, 20);
        assert_eq!(counts.functions[0].name, "a");
        assert_eq!(counts.functions[0].own, 12);
    }

    #[test]
    fn ir_is_found_among_several_events_and_positions() {
        let text = "positions: instr line\nevents: Dr Ir Dw\nsummary: 3 40 5\n\
                    fn=(7) k\n0x10 3 1 4 1\n+2 * 0 6\n+1 5\n";
        let counts = parse(text).unwrap();
        assert_eq!(counts.total, 40);
        // Ir is the second event: 4 and 6; the last line leaves it out (zero).
        assert_eq!(counts.functions[0].own, 10);
    }

    #[test]
    fn broken_files_are_refused_with_the_line() {
        let e = parse("events: Ir\nfn=(3)\n").unwrap_err();
        assert!(format!("{e:#}").contains("line 2"), "{e:#}");
        assert!(
            format!("{e:#}").contains("used before it is defined"),
            "{e:#}"
        );
        let e = parse("events: Dr\n").unwrap_err();
        assert!(format!("{e:#}").contains("no Ir"), "{e:#}");
        let e = parse("events: Ir\n12 5\n").unwrap_err();
        assert!(format!("{e:#}").contains("before any fn= line"), "{e:#}");
        let e = parse("events: Ir\nfn=a\n12 five\n").unwrap_err();
        assert!(format!("{e:#}").contains("line 3"), "{e:#}");
    }

    #[test]
    fn large_counts_read_in_groups_of_three() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
    /// With `--dump-instr=yes`: instruction and line, compressed; a call whose cost is not
    /// the instruction's own; inlined code in its own file.
    const INSTR: &str = "\
positions: instr line
events: Ir
summary: 1000

ob=(7) /work/target/release/compiler-chapter
fl=(1) /work/solutions/09_compiler/src/lib.rs
fn=(1) compiler_solution::sum_cis
0x278530 111 10
+4 * 20
+4 112 30
cfn=(2) sincos
calls=2 0x279000 -31 
* * 500
fi=(2) /rustc/abc/library/core/src/ops/arith.rs
+6 352 40
fe=(1)
-14 -240 5
ob=(8) /usr/lib/libm.so.6
fl=(3) ???
fn=(2)
0x1000 0 395
";

    #[test]
    fn reads_costs_per_instruction_and_per_line() {
        let d = parse_detail(INSTR).unwrap();
        assert_eq!(d.total, 1000);
        let exe = "/work/target/release/compiler-chapter".to_string();
        let at = |a: u64| d.by_address.get(&(exe.clone(), a)).copied();
        assert_eq!(at(0x278530), Some(15));
        assert_eq!(at(0x278534), Some(20));
        assert_eq!(at(0x278538), Some(30));
        assert_eq!(at(0x27853e), Some(40));
        // The call's 500 belongs to sincos, not to the calling instruction.
        assert_eq!(d.by_address.values().sum::<u64>(), 500);
        let line = |f: &str, file: &str, l: u32| {
            d.by_line
                .get(&(f.to_string(), file.to_string(), l))
                .copied()
        };
        let lib = "/work/solutions/09_compiler/src/lib.rs";
        assert_eq!(line("compiler_solution::sum_cis", lib, 111), Some(30));
        assert_eq!(line("compiler_solution::sum_cis", lib, 112), Some(35));
        assert_eq!(
            line(
                "compiler_solution::sum_cis",
                "/rustc/abc/library/core/src/ops/arith.rs",
                352
            ),
            Some(40)
        );
        assert_eq!(line("sincos", "???", 0), Some(395));
    }

    #[test]
    fn calls_into_other_objects_are_kept_with_their_address() {
        let text = "positions: instr line\nevents: Ir\nob=(1) /r/runner\nfl=(1) a.rs\nfn=(1) k\n\
                    0x10 5 1\ncob=(2) /lib/libm.so.6\ncfi=(2) ???\ncfn=(2) sin\ncalls=3 0x900 0\n\
                    * * 300\ncfn=(1)\ncalls=1 0x10 5\n+4 * 50\n";
        let d = parse_detail(text).unwrap();
        assert_eq!(
            d.calls_out,
            [(
                "/r/runner".to_string(),
                0x10,
                "/lib/libm.so.6".to_string(),
                300
            )]
        );
    }

    #[test]
    fn detail_refuses_broken_positions() {
        let e = parse_detail("positions: line\nevents: Ir\nfn=a\nx 5\n").unwrap_err();
        assert!(format!("{e:#}").contains("line 4"), "{e:#}");
    }
}
