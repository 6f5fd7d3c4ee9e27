//! Chapter 19's runner: the strained and the square crystal's direct sums on the GPU next to
//! chapter 10's best CPU kernel on every core, which is each case's baseline and reference.
//!
//! Everything the device needs before it computes (opening it, compiling the shader, uploading
//! the cells and the axes) is done once, here, before any kernel is timed; what it costs is
//! measured apart and said in the case's summary, with the device's name.

use harness::chapter::{Case, Chapter, Values};

struct Gpu;

#[cfg(not(feature = "gpu"))]
impl Chapter for Gpu {
    fn bytes_needed(&self, _values: &Values) -> u128 {
        0
    }

    fn cases(&self, _values: &Values) -> anyhow::Result<Vec<Case>> {
        anyhow::bail!(
            "chapter gpu's runner was built without the gpu feature: `cargo workbook run gpu ...` builds it with it (by hand: cargo run -p gpu-chapter --features gpu)"
        )
    }
}

#[cfg(feature = "gpu")]
mod kernels;

#[cfg(feature = "gpu")]
impl Chapter for Gpu {
    fn bytes_needed(&self, values: &Values) -> u128 {
        kernels::bytes_needed(values)
    }

    fn cases(&self, values: &Values) -> anyhow::Result<Vec<Case>> {
        kernels::cases(values)
    }
}

fn main() {
    harness::runner::main(include_str!("../chapter.toml"), &Gpu);
}
