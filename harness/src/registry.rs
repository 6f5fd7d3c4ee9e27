//! The chapters the command line knows, handed over once at start-up by the binary that owns
//! them (`workbook`, `workbook-heap`).

use crate::chapter::Chapter;
use anyhow::{Result, bail};
use std::sync::OnceLock;

static CHAPTERS: OnceLock<Vec<&'static dyn Chapter>> = OnceLock::new();

/// Registers the chapters, in book order. Later calls are ignored.
pub fn set(chapters: Vec<&'static dyn Chapter>) {
    let _ = CHAPTERS.set(chapters);
}

/// Every registered chapter, in book order (none before [`set`]).
pub fn all() -> Vec<&'static dyn Chapter> {
    CHAPTERS.get().cloned().unwrap_or_default()
}

/// The chapter called `slug`, or a one-line error that lists the known ones.
pub fn find(slug: &str) -> Result<&'static dyn Chapter> {
    let chapters = all();
    match chapters.iter().find(|c| c.slug() == slug) {
        Some(c) => Ok(*c),
        None => bail!(
            "unknown chapter `{slug}` (chapters: {})",
            chapters
                .iter()
                .map(|c| c.slug())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
