// Chapter 10's tests: the parallel versions (book: "All cores"), right, and the same whatever
// the number of threads. Written once, here; the reference solution runs them too
// (solutions/10_cores/tests includes this file with `use cores_solution as cores;`).

use cores::{axis, square_parallel, strained_parallel};

include!("common/mod.rs");

fn on_threads<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
        .install(f)
}

#[test]
fn square_parallel_matches_the_closed_form() {
    let (h, k) = (axis(0.0, 10, 3), axis(4.0, 10, 3));
    let err = relative_error(&closed_form(10, &h, &k), &square_parallel(10, &h, &k));
    assert!(err < TOLERANCE, "error {err:e}");
}

#[test]
fn strained_parallel_matches_the_formula() {
    let n = 12;
    let (h, k) = (axis(0.0, n, 2), axis(4.0, n, 2));
    let (x, y) = formula_positions(n);
    let err = relative_error(&direct_sum(&x, &y, &h, &k), &strained_parallel(n, &h, &k));
    assert!(err < TOLERANCE, "error {err:e}");
}

// One point, one thread, one order of additions: bit for bit the same on 1 and 3 threads.

#[test]
fn square_parallel_does_not_depend_on_the_thread_count() {
    let n = 8;
    let (h, k) = (axis(0.0, n, 2), axis(4.0, n, 2));
    let one = on_threads(1, || square_parallel(n, &h, &k));
    let three = on_threads(3, || square_parallel(n, &h, &k));
    assert_eq!(one, three, "1 and 3 threads differ");
}

#[test]
fn strained_parallel_does_not_depend_on_the_thread_count() {
    let n = 8;
    let (h, k) = (axis(0.0, n, 2), axis(4.0, n, 2));
    let one = on_threads(1, || strained_parallel(n, &h, &k));
    let three = on_threads(3, || strained_parallel(n, &h, &k));
    assert_eq!(one, three, "1 and 3 threads differ");
}

#[test]
fn square_parallel_stores_rows_of_h_and_takes_empty_inputs() {
    let h = [-0.3, 0.05, 0.45];
    let k = [3.6, 3.95, 4.0, 4.25];
    let err = relative_error(&closed_form(6, &h, &k), &square_parallel(6, &h, &k));
    assert!(
        err < TOLERANCE,
        "error {err:e}: is result[i * k.len() + j] = I(h[i], k[j])?"
    );
    assert!(square_parallel(6, &h, &[]).is_empty());
}

#[test]
fn strained_parallel_stores_rows_of_h_and_takes_empty_inputs() {
    let h = [-0.3, 0.05, 0.45];
    let k = [3.6, 3.95, 4.0, 4.25];
    let (x, y) = formula_positions(6);
    let err = relative_error(&direct_sum(&x, &y, &h, &k), &strained_parallel(6, &h, &k));
    assert!(
        err < TOLERANCE,
        "error {err:e}: is result[i * k.len() + j] = I(h[i], k[j])?"
    );
    assert!(strained_parallel(6, &[], &k).is_empty());
}
