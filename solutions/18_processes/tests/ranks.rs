//! Chapter 18's MPI tests, run against the reference solution.
use processes_solution as processes;

include!("../../../exercises/18_processes/tests/ranks.rs");

#[test]
fn series_dynamic_gives_the_same_bits_on_1_2_3_ranks() {
    // Whoever computed each chunk, rank 0 adds the sums in chunk order.
    let reference = series_solution::slow_blocks_parallel(N);
    for ranks in 1..=3 {
        assert_eq!(
            under(ranks, &["series-dynamic", &N.to_string()]),
            vec![reference],
            "{ranks} ranks"
        );
    }
}
