// Chapter 17's tests: the Mandelbrot set (book: "Mandelbrot: uneven work and what dispatch
// costs"). Written once, here; the reference solution runs them too
// (solutions/17_mandelbrot/tests includes this file with `use mandelbrot_solution as
// mandelbrot;`). Sizes are small and odd: these tests run unoptimised, and an odd size is where
// a split of the rows over the threads goes wrong. Each test calls the functions its name says.

use mandelbrot::{
    Plane, escape_time, grid_dyn, mandelbrot_balanced, mandelbrot_dyn, mandelbrot_naive,
};

/// A grid whose sizes divide by nothing useful: 37 points across, 29 rows.
fn uneven() -> Plane {
    Plane::new(37, 29, 200)
}

/// `f()` on a rayon pool of `threads` threads.
fn on_threads<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(f)
}

#[test]
fn escape_time_keeps_points_of_the_set_to_the_cut_off() {
    // 0 is a fixed point, -1 a cycle (0, -1, 0, ...), i a cycle after one step (i, -1 + i, -i,
    // -1 + i, ...): none ever reaches |z| = 2.
    for (cx, cy) in [(0.0, 0.0), (-1.0, 0.0), (0.0, 1.0)] {
        for cut_off in [1, 50, 1000] {
            assert_eq!(
                escape_time(cx, cy, cut_off),
                cut_off,
                "c = {cx} + {cy}i stays bounded: it should reach the cut-off {cut_off}"
            );
        }
    }
}

#[test]
fn escape_time_counts_the_known_steps() {
    // c = 2: z1 = 2, and |z1| = 2 is no longer below the limit: one step.
    assert_eq!(escape_time(2.0, 0.0, 100), 1, "c = 2");
    // c = 1 + i: z1 = 1 + i (|z1|^2 = 2), z2 = 1 + 3i (|z2|^2 = 10): two steps.
    assert_eq!(escape_time(1.0, 1.0, 100), 2, "c = 1 + i");
    // Far away, the first step is already out; and a cut-off below the escape wins.
    assert_eq!(escape_time(-3.0, 0.0, 100), 1, "c = -3");
    assert_eq!(escape_time(1.0, 1.0, 1), 1, "c = 1 + i with a cut-off of 1");
}

#[test]
fn mandelbrot_naive_is_escape_time_at_every_point() {
    let plane = uneven();
    let counts = mandelbrot_naive(&plane);
    assert_eq!(
        counts.len(),
        plane.width * plane.height,
        "one count per point"
    );
    for i in 0..plane.height {
        for j in 0..plane.width {
            let expected = escape_time(plane.re_at(j), plane.im_at(i), plane.max_iter);
            assert_eq!(
                counts[i * plane.width + j],
                expected,
                "row {i}, column {j}: counts are stored row by row, row i at im_at(i)"
            );
        }
    }
}

#[test]
fn mandelbrot_naive_is_symmetric_about_the_real_axis() {
    // The window is centred on the real axis: row i and row height - 1 - i are conjugates,
    // and z -> z^2 + c commutes with conjugation, to the last bit.
    let plane = uneven();
    let counts = mandelbrot_naive(&plane);
    let w = plane.width;
    for i in 0..plane.height {
        let mirror = plane.height - 1 - i;
        assert_eq!(
            counts[i * w..(i + 1) * w],
            counts[mirror * w..(mirror + 1) * w],
            "rows {i} and {mirror} should be mirror images"
        );
    }
    // The set's points do reach the cut-off somewhere, and others escape at once.
    assert!(counts.contains(&plane.max_iter));
    assert!(counts.contains(&1));
}

#[test]
fn mandelbrot_balanced_matches_mandelbrot_naive() {
    for plane in [uneven(), Plane::new(1, 1, 10), Plane::new(5, 2, 30)] {
        let expected = mandelbrot_naive(&plane);
        for threads in [1, 3] {
            assert_eq!(
                on_threads(threads, || mandelbrot_balanced(&plane)),
                expected,
                "{} x {} on {threads} threads: every count as mandelbrot_naive's",
                plane.width,
                plane.height
            );
        }
    }
}

#[test]
fn mandelbrot_dyn_matches_mandelbrot_naive() {
    let plane = uneven();
    assert_eq!(mandelbrot_dyn(&plane), mandelbrot_naive(&plane));
}

#[test]
fn grid_dyn_calls_the_kernel_it_is_given() {
    // A kernel that is not the course's: its counts must come back, point by point.
    struct Column;
    impl mandelbrot::Escape for Column {
        fn escape(&self, cx: f64, _cy: f64, _max_iter: u32) -> u32 {
            (cx * 10.0).round().abs() as u32
        }
    }
    let plane = Plane::new(4, 3, 10);
    let counts = grid_dyn(&plane, &Column);
    let row: Vec<u32> = (0..4)
        .map(|j| (plane.re_at(j) * 10.0).round().abs() as u32)
        .collect();
    assert_eq!(counts, [row.clone(), row.clone(), row].concat());
}
