// The series chapter tests. They are written once, here, and run against the exercise crate
// (`cargo test` in exercises/12_series) and against the reference solution
// (solutions/12_series/tests includes this file with `use series_solution as series;`). The
// sizes are small: these tests run unoptimised. Each test calls one of your functions, and its
// name starts with that function's name: `slow_digits_...` passes once `slow_digits` is right,
// whatever `slow_grouped` does.

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

/// The plain sum of the terms in order of k, one running f64: what `slow_string` and
/// `slow_digits` compute, to the bit.
fn in_order(first: u64, last: u64) -> f64 {
    let mut sum = 0.0;
    for k in first..=last {
        if !k.to_string().contains('9') {
            sum += 1.0 / k as f64;
        }
    }
    sum
}

fn relative(reference: f64, x: f64) -> f64 {
    (reference - x).abs() / reference.abs()
}

/// A direct sum of up to 10^5 terms in order of k has a rounding error of at most ~1e-13.
const DIRECT: f64 = 1e-12;
/// The grouped sum's promise.
const GROUPED: f64 = 1e-13;

/// The sizes the direct sums are checked at, with the careful sum at each, computed once for
/// all the tests of this file.
fn careful_sums() -> &'static [(u64, f64)] {
    static SUMS: std::sync::OnceLock<Vec<(u64, f64)>> = std::sync::OnceLock::new();
    SUMS.get_or_init(|| {
        [
            1, 7, 8, 9, 10, 11, 88, 89, 90, 99, 100, 101, 199, 200, 888, 1000, 12_345, 80_000,
            100_000,
        ]
        .into_iter()
        .map(|n| (n, careful(n)))
        .collect()
    })
}

/// `sum` is 0 for n = 0, and within [`DIRECT`] of the careful sum at every size.
fn matches_the_careful_sum(sum: fn(u64) -> f64) {
    assert_eq!(sum(0), 0.0, "the empty sum is 0");
    for &(n, reference) in careful_sums() {
        let err = relative(reference, sum(n));
        assert!(err < DIRECT, "n = {n}: error {err:e}");
    }
}

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

// 1 + 1/2 + ... + 1/8 = 761/280; 9 is skipped; 1/10 adds 28/280.
const S8: f64 = 761.0 / 280.0;
const S10: f64 = 789.0 / 280.0;

#[test]
fn slow_string_small_sums_are_exact_fractions() {
    assert!(relative(S8, slow_string(8)) < 1e-15, "n = 8");
    assert_eq!(slow_string(9), slow_string(8), "k = 9 contributes nothing");
    assert!(relative(S10, slow_string(10)) < 1e-15, "n = 10");
    assert_eq!(slow_string(0), 0.0, "the empty sum is 0");
}

#[test]
fn slow_string_adds_the_terms_in_order_of_k() {
    // Same terms, same order: the same rounding, bit for bit.
    for n in [1, 99, 100, 1000, 10_000] {
        assert_eq!(slow_string(n), in_order(1, n), "n = {n}");
    }
}

#[test]
fn slow_digits_small_sums_are_exact_fractions() {
    assert!(relative(S8, slow_digits(8)) < 1e-15, "n = 8");
    assert_eq!(slow_digits(9), slow_digits(8), "k = 9 contributes nothing");
    assert!(relative(S10, slow_digits(10)) < 1e-15, "n = 10");
}

#[test]
fn slow_digits_adds_the_terms_in_order_of_k() {
    // Bit for bit what slow_string gives.
    for n in [1, 99, 100, 1000, 10_000] {
        assert_eq!(slow_digits(n), in_order(1, n), "n = {n}");
    }
}

#[test]
fn slow_digits_matches_the_careful_sum() {
    matches_the_careful_sum(slow_digits);
}

#[test]
fn kahan_add_and_value_keep_what_a_plain_sum_drops() {
    let mut acc = Kahan::default();
    for x in [0.1; 10] {
        acc.add(x);
    }
    assert_eq!(acc.value(), 1.0, "ten times 0.1");
    // 1 + 10^4 times 1e-16: a plain running sum never moves from 1.0.
    let mut acc = Kahan::default();
    acc.add(1.0);
    for _ in 0..10_000 {
        acc.add(1e-16);
    }
    assert!(
        relative(1.0 + 1e-12, acc.value()) < 1e-15,
        "{}",
        acc.value()
    );
    assert_eq!(Kahan::default().value(), 0.0, "nothing added");
}

#[test]
fn kahan_sum_keeps_what_a_plain_sum_drops() {
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
    assert_eq!(kahan_sum(&[]), 0.0);
}

