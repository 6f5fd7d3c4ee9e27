//! The cosine chapter: the series of cos(k)/k, a cosine per term against a rotation, on one
//! core and on all of them.

use crate::chapter::{Chapter, Job, Kernel, Measurement, Param, Values, Workload};
use crate::output::Output;
use anyhow::Result;

pub struct Cosine;

const PARAMS: &[Param] = &[
    Param {
        name: "n",
        default: 100_000_000,
        quick: 1000,
        // k is turned into an f64: beyond 2^53 consecutive k are no longer distinct.
        max: 1 << 53,
        help: "number of terms: the sum runs over k = 1..=n",
    },
    Param {
        name: "resync",
        default: 4096,
        quick: 64,
        max: 1 << 53,
        help: "terms between exact re-synchronisations of the `rotation` and `three-term` kernels",
    },
];

fn scalar(n: u64, f: fn(u64) -> f64) -> Job {
    Box::new(move || Output::Scalar(f(n)))
}

fn rotation(n: u64, resync: u64, f: fn(u64, u64) -> f64) -> Job {
    Box::new(move || Output::Scalar(f(n, resync)))
}

impl Chapter for Cosine {
    fn slug(&self) -> &'static str {
        "cosine"
    }
    fn title(&self) -> &'static str {
        "The cosine series: a rotation instead of a cosine"
    }
    fn page(&self) -> &'static str {
        "cosine.md"
    }
    fn crate_name(&self) -> &'static str {
        "cosine"
    }
    fn params(&self) -> &'static [Param] {
        PARAMS
    }
    fn bytes_needed(&self, values: &Values) -> u128 {
        // `parallel` keeps one f64 per chunk of RESYNC terms, `pairwise` a buffer of 2^20
        // terms; nothing else grows with n.
        (values.get("n") as u128 / cosine_solution::RESYNC as u128 + 1) * 8 + (9 << 20)
    }
    fn measurements(&self) -> &'static [Measurement] {
        &[
            Measurement {
                file: "cosine-bench.txt",
                args: &["bench", "cosine", "--solution"],
            },
            Measurement {
                file: "cosine-resync-64.txt",
                args: &[
                    "run",
                    "cosine",
                    "rotation",
                    "--solution",
                    "--param",
                    "resync=64",
                ],
            },
            Measurement {
                file: "cosine-resync-1m.txt",
                args: &[
                    "run",
                    "cosine",
                    "rotation",
                    "--solution",
                    "--param",
                    "resync=1000000",
                ],
            },
            Measurement {
                file: "cosine-resync-never.txt",
                args: &[
                    "run",
                    "cosine",
                    "rotation",
                    "--solution",
                    "--param",
                    "resync=100000000",
                ],
            },
            Measurement {
                file: "cosine-three-term-never.txt",
                args: &[
                    "run",
                    "cosine",
                    "three-term",
                    "--solution",
                    "--param",
                    "resync=100000000",
                ],
            },
            Measurement {
                file: "cosine-scaling.txt",
                args: &[
                    "bench",
                    "cosine",
                    "--solution",
                    "--kernel",
                    "libm-par,parallel,three-par",
                    "--threads",
                    "1,2,4,8,16",
                    "--plot",
                    "book/src/measured/cosine-scaling.svg",
                ],
            },
        ]
    }
    fn workload(&self, values: &Values) -> Result<Workload> {
        let (n, resync) = (values.get("n"), values.get("resync"));
        let limit = cosine_solution::cos_limit();
        Ok(Workload {
            summary: format!(
                "n = {n}: the sum of cos(k)/k over k = 1..=n (the limit is -ln(2 sin(1/2)) = {limit:.15})"
            ),
            kernels: vec![
                Kernel::exercise(
                    "libm",
                    "one call to cos per term, added in order",
                    "cos_libm",
                    scalar(n, cosine::cos_libm),
                    scalar(n, cosine_solution::cos_libm),
                ),
                Kernel::reference_only(
                    "kahan",
                    "the libm terms with compensated (Kahan) summation",
                    scalar(n, cosine_solution::cos_kahan),
                ),
                Kernel::reference_only(
                    "pairwise",
                    "the libm terms summed pairwise, 2^20 at a time",
                    scalar(n, cosine_solution::cos_pairwise),
                ),
                Kernel::exercise(
                    "libm-par",
                    "one call to cos per term, rayon map and sum",
                    "cos_libm_parallel",
                    scalar(n, cosine::cos_libm_parallel),
                    scalar(n, cosine_solution::cos_libm_parallel),
                ),
                Kernel::exercise(
                    "rotation",
                    "one complex multiply per term, exact again every `resync` terms",
                    "cos_rotation",
                    rotation(n, resync, cosine::cos_rotation),
                    rotation(n, resync, cosine_solution::cos_rotation),
                ),
                Kernel::exercise(
                    "parallel",
                    "the rotation over fixed chunks of RESYNC terms, in parallel",
                    "cos_parallel",
                    scalar(n, cosine::cos_parallel),
                    scalar(n, cosine_solution::cos_parallel),
                ),
                Kernel::reference_only(
                    "three-term",
                    "cos(k + 8) = 2 cos 8 cos k - cos(k - 8) in 8 lanes, exact every `resync`",
                    rotation(n, resync, cosine_solution::cos_three_term),
                ),
                Kernel::reference_only(
                    "three-par",
                    "the three-term recurrence over fixed chunks of RESYNC terms, in parallel",
                    scalar(n, cosine_solution::cos_three_term_parallel),
                ),
            ],
        })
    }
}
