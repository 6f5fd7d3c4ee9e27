//! The chapters, in book order.

use crate::chapter::Chapter;
use anyhow::{Result, bail};

pub mod circle;
pub mod crystal;
pub mod laue;
pub mod square;
pub mod strained;

/// Every chapter with an exercise crate, in the order of the book.
pub fn all() -> Vec<&'static dyn Chapter> {
    vec![
        &laue::Laue,
        &circle::Circle,
        &strained::Strained,
        &square::Square,
    ]
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
