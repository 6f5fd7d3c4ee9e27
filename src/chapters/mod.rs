//! The chapters, in book order.

use crate::chapter::Chapter;
use anyhow::{Result, bail};

pub mod cosine;
pub mod heat;
pub mod laue;
pub mod memory;
pub mod nbody;
pub mod series;
pub mod timing;

/// Every chapter with an exercise crate, in the order of the book.
pub fn all() -> Vec<&'static dyn Chapter> {
    vec![
        &laue::Laue,
        &timing::Timing,
        &heat::Heat,
        &memory::Memory,
        &nbody::NBody,
        &series::Series,
        &cosine::Cosine,
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
