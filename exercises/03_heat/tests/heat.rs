// The chapter 3 tests, written once, here, and run against the exercise crate and (through
// include!) against the reference solution. evolve_slow is the obviously right version that
// evolve is checked against.

use heat::{Field, Method, Params, evolve, evolve_slow, initial_field, run};

/// max |reference - x| / max |reference| over the whole field.
fn relative_error(reference: &Field, x: &Field) -> f64 {
    assert_eq!(
        (reference.rows, reference.cols),
        (x.rows, x.cols),
        "shapes differ"
    );
    let scale = reference.data.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    let worst = reference
        .data
        .iter()
        .zip(&x.data)
        .fold(0.0_f64, |m, (r, v)| m.max((r - v).abs()));
    worst / scale
}

/// Reordering the arithmetic may change the last bits; nothing more is allowed.
const TOLERANCE: f64 = 1e-12;

#[test]
fn evolve_one_step_agrees_with_the_slow_version() {
    // Not square, so that swapped rows and columns show.
    let u = initial_field(23, 37);
    let p = Params::course();
    let mut next = u.clone();
    evolve(&mut next, &u, &p);
    let e = relative_error(&evolve_slow(&u, &p), &next);
    assert!(e <= TOLERANCE, "error {e:.1e} after one step");
    assert_ne!(next, u, "the step must change the field");
}

#[test]
fn evolve_leaves_the_edges_alone() {
    let u = initial_field(12, 9);
    let p = Params::course();
    let mut next = Field {
        rows: 12,
        cols: 9,
        data: vec![-1.0; 12 * 9],
    };
    evolve(&mut next, &u, &p);
    for i in 0..12 {
        for j in 0..9 {
            let edge = i == 0 || j == 0 || i == 11 || j == 8;
            let v = next.data[i * 9 + j];
            if edge {
                assert_eq!(v, -1.0, "edge point ({i}, {j}) was written");
            } else {
                assert_ne!(v, -1.0, "interior point ({i}, {j}) was not written");
            }
        }
    }
}

#[test]
fn evolve_keeps_a_uniform_plate_uniform() {
    let u = Field {
        rows: 8,
        cols: 10,
        data: vec![20.0; 80],
    };
    let mut next = u.clone();
    evolve(&mut next, &u, &Params::course());
    assert_eq!(next, u);
}

#[test]
fn evolve_many_steps_agree_with_the_slow_version_and_stay_in_range() {
    let (slow, slow_mean) = run(30, 41, 50, Method::Slow);
    let (fast, fast_mean) = run(30, 41, 50, Method::Fast);
    let e = relative_error(&slow, &fast);
    assert!(e <= TOLERANCE, "error {e:.1e} after 50 steps");
    assert!((slow_mean - fast_mean).abs() <= TOLERANCE * slow_mean.abs());
    // Diffusion never makes a point hotter than the hottest start or colder than the coldest.
    assert!(
        fast.data.iter().all(|&v| (5.0..=85.0).contains(&v)),
        "a temperature left [5, 85]"
    );
}
