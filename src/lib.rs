//! The workbook: its chapters, each tying an exercise crate and its reference solution to the
//! tools of the `workbook-harness` crate. The tools' modules are re-exported here, so that a
//! chapter module reads `crate::chapter::Chapter` and the tests `workbook::book::build()`.

pub use harness::{
    book, chapter, check, cli, files, flame, guard, heap, measure, npy, orbits, output, phases,
    picture, registry, report, reproduce, scaling,
};

pub mod chapters;

/// Hands every chapter to the harness; the binaries call this first.
pub fn register_chapters() {
    registry::set(chapters::all());
}
