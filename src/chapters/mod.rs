//! The chapters, in book order.

use crate::chapter::Chapter;

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
