//! Numbers in the book's prose, taken from the measured files, and claims checked against them.
//!
//! A page writes `{{#figure laue-bench tables median}}` where it means "the median of kernel
//! `tables` in `measured/laue-bench.txt`", and the book build puts the number there, so that
//! `cargo workbook reproduce` followed by `cargo workbook book` updates the prose with the
//! tables. A row is named by its first cell (`tables`, or `"cores square-fast"` in quotes when
//! it has a space); `@1` picks the table measured on one thread when a file has several.
//!
//! A page backs a sentence that states an order or a ratio with a claim right after it:
//! `{{#claim square-compiler: square-sincos.median * 3 < square-fused.median}}`. The build
//! removes it from the text; `reproduce` and the book's tests evaluate every claim on the
//! measured files and name the page and the claim that no longer holds. A side of a claim may
//! add and subtract terms (`naive.median - reuse.median`, the operators spaced) and name a row
//! of another file (`circle-bench/naive.median`).
//!
//! Rows come from bench, `check --speed` and `compare` tables (named by kernel or variant),
//! `report` tables (named by case, chapter and kernel: `"strained algorithm symmetric"`), a
//! scaling fit (`parallel`, column `f`), a `count` (`instructions`, column `count`) and a
//! `run --phases` table (named by phase, `"rows on thread 1"`, columns `calls`, `own`,
//! `total` and `share`, the own time's percentage of the wall time), and `mpi`'s scaling tables
//! (rows `1`, `2`, ... by ranks, and `rayon`; columns `wall`, `speed-up`, `efficiency`, `comm`,
//! `balance`, `job`, `error`, or `per-call` and `job`).

use anyhow::{Context, Result, anyhow, bail};
use std::collections::HashMap;
use std::path::Path;

/// One row of a measured table: its cells by column, as printed.
#[derive(Debug, Clone)]
pub struct Row {
    pub name: String,
    /// The thread count of the table it is in, when the table's title says.
    pub threads: Option<usize>,
    pub cells: HashMap<&'static str, String>,
}

