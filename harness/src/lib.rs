//! The workbook's tools. Two kinds of binary use them:
//! - the launcher, `cargo workbook` ([`launcher`]), which depends on no chapter: it reads the
//!   chapters' data files ([`data`], [`catalog`]) at run time, runs their tests, builds the
//!   book, and hands every command that runs kernels to the chapter's runner ([`launch`]);
//! - one runner per chapter (`chapters/NN_name/`, [`runner`]): the chapter's code
//!   ([`chapter::Chapter`]) with its exercise and its solution, and the commands that run,
//!   time, profile and picture its kernels ([`commands`]).
//!
//! So an exercise that does not compile breaks only its own chapter, and an edit to one
//! recompiles that exercise and its small runner, never these tools.

pub mod alloc;
pub mod book;
pub mod callgrind;
pub mod catalog;
pub mod chapter;
pub mod check;
pub mod cli;
pub mod commands;
pub mod data;
pub mod disasm;
pub mod figures;
pub mod files;
pub mod flame;
pub mod guard;
pub mod heap;
pub mod launch;
pub mod launcher;
pub mod machine;
pub mod measure;
pub mod mpi;
pub mod npy;
pub mod output;
pub mod phases;
pub mod picture;
pub mod progress;
pub mod provenance;
pub mod python;
pub mod roofline;
pub mod runner;
pub mod scaling;
pub mod source;
pub mod testing;
pub mod threads;

/// Every workbook binary allocates through this: the system's allocator until `heap` switches
/// it to dhat's.
#[global_allocator]
static ALLOCATOR: alloc::Switch = alloc::Switch;
