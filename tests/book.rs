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
    for chapter in harness::catalog::all().unwrap() {
        let title = chapter.title.replace('\'', "&#39;");
        let entry = format!(
            "<strong aria-hidden=\"true\">{}.</strong> {title}",
            chapter.number
        );
        assert!(
            toc.contains(&entry),
            "the book does not number chapter {} `{}` as {}",
            chapter.name,
            chapter.title,
            chapter.number
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