/// Reads the rows of every bench, speed and compare table in a measured file's text.
pub fn rows(text: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut threads = None;
    let mut case = "";
    let mut columns: Option<&[&'static str]> = None;
    for line in text.lines() {
        if let Some(t) = title_threads(line) {
            threads = Some(t);
            case = line.split_whitespace().next().unwrap_or("");
            continue;
        }
        // A scaling table's fit: "  parallel: serial fraction f = 0.035 fits best (...)".
        if let Some((name, rest)) = line.trim().split_once(": serial fraction f = ") {
            if let Some(f) = rest.split_whitespace().next() {
                let mut row = Row {
                    name: name.to_string(),
                    threads: None,
                    cells: HashMap::new(),
                };
                row.cells.insert("f", f.to_string());
                rows.push(row);
            }
            columns = None;
            continue;
        }
        if let Some(row) = phase_row(line, &mut columns, threads) {
            rows.extend(row);
            continue;
        }
        let cells: Vec<&str> = line
            .trim()
            .split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let Some(first) = cells.first() else {
            columns = None;
            continue;
        };
        if *first == "instructions" && line.starts_with("  ") {
            // `count`'s figure: "  instructions  1,551,231,556 in one call of the kernel".
            if let Some(count) = cells.get(1).and_then(|c| c.split_whitespace().next()) {
                let mut row = Row {
                    name: "instructions".to_string(),
                    threads,
                    cells: HashMap::new(),
                };
                row.cells.insert("count", count.to_string());
                rows.push(row);
            }
            columns = None;
            continue;
        }
        match *first {
            "kernel" if cells.get(2) == Some(&"moves") => {
                // Column names without a `/`, which a claim reads as a file's.
                columns = Some(&[
                    "name",
                    "code",
                    "moves",
                    "flop",
                    "intensity",
                    "gbps",
                    "gflops",
                    "bound",
                    "of-roof",
                ]);
                continue;
            }
            // `machine`: the bandwidth and the peak rates, on one thread and on all.
            "kernel" if cells.get(1) == Some(&"bytes/element") => {
                columns = Some(&["name", "bytes", "one", "all"]);
                continue;
            }
            "width" if cells.get(1) == Some(&"lanes") => {
                columns = Some(&["name", "lanes", "fused", "one", "all"]);
                continue;
            }
            "kernel" if cells.get(1) == Some(&"code") => {
                columns = Some(&["name", "code", "median", "best", "runs", "speed-up"]);
                continue;
            }
            "kernel" => {
                columns = Some(&["name", "goal", "speed-up", "rounds"]);
                continue;
            }
            "chapter" if cells.get(1) == Some(&"kernel") => {
                // `report`: a row is named by its case, chapter and kernel.
                columns = Some(&["chapter", "kernel", "best", "median", "runs", "speed-up"]);
                continue;
            }
            // `mpi`: the scaling table (rows named by the number of ranks, and `rayon`), or
            // the cost of a collective.
            "ranks" if cells.get(1) == Some(&"wall ms") => {
                columns = Some(&[
                    "name",
                    "wall",
                    "speed-up",
                    "efficiency",
                    "comm",
                    "balance",
                    "job",
                    "error",
                ]);
                continue;
            }
            "ranks" if cells.get(1) == Some(&"µs per call") => {
                columns = Some(&["name", "per-call", "job"]);
                continue;
            }
            "variant" => {
                columns = Some(&["name", "language", "median", "best", "runs"]);
                continue;
            }
            _ => {}
        }
        let Some(fixed) = columns else { continue };
        // The first column is padded to the longest name plus one space, so the longest name
        // runs into the next cell: split it off again.
        let mut cells = cells;
        let second: &[&str] = match fixed[1] {
            "code" => &["reference", "yours"],
            "language" => &[
                "Rust from Python",
                "Python",
                "NumPy",
                "NumExpr",
                "Numba",
                "Rust",
            ],
            _ => &[],
        };
        if let Some(tail) = second.iter().find(|t| {
            cells[0].ends_with(&format!(" {t}")) && cells.get(1).is_none_or(|c| !second.contains(c))
        }) {
            let name = cells[0][..cells[0].len() - tail.len() - 1].trim_end();
            cells.splice(0..1, [name, *tail]);
        }
        if !line.starts_with("  ") || line.starts_with("   ") || cells.len() < fixed.len() {
            continue;
        }
        let name = if fixed[0] == "chapter" {
            format!("{case} {} {}", cells[0], cells[1])
        } else {
            cells[0].to_string()
        };
        let mut row = Row {
            name,
            threads,
            cells: HashMap::new(),
        };
        for (column, cell) in fixed.iter().zip(&cells) {
            row.cells.insert(column, cell.to_string());
        }
        // The optional cells, told apart by their form.
        for cell in &cells[fixed.len()..] {
            let column = if cell.ends_with('x') && !row.cells.contains_key("speed-up") {
                "speed-up"
            } else if cell.ends_with('x') {
                "vs-numpy"
            } else if cell.contains(" met") || cell.contains("MISSED") || cell.contains("(on ") {
                "goal"
            } else if parse_duration(cell).is_some() {
                "compile"
            } else if cell.starts_with('(') {
                "note"
            } else {
                "error"
            };
            row.cells.insert(column, cell.to_string());
        }
        if fixed[1] == "language" {
            // A compare row's ratio over NumPy sits where a bench row's speed-up does.
            if let Some(v) = row.cells.remove("speed-up") {
                row.cells.insert("vs-numpy", v);
            }
        }
        rows.push(row);
    }
    rows
}

/// The column names of a `run --phases` table, set while its rows are read.
const PHASE_COLUMNS: &[&str] = &["phase"];

/// A line of a `run --phases` table: `Some(None)` for its header (which starts the table),
/// `Some(Some(row))` for a row, `None` for any other line. Its columns are separated by single
/// spaces where a value fills its width, so a row is read token by token: the calls, four
/// durations of two tokens each, the share, then the phase's name.
fn phase_row(
    line: &str,
    columns: &mut Option<&'static [&'static str]>,
    threads: Option<usize>,
) -> Option<Option<Row>> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    if line.starts_with("  ") && tokens.first() == Some(&"calls") && tokens.last() == Some(&"phase")
    {
        *columns = Some(PHASE_COLUMNS);
        return Some(None);
    }
    if *columns != Some(PHASE_COLUMNS) {
        return None;
    }
    let share = tokens.get(9).and_then(|t| t.strip_suffix('%'));
    let (Some(calls), Some(share)) = (tokens.first().filter(|t| t.parse::<u64>().is_ok()), share)
    else {
        // The line under the table ("wall time ...") ends it.
        *columns = None;
        return Some(None);
    };
    let mut row = Row {
        name: tokens[10..].join(" "),
        threads,
        cells: HashMap::new(),
    };
    row.cells.insert("calls", calls.to_string());
    row.cells.insert("own", tokens[1..3].join(" "));
    row.cells.insert("total", tokens[5..7].join(" "));
    row.cells.insert("share", share.to_string());
    Some(Some(row))
}

