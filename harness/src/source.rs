//! Finding a function in Rust source text, for `hint` and `reset`: a small scanner that skips
//! comments, strings and character literals, matches braces, and knows which `impl` or `trait`
//! a function belongs to. It reads the exercises' files, not every Rust program: no macros
//! that define functions, and a function is found by its name (`axis`) or its type and name
//! (`FibCache::get`).

use std::ops::Range;

/// One `fn` item with a body.
#[derive(Debug, Clone, PartialEq)]
pub struct FnItem {
    pub name: String,
    /// The type of the `impl` (or the `trait`) the function is in: `ScopeTimer` for
    /// `impl<F> Drop for ScopeTimer<F> { fn drop(..) }`.
    pub owner: Option<String>,
    /// The whole item: its doc comments and attributes, `pub fn NAME(...) ... { ... }`.
    pub span: Range<usize>,
    /// The body, braces included.
    pub body: Range<usize>,
}

impl FnItem {
    /// `Owner::name`, or `name` for a free function.
    pub fn qualified(&self) -> String {
        match &self.owner {
            Some(owner) => format!("{owner}::{}", self.name),
            None => self.name.clone(),
        }
    }

    /// Whether the body still holds a `todo!()` (outside comments and strings).
    pub fn has_todo(&self, src: &str) -> bool {
        let toks = tokens(&src[self.body.clone()]);
        toks.windows(2).any(|w| {
            w[0].is_ident(&src[self.body.clone()], "todo")
                && w[1].kind == Kind::Punct(b'!')
                && w[1].start == w[0].end
        })
    }
}

/// The functions with a body in `src`, in the order they appear; functions nested in other
/// functions' bodies are not listed.
pub fn functions(src: &str) -> Vec<FnItem> {
    let toks = tokens(src);
    let mut out = Vec::new();
    walk(src, &toks, 0, toks.len(), None, &mut out);
    out
}

/// The function a stub names: `Type::name` is the method `name` of `Type`; a bare `name` is
/// the free function of that name, else the one method of that name.
pub fn find<'i>(items: &'i [FnItem], stub: &str) -> Option<&'i FnItem> {
    match stub.rsplit_once("::") {
        Some((owner, name)) => {
            let owner = owner.rsplit("::").next().unwrap_or(owner);
            items
                .iter()
                .find(|f| f.name == name && f.owner.as_deref() == Some(owner))
        }
        None => items
            .iter()
            .find(|f| f.name == stub && f.owner.is_none())
            .or_else(|| {
                let mut methods = items.iter().filter(|f| f.name == stub);
                let first = methods.next();
                first.filter(|_| methods.next().is_none())
            }),
    }
}

/// Why a function could not be put back.
#[derive(Debug, PartialEq)]
pub enum Missing {
    /// The original file has no such function.
    InOriginal,
    /// The current file has no such function (renamed, deleted, or braces that do not match).
    InCurrent,
}

/// `current` with the function `stub` replaced by the one in `original`; `Ok(None)` when both
/// are already the same text.
pub fn replace_fn(current: &str, original: &str, stub: &str) -> Result<Option<String>, Missing> {
    let originals = functions(original);
    let theirs = find(&originals, stub).ok_or(Missing::InOriginal)?;
    let ours = functions(current);
    let mine = find(&ours, stub).ok_or(Missing::InCurrent)?;
    let wanted = &original[theirs.span.clone()];
    if &current[mine.span.clone()] == wanted {
        return Ok(None);
    }
    let mut text = String::with_capacity(current.len() + wanted.len());
    text.push_str(&current[..mine.span.start]);
    text.push_str(wanted);
    text.push_str(&current[mine.span.end..]);
    Ok(Some(text))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Word,
    Punct(u8),
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
}

