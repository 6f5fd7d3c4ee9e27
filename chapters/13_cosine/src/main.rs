//! Chapter 13's runner: the series of cos(k)/k, a cosine per term against a rotation, on one
//! core and on all of them.

use harness::chapter::{Case, Chapter, Cost, Job, Values};
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
            // For the roofline, per term: libm's cosine (half an exponential, see
            // harness::roofline), a division and an addition; Kahan's sum adds 3 more; the
            // rotation is a complex multiply (6) instead of the cosine, the three-term
            // recurrence a multiply and a subtraction.
            .costs(per_term(n, 27.0))
            .cost("kahan", per_term(n, 30.0))
            .cost("rotation", per_term(n, 8.0))
            .cost("parallel", per_term(n, 8.0))
            .cost("three-term", per_term(n, 4.0))
            .cost("three-par", per_term(n, 4.0))
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

/// `flops` operations per term over n terms, one number out.
fn per_term(n: u64, flops: f64) -> Cost {
    Cost {
        bytes: 8.0,
        flops: flops * n as f64,
    }
}

fn main() {
    harness::runner::main(include_str!("../chapter.toml"), &Cosine);
}
