// Chapter 15's tests: the velocity conversion (book: "Memory-bound: the velocity conversion").
// Written once, here; the reference solution runs them too (solutions/15_velocity/tests
// includes this file with `use velocity_solution as velocity;`). Sizes are small: these tests
// run unoptimised. Each test calls the functions its name says.

use velocity::{
    Cartesian, Grid, Spherical, velocity_hoisted, velocity_naive, velocity_ordered,
    velocity_parallel,
};

include!("common/mod.rs");

#[test]
fn velocity_naive_gives_the_closed_forms() {
    closed_forms("naive", velocity_naive);
}

#[test]
fn velocity_hoisted_gives_the_closed_forms() {
    closed_forms("hoisted", velocity_hoisted);
}

#[test]
fn velocity_hoisted_matches_velocity_naive() {
    agrees("hoisted", velocity_naive, velocity_hoisted);
}

#[test]
fn velocity_ordered_gives_the_closed_forms() {
    closed_forms("ordered", velocity_ordered);
}

#[test]
fn velocity_ordered_matches_velocity_naive() {
    agrees("ordered", velocity_naive, velocity_ordered);
}

#[test]
fn velocity_parallel_gives_the_closed_forms() {
    closed_forms("parallel", velocity_parallel);
}

#[test]
fn velocity_parallel_matches_velocity_naive() {
    agrees("parallel", velocity_naive, velocity_parallel);
    // On one thread and on three: the same rows, whoever computes them.
    for threads in [1, 3] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| agrees("parallel", velocity_naive, velocity_parallel));
    }
}
