//! The workbook's tools: the description of a chapter ([`chapter::Chapter`]) and everything
//! that runs, times, profiles, checks and pictures the chapters' kernels, with the `workbook`
//! command line ([`cli`]).
//!
//! This crate depends on no exercise or solution: the chapters live in the root `workbook`
//! crate, which hands them over with [`registry::set`] at start-up. So a learner's edit to an
//! exercise recompiles the exercise and the small chapter registry, never these tools.

pub mod book;
pub mod chapter;
pub mod check;
pub mod cli;
pub mod files;
pub mod flame;
pub mod guard;
pub mod heap;
pub mod measure;
pub mod npy;
pub mod orbits;
pub mod output;
pub mod phases;
pub mod picture;
pub mod registry;
pub mod report;
pub mod reproduce;
pub mod scaling;
