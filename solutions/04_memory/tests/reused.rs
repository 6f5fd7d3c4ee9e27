//! The solution-only kernel `rolling_median_reused` gives the naive version's numbers.

use memory_solution::{rolling_median_naive, rolling_median_reused, signal};

#[test]
fn reused_buffer_gives_the_naive_medians() {
    let x = signal(3_000);
    for window in [1, 5, 101] {
        assert_eq!(
            rolling_median_reused(&x, window),
            rolling_median_naive(&x, window)
        );
    }
    assert!(rolling_median_reused(&x[..3], 5).is_empty());
}