/// "laue on 2 threads: ..." gives 2.
fn title_threads(line: &str) -> Option<usize> {
    if line.starts_with(' ') {
        return None;
    }
    let (_, rest) = line.split_once(" on ")?;
    let count = rest.split_whitespace().next()?.parse().ok()?;
    let word = rest.split_whitespace().nth(1)?;
    word.starts_with("thread").then_some(count)
}

/// A duration as the tables print it ("812 ns", "3.41 ms", "2.24 s") in seconds.
pub fn parse_duration(text: &str) -> Option<f64> {
    let (value, unit) = text.split_once(' ')?;
    let value: f64 = value.parse().ok()?;
    let scale = match unit {
        "s" => 1.0,
        "ms" => 1e-3,
        "µs" => 1e-6,
        "ns" => 1e-9,
        _ => return None,
    };
    Some(value * scale)
}

/// A cell as a number: durations in seconds, ratios without their `x`, errors as written.
fn number(cell: &str) -> Option<f64> {
    if let Some(d) = parse_duration(cell) {
        return Some(d);
    }
    let first = cell.split_whitespace().next()?;
    first
        .trim_end_matches(['x', '%'])
        .replace(',', "")
        .parse()
        .ok()
}

/// What a `{{#figure ...}}` or a claim's operand names: a file, a row, a column, a table.
#[derive(Debug, Clone, PartialEq)]
struct Reference {
    row: String,
    column: String,
    threads: Option<usize>,
}

/// Splits `a "b c" d` into words, quotes keeping spaces.
fn words(text: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted
                .find('"')
                .ok_or_else(|| anyhow!("a quote is not closed"))?;
            out.push(quoted[..end].to_string());
            rest = quoted[end + 1..].trim_start();
        } else {
            let end = rest.find(' ').unwrap_or(rest.len());
            out.push(rest[..end].to_string());
            rest = rest[end..].trim_start();
        }
    }
    Ok(out)
}

/// The measured files, read once.
pub struct Measured<'d> {
    dir: &'d Path,
    files: HashMap<String, Vec<Row>>,
}

impl<'d> Measured<'d> {
    pub fn new(dir: &'d Path) -> Self {
        Measured {
            dir,
            files: HashMap::new(),
        }
    }

