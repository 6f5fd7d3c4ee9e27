// The chapter 5 tests, written once, here, and run against the exercise crate and (through
// include!) against the reference solution. accelerations_naive is the obviously right
// version every other one is checked against.

use nbody::{
    DT, FRAMES, Method, System, Vec3, accelerations, accelerations_naive, accelerations_parallel,
    energy, initial_conditions, momentum, simulate, steps_per_frame,
};

/// max |reference - x| / max |reference| over every coordinate.
fn relative_error(reference: &[Vec3], x: &[Vec3]) -> f64 {
    assert_eq!(
        reference.len(),
        x.len(),
        "different numbers of bodies or frames"
    );
    let scale = reference
        .iter()
        .flatten()
        .fold(0.0_f64, |m, v| m.max(v.abs()));
    let worst = reference
        .iter()
        .flatten()
        .zip(x.iter().flatten())
        .fold(0.0_f64, |m, (r, v)| m.max((r - v).abs()));
    worst / scale
}

/// Summing the same terms in another order changes the last bits, nothing more.
const ONE_EVALUATION: f64 = 1e-12;

// Each test runs one way of computing the accelerations, and its name says which: a test of
// `accelerations` passes once `accelerations` is right, whatever `accelerations_parallel`
// does. The `accelerations_naive_...` tests check the given code, and what the others compare
// with.

#[test]
fn accelerations_agree_with_the_naive_ones() {
    for n in [2, 3, 20, 37] {
        let s = initial_conditions(n, 7);
        let mut acc = vec![[f64::NAN; 3]; n];
        accelerations(&s.pos, &s.mass, &mut acc);
        let e = relative_error(&accelerations_naive(&s.pos, &s.mass), &acc);
        assert!(e <= ONE_EVALUATION, "n = {n}: error {e:.1e}");
    }
}

#[test]
fn accelerations_parallel_agree_with_the_naive_ones() {
    for n in [2, 20, 37] {
        let s = initial_conditions(n, 11);
        let mut acc = vec![[f64::NAN; 3]; n];
        accelerations_parallel(&s.pos, &s.mass, &mut acc);
        let e = relative_error(&accelerations_naive(&s.pos, &s.mass), &acc);
        assert!(e <= ONE_EVALUATION, "n = {n}: error {e:.1e}");
    }
}

/// Two bodies 2 apart on the x axis: body 0 (mass 1) feels 3 / 4 towards body 1 (mass 3),
/// body 1 feels 1 / 4 towards body 0.
const TWO_POS: [Vec3; 2] = [[0.0, 0.0, 0.0], [2.0, 0.0, 0.0]];
const TWO_MASS: [f64; 2] = [1.0, 3.0];
const TWO_PULLS: [Vec3; 2] = [[0.75, 0.0, 0.0], [-0.25, 0.0, 0.0]];

#[test]
fn accelerations_naive_pull_unequal_masses_unequally() {
    assert_eq!(accelerations_naive(&TWO_POS, &TWO_MASS), TWO_PULLS);
}

#[test]
fn accelerations_pull_unequal_masses_unequally() {
    // Stale values in the output must not survive: it is overwritten, not added to.
    let mut acc = [[9.0; 3]; 2];
    accelerations(&TWO_POS, &TWO_MASS, &mut acc);
    assert_eq!(acc, TWO_PULLS);
}

#[test]
fn accelerations_parallel_pull_unequal_masses_unequally() {
    let mut acc = [[9.0; 3]; 2];
    accelerations_parallel(&TWO_POS, &TWO_MASS, &mut acc);
    assert_eq!(acc, TWO_PULLS);
}

/// Chaos makes rounding differences grow over a long run, so whole runs are compared over
/// the first 10 frames of the course's run, where they agree to about 1e-14.
const TEN_FRAMES: f64 = 1e-10;

/// The error of `method`'s trajectories against the naive ones over the first 10 frames.
fn ten_frames_error(method: Method) -> f64 {
    let start = initial_conditions(20, 1);
    let mut naive = start.clone();
    let reference = simulate(&mut naive, 10, steps_per_frame(), DT, Method::Naive);
    let mut s = start;
    relative_error(
        &reference,
        &simulate(&mut s, 10, steps_per_frame(), DT, method),
    )
}

#[test]
fn accelerations_follow_the_naive_trajectories() {
    let e = ten_frames_error(Method::Pairs);
    assert!(e <= TEN_FRAMES, "error {e:.1e} after 10 frames");
}

#[test]
fn accelerations_parallel_follow_the_naive_trajectories() {
    let e = ten_frames_error(Method::Parallel);
    assert!(e <= TEN_FRAMES, "error {e:.1e} after 10 frames");
}

/// How far the total momentum moves over the course's run with `method`. Every pull has an
/// equal and opposite one, so the total momentum (about 10 here) only moves by rounding:
/// measured below 1e-11 over the 100 frames.
fn momentum_drift(method: Method) -> f64 {
    let start = initial_conditions(20, 1);
    let p0 = momentum(&start);
    let mut s = start;
    simulate(&mut s, FRAMES, steps_per_frame(), DT, method);
    let p = momentum(&s);
    (0..3).map(|k| (p[k] - p0[k]).abs()).fold(0.0, f64::max)
}

#[test]
fn accelerations_naive_conserve_momentum_in_the_course_run() {
    let drift = momentum_drift(Method::Naive);
    assert!(drift <= 1e-9, "momentum moved by {drift:.1e}");
}

#[test]
fn accelerations_conserve_momentum_in_the_course_run() {
    let drift = momentum_drift(Method::Pairs);
    assert!(drift <= 1e-9, "momentum moved by {drift:.1e}");
}

#[test]
fn accelerations_parallel_conserve_momentum_in_the_course_run() {
    let drift = momentum_drift(Method::Parallel);
    assert!(drift <= 1e-9, "momentum moved by {drift:.1e}");
}

/// Runs a circular binary with `method`: two unit masses 1 apart, each on a circle of radius
/// 1/2 about the centre (v^2 = 1/2), which keep their energy and their separation.
fn circular_binary(method: Method) {
    let v = 0.5_f64.sqrt();
    let start = System {
        pos: vec![[-0.5, 0.0, 0.0], [0.5, 0.0, 0.0]],
        vel: vec![[0.0, -v, 0.0], [0.0, v, 0.0]],
        mass: vec![1.0, 1.0],
    };
    let e0 = energy(&start);
    let mut s = start;
    let trajectory = simulate(&mut s, FRAMES, steps_per_frame(), DT, method);
    assert_eq!(
        trajectory.len(),
        FRAMES * 2,
        "one position per body per frame"
    );
    // RK2's error per unit time is of order dt^2: measured 5e-10 here.
    let drift = ((energy(&s) - e0) / e0).abs();
    assert!(drift <= 1e-8, "energy drifted by {drift:.1e}");
    for frame in trajectory.chunks(2) {
        let (a, b) = (frame[0], frame[1]);
        let r = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt();
        assert!((r - 1.0).abs() < 1e-5, "separation {r}");
    }
}

#[test]
fn accelerations_naive_keep_a_circular_binary_circular() {
    circular_binary(Method::Naive);
}

#[test]
fn accelerations_keep_a_circular_binary_circular() {
    circular_binary(Method::Pairs);
}

#[test]
fn accelerations_parallel_keep_a_circular_binary_circular() {
    circular_binary(Method::Parallel);
}
