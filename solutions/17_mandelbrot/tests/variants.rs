//! Tests of the kernels that only the reference solution has: every split and every dispatch
//! variant gives the straightforward grid's counts exactly, on sizes that split unevenly.

use mandelbrot_solution::{
    Plane, Value, block_rows, iterations, mandelbrot_balanced, mandelbrot_blocks,
    mandelbrot_boxed_closure, mandelbrot_boxed_values, mandelbrot_dyn, mandelbrot_fn_pointer,
    mandelbrot_generic, mandelbrot_inline_never, mandelbrot_interleaved, mandelbrot_lanes,
    mandelbrot_naive, mandelbrot_par_rows, mandelbrot_values,
};

type Kernel = fn(&Plane) -> Vec<u32>;

fn planes() -> [Plane; 4] {
    [
        Plane::new(37, 29, 200),
        Plane::new(1, 1, 10),
        Plane::new(3, 2, 30),
        // Fewer rows than threads: some threads get no row at all.
        Plane::new(11, 2, 50),
    ]
}

fn on_threads<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(f)
}

#[test]
fn every_split_gives_the_naive_counts_on_1_and_3_threads() {
    let splits: [(&str, Kernel); 4] = [
        ("blocks", mandelbrot_blocks),
        ("par-rows", mandelbrot_par_rows),
        ("interleaved", mandelbrot_interleaved),
        ("balanced", mandelbrot_balanced),
    ];
    for plane in planes() {
        let expected = mandelbrot_naive(&plane);
        for (name, split) in splits {
            for threads in [1, 3] {
                assert_eq!(
                    on_threads(threads, || split(&plane)),
                    expected,
                    "{name} on {threads} threads, {} x {}",
                    plane.width,
                    plane.height
                );
            }
        }
    }
}

#[test]
fn every_dispatch_variant_gives_the_naive_counts() {
    let variants: [(&str, Kernel); 8] = [
        ("lanes", mandelbrot_lanes),
        ("generic", mandelbrot_generic),
        ("inline-never", mandelbrot_inline_never),
        ("fn-pointer", mandelbrot_fn_pointer),
        ("dyn", mandelbrot_dyn),
        ("boxed-closure", mandelbrot_boxed_closure),
        ("values", mandelbrot_values),
        ("boxed-values", mandelbrot_boxed_values),
    ];
    for plane in planes() {
        let expected = mandelbrot_naive(&plane);
        for (name, variant) in variants {
            assert_eq!(
                variant(&plane),
                expected,
                "{name}, {} x {}",
                plane.width,
                plane.height
            );
        }
    }
}

#[test]
fn lanes_count_each_point_as_escape_time_does() {
    use mandelbrot_solution::{escape_time, escape_time_lanes};
    // In the set, escaping at once, after two steps, and at the cut-off's edge together.
    let cx = [0.0, 2.0, 1.0, -0.75];
    let cy = [0.0, 0.0, 1.0, 0.1];
    for max_iter in [1, 2, 3, 40, 500] {
        for &y in &cy {
            let expected = cx.map(|x| escape_time(x, y, max_iter));
            assert_eq!(
                escape_time_lanes(cx, y, max_iter),
                expected,
                "cy {y}, cut-off {max_iter}"
            );
        }
    }
}

#[test]
fn blocks_cover_every_row_once_in_order() {
    for (threads, height) in [(1, 7), (2, 7), (3, 7), (4, 2), (3, 400)] {
        let rows: Vec<usize> = (0..threads)
            .flat_map(|t| block_rows(t, threads, height))
            .collect();
        assert_eq!(rows, (0..height).collect::<Vec<_>>());
        let sizes: Vec<usize> = (0..threads)
            .map(|t| block_rows(t, threads, height).len())
            .collect();
        assert!(sizes.iter().max().unwrap() - sizes.iter().min().unwrap() <= 1);
    }
}

#[test]
fn the_work_is_uneven_across_the_rows() {
    // The middle rows cross the set; the first and last rows (imaginary part +-1.5) are far
    // from it. That difference is what the splits must cope with.
    let plane = Plane::new(64, 40, 500);
    let counts = mandelbrot_naive(&plane);
    let row = |i: usize| iterations(&counts[i * 64..(i + 1) * 64]);
    let middle = row(plane.height / 2);
    assert!(middle > 50 * row(0), "middle {middle}, first {}", row(0));
    // Two contiguous blocks of 20 rows each get the same work (the symmetry); three do not.
    let block = |t, n| -> u64 { block_rows(t, n, 40).map(row).sum() };
    assert_eq!(block(0, 2), block(1, 2));
    assert!(block(1, 3) > 2 * block(0, 3));
}

#[test]
fn values_promote_like_python_numbers() {
    assert_eq!(Value::Int(2) + Value::Int(3), Value::Int(5));
    assert_eq!(Value::Int(2) * Value::Float(1.5), Value::Float(3.0));
    assert_eq!(Value::Float(1.0) - Value::Int(3), Value::Float(-2.0));
    assert_eq!(Value::Int(1).lt(Value::Float(1.5)), Value::Bool(true));
    assert!(!Value::Int(0).truthy() && Value::Float(0.5).truthy());
}
