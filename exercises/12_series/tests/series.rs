// The series chapter tests. They are written once, here, and run against the exercise crate
// (`cargo test` in exercises/12_series) and against the reference solution
// (solutions/12_series/tests includes this file with `use series_solution as series;`). The
// sizes are small: these tests run unoptimised.

use series::{
    CHUNK, Kahan, count_nine_free, has_nine, kahan_sum, pairwise_sum, slow_blocks,
    slow_blocks_parallel, slow_chunked, slow_digits, slow_grouped, slow_kahan, slow_limit,
    slow_pairwise, slow_parallel, slow_string,
};

/// The limit of the series, from Schmelzer and Baillie (2008).
// (Published to more digits: 22.92067661926415034816.)
const LIMIT: f64 = 22.920_676_619_264_15;

/// A reference written independently of every variant: the text test, and the sum kept as an
/// unevaluated pair hi + lo (double-double), with each term 1/k split the same way. Its error
/// is around 1e-30, far below anything the tests compare.
fn careful(n: u64) -> f64 {
    let (mut hi, mut lo) = (0.0_f64, 0.0_f64);
    for k in 1..=n {
        if k.to_string().contains('9') {
            continue;
        }
        let q = 1.0 / k as f64;
        let r = (-q).mul_add(k as f64, 1.0) / k as f64; // 1/k = q + r, nearly exactly
        let s = hi + q;
        let bb = s - hi;
        let err = (hi - (s - bb)) + (q - bb); // what the addition lost (Knuth's two-sum)
        hi = s;
        lo += err + r;
    }
    hi + lo
}

fn relative(reference: f64, x: f64) -> f64 {
    (reference - x).abs() / reference.abs()
}

/// A direct sum of up to 10^5 terms in order of k has a rounding error of at most ~1e-13.
const DIRECT: f64 = 1e-12;
/// The grouped sum's promise.
const GROUPED: f64 = 1e-13;

#[test]
fn has_nine_finds_the_digit_anywhere() {
    for k in [9, 19, 90, 99, 909, 1_234_567_890, 9_000_000_000_000_000_000] {
        assert!(has_nine(k), "{k} contains a 9");
    }
    for k in [0, 1, 8, 10, 88, 808, 1_234_567_880, u64::MAX - 4] {
        // u64::MAX - 4 = 18446744073709551611 does contain a 9: check it against the text.
        assert_eq!(has_nine(k), k.to_string().contains('9'), "k = {k}");
    }
    for k in 0..20_000 {
        assert_eq!(has_nine(k), k.to_string().contains('9'), "k = {k}");
    }
}

#[test]
fn small_sums_are_exact_fractions() {
    // 1 + 1/2 + ... + 1/8 = 761/280; 9 is skipped; 1/10 adds 28/280.
    let (s8, s10) = (761.0 / 280.0, 789.0 / 280.0);
    assert!(relative(s8, slow_digits(8)) < 1e-15, "n = 8");
    assert_eq!(slow_digits(9), slow_digits(8), "k = 9 contributes nothing");
    assert!(relative(s10, slow_digits(10)) < 1e-15, "n = 10");
    assert!(relative(s8, slow_string(8)) < 1e-15, "string, n = 8");
    assert!(relative(s10, slow_string(10)) < 1e-15, "string, n = 10");
    assert!(relative(s8, slow_grouped(8)) < 1e-15, "grouped, n = 8");
    assert!(relative(s8, slow_grouped(9)) < 1e-15, "grouped, n = 9");
    assert!(relative(s10, slow_grouped(10)) < 1e-15, "grouped, n = 10");
}

#[test]
fn the_empty_sum_is_zero() {
    assert_eq!(slow_string(0), 0.0);
    assert_eq!(slow_digits(0), 0.0);
    assert_eq!(slow_kahan(0), 0.0);
    assert_eq!(slow_pairwise(0), 0.0);
    assert_eq!(slow_parallel(0), 0.0);
    assert_eq!(slow_chunked(0), 0.0);
    assert_eq!(slow_blocks(0), 0.0);
    assert_eq!(slow_blocks_parallel(0), 0.0);
    assert_eq!(slow_grouped(0), 0.0);
    assert_eq!(count_nine_free(0), 0);
}

#[test]
fn string_and_digits_agree_bit_for_bit() {
    // Same terms, same order: the same rounding.
    for n in [1, 99, 100, 1000, 10_000] {
        assert_eq!(slow_string(n), slow_digits(n), "n = {n}");
    }
}

#[test]
fn direct_variants_match_the_careful_sum() {
    for n in [
        1, 8, 9, 10, 89, 99, 100, 101, 199, 200, 1000, 12_345, 100_000,
    ] {
        let reference = careful(n);
        let variants = [
            ("digits", slow_digits(n)),
            ("kahan", slow_kahan(n)),
            ("pairwise", slow_pairwise(n)),
            ("parallel", slow_parallel(n)),
            ("chunked", slow_chunked(n)),
            ("blocks", slow_blocks(n)),
            ("blocks_parallel", slow_blocks_parallel(n)),
        ];
        for (name, value) in variants {
            let err = relative(reference, value);
            assert!(err < DIRECT, "{name}, n = {n}: error {err:e}");
        }
    }
}