    fn rows(&mut self, file: &str) -> Result<&[Row]> {
        if !self.files.contains_key(file) {
            let path = self.dir.join(format!("{file}.txt"));
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("no measured file {}", path.display()))?;
            self.files.insert(file.to_string(), rows(&text));
        }
        Ok(&self.files[file])
    }

    /// The cell `reference` names in `file`, as printed.
    fn cell(&mut self, file: &str, r: &Reference) -> Result<String> {
        let rows = self.rows(file)?;
        let matching = |row: &&Row| {
            row.name == r.row
                && r.threads.is_none_or(|t| row.threads == Some(t))
                && row.cells.get("code").is_none_or(|c| c == "reference")
        };
        // A name can head a bench row and a scaling fit: the row with the column wins.
        let found = rows
            .iter()
            .filter(matching)
            .find(|row| row.cells.contains_key(r.column.as_str()))
            .or_else(|| rows.iter().find(matching));
        let Some(row) = found else {
            let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
            bail!(
                "{file} has no row `{}`{} (its rows: {})",
                r.row,
                r.threads
                    .map_or(String::new(), |t| format!(" on {t} threads")),
                names.join(", ")
            );
        };
        row.cells.get(r.column.as_str()).cloned().ok_or_else(|| {
            anyhow!(
                "row `{}` of {file} has no column `{}` (it has: {})",
                r.row,
                r.column,
                row.cells.keys().copied().collect::<Vec<_>>().join(", ")
            )
        })
    }

    /// The text of `{{#figure FILE ROW COLUMN [@THREADS]}}`'s inside.
    pub fn figure(&mut self, inside: &str) -> Result<String> {
        let w = words(inside)?;
        let (file, row, column, threads) = match w.as_slice() {
            [f, r, c] => (f, r, c, None),
            [f, r, c, t] => (f, r, c, Some(parse_threads(t)?)),
            _ => bail!("a figure is FILE ROW COLUMN [@THREADS], got `{inside}`"),
        };
        let cell = self.cell(
            file,
            &Reference {
                row: row.clone(),
                column: column.clone(),
                threads,
            },
        )?;
        // The table's cell, less what only a table needs ("9.4x met" is the goal 9.4x).
        Ok(match column.as_str() {
            "goal" => cell.split_whitespace().next().unwrap_or("").to_string(),
            _ => cell,
        })
    }

    /// Evaluates `FILE: A OP B`, each side `[OTHER/]ROW.COLUMN[@T] [* NUMBER]` or a number:
    /// `OTHER/` names another measured file than the claim's own. `Ok(None)` when it holds;
    /// `Ok(Some(why))` with the values when it does not.
    pub fn claim(&mut self, inside: &str) -> Result<Option<String>> {
        let (file, expr) = inside
            .split_once(':')
            .ok_or_else(|| anyhow!("a claim is `FILE: A OP B`, got `{inside}`"))?;
        let file = file.trim();
        let ops = ["<=", ">=", "<", ">"];
        let (op, at) = ops
            .iter()
            .find_map(|op| expr.find(op).map(|i| (*op, i)))
            .ok_or_else(|| anyhow!("claim `{inside}` has no <, >, <= or >="))?;
        let (lhs, rhs) = (&expr[..at], &expr[at + op.len()..]);
        let (a, a_text) = self.side(file, lhs)?;
        let (b, b_text) = self.side(file, rhs)?;
        let holds = match op {
            "<" => a < b,
            ">" => a > b,
            "<=" => a <= b,
            _ => a >= b,
        };
        Ok((!holds).then(|| format!("{a_text} {op} {b_text} is false")))
    }

    /// A side of a claim: terms joined by ` + ` and ` - ` (spaced, as row names and numbers
    /// such as `blocks-par` and `1e-9` hold a bare `-`).
    fn side(&mut self, file: &str, text: &str) -> Result<(f64, String)> {
        let mut total = 0.0;
        let mut shown = String::new();
        let mut sign = 1.0;
        let mut rest = text.trim();
        loop {
            let next = [" + ", " - "]
                .iter()
                .filter_map(|op| rest.find(op).map(|i| (i, *op)))
                .min();
            let (term, after) = match next {
                Some((i, op)) => (&rest[..i], Some((op, &rest[i + 3..]))),
                None => (rest, None),
            };
            let (value, text) = self.term(file, term)?;
            total += sign * value;
            shown.push_str(&text);
            match after {
                Some((op, tail)) => {
                    sign = if op == " + " { 1.0 } else { -1.0 };
                    shown.push_str(op);
                    rest = tail;
                }
                None => return Ok((total, shown)),
            }
        }
    }

    fn term(&mut self, file: &str, text: &str) -> Result<(f64, String)> {
        let text = text.trim();
        let (operand, factor) = match text.split_once('*') {
            Some((o, f)) => (
                o.trim(),
                f.trim()
                    .parse::<f64>()
                    .with_context(|| format!("`{f}` is not a number"))?,
            ),
            None => (text, 1.0),
        };
        if let Ok(v) = operand.parse::<f64>() {
            return Ok((v * factor, operand.to_string()));
        }
        let (name, threads) = match operand.rsplit_once('@') {
            Some((n, t)) => (n, Some(parse_threads(&format!("@{t}"))?)),
            None => (operand, None),
        };
        // `circle-bench/fast.median`: a row of another file. A file's name has no quote.
        let (file, name, prefix) = match name.split_once('/') {
            Some((other, rest)) if !other.contains('"') => (other, rest, format!("{other}/")),
            _ => (file, name, String::new()),
        };
        let (row, column) = name
            .rsplit_once('.')
            .ok_or_else(|| anyhow!("`{operand}` is not ROW.COLUMN"))?;
        let row = row.trim_matches('"').to_string();
        let cell = self.cell(
            file,
            &Reference {
                row: row.clone(),
                column: column.to_string(),
                threads,
            },
        )?;
        let value = number(&cell).ok_or_else(|| anyhow!("`{cell}` in {file} is not a number"))?;
        let shown = if factor == 1.0 {
            format!("{prefix}{row}.{column} ({cell})")
        } else {
            format!("{prefix}{row}.{column} ({cell}) * {factor}")
        };
        Ok((value * factor, shown))
    }
}