#[test]
fn pairwise_sum_is_accurate_on_many_equal_terms() {
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

#[test]
fn slow_kahan_matches_the_careful_sum() {
    matches_the_careful_sum(slow_kahan);
}

#[test]
fn slow_kahan_is_within_a_few_units_in_the_last_place() {
    // At 10^5 terms the compensated sum is within a few units in the last place.
    let n = 100_000;
    let err = relative(careful(n), slow_kahan(n));
    assert!(err < 4.0 * f64::EPSILON, "error {err:e}");
}

#[test]
fn slow_pairwise_matches_the_careful_sum() {
    matches_the_careful_sum(slow_pairwise);
}

#[test]
fn slow_pairwise_is_within_a_few_units_in_the_last_place() {
    let n = 100_000;
    let err = relative(careful(n), slow_pairwise(n));
    assert!(err < 16.0 * f64::EPSILON, "error {err:e}");
}

#[test]
fn slow_parallel_matches_the_careful_sum() {
    matches_the_careful_sum(slow_parallel);
}

#[test]
fn slow_chunked_matches_the_careful_sum() {
    matches_the_careful_sum(slow_chunked);
}

/// Three chunks and a bit, so every thread count splits the work differently.
const THREE_CHUNKS: u64 = 3 * CHUNK + 12_345;

/// What the chunks mean: each summed in order of k, the sums added in order (computed once).
fn chunks_in_order() -> f64 {
    static SUM: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    *SUM.get_or_init(|| {
        let (n, mut sum, mut first) = (THREE_CHUNKS, 0.0, 1);
        while first <= n {
            let last = n.min(first + CHUNK - 1);
            sum += in_order(first, last);
            first = last + 1;
        }
        sum
    })
}

/// `f(THREE_CHUNKS)` on a pool of `threads` threads.
fn on_threads(threads: usize, f: fn(u64) -> f64) -> f64 {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
        .install(|| f(THREE_CHUNKS))
}

#[test]
fn slow_chunked_is_the_same_on_any_number_of_threads() {
    for threads in [1, 2, 3] {
        assert_eq!(
            on_threads(threads, slow_chunked),
            chunks_in_order(),
            "{threads} threads: not the chunks' sums added in order"
        );
    }
}

#[test]
fn slow_blocks_matches_the_careful_sum() {
    matches_the_careful_sum(slow_blocks);
}

#[test]
fn slow_blocks_parallel_matches_the_careful_sum() {
    matches_the_careful_sum(slow_blocks_parallel);
}

#[test]
fn slow_blocks_parallel_is_the_same_on_any_number_of_threads() {
    let one = on_threads(1, slow_blocks_parallel);
    for threads in [2, 3] {
        assert_eq!(
            on_threads(threads, slow_blocks_parallel),
            one,
            "1 and {threads} threads differ"
        );
    }
    let err = relative(chunks_in_order(), one);
    assert!(err < DIRECT, "against the chunks' sums: error {err:e}");
}

#[test]
fn slow_grouped_small_sums_are_exact_fractions() {
    assert!(relative(S8, slow_grouped(8)) < 1e-15, "n = 8");
    assert!(relative(S8, slow_grouped(9)) < 1e-15, "n = 9");
    assert!(relative(S10, slow_grouped(10)) < 1e-15, "n = 10");
    assert_eq!(slow_grouped(0), 0.0, "the empty sum is 0");
}

#[test]
fn slow_grouped_matches_the_careful_sum() {
    for &(n, reference) in careful_sums() {
        let err = relative(reference, slow_grouped(n as u128));
        assert!(err < GROUPED, "n = {n}: error {err:e}");
    }
}

#[test]
fn slow_grouped_climbs_towards_the_limit() {
    let mut previous = 0.0;
    for d in 1..=38_u32 {
        let s = slow_grouped(10_u128.pow(d));
        assert!(s > previous && s < LIMIT, "S(10^{d}) = {s}");
        previous = s;
    }
    let top = slow_grouped(u128::MAX);
    assert!(top >= previous && top < LIMIT, "S(u128::MAX) = {top}");
}

#[test]
fn count_nine_free_below_powers_of_ten() {
    // Each of d digits takes one of 9 values (0..=8): 9^d strings, minus the all-zero one.
    assert_eq!(count_nine_free(0), 0);
    for d in 1..=38_u32 {
        let n = 10_u128.pow(d) - 1;
        assert_eq!(count_nine_free(n), 9_u128.pow(d) - 1, "below 10^{d}");
    }
}

#[test]
fn count_nine_free_matches_brute_force() {
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
fn slow_limit_is_the_published_limit() {
    let limit = slow_limit();
    assert!(relative(LIMIT, limit) < 1e-14, "limit {limit}");
}
