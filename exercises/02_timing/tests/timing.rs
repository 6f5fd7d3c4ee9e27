// The chapter 2 tests. They are written once, here, and run against the exercise crate
// (`cargo test` in exercises/02_timing) and against the reference solution
// (solutions/02_timing/tests includes this file with `use timing_solution as timing;`).

use std::cell::RefCell;
use std::time::Duration;
use timing::{FibCache, LARGEST_N, ScopeTimer, best_and_median, fib_loop, fib_recursive};

// Each test calls the functions its name says, and no other stub: `fib_loop_...` passes once
// `fib_loop` is right, whatever the recursion or the cache do. A timer is always made by
// `ScopeTimer::new`; the test of `elapsed` forgets its timer, so that `drop` is not called.

#[test]
fn scope_timer_elapsed_counts_from_new() {
    std::thread::sleep(Duration::from_millis(5));
    let timer = ScopeTimer::new("sleep", |_: &str, _: Duration| {});
    assert!(
        timer.elapsed() < Duration::from_millis(5),
        "elapsed() right after new() is {:?}: the clock must start in new()",
        timer.elapsed()
    );
    std::thread::sleep(Duration::from_millis(20));
    assert!(
        timer.elapsed() >= Duration::from_millis(20),
        "elapsed() must count the time since the timer started, got {:?}",
        timer.elapsed()
    );
    std::mem::forget(timer);
}

#[test]
fn scope_timer_drop_reports_once_with_its_label_and_the_time() {
    let reports: RefCell<Vec<(String, Duration)>> = RefCell::new(Vec::new());
    {
        let _timer = ScopeTimer::new("sleep", |label: &str, d: Duration| {
            reports.borrow_mut().push((label.to_string(), d))
        });
        std::thread::sleep(Duration::from_millis(20));
        assert!(
            reports.borrow().is_empty(),
            "the timer must not report before it is dropped"
        );
    }
    let reports = reports.into_inner();
    assert_eq!(reports.len(), 1, "one report, when the timer is dropped");
    assert_eq!(reports[0].0, "sleep");
    assert!(
        reports[0].1 >= Duration::from_millis(20),
        "the report must include the 20 ms sleep, got {:?}",
        reports[0].1
    );
    assert!(
        reports[0].1 < Duration::from_secs(5),
        "the report is far too long: {:?}",
        reports[0].1
    );
}

#[test]
fn scope_timer_drop_measures_from_new_not_from_before() {
    std::thread::sleep(Duration::from_millis(5));
    let mut seen = None;
    {
        let _t = ScopeTimer::new("nothing", |_: &str, d: Duration| seen = Some(d));
    }
    let d = seen.expect("the timer must report when dropped");
    assert!(
        d < Duration::from_millis(5),
        "an empty scope took {d:?}: the clock must start in new()"
    );
}

#[test]
fn best_and_median_of_some_timings() {
    let ms = Duration::from_millis;
    let times = [ms(9), ms(3), ms(5), ms(4), ms(100)];
    assert_eq!(best_and_median(&times), Some((ms(3), ms(5))));
    assert_eq!(best_and_median(&[ms(2), ms(1)]), Some((ms(1), ms(2))));
    assert_eq!(best_and_median(&[ms(7)]), Some((ms(7), ms(7))));
    assert_eq!(best_and_median(&[]), None);
    assert_eq!(times[0], ms(9), "the caller's slice must not be reordered");
}

/// F(0) .. F(20), from any table of Fibonacci numbers.
const FIRST: [u128; 21] = [
    0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765,
];

#[test]
fn fib_loop_gives_the_first_fibonacci_numbers() {
    for (n, &f) in FIRST.iter().enumerate() {
        assert_eq!(fib_loop(n as u32), Some(f), "F({n})");
    }
}

#[test]
fn fib_recursive_gives_the_first_fibonacci_numbers() {
    for (n, &f) in FIRST.iter().enumerate() {
        assert_eq!(fib_recursive(n as u32), f, "F({n})");
    }
    assert_eq!(fib_recursive(25), 75025);
}

#[test]
fn fib_cache_gives_the_first_fibonacci_numbers() {
    let mut cache = FibCache::new();
    for (n, &f) in FIRST.iter().enumerate().rev() {
        assert_eq!(cache.get(n as u32), Some(f), "F({n})");
    }
}

/// F(100) and F(186), from the identity F(2k) = F(k) (2 F(k + 1) - F(k)) checked below.
const F100: u128 = 354224848179261915075;
const F186: u128 = 332825110087067562321196029789634457848;

#[test]
fn fib_loop_fits_in_u128_up_to_186() {
    assert_eq!(fib_loop(100), Some(F100));
    assert_eq!(fib_loop(LARGEST_N), Some(F186));
    // F(186) = F(93) (2 F(94) - F(93)).
    let (f93, f94) = (fib_loop(93).unwrap(), fib_loop(94).unwrap());
    assert_eq!(f93 * (2 * f94 - f93), F186);
}

#[test]
fn fib_cache_fits_in_u128_up_to_186() {
    let mut cache = FibCache::new();
    assert_eq!(cache.get(LARGEST_N), Some(F186));
    assert_eq!(cache.get(100), Some(F100));
}

#[test]
fn fib_loop_past_186_is_an_overflow_not_a_wrong_number() {
    assert_eq!(fib_loop(LARGEST_N + 1), None);
    assert_eq!(fib_loop(1000), None);
}

#[test]
fn fib_cache_past_186_is_an_overflow_not_a_wrong_number() {
    let mut cache = FibCache::new();
    assert_eq!(cache.get(LARGEST_N + 1), None);
    assert_eq!(
        cache.get(10),
        Some(55),
        "the cache still works after an overflow"
    );
}

#[test]
fn fib_cache_fills_in_order_and_is_reused() {
    let mut cache = FibCache::new();
    assert_eq!(cache.len(), 2, "a new cache knows F(0) and F(1)");
    assert_eq!(cache.get(30), Some(832040));
    assert_eq!(cache.len(), 31, "F(0) .. F(30) are stored after get(30)");
    assert_eq!(cache.get(12), Some(144));
    assert_eq!(cache.len(), 31, "a smaller n is a lookup");
}
