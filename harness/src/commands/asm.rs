//! `asm`: the machine code of a kernel's hot loop, found through the runner's own symbols and
//! disassembled by objdump, each vector instruction marked with its width: the Rust answer to
//! Numba's `inspect_asm` and `cython -a`.
//!
//! The kernel's function (the solution's or yours, by the name the chapter gives it), its
//! closures, and what they call (a few calls deep: `Vec`'s `from_iter`, rayon's bridges) are
//! searched for loops, the backward jumps. With valgrind the loop shown is the one that executes
//! most instructions in one call of the kernel (callgrind, `--dump-instr=yes`); without it,
//! the innermost loop with the most instructions.

use crate::callgrind::{self, thousands};
use crate::chapter::{Kernel, Workload};
use crate::cli::{KernelArgs, Side, pick};
use crate::commands::count;
use crate::disasm::{self, Function, Loop};
use crate::files;
use crate::guard::run_kernel;
use anyhow::{Context, Result, anyhow, bail};
use std::collections::{HashMap, HashSet, VecDeque};

/// How many calls deep the search follows from the kernel's function.
const DEPTH: usize = 6;
/// At most this many functions searched.
const MOST: usize = 400;

pub fn run(work: &Workload, args: &KernelArgs) -> Result<()> {
    let kernel = args.kernel.as_str();
    let side = args.side();
    let (k, job, stub) = pick(work, kernel, side)?;
    disasm::check_available()?;
    // A stub that still says todo!() fails here as one line.
    run_kernel(job.as_ref(), stub).map_err(|e| anyhow!(e))?;
    let exe = std::env::current_exe().context("cannot find the runner's own executable")?;
    let (functions, slots) = disasm::disassemble(&exe)?;
    let (crates, names) = wanted(&work.chapter, k, side);
    let roots = find_roots(&functions, &crates, &names);
    if roots.is_empty() {
        bail!("{}", not_found(&functions, &crates, &names));
    }
    let searched = reachable(&functions, &roots, &slots);
    let mut loops: Vec<(usize, Loop)> = Vec::new();
    for &f in &searched {
        for l in disasm::innermost_loops(&functions[f]) {
            loops.push((f, l));
        }
    }
    if loops.is_empty() {
        bail!(
            "no loop in {} nor in the {} functions it calls: the work is in code the search does not reach (see `cargo workbook flamegraph {} {kernel}`)",
            functions[roots[0]].name,
            searched.len() - roots.len(),
            work.chapter
        );
    }
    // The counts per instruction, when valgrind is there.
    let weights = match callgrind::check_available_for("asm") {
        Ok(_) => Some(counts(work, args, &exe)?),
        Err(_) => None,
    };
    let weight = |f: usize, l: &Loop| -> u64 {
        let Some((w, _)) = &weights else { return 0 };
        functions[f].instructions[l.first..=l.last]
            .iter()
            .map(|x| w.get(&x.address).copied().unwrap_or(0))
            .sum()
    };
    let by_counts = loops.iter().any(|(f, l)| weight(*f, l) > 0);
    loops.sort_by(|(fa, a), (fb, b)| {
        let key = |f: usize, l: &Loop| {
            if by_counts {
                (weight(f, l), l.len())
            } else {
                (l.len() as u64, 0)
            }
        };
        key(*fb, b)
            .cmp(&key(*fa, a))
            .then(functions[*fa].start.cmp(&functions[*fb].start))
    });
    let (f, hot) = loops[0];
    let function = &functions[f];
    let body = &function.instructions[hot.first..=hot.last];
    let x86 = cfg!(target_arch = "x86_64");

    let root_names: Vec<&str> = {
        let mut v: Vec<&str> = roots.iter().map(|&r| functions[r].name.as_str()).collect();
        v.dedup();
        v
    };
    println!(
        "{} {kernel} ({}): the hot loop of {}, {:#x}..{:#x}",
        work.chapter,
        side.word(),
        function.name,
        body[0].address,
        body[body.len() - 1].address
    );
    println!(
        "  searched     {} and the {} functions they call, up to {DEPTH} calls deep ({} innermost loops)",
        shorten(&root_names.join(", "), 120),
        searched.len() - roots.len(),
        loops.len()
    );
    let total = weights.as_ref().map_or(0, |(_, t)| *t).max(1);
    if by_counts {
        println!(
            "  chosen by    callgrind's counts: the loop that executes most instructions in one call of the kernel ({:.1}% of them)",
            100.0 * weight(f, &hot) as f64 / total as f64
        );
    } else if weights.is_some() {
        println!(
            "  chosen as    the innermost loop with the most instructions (callgrind counted none of these loops' instructions)"
        );
    } else {
        println!(
            "  chosen as    the innermost loop with the most instructions (install valgrind to choose the loop that executes most: apt-get install valgrind)"
        );
    }
    if !x86 {
        println!(
            "  (the marks of vector width are for x86_64; this is {}: the loop is shown unmarked)",
            std::env::consts::ARCH
        );
    }
    let width = body
        .iter()
        .map(|x| x.text().chars().count())
        .max()
        .unwrap_or(0)
        .min(60);
    for x in body {
        let mark = if x86 {
            disasm::mark(x).map(|m| m.label()).unwrap_or_default()
        } else {
            String::new()
        };
        let text = shorten(&x.text(), 60);
        let line = match &weights {
            Some((w, _)) if by_counts => format!(
                "  {:>8x}  {:>13}  {text:<width$}  {mark}",
                x.address,
                thousands(w.get(&x.address).copied().unwrap_or(0))
            ),
            _ => format!("  {:>8x}  {text:<width$}  {mark}", x.address),
        };
        println!("{}", line.trim_end());
    }
    if x86 {
        println!("{}", disasm::summary(body));
    } else {
        println!("loop of {} instructions", body.len());
    }
    let others: Vec<String> = loops[1..]
        .iter()
        .take(3)
        .map(|(g, l)| {
            let share = if by_counts {
                format!(", {:.1}%", 100.0 * weight(*g, l) as f64 / total as f64)
            } else {
                String::new()
            };
            format!(
                "{} ({} instructions{share})",
                shorten(&functions[*g].name, 60),
                l.len()
            )
        })
        .collect();
    if !others.is_empty() {
        println!("next loops: {}", others.join("; "));
    }
    if weights.is_some() {
        let path = counts_path(work, args)?;
        println!("callgrind's file: {}", files::shown(&path));
    }
    Ok(())
}

