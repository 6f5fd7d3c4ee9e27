//! The workbook's harness: the chapters' descriptions and the tools that run, time, profile and
//! check the learner's code against the reference solutions. The `workbook` command line
//! (src/main.rs) is a thin layer over [`cli`].

pub mod book;
pub mod chapter;
pub mod chapters;
pub mod check;
pub mod cli;
pub mod files;
pub mod flame;
pub mod guard;
pub mod heap;
pub mod measure;
pub mod npy;
pub mod output;
pub mod picture;
pub mod report;
pub mod reproduce;
pub mod scaling;
