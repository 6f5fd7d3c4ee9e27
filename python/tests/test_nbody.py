"""N-body: the accelerations and whole runs, Python and Rust, from the same starting bodies."""

import numpy as np
import pytest
import workbook_py as wp

from course import nbody

BODIES = nbody.initial_conditions()


def test_constants_are_the_rust_ones():
    assert nbody.DT == wp.NBODY_DT
    assert nbody.FRAMES == wp.NBODY_FRAMES
    assert nbody.STEPS_PER_FRAME == wp.NBODY_STEPS_PER_FRAME


def test_initial_conditions_are_seeded_and_in_the_unit_cube():
    again = nbody.initial_conditions()
    assert np.array_equal(BODIES.pos, again.pos) and np.array_equal(BODIES.vel, again.vel)
    assert BODIES.pos.shape == (20, 3) and np.all((0 <= BODIES.pos) & (BODIES.pos < 1))
    assert np.all(BODIES.mass == 1.0)
    assert not np.array_equal(nbody.initial_conditions(seed=2).pos, BODIES.pos)


def test_npy_round_trip(tmp_path):
    path = tmp_path / "bodies.npy"
    nbody.save(BODIES, path)
    table = np.load(path)
    assert table.shape == (20, 7) and table.dtype == np.float64 and table.flags.c_contiguous
    back = nbody.load(path)
    for a, b in [(back.pos, BODIES.pos), (back.vel, BODIES.vel), (back.mass, BODIES.mass)]:
        assert np.array_equal(a, b)


def test_driver_writes_the_initial_conditions(tmp_path):
    from course import compare

    path = tmp_path / "init.npy"
    compare._build_case("nbody", True, str(path))
    assert np.array_equal(nbody.load(path).pos, BODIES.pos)


@pytest.mark.parametrize(
    "f",
    [
        nbody.accelerations_python,
        nbody.accelerations_numba,
        nbody.accelerations_numba_parallel,
        wp.nbody_accelerations,
    ],
    ids=lambda f: f.__name__,
)
def test_accelerations_agree_with_numpy(f, close):
    ref = nbody.accelerations_numpy(BODIES.pos, BODIES.mass)
    out = f(BODIES.pos, BODIES.mass)
    assert out.shape == (20, 3)
    close(ref, out, what=f.__name__)


def test_accelerations_with_unequal_masses(close):
    rng = np.random.default_rng(7)
    pos, mass = rng.random((13, 3)), rng.random(13) + 0.5
    close(nbody.accelerations_numpy(pos, mass), wp.nbody_accelerations(pos, mass))


def test_a_single_body_feels_nothing():
    assert np.all(wp.nbody_accelerations(np.zeros((1, 3)), np.ones(1)) == 0.0)


@pytest.fixture(scope="module")
def numpy_run():
    """The NumPy variant over the book's 100 frames."""
    return nbody.rk2(BODIES, nbody.accelerations_numpy)


# Measured (seed 1, 100 frames): the Rust runs stay within 3.5e-14 (naive), 6.7e-14 (pairs)
# and 1.3e-13 (parallel) of the NumPy run, relative in the max norm over the whole trajectory,
# and so do the Numba ones (bodies pass within 0.023 of each other, which amplifies rounding).
# 1e-9 leaves room for other machines' libm and for FMA contraction.
TRAJECTORY_TOL = 1e-9


@pytest.mark.parametrize("method", ["naive", "pairs", "parallel"])
def test_rust_runs_agree_with_numpy_after_the_default_frames(method, numpy_run, close):
    b = BODIES
    out = wp.nbody_simulate(b.pos, b.vel, b.mass, b.frames, b.steps_per_frame, b.dt, method)
    assert out.shape == (100, 20, 3)
    close(numpy_run, out, TRAJECTORY_TOL, what=method)


@pytest.mark.parametrize(
    "run",
    [
        lambda b: nbody.rk2(b, wp.nbody_accelerations),
        lambda b: nbody.rk2(b, nbody.accelerations_numba),
        lambda b: nbody.rk2(b, nbody.accelerations_numba_parallel),
        nbody.rk2_numba,
    ],
    ids=["rust_accelerations", "numba", "numba_parallel", "numba_driver"],
)
def test_python_driven_runs_agree_with_numpy(run, numpy_run, close):
    close(numpy_run, run(BODIES), TRAJECTORY_TOL)


def test_the_course_loops_agree_with_numpy_on_a_few_frames(close):
    b = BODIES.with_frames(2)
    close(nbody.rk2(b, nbody.accelerations_numpy), nbody.rk2(b, nbody.accelerations_python), 1e-12)


def test_simulate_leaves_its_inputs_alone():
    pos, vel = BODIES.pos.copy(), BODIES.vel.copy()
    wp.nbody_simulate(pos, vel, BODIES.mass, 3, 10, 0.001)
    assert np.array_equal(pos, BODIES.pos) and np.array_equal(vel, BODIES.vel)


def test_zero_frames_give_an_empty_trajectory():
    out = wp.nbody_simulate(BODIES.pos, BODIES.vel, BODIES.mass, 0, 10, 0.001)
    assert out.shape == (0, 20, 3)
