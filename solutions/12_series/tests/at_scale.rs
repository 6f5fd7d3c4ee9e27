//! The accuracy targets at the course's size, n = 10^8. Too slow for the unoptimised test
//! loop, so they are ignored by default; run them with
//! `cargo test --release -p series-solution --test at_scale -- --ignored`.

use series_solution::{slow_blocks, slow_blocks_parallel, slow_grouped, slow_kahan};

const N: u64 = 100_000_000;

#[test]
#[ignore = "10^8 terms: run with --release -- --ignored"]
fn fast_variants_match_the_careful_direct_sum_at_1e8() {
    let careful = slow_kahan(N);
    for (name, value) in [
        ("grouped", slow_grouped(N as u128)),
        ("blocks", slow_blocks(N)),
        ("blocks_parallel", slow_blocks_parallel(N)),
    ] {
        let err = (value - careful).abs() / careful;
        println!("{name}: relative error {err:.2e} against the Kahan sum");
        assert!(err < 1e-12, "{name}: {err:e}");
    }
}
