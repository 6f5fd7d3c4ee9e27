//! Bad input for chapter `nbody` gets a one-line error and a non-zero exit, never a backtrace;
//! `--png` draws trajectories and `--save` writes them.

mod common;
use common::{fails_with, outcome as workbook};

#[test]
fn sizes_out_of_range_are_refused() {
    fails_with(&["run", "nbody", "pairs", "--n", "0"], "at least 1");
    fails_with(
        &["run", "nbody", "pairs", "--n", "100001"],
        "at most 100000",
    );
    fails_with(
        &["run", "nbody", "pairs", "--param", "frames=-1"],
        "positive whole number",
    );
    fails_with(&["bench", "nbody", "--threads", "0"], "at least 1");
}

#[test]
fn unsolved_stubs_are_named() {
    fails_with(
        &["run", "nbody", "pairs", "--n", "3", "--param", "frames=1"],
        "not implemented yet: exercises/nbody/src/lib.rs: fn accelerations",
    );
    fails_with(
        &[
            "run", "nbody", "parallel", "--n", "3", "--param", "frames=1",
        ],
        "fn accelerations_parallel",
    );
}

#[test]
fn a_png_of_something_else_is_refused() {
    fails_with(
        &[
            "run",
            "timing",
            "loop",
            "--solution",
            "--png",
            "target/workbook/x.png",
        ],
        "--png draws grids and trajectories",
    );
}

#[test]
fn trajectories_are_drawn_and_saved() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let (png, npy) = (dir.join("cli-nbody.png"), dir.join("cli-nbody.npy"));
    let (ok, out, err) = workbook(&[
        "run",
        "nbody",
        "parallel",
        "--solution",
        "--n",
        "4",
        "--param",
        "frames=5",
        "--png",
        png.to_str().unwrap(),
        "--save",
        npy.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("4 bodies over 5 frames"), "{out}");
    assert_eq!(&std::fs::read(&png).unwrap()[1..4], b"PNG");
    let saved = std::fs::read(&npy).unwrap();
    assert!(
        String::from_utf8_lossy(&saved[..100]).contains("(5, 4, 3)"),
        "shape frames x bodies x 3"
    );
}
