//! Chapter 13's runner: the series of cos(k)/k, a cosine per term against a rotation, on one
//! core and on all of them.

use harness::chapter::{Case, Chapter, Job, Values};
use harness::output::Output;
use harness::yours;

struct Cosine;

/// The job that sums the first `n` terms with `f`.
fn scalar(n: u64, f: fn(u64) -> f64) -> Job {
    Box::new(move || Output::Scalar(f(n)))
}

/// The job of a kernel that re-synchronises every `resync` terms.
fn rotation(n: u64, resync: u64, f: fn(u64, u64) -> f64) -> Job {
    Box::new(move || Output::Scalar(f(n, resync)))
}

impl Chapter for Cosine {
    fn bytes_needed(&self, values: &Values) -> u128 {
        // `parallel` keeps one f64 per chunk of RESYNC terms, `pairwise` a buffer of 2^20
        // terms; nothing else grows with n.
        (values.get("n") as u128 / cosine_solution::RESYNC as u128 + 1) * 8 + (9 << 20)
    }

    fn cases(&self, values: &Values) -> anyhow::Result<Vec<Case>> {
        let (n, resync) = (values.get("n"), values.get("resync"));
        let limit = cosine_solution::cos_limit();
        Ok(vec![
            Case::new(
                "",
                format!(
                    "n = {n}: the sum of cos(k)/k over k = 1..=n (the limit is -ln(2 sin(1/2)) = {limit:.15})"
                ),
            )
            .exercise(
                "libm",
                yours!(scalar(n, cosine::cos_libm)),
                scalar(n, cosine_solution::cos_libm),
            )
            .reference("kahan", scalar(n, cosine_solution::cos_kahan))
            .reference("pairwise", scalar(n, cosine_solution::cos_pairwise))
            .exercise(
                "libm-par",
                yours!(scalar(n, cosine::cos_libm_parallel)),
                scalar(n, cosine_solution::cos_libm_parallel),
            )
            .exercise(
                "rotation",
                yours!(rotation(n, resync, cosine::cos_rotation)),
                rotation(n, resync, cosine_solution::cos_rotation),
            )
            .exercise(
                "parallel",
                yours!(scalar(n, cosine::cos_parallel)),
                scalar(n, cosine_solution::cos_parallel),
            )
            .reference(
                "three-term",
                rotation(n, resync, cosine_solution::cos_three_term),
            )
            .reference(
                "three-par",
                scalar(n, cosine_solution::cos_three_term_parallel),
            ),
        ])
    }
}

fn main() {
    harness::runner::main(include_str!("../chapter.toml"), &Cosine);
}