fn counts_path(work: &Workload, args: &KernelArgs) -> Result<std::path::PathBuf> {
    files::default_path(&format!(
        "callgrind.out.asm-{}-{}-{}",
        work.chapter,
        args.kernel,
        args.side().word()
    ))
}

/// The instructions callgrind counted in one call of the kernel, per address of the runner,
/// and the total.
fn counts(
    work: &Workload,
    args: &KernelArgs,
    exe: &std::path::Path,
) -> Result<(HashMap<u64, u64>, u64)> {
    let path = counts_path(work, args)?;
    let doing = format!(
        "counting {} {} ({}) under valgrind, to find the loop that executes most",
        work.chapter,
        args.kernel,
        args.side().word()
    );
    let (text, _) = count::into_file(&path, doing, |out| {
        callgrind::run_file(
            exe,
            &count::once_args(args, work, 1),
            out,
            &["--dump-instr=yes"],
        )
    })?;
    let detail = callgrind::parse_detail(&text)?;
    let exe_name = exe.file_name().map(|n| n.to_string_lossy().into_owned());
    let mut out: HashMap<u64, u64> = HashMap::new();
    for ((object, address), n) in detail.by_address {
        let same = std::path::Path::new(&object)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            == exe_name;
        if same {
            *out.entry(address).or_default() += n;
        }
    }
    Ok((out, detail.total))
}

/// The crates and the function names the kernel's code can have: yours in the exercise's
/// crate (the chapter's name), the reference in a solution crate (`*_solution`); by the stub's
/// name, the kernel's (`square-sincos`: `square_sincos`) or the chapter's and the kernel's
/// (`laue_naive`).
fn wanted(chapter: &str, k: &Kernel, side: Side) -> (Vec<String>, Vec<String>) {
    let crate_name = chapter.replace('-', "_");
    let snake = k.name.replace('-', "_");
    let mut names: Vec<String> = Vec::new();
    if let Some(stub) = &k.stub {
        names.push(stub.clone());
    }
    names.push(snake.clone());
    names.push(format!("{crate_name}_{snake}"));
    names.dedup();
    let crates = match side {
        Side::Yours => vec![crate_name],
        Side::Reference => vec!["*_solution".to_string()],
    };
    (crates, names)
}

