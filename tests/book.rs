//! The book and the code agree: every link, every included file and every anchor resolves,
//! every chapter's page links to its exercise and its solution, and the book builds with its
//! formulas as MathML.

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn pages() -> Vec<PathBuf> {
    let mut pages = Vec::new();
    let mut dirs = vec![root().join("book/src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                pages.push(path);
            }
        }
    }
    pages.sort();
    pages
}

/// Markdown link targets `](target)` in a page, outside code blocks.
fn links(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut in_fence = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        let mut rest = line;
        while let Some(i) = rest.find("](") {
            let after = &rest[i + 2..];
            let Some(end) = after.find(')') else { break };
            found.push(after[..end].trim().to_string());
            rest = &after[end..];
        }
    }
    found
}

#[test]
fn every_link_in_the_book_resolves() {
    let mut broken = Vec::new();
    for page in pages() {
        let text = std::fs::read_to_string(&page).unwrap();
        for link in links(&text) {
            if link.starts_with("http://")
                || link.starts_with("https://")
                || link.starts_with('#')
                || link.starts_with("mailto:")
            {
                continue;
            }
            let file = link.split('#').next().unwrap();
            let target = page.parent().unwrap().join(file);
            if !target.exists() {
                broken.push(format!(
                    "{}: {link}",
                    page.strip_prefix(root()).unwrap().display()
                ));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn every_include_resolves_to_a_file_and_anchor() {
    let mut broken = Vec::new();
    for page in pages() {
        let text = std::fs::read_to_string(&page).unwrap();
        for piece in text.split("{{#include ").skip(1) {
            let Some(spec) = piece.split("}}").next() else {
                continue;
            };
            let spec = spec.trim();
            // `file:anchor`, or `file:START:END` line ranges.
            let mut parts = spec.splitn(2, ':');
            let file = parts.next().unwrap();
            let anchor = parts.next();
            let target = page.parent().unwrap().join(file);
            let shown = format!("{}: {spec}", page.strip_prefix(root()).unwrap().display());
            let Ok(source) = std::fs::read_to_string(&target) else {
                broken.push(format!("{shown} (no such file)"));
                continue;
            };
            if let Some(anchor) =
                anchor.filter(|a| !a.chars().next().unwrap_or('0').is_ascii_digit())
            {
                let start = format!("ANCHOR: {anchor}");
                let end = format!("ANCHOR_END: {anchor}");
                if !source.lines().any(|l| l.trim_end().ends_with(&start)) || !source.contains(&end)
                {
                    broken.push(format!("{shown} (no anchor `{anchor}`)"));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken includes:\n{}", broken.join("\n"));
}

#[test]
fn every_chapter_page_links_its_exercise_and_solution() {
    for chapter in harness::catalog::all().unwrap() {
        let page = root().join("book/src").join(&chapter.page);
        let text = std::fs::read_to_string(&page)
            .unwrap_or_else(|_| panic!("chapter {}: no page {}", chapter.name, page.display()));
        let targets = links(&text);
        for dir in [chapter.exercise_dir(), chapter.solution_dir()] {
            let wanted = format!("../../{dir}/");
            assert!(
                targets.iter().any(|l| l.starts_with(&wanted)),
                "chapter {}: its page links to nothing under {dir}/",
                chapter.name
            );
        }
    }
}

#[test]
fn the_book_builds_with_math_rendered() {
    let index = built_book();
    let out = index.parent().unwrap();
    for chapter in harness::catalog::all().unwrap() {
        let html = std::fs::read_to_string(out.join(chapter.page.replace(".md", ".html")))
            .unwrap_or_else(|_| panic!("chapter {}: no page in the built book", chapter.name));
        assert!(
            html.contains("<math"),
            "chapter {}: no rendered formula",
            chapter.name
        );
        assert!(
            !html.contains("$$"),
            "chapter {}: a display formula was left as TeX",
            chapter.name
        );
        assert!(
            !html.contains("{{#include"),
            "chapter {}: an include was not expanded",
            chapter.name
        );
    }
}

#[test]
fn the_book_numbers_each_chapter_as_the_tools_do() {
    let index = built_book();
    let out = index.parent().unwrap();
    // mdBook writes the table of contents into a script; each entry is "<strong>N.</strong> Title".
    let toc = std::fs::read_dir(out)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name().is_some_and(|n| {
                n.to_string_lossy().starts_with("toc") && n.to_string_lossy().ends_with(".js")
            })
        })
        .map(|p| std::fs::read_to_string(p).unwrap())
        .expect("the book has a table of contents");
    // mdBook numbers the chapters by their place in SUMMARY.md. Where the numbers have a gap
    // (a chapter on a branch not merged yet: 17 before 16), the chapters after it are numbered
    // one less in the book than by the tools until the missing one arrives; every chapter
    // before a gap must be numbered as the tools do.
    let mut gap = false;
    for (place, chapter) in harness::catalog::all().unwrap().iter().enumerate() {
        gap |= chapter.number as usize != place + 1;
        let title = chapter.title.replace('\'', "&#39;");
        let entry = format!(
            "<strong aria-hidden=\"true\">{}.</strong> {title}",
            place + 1
        );
        assert!(
            toc.contains(&entry),
            "the book does not number chapter {} `{}` as {}",
            chapter.name,
            chapter.title,
            place + 1
        );
        assert!(
            gap || chapter.number as usize == place + 1,
            "chapter {} is number {} but the book's {}",
            chapter.name,
            chapter.number,
            place + 1
        );
    }
}

/// The book, built once for every test here (two builds at once would race in one folder).
fn built_book() -> PathBuf {
    static BUILT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BUILT
        .get_or_init(|| harness::book::build().expect("the book builds"))
        .clone()
}

#[test]
fn every_claim_holds_on_the_measured_files() {
    let failed = harness::figures::failed_claims(
        &root().join("book/src"),
        &root().join("book/src/measured"),
    )
    .unwrap();
    assert!(
        failed.is_empty(),
        "claims that do not hold:\n{}",
        failed.join("\n")
    );
}

/// Quantities a page may type by hand because nobody measured them: what a test or a formula
/// sets, not what a machine gave. (page, the text as typed, why).
const NOT_MEASURED: &[(&str, &str, &str)] = &[
    (
        "02_timing.md",
        "20 ms",
        "what the scope-timer test sleeps, and asserts at least",
    ),
    (
        "02_timing.md",
        "50 ms",
        "a made-up stall, to say what a median resists",
    ),
    (
        "03_heat.md",
        "90 %",
        "an example of how sampling works, not a measurement",
    ),
    (
        "10_cores.md",
        "80 %",
        "Amdahl's example: a share of a program, not a measurement",
    ),
];

/// A number with a unit of time, speed-up or rate at `text[i..]`: its length.
fn quantity_at(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if !bytes[i].is_ascii_digit()
        || (i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.'))
    {
        return None;
    }
    let mut j = i;
    while j < bytes.len() && (bytes[j].is_ascii_digit() || bytes[j] == b'.' || bytes[j] == b',') {
        j += 1;
    }
    let after = text[j..].strip_prefix(' ').unwrap_or(&text[j..]);
    let skipped = text.len() - j - after.len();
    for unit in ["GFLOP/s", "GB/s", "ms", "µs", "ns", "s", "x", "×", "%"] {
        if let Some(rest) = after.strip_prefix(unit) {
            let next = rest.chars().next();
            // "32 x 32" is a size, not a speed-up.
            let size = unit == "x" && rest.trim_start().starts_with(|c: char| c.is_ascii_digit());
            if !size && next.is_none_or(|c| !c.is_alphanumeric()) {
                return Some(j - i + skipped + unit.len());
            }
        }
    }
    None
}

#[test]
fn no_page_types_a_measured_quantity_by_hand() {
    // A page refers to a measured number with {{#figure ...}}; a number it quotes from the
    // course says so in its paragraph ("seed 00N"); code, included files and quotes are exempt.
    let mut typed = Vec::new();
    for page in pages() {
        let name = page.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&page).unwrap();
        let mut in_fence = false;
        for paragraph in text.split("\n\n") {
            let quotes_the_course = paragraph.contains("seed 00");
            for line in paragraph.lines() {
                if line.trim_start().starts_with("```") {
                    in_fence = !in_fence;
                    continue;
                }
                let display_math = line.trim_start().starts_with("$$");
                if in_fence
                    || display_math
                    || line.trim_start().starts_with('>')
                    || quotes_the_course
                {
                    continue;
                }
                // Outside code spans and directives: both are blanked out.
                let chars: Vec<char> = line.chars().collect();
                let mut plain = String::new();
                let (mut code, mut directive, mut math) = (false, false, false);
                let mut k = 0;
                while k < chars.len() {
                    let pair = (chars[k], chars.get(k + 1).copied());
                    if !code && pair == ('{', Some('{')) {
                        directive = true;
                    }
                    if !directive && chars[k] == '`' {
                        code = !code;
                    }
                    if !code && !directive && chars[k] == '$' {
                        math = !math;
                    }
                    let hidden = code || directive || math || chars[k] == '`' || chars[k] == '$';
                    plain.push(if hidden { ' ' } else { chars[k] });
                    if directive && pair == ('}', Some('}')) {
                        plain.push(' ');
                        k += 1;
                        directive = false;
                    }
                    k += 1;
                }
                let mut i = 0;
                while i < plain.len() {
                    if !plain.is_char_boundary(i) {
                        i += 1;
                        continue;
                    }
                    if let Some(len) = quantity_at(&plain, i) {
                        let q = plain[i..i + len].to_string();
                        let allowed = NOT_MEASURED.iter().any(|(p, t, _)| *p == name && *t == q);
                        if !allowed {
                            typed.push(format!("{name}: `{q}` in: {}", line.trim()));
                        }
                        i += len;
                    } else {
                        i += 1;
                    }
                }
            }
        }
    }
    assert!(
        typed.is_empty(),
        "measured quantities typed by hand (use {{{{#figure FILE ROW COLUMN}}}}, or cite the seed):\n{}",
        typed.join("\n")
    );
}