fn parse_threads(t: &str) -> Result<usize> {
    t.strip_prefix('@')
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| anyhow!("`{t}` should be @THREADS, e.g. @1"))
}

/// Replaces every `{{#figure ...}}` of a page by its number and removes every
/// `{{#claim ...}}`, in text outside code blocks.
pub fn render(markdown: &str, measured: &mut Measured) -> Result<String> {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(start) = rest.find("{{#") {
        out.push_str(&rest[..start]);
        let tail = &rest[start + 3..];
        let end = tail
            .find("}}")
            .ok_or_else(|| anyhow!("a `{{{{#` is never closed"))?;
        let inside = &tail[..end];
        if let Some(args) = inside.strip_prefix("figure ") {
            out.push_str(&measured.figure(args)?);
        } else if inside.starts_with("claim ") {
            // Checked by `reproduce` and the tests; a reader sees the sentence it backs.
        } else {
            out.push_str(&rest[start..start + 3 + end + 2]);
        }
        rest = &tail[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Every claim of the pages in `src` (a page's `{{#claim ...}}`s): (page, line, claim text).
pub fn claims(src: &Path) -> Result<Vec<(String, usize, String)>> {
    let mut found = Vec::new();
    let mut pages: Vec<_> = std::fs::read_dir(src)
        .with_context(|| format!("cannot read {}", src.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.sort();
    for page in pages {
        let text = std::fs::read_to_string(&page)?;
        let name = page
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        for (i, line) in text.lines().enumerate() {
            let mut rest = line;
            while let Some(start) = rest.find("{{#claim ") {
                let tail = &rest[start + 9..];
                let end = tail.find("}}").unwrap_or(tail.len());
                found.push((name.clone(), i + 1, tail[..end].trim().to_string()));
                rest = &tail[end..];
            }
        }
    }
    Ok(found)
}

/// Every claim that does not hold on the measured files in `measured_dir`, as
/// "PAGE:LINE: claim `...`: why".
pub fn failed_claims(src: &Path, measured_dir: &Path) -> Result<Vec<String>> {
    let mut measured = Measured::new(measured_dir);
    let mut failed = Vec::new();
    for (page, line, claim) in claims(src)? {
        match measured.claim(&claim) {
            Ok(None) => {}
            Ok(Some(why)) => failed.push(format!("{page}:{line}: claim `{claim}`: {why}")),
            Err(e) => failed.push(format!("{page}:{line}: claim `{claim}`: {e:#}")),
        }
    }
    Ok(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BENCH: &str = "$ cargo workbook bench laue --solution
# machine: somewhere
laue on 1 thread: N = 32
  kernel       code          median       best   runs  speed-up  goal                error
  naive        reference     120 ms     120 ms      8     1.00x                      0.0e0
  tables       reference    5.09 ms    5.08 ms    194    23.53x  9.4x met            7.5e-15
  speed-up and error: against the solution's naive

laue on 2 threads: N = 32
  kernel       code          median       best   runs  speed-up  goal                error
  naive        reference     118 ms     118 ms      8     1.00x                      0.0e0
  tables       reference    2.60 ms    2.58 ms    194    45.38x  9.4x met            7.5e-15
  longest-name reference    1.30 ms    1.28 ms    194    90.76x                      7.5e-15
";

    const COMPARE: &str = "square: N = 32
  variant              language             median       best  runs   vs NumPy   compile    error
  numpy                NumPy                273 ms     269 ms     4      1.00x              6e-15
  numba                Numba                239 ms     232 ms     5      1.14x    913 ms      0e0
  cores square-fast    Rust                18.6 ms    18.1 ms    41        15x              1e-14
  algorithm square-fft Rust                 138 µs     121 µs  1000      2045x              2e-14
";

    fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(format!("{name}.txt")), text).unwrap();
        }
        dir
    }

    #[test]
    fn figures_come_from_the_right_table_row_and_column() {
        let dir = dir_with(&[("laue-bench", BENCH), ("compare-square", COMPARE)]);
        let mut m = Measured::new(dir.path());
        assert_eq!(m.figure("laue-bench tables median @1").unwrap(), "5.09 ms");
        assert_eq!(m.figure("laue-bench tables median @2").unwrap(), "2.60 ms");
        assert_eq!(m.figure("laue-bench tables speed-up").unwrap(), "23.53x");
        assert_eq!(m.figure("laue-bench tables goal").unwrap(), "9.4x");
        assert_eq!(
            m.figure("laue-bench longest-name median").unwrap(),
            "1.30 ms"
        );
        assert_eq!(
            m.figure("compare-square \"cores square-fast\" median")
                .unwrap(),
            "18.6 ms"
        );
        assert_eq!(m.figure("compare-square numba compile").unwrap(), "913 ms");
        assert_eq!(
            m.figure("compare-square \"algorithm square-fft\" median")
                .unwrap(),
            "138 µs"
        );
        assert_eq!(m.figure("compare-square numba vs-numpy").unwrap(), "1.14x");
        let e = m
            .figure("laue-bench fastest median")
            .unwrap_err()
            .to_string();
        assert!(e.contains("no row `fastest`"), "{e}");
        let page = "Tables takes {{#figure laue-bench tables median @1}}.{{#claim laue-bench: tables.median < naive.median}}\n";
        assert_eq!(render(page, &mut m).unwrap(), "Tables takes 5.09 ms.\n");
    }

    #[test]
    fn phase_tables_give_a_row_per_phase_and_thread() {
        let run = "mandelbrot blocks (reference): 600 x 400
  time     20.1 ms, the median of 5 runs (best 19.8 ms; the first, cold: 21.0 ms)
  phases, largest own time first:
      calls        own   per call      total   per call  own %  phase
          1    19.5 ms    19.5 ms    19.5 ms    19.5 ms  97.0%  block on thread 0
          1 100.25 ms 100.25 ms    4.0 ms     4.0 ms  20.0%  block on thread 1
  wall time 20.1 ms; own: inside the phase but not in a phase opened inside it
";
        let dir = dir_with(&[("busy", run)]);
        let mut m = Measured::new(dir.path());
        assert_eq!(
            m.figure("busy \"block on thread 0\" own").unwrap(),
            "19.5 ms"
        );
        assert_eq!(
            m.figure("busy \"block on thread 1\" share").unwrap(),
            "20.0"
        );
        assert_eq!(
            m.claim("busy: \"block on thread 0\".own > \"block on thread 1\".total * 4")
                .unwrap(),
            None
        );
    }

    #[test]
    fn claims_hold_or_say_why_not() {
        let dir = dir_with(&[("laue-bench", BENCH), ("compare-square", COMPARE)]);
        let mut m = Measured::new(dir.path());
        assert_eq!(
            m.claim("laue-bench: tables.median@1 * 20 < naive.median@1")
                .unwrap(),
            None
        );
        let why = m
            .claim("laue-bench: tables.speed-up@1 > 30")
            .unwrap()
            .unwrap();
        assert_eq!(why, "tables.speed-up (23.53x) > 30 is false");
        assert_eq!(
            m.claim("compare-square: \"cores square-fast\".median * 5 < numba.median")
                .unwrap(),
            None
        );
        assert!(m.claim("laue-bench tables").is_err());
    }

    const COUNT: &str = "$ cargo workbook count compiler square-fused --solution
compiler square-fused (reference) on 1 thread, counted by callgrind: square crystal, N = 32
  instructions  1,551,231,556 in one call of the kernel (building its inputs is not counted)
  callgrind     target/workbook/callgrind.out.compiler-square-fused-reference
          self Ir    self   total  function
    1,345,279,915   86.7%   86.7%  __sincos_fma
";

    #[test]
    fn claims_reach_other_files_and_instruction_counts() {
        let dir = dir_with(&[
            ("laue-bench", BENCH),
            ("compare-square", COMPARE),
            ("count-fused", COUNT),
        ]);
        let mut m = Measured::new(dir.path());
        assert_eq!(
            m.figure("count-fused instructions count").unwrap(),
            "1,551,231,556"
        );
        assert_eq!(
            m.claim("count-fused: instructions.count > 1.5e9").unwrap(),
            None
        );
        assert_eq!(
            m.claim("laue-bench: tables.median@1 < compare-square/numba.median")
                .unwrap(),
            None
        );
        let why = m
            .claim("compare-square: numba.median < laue-bench/naive.median@2")
            .unwrap()
            .unwrap();
        assert_eq!(
            why,
            "numba.median (239 ms) < laue-bench/naive.median (118 ms) is false"
        );
        let e = m.claim("laue-bench: tables.median < nofile/x.median");
        assert!(e.unwrap_err().to_string().contains("no measured file"));
        assert_eq!(
            m.claim("laue-bench: naive.median@1 - tables.median@1 > tables.median@1 + 1")
                .unwrap()
                .unwrap(),
            "naive.median (120 ms) - tables.median (5.09 ms) > tables.median (5.09 ms) + 1 is false"
        );
    }

    const SCALING_AND_REPORT: &str = "$ cargo workbook report
square on 2 threads: square crystal, N = 32
  chapter      kernel                     best     median  runs  speed-up    error  what
  compiler     sincos                  36.5 ms    37.0 ms    26      4.3x    1e-14  one core
  cores        fast                    18.4 ms    18.7 ms    37      8.5x    1e-14  the best
strained on 2 threads: strained circular crystal
  chapter      kernel                     best     median  runs  speed-up    error  what
  cores        fast                    13.8 ms    14.6 ms    67     33.9x    1e-14  the best

scaling of the reference kernels (speed-up against the first thread count):
  fast: serial fraction f = 0.019 fits best (Amdahl: S(p) = 1 / (f + (1 - f) / p))
     threads     median  speed-up    Amdahl  efficiency
           1    28.8 ms     1.00x     1.00x        100%
";

    #[test]
    fn report_rows_are_named_by_case_and_fits_by_kernel() {
        let dir = dir_with(&[("report", SCALING_AND_REPORT)]);
        let mut m = Measured::new(dir.path());
        assert_eq!(
            m.figure("report \"strained cores fast\" speed-up").unwrap(),
            "33.9x"
        );
        assert_eq!(
            m.figure("report \"square cores fast\" median").unwrap(),
            "18.7 ms"
        );
        assert_eq!(m.figure("report fast f").unwrap(), "0.019");
        assert_eq!(m.claim("report: fast.f < 0.1").unwrap(), None);
    }

    #[test]
    fn mpi_scaling_rows_are_named_by_their_ranks() {
        let text = "$ cargo workbook mpi processes series-cyclic --ranks 1,2 --solution
series-cyclic on 2 ranks (reference solution), best of 3:
  rank     busy ms     comm ms    chunks
     0      488.64       0.209      3052
strong scaling of series-cyclic, chapter processes:
  ranks     wall ms  speed-up  efficiency   max comm  busy max/min   job s    error
  1          967.83     1.00x        100%      0.613          1.00    3.23    8e-16
  2          488.85     1.98x         99%      2.846          1.01    1.85    8e-16
  rayon      491.20     1.97x         99%          -             -    1.90    8e-16
  ranks  µs per call   job s
  2             1.25    0.41
";
        let dir = dir_with(&[("scaling", text)]);
        let mut m = Measured::new(dir.path());
        assert_eq!(m.figure("scaling 2 speed-up").unwrap(), "1.98x");
        assert_eq!(m.figure("scaling rayon wall").unwrap(), "491.20");
        assert_eq!(m.figure("scaling 2 balance").unwrap(), "1.01");
        assert_eq!(m.claim("scaling: 2.wall < rayon.wall * 1.1").unwrap(), None);
    }

    #[test]
    fn machine_figures_are_rows_too() {
        let text = "$ cargo workbook machine
machine: Intel(R) Xeon(R) Processor, 2 threads; caches L1d 48K
memory bandwidth, STREAM-style, arrays of 1920 MiB each (best of the runs):
  kernel      bytes/element   1 thread    all threads
  copy        16              24.4 GB/s   27.0 GB/s
  triad       24              15.6 GB/s   29.1 GB/s
peak floating-point rate, independent multiply-adds on f64:
  width       lanes  fused   1 thread        all threads
  scalar      1      no      7.2 GFLOP/s     14.5 GFLOP/s
  SSE2        2      no      15.7 GFLOP/s    32.3 GFLOP/s   <- what a default build's vectorised code uses
";
        let dir = dir_with(&[("machine", text)]);
        let mut m = Measured::new(dir.path());
        assert_eq!(m.figure("machine triad all").unwrap(), "29.1 GB/s");
        assert_eq!(m.figure("machine SSE2 one").unwrap(), "15.7 GFLOP/s");
        assert_eq!(
            m.claim("machine: SSE2.all > scalar.all * 1.5").unwrap(),
            None
        );
    }

    #[test]
    fn roofline_rows_sit_beside_the_bench_rows_of_the_same_kernel() {
        let text = "velocity on 2 threads: 250 x 400 x 150
  kernel       code          median       best   runs  speed-up  goal                error
  naive        reference     812 ms     806 ms      5     1.00x                      0.0e0
  parallel     reference    49.2 ms    48.0 ms     21    16.50x  9x met              1.2e-16
  roofline on 2 threads: the roofs are the triad's 29.1 GB/s and the SSE2 peak of 34.7 GFLOP/s
  kernel       code           moves        flop  flop/byte      GB/s   GFLOP/s  bound     of roof
  naive        reference     720 MB   330 Mflop      0.458      0.89      0.41  memory         3%
  parallel     reference     720 MB   330 Mflop      0.458     14.63      6.71  memory        50%
";
        let dir = dir_with(&[("velocity-bench", text)]);
        let mut m = Measured::new(dir.path());
        assert_eq!(m.figure("velocity-bench parallel of-roof").unwrap(), "50%");
        assert_eq!(
            m.figure("velocity-bench parallel median").unwrap(),
            "49.2 ms"
        );
        assert_eq!(m.figure("velocity-bench parallel gbps").unwrap(), "14.63");
        assert_eq!(
            m.claim("velocity-bench: parallel.of-roof > 40").unwrap(),
            None
        );
    }
}
