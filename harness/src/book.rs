//! Building the book with mdbook-driver, and rendering its formulas to MathML at build time so
//! that they show without a network (MathJax would load from a CDN).
//!
//! In the book's Markdown, `$...$` is inline math and `$$...$$` is display math; `\$` is a
//! dollar sign. Code blocks and code spans are left alone. `{{#figure ...}}` and
//! `{{#claim ...}}` are the measured numbers and the checked claims of [`crate::figures`].

use anyhow::{Context, Result, anyhow, bail};
use mdbook_driver::MDBook;
use mdbook_driver::book::{Book, BookItem};
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use pulldown_latex::{Parser, RenderConfig, Storage, config::DisplayMode, push_mathml};
use std::path::PathBuf;

/// The book's folder in the workspace.
pub fn book_dir() -> PathBuf {
    crate::files::root().join("book")
}

/// Builds the book; returns the path of its index.html.
pub fn build() -> Result<PathBuf> {
    let dir = book_dir();
    let mut book = MDBook::load(&dir)
        .map_err(|e| anyhow!("cannot load the book in {}: {e:#}", dir.display()))?;
    book.with_preprocessor(MathPreprocessor);
    book.build()
        .map_err(|e| anyhow!("cannot build the book: {e:#}"))?;
    let index = book.build_dir_for("html").join("index.html");
    Ok(index.canonicalize().unwrap_or(index))
}

/// The preprocessor that puts the measured numbers in the prose ([`crate::figures`]) and turns
/// `$...$` into MathML.
pub struct MathPreprocessor;

impl Preprocessor for MathPreprocessor {
    fn name(&self) -> &str {
        "workbook-math"
    }

    fn run(
        &self,
        _ctx: &PreprocessorContext,
        mut book: Book,
    ) -> mdbook_preprocessor::errors::Result<Book> {
        let mut failure = None;
        let measured_dir = book_dir().join("src").join("measured");
        let mut measured = crate::figures::Measured::new(&measured_dir);
        book.for_each_mut(|item| {
            if let BookItem::Chapter(ch) = item {
                let rendered = crate::figures::render(&ch.content, &mut measured)
                    .and_then(|text| render_math(&text));
                match rendered {
                    Ok(text) => ch.content = text,
                    Err(e) => {
                        failure.get_or_insert_with(|| anyhow!("{}: {e}", ch.name));
                    }
                }
            }
        });
        match failure {
            Some(e) => Err(e),
            None => Ok(book),
        }
    }
}

/// Replaces the math in one Markdown page by MathML.
pub fn render_math(markdown: &str) -> Result<String> {
    let mut out = String::with_capacity(markdown.len() * 2);
    let mut in_fence = false;
    let mut pending: Option<String> = None; // display math spanning lines
    for line in markdown.split_inclusive('\n') {
        if pending.is_none()
            && (line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~"))
        {
            in_fence = !in_fence;
            out.push_str(line);
            continue;
        }
        if in_fence {
            out.push_str(line);
            continue;
        }
        if let Some(mut tex) = pending.take() {
            match line.find("$$") {
                Some(end) => {
                    tex.push_str(&line[..end]);
                    out.push_str(&display(&tex)?);
                    out.push_str(&inline_pass(&line[end + 2..])?);
                }
                None => {
                    tex.push_str(line);
                    pending = Some(tex);
                }
            }
            continue;
        }
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("$$") {
            match rest.find("$$") {
                Some(end) => {
                    out.push_str(&display(&rest[..end])?);
                    out.push_str(&inline_pass(&rest[end + 2..])?);
                }
                None => pending = Some(rest.to_string()),
            }
            continue;
        }
        out.push_str(&inline_pass(line)?);
    }
    if pending.is_some() {
        bail!("a `$$` display formula is never closed");
    }
    Ok(out)
}

/// Inline math within one line, skipping code spans.
fn inline_pass(line: &str) -> Result<String> {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find(['`', '$', '\\']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(after) = tail.strip_prefix("\\$") {
            out.push('$');
            rest = after;
        } else if let Some(after) = tail.strip_prefix('\\') {
            out.push('\\');
            rest = after;
        } else if tail.starts_with('`') {
            let ticks = tail.len() - tail.trim_start_matches('`').len();
            let fence = &tail[..ticks];
            match tail[ticks..].find(fence) {
                Some(end) => {
                    out.push_str(&tail[..ticks + end + ticks]);
                    rest = &tail[ticks + end + ticks..];
                }
                None => {
                    out.push_str(tail);
                    rest = "";
                }
            }
        } else {
            let body = &tail[1..];
            let Some(end) = body.find('$') else {
                bail!("an inline `$` formula is never closed in: {}", line.trim());
            };
            out.push_str(&mathml(&body[..end], DisplayMode::Inline)?);
            rest = &body[end + 1..];
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// A display formula as its own HTML block (blank lines around it end any paragraph).
fn display(tex: &str) -> Result<String> {
    Ok(format!(
        "\n<div class=\"math-display\">{}</div>\n\n",
        mathml(tex, DisplayMode::Block)?
    ))
}

fn mathml(tex: &str, mode: DisplayMode) -> Result<String> {
    let storage = Storage::new();
    let parser = Parser::new(tex.trim(), &storage);
    let config = RenderConfig {
        display_mode: mode,
        annotation: Some(tex.trim()),
        ..RenderConfig::default()
    };
    let mut html = String::new();
    push_mathml(&mut html, parser, config).context("cannot render a formula")?;
    if html.contains("merror") || html.contains("color: rgb(178, 34, 34)") {
        bail!("cannot render the formula `{}`", tex.trim());
    }
    Ok(markdown_safe(&html))
}

/// Markdown would read `*`, `_`, `[` and friends in the text between tags as formatting, so
/// they become character references there; tags are kept as they are.
fn markdown_safe(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ => {}
        }
        match c {
            '*' | '_' | '[' | ']' | '\\' | '`' | '|' | '~' if !in_tag => {
                out.push_str(&format!("&#{};", c as u32));
            }
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_and_display_math_become_mathml() {
        let page = "The sum $\\sum_n x_n$ is small.\n\n$$\nI = |A|^2\n$$\n\nDone.\n";
        let html = render_math(page).unwrap();
        assert!(
            html.contains("<math") && html.contains("display=\"block\""),
            "{html}"
        );
        assert!(!html.contains('$'), "{html}");
        assert!(html.contains("Done."));
    }

    #[test]
    fn code_is_left_alone() {
        let page = "Run `echo $HOME` here.\n\n```sh\n$ cargo run\n```\n";
        assert_eq!(render_math(page).unwrap(), page);
    }

    #[test]
    fn escaped_dollar_and_errors() {
        assert_eq!(render_math("costs \\$5\n").unwrap(), "costs $5\n");
        assert!(render_math("an open $x formula\n").is_err());
        assert!(render_math("$$\nx\n").is_err());
    }

    #[test]
    fn markdown_characters_inside_formulas_are_escaped() {
        let html = render_math("$a_1 * b$\n").unwrap();
        assert!(!html.split('<').any(|piece| {
            piece
                .split_once('>')
                .is_some_and(|(_, text)| text.contains('*'))
        }));
    }
}