fn crate_matches(pattern: &str, name: &str) -> bool {
    match pattern.strip_prefix('*') {
        Some(suffix) => name.ends_with(suffix) && name.len() > suffix.len(),
        None => name == pattern,
    }
}

/// Whether `symbol` is one of `names` in one of `crates`, or a closure of one.
fn is_root(symbol: &str, crates: &[String], names: &[String]) -> bool {
    // Dropping a closure's captures is no place for a hot loop.
    if symbol.starts_with("core::ptr::drop_in_place") {
        return false;
    }
    let parts: Vec<&str> = symbol.split("::").collect();
    let (Some(c), Some(f)) = (parts.first(), parts.get(1)) else {
        return false;
    };
    if crates.iter().any(|p| crate_matches(p, c)) && names.iter().any(|n| n == f) {
        return true;
    }
    // A kernel in a module of its crate, `mandelbrot_solution::dispatch::mandelbrot_dyn` (and
    // its closures): the last segment before any `{{closure}}` is the function.
    let function = parts.iter().rev().find(|s| **s != "{{closure}}");
    if parts.len() > 2
        && crates.iter().any(|p| crate_matches(p, c))
        && parts[1..].iter().all(|s| is_path_segment(s))
        && function.is_some_and(|f| names.iter().any(|n| n == f))
    {
        return true;
    }
    // A closure named inside a generic's name: `...<compiler_solution::square_sincos::{{closure}}>`.
    symbol.match_indices("::{{closure}}").any(|(i, _)| {
        let before = &symbol[..i];
        let path = before
            .rsplit(['<', ' ', '(', ',', '&'])
            .next()
            .unwrap_or("");
        let mut p = path.split("::");
        matches!((p.next(), p.next(), p.next()), (Some(c), Some(f), None)
            if crates.iter().any(|x| crate_matches(x, c)) && names.iter().any(|n| n == f))
    })
}

