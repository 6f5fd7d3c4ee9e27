//! The vector integrator (chapter 16) on every instruction set this CPU has, against the
//! scalar pairs version and against its own portable path.

use nbody_solution::{DT, Method, initial_conditions, simulate, simulate_at, steps_per_frame};
use simd::Level;

/// max |reference - x| / max |reference| over every coordinate of every frame.
fn relative_error(reference: &[[f64; 3]], x: &[[f64; 3]]) -> f64 {
    assert_eq!(
        reference.len(),
        x.len(),
        "the trajectories differ in length"
    );
    let flat = |t: &[[f64; 3]]| t.iter().flatten().copied().collect::<Vec<f64>>();
    let (r, x) = (flat(reference), flat(x));
    let scale = r.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    let worst = r
        .iter()
        .zip(&x)
        .fold(0.0_f64, |m, (a, b)| m.max((a - b).abs()));
    worst / scale
}

#[test]
fn every_instruction_set_follows_the_pairs_integrator() {
    // 2 and 3 bodies fill one vector partly; 23 is no multiple of any width; 64 fills them all.
    for n in [2, 3, 23, 64] {
        let start = initial_conditions(n, 7);
        let mut pairs = start.clone();
        let reference = simulate(&mut pairs, 10, steps_per_frame(), DT, Method::Pairs);
        let mut portable = start.clone();
        let portable_run = simulate_at(Level::PORTABLE, &mut portable, 10, steps_per_frame(), DT);
        for level in Level::available() {
            let mut system = start.clone();
            let run = simulate_at(level, &mut system, 10, steps_per_frame(), DT);
            // Reordered sums and fused multiply-adds: rounding apart, 1e-12 after 100 steps.
            let err = relative_error(&reference, &run);
            assert!(
                err < 1e-10,
                "{level}, {n} bodies: error {err:e} against pairs"
            );
            let err = relative_error(&portable_run, &run);
            assert!(
                err < 1e-10,
                "{level}, {n} bodies: error {err:e} against portable"
            );
            let err = relative_error(&pairs.vel, &system.vel);
            assert!(
                err < 1e-10,
                "{level}, {n} bodies: final velocities, error {err:e}"
            );
        }
    }
}

#[test]
fn the_vector_method_runs_the_dispatched_integrator() {
    let start = initial_conditions(20, 1);
    let (mut a, mut b) = (start.clone(), start);
    let by_method = simulate(&mut a, 3, steps_per_frame(), DT, Method::Vector);
    let by_level = simulate_at(simd::level(), &mut b, 3, steps_per_frame(), DT);
    assert_eq!(by_method, by_level);
    assert_eq!(by_method.len(), 3 * 20);
}