#[test]
fn grouped_matches_the_careful_sum() {
    for n in [
        1, 7, 8, 9, 10, 11, 88, 89, 90, 100, 888, 1000, 12_345, 80_000, 100_000,
    ] {
        let err = relative(careful(n), slow_grouped(n as u128));
        assert!(err < GROUPED, "n = {n}: error {err:e}");
    }
}

#[test]
fn kahan_and_pairwise_are_within_a_few_units_in_the_last_place() {
    // At 10^5 terms the compensated sum is within a few units in the last place.
    let n = 100_000;
    let err = relative(careful(n), slow_kahan(n));
    assert!(err < 4.0 * f64::EPSILON, "kahan error {err:e}");
    let err = relative(careful(n), slow_pairwise(n));
    assert!(err < 16.0 * f64::EPSILON, "pairwise error {err:e}");
}

#[test]
fn chunked_sums_are_the_same_on_any_number_of_threads() {
    // Three chunks and a bit, so every thread count splits the work differently.
    let n = 3 * CHUNK + 12_345;
    let on = |threads: usize, f: fn(u64) -> f64| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool")
            .install(|| f(n))
    };
    // What the chunks mean: each summed in order of k, the sums added in order.
    let mut in_order = 0.0;
    let mut first = 1;
    while first <= n {
        let last = n.min(first + CHUNK - 1);
        in_order += (first..=last)
            .filter(|k| !k.to_string().contains('9'))
            .map(|k| 1.0 / k as f64)
            .sum::<f64>();
        first = last + 1;
    }
    for threads in [1, 2, 3] {
        assert_eq!(
            on(threads, slow_chunked),
            in_order,
            "chunked, {threads} threads"
        );
    }
    let one = on(1, slow_blocks_parallel);
    for threads in [2, 3] {
        assert_eq!(
            on(threads, slow_blocks_parallel),
            one,
            "blocks_parallel, {threads} threads"
        );
    }
    let err = relative(in_order, one);
    assert!(err < DIRECT, "blocks_parallel against chunked: {err:e}");
}

#[test]
fn nine_free_counts_below_powers_of_ten() {
    // Each of d digits takes one of 9 values (0..=8): 9^d strings, minus the all-zero one.
    for d in 1..=38_u32 {
        let n = 10_u128.pow(d) - 1;
        assert_eq!(count_nine_free(n), 9_u128.pow(d) - 1, "below 10^{d}");
    }
}

#[test]
fn nine_free_counts_match_brute_force() {
    let mut count = 0;
    for n in 1..5_000_u64 {
        if !n.to_string().contains('9') {
            count += 1;
        }
        assert_eq!(count_nine_free(n as u128), count, "n = {n}");
    }
    // The largest n of the type: u128::MAX contains a 9, so it adds nothing.
    assert_eq!(count_nine_free(u128::MAX), count_nine_free(u128::MAX - 1));
}

#[test]
fn grouped_sums_climb_towards_the_limit() {
    let limit = slow_limit();
    assert!(relative(LIMIT, limit) < 1e-14, "limit {limit}");
    let mut previous = 0.0;
    for d in 1..=38_u32 {
        let s = slow_grouped(10_u128.pow(d));
        assert!(s > previous && s < limit, "S(10^{d}) = {s}");
        previous = s;
    }
    let top = slow_grouped(u128::MAX);
    assert!(top >= previous && top < limit, "S(u128::MAX) = {top}");
}

#[test]
fn kahan_keeps_what_a_plain_sum_drops() {
    // 1 + 10^4 times 1e-16: a plain running sum never moves from 1.0.
    let mut terms = vec![1.0];
    terms.extend(std::iter::repeat_n(1e-16, 10_000));
    let exact = 1.0 + 1e-12;
    assert_eq!(
        terms.iter().sum::<f64>(),
        1.0,
        "the plain sum loses every small term"
    );
    assert!(relative(exact, kahan_sum(&terms)) < 1e-15);
    // Neumaier's variant also survives a term larger than the sum so far.
    assert_eq!(kahan_sum(&[1.0, 1e100, 1.0, -1e100]), 2.0);
    let mut acc = Kahan::default();
    for x in [0.1; 10] {
        acc.add(x);
    }
    assert_eq!(acc.value(), 1.0);
    assert_eq!(kahan_sum(&[]), 0.0);
}

#[test]
fn pairwise_is_accurate_on_many_equal_terms() {
    // 0.1 is not exact in binary; a running sum of 2^20 copies drifts, halving does not.
    let terms = vec![0.1; 1 << 20];
    let exact = 0.1 * (1 << 20) as f64;
    let plain = terms.iter().sum::<f64>();
    let pairwise = pairwise_sum(&terms);
    assert!(relative(exact, pairwise) < 1e-15, "pairwise {pairwise}");
    assert!(
        relative(exact, plain) > 1e-13,
        "the plain sum drifts: {plain}"
    );
    assert_eq!(pairwise_sum(&[]), 0.0);
    assert_eq!(pairwise_sum(&[2.5]), 2.5);
}