/// A plain module, function or closure name: no generic arguments or spaces in it.
fn is_path_segment(s: &str) -> bool {
    s == "{{closure}}" || (!s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_'))
}

fn find_roots(functions: &[Function], crates: &[String], names: &[String]) -> Vec<usize> {
    functions
        .iter()
        .enumerate()
        .filter(|(_, f)| is_root(&f.name, crates, names))
        .map(|(i, _)| i)
        .collect()
}

/// The calls the search does not follow: panics, allocation, formatting, the dynamic linker.
fn followed(name: &str) -> bool {
    let skip = [
        "core::panicking",
        "std::panicking",
        "core::fmt",
        "std::io",
        "alloc::alloc",
        "alloc::raw_vec",
        "core::result::unwrap_failed",
        "core::option::expect_failed",
        "__rust",
        "__rustc",
    ];
    !name.ends_with("@plt") && !skip.iter().any(|s| name.starts_with(s))
}

/// The roots and the functions they call, breadth first, [`DEPTH`] calls deep at most.
/// An indirect call through a slot of `slots` (`objdump -R`) goes where the slot points.
fn reachable(functions: &[Function], roots: &[usize], slots: &HashMap<u64, u64>) -> Vec<usize> {
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_start: HashMap<u64, usize> = HashMap::new();
    for (i, f) in functions.iter().enumerate() {
        by_name.entry(f.name.as_str()).or_default().push(i);
        by_start.insert(f.start, i);
    }
    let mut seen: HashSet<usize> = roots.iter().copied().collect();
    let mut order: Vec<usize> = roots.to_vec();
    let mut queue: VecDeque<(usize, usize)> = roots.iter().map(|&r| (r, 0)).collect();
    while let Some((f, depth)) = queue.pop_front() {
        if depth >= DEPTH {
            continue;
        }
        for x in &functions[f].instructions {
            // Calls, and tail calls: jumps out of the function.
            let leaves = x.is_jump()
                && (x.slot.is_some()
                    || x.target.is_some_and(|t| {
                        t < functions[f].start
                            || (t != functions[f].start && by_start.contains_key(&t))
                    }));
            if !(x.is_call() || leaves) {
                continue;
            }
            let through = x
                .slot
                .and_then(|s| slots.get(&s))
                .and_then(|a| by_start.get(a))
                .copied();
            let targets: Vec<usize> = match (&x.callee, through) {
                (_, Some(i)) => vec![i],
                (Some(callee), None) => match x.target.and_then(|t| by_start.get(&t)) {
                    Some(&i) => vec![i],
                    None => by_name.get(callee.as_str()).cloned().unwrap_or_default(),
                },
                (None, None) => continue,
            };
            let targets: Vec<usize> = targets
                .into_iter()
                .filter(|&t| followed(&functions[t].name))
                .collect();
            for t in targets {
                if order.len() < MOST && seen.insert(t) {
                    order.push(t);
                    queue.push_back((t, depth + 1));
                }
            }
        }
    }
    order
}

/// Why no symbol was found, and the nearest ones.
fn not_found(functions: &[Function], crates: &[String], names: &[String]) -> String {
    let shown: Vec<String> = crates
        .iter()
        .map(|c| format!("{c}::{}", names.join("/")))
        .collect();
    let mut near: Vec<(usize, &str)> = functions
        .iter()
        .filter(|f| {
            f.name
                .split("::")
                .next()
                .is_some_and(|c| crates.iter().any(|p| crate_matches(p, c)))
        })
        .map(|f| {
            let last = f.name.split("::").nth(1).unwrap_or(&f.name);
            let d = names
                .iter()
                .map(|n| strsim::damerau_levenshtein(n, last))
                .min()
                .unwrap_or(usize::MAX);
            (d, f.name.as_str())
        })
        .collect();
    near.sort();
    near.dedup_by(|a, b| a.1 == b.1);
    let near: Vec<&str> = near.iter().take(5).map(|(_, n)| *n).collect();
    let listed = if near.is_empty() {
        "none in these crates".to_string()
    } else {
        near.join(", ")
    };
    format!(
        "no symbol {} in the runner: the compiler inlined it into its caller (generic and #[inline] functions are compiled where they are called), so its loop is in the caller's code; the nearest symbols: {listed}",
        shown.join(" or ")
    )
}

fn shorten(text: &str, most: usize) -> String {
    if text.chars().count() > most {
        text.chars().take(most - 3).chain("...".chars()).collect()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_kernel_its_closures_and_nothing_else_are_roots() {
        let crates = names(&["*_solution"]);
        let fns = names(&["square_fast"]);
        assert!(is_root("cores_solution::square_fast", &crates, &fns));
        assert!(is_root(
            "cores_solution::square_fast::{{closure}}",
            &crates,
            &fns
        ));
        assert!(is_root(
            "rayon::iter::plumbing::bridge<cores_solution::square_fast::{{closure}}>",
            &crates,
            &fns
        ));
        assert!(!is_root("cores_solution::square_fastest", &crates, &fns));
        assert!(!is_root("cores::square_fast", &crates, &fns));
        assert!(!is_root("_solution::square_fast", &crates, &fns));
        assert!(is_root("cores::square_fast", &names(&["cores"]), &fns));
        let fns = names(&["mandelbrot_dyn"]);
        assert!(is_root(
            "mandelbrot_solution::dispatch::mandelbrot_dyn::{{closure}}",
            &crates,
            &fns
        ));
        assert!(!is_root(
            "mandelbrot_solution::dispatch::grid_dyn",
            &crates,
            &fns
        ));
    }

    #[test]
    fn the_search_follows_calls_but_not_panics() {
        let dump = "
0000000000001000 <k_solution::square>:
    1000:\tcall   2000 <alloc::vec::from_iter>
    1005:\tcall   3000 <core::panicking::panic>
    100a:\tret

0000000000002000 <alloc::vec::from_iter>:
    2000:\tjmp    4000 <k_solution::sum>

0000000000003000 <core::panicking::panic>:
    3000:\tud2

0000000000004000 <k_solution::sum>:
    4000:\taddpd  %xmm0,%xmm1
    4004:\tjne    4000 <k_solution::sum>
    4006:\tret
";
        let fs = disasm::parse(dump);
        let roots = find_roots(&fs, &names(&["*_solution"]), &names(&["square"]));
        assert_eq!(roots, [0]);
        let found: Vec<&str> = reachable(&fs, &roots, &HashMap::new())
            .iter()
            .map(|&i| fs[i].name.as_str())
            .collect();
        assert_eq!(
            found,
            [
                "k_solution::square",
                "alloc::vec::from_iter",
                "k_solution::sum"
            ]
        );
        let message = not_found(&fs, &names(&["*_solution"]), &names(&["sqare"]));
        assert!(message.contains("inlined"), "{message}");
        assert!(
            message.contains("nearest symbols: k_solution::square"),
            "{message}"
        );
    }
}
