//! One module per command: the runner's (`run`, `bench`, `flamegraph`, `heap`, `count`,
//! `asm`, `lines`, `speed`) and the launcher's (`status`, `hint`, `reset`, `watch`, `reproduce`, `report`,
//! `compare`, `mpi`, `sweep`; `check` and `book` have their own modules).

pub mod asm;
pub mod bench;
pub mod compare;
pub mod count;
pub mod flamegraph;
pub mod heap;
pub mod hint;
pub mod lines;
pub mod machine;
pub mod mpi;
pub mod report;
pub mod reproduce;
pub mod reset;
pub mod roofline;
pub mod run;
pub mod speed;
pub mod status;
pub mod sweep;
pub mod watch;