impl Tok {
    fn is_ident(&self, src: &str, word: &str) -> bool {
        self.kind == Kind::Word && &src[self.start..self.end] == word
    }
    fn is(&self, c: u8) -> bool {
        self.kind == Kind::Punct(c)
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Words and punctuation, without whitespace, comments, strings, characters and lifetimes.
fn tokens(src: &str) -> Vec<Tok> {
    let b = src.as_bytes();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            i = skip_block_comment(b, i);
        } else if c == b'"' {
            i = skip_string(b, i);
        } else if c == b'\'' {
            i = skip_quote(src, i);
        } else if is_word_byte(c) {
            let start = i;
            while i < b.len() && is_word_byte(b[i]) {
                i += 1;
            }
            let word = &src[start..i];
            if matches!(word, "r" | "br" | "cr")
                && let Some(end) = skip_raw_string(b, i)
            {
                i = end;
                continue;
            }
            toks.push(Tok {
                kind: Kind::Word,
                start,
                end: i,
            });
        } else {
            toks.push(Tok {
                kind: Kind::Punct(c),
                start: i,
                end: i + 1,
            });
            i += 1;
        }
    }
    toks
}

/// Past a `/* ... */` comment, nested ones included.
fn skip_block_comment(b: &[u8], mut i: usize) -> usize {
    let mut depth = 0;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            depth += 1;
            i += 2;
        } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    i
}

