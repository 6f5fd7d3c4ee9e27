//! The chapters, in book order.

use crate::chapter::Chapter;

pub mod circle;
pub mod cosine;
pub mod crystal;
pub mod heat;
pub mod laue;
pub mod memory;
pub mod nbody;
pub mod series;
pub mod square;
pub mod strained;
pub mod timing;

/// Every chapter with an exercise crate, in the order of the book.
pub fn all() -> Vec<&'static dyn Chapter> {
    vec![
        &laue::Laue,
        &timing::Timing,
        &heat::Heat,
        &memory::Memory,
        &nbody::NBody,
        &circle::Circle,
        &strained::Strained,
        &square::Square,
        &series::Series,
        &cosine::Cosine,
    ]
}
