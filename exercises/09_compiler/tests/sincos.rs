// Chapter 9's tests: the polynomial exp(2 pi i u) (book: "The compiler's side"). Written once,
// here; the reference solution runs them too (solutions/09_compiler/tests includes this file
// with `use compiler_solution as compiler;`).

use compiler::cis_turns;

#[test]
fn cis_turns_agrees_with_std_to_1e_12() {
    let tau = std::f64::consts::TAU;
    let mut worst = 0.0_f64;
    for i in -200_000..200_000 {
        // Phases up to 300 turns, a little beyond the course's largest (about 150).
        let u = i as f64 * 1.5e-3 + 1e-7;
        let (c, s) = cis_turns(u);
        worst = worst
            .max((c - (tau * u).cos()).abs())
            .max((s - (tau * u).sin()).abs());
    }
    assert!(worst < 1e-12, "worst difference from std: {worst:e}");
}

#[test]
fn cis_turns_is_exact_enough_at_quarter_turns() {
    // Exact at whole quarter turns; at 1/8 turn, the end of the polynomials' interval, the
    // first neglected Taylor term (about 2e-14) is what is left.
    for (u, expected) in [
        (0.0, (1.0, 0.0)),
        (0.25, (0.0, 1.0)),
        (0.5, (-1.0, 0.0)),
        (-0.25, (0.0, -1.0)),
        (3.75, (0.0, -1.0)),
        (0.125, (0.5_f64.sqrt(), 0.5_f64.sqrt())),
    ] {
        let (c, s) = cis_turns(u);
        assert!(
            (c - expected.0).abs() < 1e-13 && (s - expected.1).abs() < 1e-13,
            "cis_turns({u}) = ({c}, {s}), expected {expected:?}"
        );
    }
}

#[test]
fn cis_turns_stays_on_the_unit_circle() {
    for i in 0..10_000 {
        let (c, s) = cis_turns(i as f64 * 0.0173 - 50.0);
        assert!((c * c + s * s - 1.0).abs() < 1e-13);
    }
}
