//! The accuracy targets at the course's size, n = 10^8. Too slow for the unoptimised test
//! loop, so they are ignored by default; run them with
//! `cargo test --release -p cosine-solution --test at_scale -- --ignored`.

use cosine_solution::{
    RESYNC, cos_kahan, cos_libm, cos_limit, cos_parallel, cos_rotation, cos_three_term,
    cos_three_term_parallel,
};

const N: u64 = 100_000_000;

#[test]
#[ignore = "10^8 terms: run with --release -- --ignored"]
fn rotation_matches_libm_at_1e8() {
    let (libm, careful) = (cos_libm(N), cos_kahan(N));
    for resync in [64, RESYNC, 1_000_000, N] {
        let value = cos_rotation(N, resync);
        let (err, err_careful) = (
            (value - libm).abs() / libm.abs(),
            (value - careful).abs() / careful.abs(),
        );
        println!(
            "resync {resync}: relative error {err:.2e} against libm, {err_careful:.2e} against libm + Kahan"
        );
        assert!(err < 1e-10, "resync {resync}: {err:e}");
        let err = (cos_three_term(N, resync) - libm).abs() / libm.abs();
        println!("resync {resync}: three-term relative error {err:.2e} against libm");
        assert!(err < 1e-10, "three-term, resync {resync}: {err:e}");
    }
    let err = (cos_parallel(N) - libm).abs() / libm.abs();
    assert!(err < 1e-10, "parallel: {err:e}");
    let err = (cos_three_term_parallel(N) - libm).abs() / libm.abs();
    assert!(err < 1e-10, "three-term parallel: {err:e}");
    // Truncation: the tail beyond n is at most 1 / (n sin(1/2)).
    let gap = (careful - cos_limit()).abs();
    println!("|S(10^8) - limit| = {gap:.2e}");
    assert!(gap < 2.1 / N as f64);
}
