//! Chapter 12's runner: the harmonic series without the digit 9, from one core to all of them,
//! and then to the right algorithm.

use harness::chapter::{Case, Chapter, Cost, Job, Values};
use harness::output::Output;
use harness::yours;
use std::ops::RangeInclusive;

struct Series;

/// Exponents d of the partial sums S(10^d) that the `limits` kernel returns (u128 reaches 10^38).
const LIMIT_EXPONENTS: RangeInclusive<u32> = 1..=38;

/// The job that sums the first `n` terms with `f`.
fn scalar(n: u64, f: fn(u64) -> f64) -> Job {
    Box::new(move || Output::Scalar(f(n)))
}

/// [`scalar`] for the kernels that take n as a u128.
fn wide(n: u64, f: fn(u128) -> f64) -> Job {
    Box::new(move || Output::Scalar(f(n as u128)))
}

/// S(10^d) for every d of [`LIMIT_EXPONENTS`] with `grouped`, then `limit()`.
fn limits(grouped: fn(u128) -> f64, limit: fn() -> f64) -> Job {
    Box::new(move || {
        let mut sums: Vec<f64> = LIMIT_EXPONENTS.map(|d| grouped(10_u128.pow(d))).collect();
        sums.push(limit());
        Output::Values(sums)
    })
}

impl Chapter for Series {
    fn bytes_needed(&self, values: &Values) -> u128 {
        // `chunked` and `pairwise` keep one f64 per chunk of CHUNK numbers (`blocks-par` one per
        // 2^14 hundreds, fewer), and `pairwise` buffers the terms of one chunk; the rest is a few
        // small tables. (`grouped` needs none of it, but the check is for the largest kernel.)
        let chunk = series_solution::CHUNK as u128;
        (values.get("n") as u128 / chunk + 1) * 8 + chunk * 8 + (1 << 20)
    }

    fn cases(&self, values: &Values) -> anyhow::Result<Vec<Case>> {
        let n = values.get("n");
        let sums = Case::new(
            "",
            format!(
                "n = {n}: the sum of 1/k over k = 1..=n without a digit 9 (the limit is 22.92067661926415...)"
            ),
        )
        // For the roofline: one division and one addition per term kept (the digit test is
        // integer work, which a flop count does not see); the result is one number.
        .costs(Cost {
            bytes: 8.0,
            flops: 2.0 * without_nine(n) as f64,
        })
        // Grouped sums whole blocks of terms at once: a count per k would not describe it.
        .uncounted("grouped")
        .exercise(
            "digits",
            yours!(scalar(n, series::slow_digits)),
            scalar(n, series_solution::slow_digits),
        )
        .exercise(
            "string",
            yours!(scalar(n, series::slow_string)),
            scalar(n, series_solution::slow_string),
        )
        .exercise(
            "kahan",
            yours!(scalar(n, series::slow_kahan)),
            scalar(n, series_solution::slow_kahan),
        )
        .exercise(
            "pairwise",
            yours!(scalar(n, series::slow_pairwise)),
            scalar(n, series_solution::slow_pairwise),
        )
        .exercise(
            "parallel",
            yours!(scalar(n, series::slow_parallel)),
            scalar(n, series_solution::slow_parallel),
        )
        .exercise(
            "chunked",
            yours!(scalar(n, series::slow_chunked)),
            scalar(n, series_solution::slow_chunked),
        )
        .exercise(
            "blocks",
            yours!(scalar(n, series::slow_blocks)),
            scalar(n, series_solution::slow_blocks),
        )
        .exercise(
            "blocks-par",
            yours!(scalar(n, series::slow_blocks_parallel)),
            scalar(n, series_solution::slow_blocks_parallel),
        )
        .exercise(
            "grouped",
            yours!(wide(n, series::slow_grouped)),
            wide(n, series_solution::slow_grouped),
        );
        let limits = Case::new(
            "limits",
            format!(
                "S(10^d) for d = 1..={}, then the limit (n plays no part)",
                LIMIT_EXPONENTS.end()
            ),
        )
        .exercise(
            "limits",
            yours!(limits(series::slow_grouped, series::slow_limit)),
            limits(series_solution::slow_grouped, series_solution::slow_limit),
        );
        Ok(vec![sums, limits])
    }
}

/// How many of 1..=n have no digit 9: read n's digits from the top; a smaller digit at a
/// place (d choices, none of them 9) leaves 9 choices at every place below it.
fn without_nine(n: u64) -> u64 {
    let digits: Vec<u64> = n.to_string().bytes().map(|b| u64::from(b - b'0')).collect();
    let mut count = 0;
    for (i, &d) in digits.iter().enumerate() {
        count += d * 9u64.pow((digits.len() - i - 1) as u32);
        if d == 9 {
            // n and everything above this prefix hold a 9; 0 is not counted.
            return count - 1;
        }
    }
    // n itself has no 9 (+1), and 0 is not a term (-1).
    count
}

fn main() {
    harness::runner::main(include_str!("../chapter.toml"), &Series);
}

#[cfg(test)]
mod tests {
    use super::without_nine;

    #[test]
    fn terms_without_a_nine_are_counted_as_by_hand() {
        let by_hand = |n: u64| (1..=n).filter(|k| !k.to_string().contains('9')).count() as u64;
        for n in [1, 8, 9, 10, 19, 89, 90, 99, 100, 999, 1000, 12_345] {
            assert_eq!(without_nine(n), by_hand(n), "n = {n}");
        }
        assert_eq!(without_nine(100_000_000), 9u64.pow(8));
    }
}
