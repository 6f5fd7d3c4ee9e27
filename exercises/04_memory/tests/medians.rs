// The chapter 4 tests of the numbers. Written once, here, and run against the exercise crate
// and (through include!) against the reference solution.

use memory::{rolling_median, rolling_median_naive, signal};

#[test]
fn rolling_median_naive_of_a_small_example() {
    let x = [5.0, 1.0, 4.0, 2.0, 3.0, 9.0];
    assert_eq!(rolling_median_naive(&x, 3), vec![4.0, 2.0, 3.0, 3.0]);
    assert_eq!(rolling_median_naive(&x, 1), x.to_vec());
}

#[test]
fn rolling_median_of_a_small_example() {
    let x = [5.0, 1.0, 4.0, 2.0, 3.0, 9.0];
    assert_eq!(rolling_median(&x, 3), vec![4.0, 2.0, 3.0, 3.0]);
    assert_eq!(rolling_median(&x, 5), vec![3.0, 3.0]);
    assert_eq!(rolling_median(&x, 1), x.to_vec());
}

#[test]
fn rolling_median_of_a_window_longer_than_the_signal_is_empty() {
    assert!(rolling_median(&[1.0, 2.0], 3).is_empty());
    assert!(rolling_median(&[], 1).is_empty());
}

#[test]
fn rolling_median_agrees_exactly_with_the_naive_version_on_a_noisy_signal() {
    // A median is one of the samples, so both versions must return the very same numbers.
    let x = signal(5_000);
    for window in [1, 3, 31, 101] {
        assert_eq!(
            rolling_median(&x, window),
            rolling_median_naive(&x, window),
            "window {window}"
        );
    }
}
