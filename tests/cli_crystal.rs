//! The command line on Part II's chapters (circle, strained, square): every kernel runs and
//! saves its grid, and bad input gets a one-line error and a non-zero exit. Sizes are tiny: the
//! binary under test is unoptimised.

use std::path::PathBuf;
use std::process::Output;

mod common;
use common::{fails_with as refused, workbook};

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("workbook-cli-crystal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir.join(name)
}

#[test]
fn every_kernel_saves_npy_and_png() {
    let kernels: &[(&str, &[&str])] = &[
        ("circle", &["naive", "masked", "cells"]),
        (
            "strained",
            &[
                "naive",
                "positions",
                "sincos",
                "parallel",
                "fast",
                "matmul",
                "symmetric",
            ],
        ),
        (
            "square",
            &[
                "naive",
                "materialised",
                "chunked",
                "fused",
                "indexed",
                "sincos",
                "tables",
                "parallel",
                "fast",
                "fft",
            ],
        ),
    ];
    for (chapter, names) in kernels {
        for kernel in *names {
            let npy = scratch(&format!("{chapter}-{kernel}.npy"));
            let png = scratch(&format!("{chapter}-{kernel}.png"));
            let out = workbook(&[
                "run",
                chapter,
                kernel,
                "--solution",
                "--n",
                "5",
                "--oversampling",
                "2",
                "--save",
                npy.to_str().unwrap(),
                "--png",
                png.to_str().unwrap(),
            ]);
            assert!(out.status.success(), "{chapter} {kernel}: {}", stderr(&out));
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(text.contains("10 x 10 grid"), "{chapter} {kernel}: {text}");
            let npy_bytes = std::fs::read(&npy).expect("the .npy file");
            assert!(npy_bytes.starts_with(b"\x93NUMPY"));
            assert_eq!(npy_bytes.len() % 16, 0, "header padded, then 100 f64");
            let png_bytes = std::fs::read(&png).expect("the .png file");
            assert!(png_bytes.starts_with(b"\x89PNG"));
        }
    }
}

#[test]
fn a_stub_is_reported_not_implemented() {
    refused(
        &["run", "strained", "naive", "--n", "4"],
        "not implemented yet: exercises/crystal/src/strain.rs: fn strained_naive",
    );
    refused(
        &["run", "square", "fft", "--n", "4"],
        "not implemented yet: exercises/crystal/src/algorithm.rs: fn square_fft",
    );
}

#[test]
fn bad_sizes_and_names_are_refused() {
    refused(
        &["run", "circle", "naive", "--solution", "--n", "0"],
        "at least 1",
    );
    refused(
        &["run", "strained", "fast", "--solution", "--n", "-3"],
        "positive",
    );
    refused(
        &["run", "strained", "fast", "--solution", "--n", "5000"],
        "too large",
    );
    refused(
        &[
            "run",
            "square",
            "fused",
            "--solution",
            "--oversampling",
            "65",
        ],
        "too large",
    );
    refused(
        &["run", "strained", "nope", "--solution"],
        "has no kernel `nope`",
    );
    refused(&["run", "square", "chunked"], "exists only in the solution");
    // The materialised square needs N^2 terms per point: N = 4096 cannot fit anywhere.
    refused(
        &["run", "square", "fused", "--solution", "--n", "4096"],
        "memory",
    );
    refused(&["report", "--seconds", "0"], "--seconds");
    refused(
        &[
            "run",
            "square",
            "fft",
            "--solution",
            "--n",
            "4",
            "--save",
            "/nonexistent/x.npy",
        ],
        "does not exist",
    );
}

#[test]
fn a_thread_sweep_fits_amdahl() {
    let out = workbook(&[
        "bench",
        "strained",
        "--solution",
        "--kernel",
        "parallel,fast",
        "--threads",
        "1,2",
        "--n",
        "4",
        "--oversampling",
        "1",
        "--seconds",
        "0.01",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("strained on 1 thread:") && text.contains("strained on 2 threads:"));
    assert!(text.contains("fast: serial fraction f ="), "{text}");
}