/// Past a `"..."` string, escapes included.
fn skip_string(b: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

/// Past `#*"..."#*` after an `r`, or `None` when this is no raw string (`r#ident`).
fn skip_raw_string(b: &[u8], mut i: usize) -> Option<usize> {
    let mut hashes = 0;
    while b.get(i) == Some(&b'#') {
        hashes += 1;
        i += 1;
    }
    if b.get(i) != Some(&b'"') {
        return None;
    }
    i += 1;
    while i < b.len() {
        if b[i] == b'"'
            && b[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&h| h == b'#')
                .count()
                == hashes
        {
            return Some(i + 1 + hashes);
        }
        i += 1;
    }
    Some(i)
}

/// Past a character literal (`'a'`, `'\n'`, `'{'`) or a lifetime (`'a`).
fn skip_quote(src: &str, i: usize) -> usize {
    let b = src.as_bytes();
    if b.get(i + 1) == Some(&b'\\') {
        // An escape: the closing quote comes after the escaped character.
        let mut j = i + 3;
        while j < b.len() && b[j] != b'\'' {
            j += 1;
        }
        return j + 1;
    }
    let len = src[i + 1..].chars().next().map_or(0, char::len_utf8);
    if len > 0 && b.get(i + 1 + len) == Some(&b'\'') {
        return i + 2 + len;
    }
    // A lifetime or a label: the quote and the word after it.
    let mut j = i + 1;
    while j < b.len() && is_word_byte(b[j]) {
        j += 1;
    }
    j
}

/// The index of the `}` that closes the `{` at `open`, or `None` when it is not closed.
fn closing(toks: &[Tok], open: usize, end: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (j, t) in toks.iter().enumerate().take(end).skip(open) {
        if t.is(b'{') {
            depth += 1;
        } else if t.is(b'}') {
            depth -= 1;
            if depth == 0 {
                return Some(j);
            }
        }
    }
    None
}

fn walk(
    src: &str,
    toks: &[Tok],
    mut i: usize,
    end: usize,
    owner: Option<&str>,
    out: &mut Vec<FnItem>,
) {
    while i < end {
        let t = toks[i];
        if t.is_ident(src, "impl") || t.is_ident(src, "trait") {
            let Some((mut name, open)) = header(src, toks, i, end) else {
                i += 1;
                continue;
            };
            // `trait Name: Super {` is Name's.
            if t.is_ident(src, "trait")
                && let Some(n) = toks.get(i + 1).filter(|n| n.kind == Kind::Word)
            {
                name = src[n.start..n.end].to_string();
            }
            let Some(close) = closing(toks, open, end) else {
                return;
            };
            walk(src, toks, open + 1, close, Some(&name), out);
            i = close + 1;
        } else if t.is_ident(src, "fn")
            && let Some(name) = toks.get(i + 1).filter(|n| n.kind == Kind::Word)
        {
            let Some(open) = body_start(toks, i + 2, end) else {
                return;
            };
            if !toks[open].is(b'{') {
                // A declaration without a body (in a trait).
                i = open + 1;
                continue;
            }
            let Some(close) = closing(toks, open, end) else {
                return;
            };
            out.push(FnItem {
                name: src[name.start..name.end].to_string(),
                owner: owner.map(str::to_string),
                span: item_start(src, toks, i)..toks[close].end,
                body: toks[open].start..toks[close].end,
            });
            i = close + 1;
        } else {
            i += 1;
        }
    }
}

/// The `{` or `;` that ends a function's signature (outside parentheses and brackets).
fn body_start(toks: &[Tok], from: usize, end: usize) -> Option<usize> {
    let mut depth = 0i32;
    for (j, t) in toks.iter().enumerate().take(end).skip(from) {
        match t.kind {
            Kind::Punct(b'(' | b'[') => depth += 1,
            Kind::Punct(b')' | b']') => depth -= 1,
            Kind::Punct(b'{' | b';') if depth == 0 => return Some(j),
            _ => {}
        }
    }
    None
}

/// For `impl<..> Trait for Type<..> where .. {` or `trait Name {`: the type's name and the
/// index of the `{`.
fn header(src: &str, toks: &[Tok], at: usize, end: usize) -> Option<(String, usize)> {
    let mut angle = 0i32;
    let mut name: Option<&str> = None;
    let mut in_where = false;
    for j in at + 1..end {
        let t = toks[j];
        match t.kind {
            Kind::Punct(b'<') => angle += 1,
            // `->` inside the generics (`F: Fn() -> T`) closes nothing.
            Kind::Punct(b'>') if !(j > 0 && toks[j - 1].is(b'-') && toks[j - 1].end == t.start) => {
                angle -= 1
            }
            Kind::Punct(b'{') if angle <= 0 => return name.map(|n| (n.to_string(), j)),
            Kind::Punct(b';') if angle <= 0 => return None,
            Kind::Word if angle <= 0 && !in_where => {
                let word = &src[t.start..t.end];
                match word {
                    "where" => in_where = true,
                    "for" => name = None,
                    "dyn" | "unsafe" | "mut" | "const" => {}
                    _ => name = Some(word),
                }
            }
            _ => {}
        }
    }
    None
}

/// Where a function item starts: its qualifiers (`pub(crate) const unsafe`), then the doc
/// comments and attributes on the lines just above it.
fn item_start(src: &str, toks: &[Tok], fn_at: usize) -> usize {
    const QUALIFIERS: [&str; 6] = ["pub", "const", "async", "unsafe", "extern", "default"];
    let mut s = fn_at;
    loop {
        if s > 0 && QUALIFIERS.iter().any(|q| toks[s - 1].is_ident(src, q)) {
            s -= 1;
            continue;
        }
        // `pub(crate)`, `pub(in path)`.
        if s > 0 && toks[s - 1].is(b')') {
            let mut k = s - 1;
            while k > 0 && !toks[k].is(b'(') {
                k -= 1;
            }
            if k > 0 && toks[k - 1].is_ident(src, "pub") {
                s = k - 1;
                continue;
            }
        }
        break;
    }
    let first = toks[s].start;
    let line_start = src[..first].rfind('\n').map_or(0, |n| n + 1);
    if !src[line_start..first].trim().is_empty() {
        return first;
    }
    // Whole lines of `///` and `#[...]` just above.
    let mut start = line_start;
    while start > 0 {
        let prev_start = src[..start - 1].rfind('\n').map_or(0, |n| n + 1);
        let line = src[prev_start..start - 1].trim();
        let attached = line.starts_with("///")
            || (line.starts_with("#[") && line.ends_with(']'))
            || (line.starts_with("/**") && line.ends_with("*/"));
        if !attached {
            break;
        }
        start = prev_start;
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r##"//! A module.

/// Sample points.
///
/// With a `{` in the doc.
#[inline(never)]
pub fn axis(center: f64, n: usize) -> Vec<f64> {
    let open = "{ not a brace \" still a string {";
    let raw = r#"}"#;
    let c = '{';
    let escaped = '\'';
    /* a } in a /* nested */ comment */
    // and a } in a line comment
    todo!("build the axis {}", open)
}

pub struct ScopeTimer<F: FnMut(&str, Duration)> {
    report: F,
}

impl<'a, F: FnMut(&str, Duration) -> ()> ScopeTimer<F> {
    /// Starts.
    pub fn new(label: &'a str, report: F) -> Self {
        if true { todo!() } else { loop {} }
    }
}

impl<F: FnMut(&str, Duration)> Drop for ScopeTimer<F> {
    fn drop(&mut self) {
        (self.report)("x", Duration::ZERO)
    }
}

pub(crate) fn helper(x: [u8; 4]) -> impl Fn(u8) -> u8 {
    fn inner() {}
    move |y| y + x[0]
}

impl FibCache {
    pub fn new() -> Self {
        Self { known: vec![0, 1] }
    }
}
"##;

    #[test]
    fn finds_functions_and_their_types() {
        let items = functions(SRC);
        let names: Vec<String> = items.iter().map(FnItem::qualified).collect();
        assert_eq!(
            names,
            [
                "axis",
                "ScopeTimer::new",
                "ScopeTimer::drop",
                "helper",
                "FibCache::new"
            ]
        );
        let axis = &items[0];
        assert!(SRC[axis.span.clone()].starts_with("/// Sample points."));
        assert!(SRC[axis.span.clone()].ends_with("todo!(\"build the axis {}\", open)\n}"));
        assert!(axis.has_todo(SRC));
        assert!(items[1].has_todo(SRC));
        assert!(!items[2].has_todo(SRC));
        assert!(SRC[items[3].span.clone()].starts_with("pub(crate) fn helper"));
        // A bare name is the free function, else the one method of that name.
        assert_eq!(find(&items, "axis").unwrap().name, "axis");
        assert_eq!(
            find(&items, "drop").unwrap().owner.as_deref(),
            Some("ScopeTimer")
        );
        assert!(find(&items, "new").is_none(), "two methods are called new");
        assert_eq!(
            find(&items, "FibCache::new").unwrap().owner.as_deref(),
            Some("FibCache")
        );
        assert!(find(&items, "inner").is_none());
    }

    #[test]
    fn replaces_one_function_and_keeps_the_rest() {
        let solved = SRC
            .replace(
                "    if true { todo!() } else { loop {} }\n",
                "    // my { own } version\n    Self { label: label.into(), report }\n",
            )
            .replace("//! A module.", "//! My notes.");
        let back = replace_fn(&solved, SRC, "ScopeTimer::new")
            .unwrap()
            .unwrap();
        assert_eq!(back, SRC.replace("//! A module.", "//! My notes."));
        // Nothing to do when the function is already the original.
        assert_eq!(replace_fn(&back, SRC, "ScopeTimer::new"), Ok(None));
        assert_eq!(replace_fn(&back, SRC, "axis"), Ok(None));
        assert_eq!(replace_fn(&back, SRC, "nowhere"), Err(Missing::InOriginal));
        let renamed = back.replace("fn axis(", "fn my_axis(");
        assert_eq!(replace_fn(&renamed, SRC, "axis"), Err(Missing::InCurrent));
        // A learner's doc comment and attributes go back too.
        let edited = SRC.replace("/// Sample points.", "/// My axis.\n#[allow(unused)]");
        assert_eq!(replace_fn(&edited, SRC, "axis").unwrap().unwrap(), SRC);
    }
}
