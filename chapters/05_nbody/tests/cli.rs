//! Chapter 5's runner from the outside, reference side: bad sizes get one line on stderr and a
//! non-zero exit, never a backtrace; `--png` draws the trajectories and `--save` writes them.

const RUNNER: &str = env!("CARGO_BIN_EXE_nbody-chapter");
const HERE: &str = env!("CARGO_MANIFEST_DIR");

fn succeeds(args: &[&str]) -> String {
    harness::testing::succeeds(RUNNER, HERE, args)
}

fn fails_with(args: &[&str], needle: &str) -> String {
    harness::testing::fails_with(RUNNER, HERE, args, needle)
}

#[test]
fn sizes_out_of_range_are_refused() {
    fails_with(
        &["run", "nbody", "pairs", "--solution", "--n", "0"],
        "n must be at least 1, got 0",
    );
    fails_with(
        &["run", "nbody", "pairs", "--solution", "--n", "100001"],
        "at most 100000",
    );
    fails_with(
        &[
            "run",
            "nbody",
            "pairs",
            "--solution",
            "--param",
            "frames=-1",
        ],
        "positive whole number",
    );
    fails_with(
        &["bench", "nbody", "--solution", "--threads", "0"],
        "--threads must be at least 1",
    );
    fails_with(
        &["run", "nbody", "pairs", "--solution", "--steps", "3"],
        "chapter nbody has no parameter `steps` (it takes: n, frames)",
    );
}

#[test]
fn trajectories_are_drawn_and_saved() {
    let dir = harness::testing::scratch_dir(env!("CARGO_TARGET_TMPDIR"), "nbody-orbits");
    let (png, npy) = (dir.join("orbits.png"), dir.join("orbits.npy"));
    let out = succeeds(&[
        "run",
        "nbody",
        "parallel",
        "--solution",
        "--n",
        "4",
        "--frames",
        "5",
        "--png",
        png.to_str().unwrap(),
        "--save",
        npy.to_str().unwrap(),
    ]);
    assert!(out.contains("4 bodies, 5 frames of 10 RK2 steps"), "{out}");
    assert!(out.contains("4 bodies over 5 frames"), "{out}");
    assert!(out.contains("against the reference naive"), "{out}");
    assert_eq!(&std::fs::read(&png).unwrap()[..8], b"\x89PNG\r\n\x1a\n");
    let saved = std::fs::read(&npy).unwrap();
    assert!(
        String::from_utf8_lossy(&saved[..100]).contains("(5, 4, 3)"),
        "shape frames x bodies x 3"
    );
}

#[test]
fn bench_compares_with_the_naive_version() {
    let out = succeeds(&[
        "bench",
        "nbody",
        "--solution",
        "--n",
        "5",
        "--frames",
        "1",
        "--seconds",
        "0.05",
    ]);
    let rows: Vec<&str> = out.lines().filter(|l| l.contains("reference")).collect();
    assert_eq!(rows.len(), 4, "{out}");
    assert!(rows[0].trim_start().starts_with("naive"), "{out}");
    assert!(rows[0].contains("1.00x"), "{out}");
}

#[test]
fn without_the_exercise_the_learners_side_is_refused() {
    fails_with(
        &["run", "nbody", "pairs", "--n", "3", "--frames", "1"],
        "built without your exercise",
    );
}

/// Writes `rows` bodies (x, y, z, vx, vy, vz, mass) as the Python side does.
fn bodies_file(name: &str, rows: &[[f64; 7]]) -> std::path::PathBuf {
    let dir = harness::testing::scratch_dir(env!("CARGO_TARGET_TMPDIR"), name);
    let path = dir.join("bodies.npy");
    let flat: Vec<f64> = rows.iter().flatten().copied().collect();
    std::fs::write(&path, harness::npy::encode_f64(&[rows.len(), 7], &flat)).unwrap();
    path
}

#[test]
fn init_starts_from_the_bodies_in_a_file() {
    // Two equal masses at rest fall straight towards each other along x.
    let path = bodies_file(
        "init",
        &[
            [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0],
            [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0],
            [0.5, 5.0, 0.0, 0.0, 0.0, 0.0, 1e-9],
        ],
    );
    let saved = path.with_file_name("orbits.npy");
    let init = path.to_str().unwrap();
    let out = succeeds(&[
        "run",
        "nbody",
        "pairs",
        "--solution",
        "--init",
        init,
        "--frames",
        "3",
        "--save",
        saved.to_str().unwrap(),
    ]);
    assert!(out.contains("3 bodies from "), "{out}");
    let (shape, xyz) = harness::npy::read_f64(&saved).unwrap();
    assert_eq!(shape, [3, 3, 3]);
    // The pair keeps its centre of mass at x = 1/2 and stays on the x axis (the third body,
    // a billionth of their mass, pulls them off it by about 1e-15).
    for frame in 0..3 {
        let (a, b) = (
            &xyz[frame * 9..frame * 9 + 3],
            &xyz[frame * 9 + 3..frame * 9 + 6],
        );
        assert!(
            (a[0] + b[0] - 1.0).abs() < 1e-9,
            "frame {frame}: {a:?} {b:?}"
        );
        assert!(
            a[0] > 0.0 && b[0] < 1.0,
            "frame {frame}: they fall together"
        );
        assert!(
            [a[1], a[2], b[1], b[2]].iter().all(|v| v.abs() < 1e-12),
            "frame {frame}: {a:?} {b:?}"
        );
    }
}

#[test]
fn bad_init_files_are_refused_in_one_line() {
    fails_with(
        &[
            "run",
            "nbody",
            "pairs",
            "--solution",
            "--init",
            "no/such.npy",
        ],
        "--init no/such.npy: no such file",
    );
    let wide = bodies_file("init-shape", &[[0.0; 7]]);
    fails_with(
        &[
            "run",
            "nbody",
            "pairs",
            "--solution",
            "--init",
            wide.to_str().unwrap(),
        ],
        "the bodies are an (n, 7) array, n >= 2",
    );
    let massless = bodies_file(
        "init-mass",
        &[
            [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0],
            [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        ],
    );
    fails_with(
        &[
            "bench",
            "nbody",
            "--solution",
            "--init",
            massless.to_str().unwrap(),
        ],
        "body 1 has a mass that is not positive",
    );
}
