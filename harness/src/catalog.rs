//! The chapters of the workbook at hand, read at run time from `chapters/*/chapter.toml` in
//! book order, and how a name typed on the command line finds one of them.

use crate::data::ChapterData;
use crate::files;
use anyhow::{Context, Result, bail};

/// Every chapter, in book order. A data file that does not parse is an error that names it:
/// it is the workbook's, not the learner's.
pub fn all() -> Result<Vec<ChapterData>> {
    let dir = files::root().join("chapters");
    let mut chapters = Vec::new();
    let entries =
        std::fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))?;
    for entry in entries {
        let path = entry?.path().join("chapter.toml");
        if !path.is_file() {
            continue;
        }
        let shown = files::shown(&path);
        let text =
            std::fs::read_to_string(&path).with_context(|| format!("cannot read {shown}"))?;
        let data = ChapterData::parse(&text, &shown)?;
        let folder = path
            .parent()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if folder != data.folder() {
            bail!(
                "{shown} says chapter {} `{}`, so its folder must be chapters/{}",
                data.number,
                data.name,
                data.folder()
            );
        }
        chapters.push(data);
    }
    chapters.sort_by_key(|c| c.number);
    for pair in chapters.windows(2) {
        if pair[0].number == pair[1].number {
            bail!(
                "chapters {} and {} share the number {}",
                pair[0].name,
                pair[1].name,
                pair[0].number
            );
        }
    }
    Ok(chapters)
}

/// The chapter a learner means by `typed`: its name in any case, its number (`1`, `01`), or
/// its folder (`01_laue`); else an error that suggests the nearest name.
pub fn find(typed: &str) -> Result<ChapterData> {
    let chapters = all()?;
    resolve(&chapters, typed).cloned()
}

pub fn resolve<'c>(chapters: &'c [ChapterData], typed: &str) -> Result<&'c ChapterData> {
    let wanted = typed.trim().to_lowercase();
    let by_number = wanted.parse::<u32>().ok();
    if let Some(c) = chapters
        .iter()
        .find(|c| c.name == wanted || c.folder() == wanted || Some(c.number) == by_number)
    {
        return Ok(c);
    }
    let names: Vec<&str> = chapters.iter().map(|c| c.name.as_str()).collect();
    match nearest(&wanted, &names) {
        Some(best) => bail!(
            "unknown chapter `{typed}`: did you mean `{best}`? (chapters: {})",
            names.join(", ")
        ),
        None => bail!("unknown chapter `{typed}` (chapters: {})", names.join(", ")),
    }
}

/// `: did you mean `NAME`?` when a candidate is near `typed` (compared in lower case), else
/// nothing: the middle of an "unknown name" message.
pub fn did_you_mean(typed: &str, candidates: &[&str]) -> String {
    match nearest(&typed.trim().to_lowercase(), candidates) {
        Some(best) => format!(": did you mean `{best}`?"),
        None => String::new(),
    }
}

/// The candidate closest to `typed` when it is close enough to be a typo or a prefix.
pub fn nearest<'a>(typed: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if typed.len() >= 3
        && let Some(c) = candidates.iter().find(|c| c.starts_with(typed))
    {
        return Some(c);
    }
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(typed, c), *c))
        // Close, and not a whole rewrite: `m` is no typo of `n`.
        .filter(|(d, c)| *d <= 2.max(c.len() / 3) && *d < c.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_name() {
        let names = ["laue", "timing", "heat", "strained"];
        assert_eq!(nearest("lau", &names), Some("laue"));
        assert_eq!(nearest("luae", &names), Some("laue"));
        assert_eq!(nearest("strain", &names), Some("strained"));
        assert_eq!(nearest("zzzzzz", &names), None);
        assert_eq!(nearest("m", &["n", "frames"]), None);
        assert_eq!(nearest("frmes", &["n", "frames"]), Some("frames"));
        assert_eq!(did_you_mean("Heat", &names), ": did you mean `heat`?");
        assert_eq!(did_you_mean("zzzzzz", &names), "");
    }
}
