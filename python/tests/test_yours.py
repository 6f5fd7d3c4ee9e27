"""Your exercise crates, called from Python: each of your kernels against the solution's.

Build the module with your code in it first, from python/:

    maturin develop --release --features exercise

then `pytest tests/test_yours.py`. A kernel whose stub still holds its `todo!()` is skipped
with the stub's message; a wrong answer fails with its error. (`cargo workbook check` runs the
exercises' own tests; this checks the same code as Python sees it.)
"""

import numpy as np
import pytest
import workbook_py as wp

if not getattr(wp, "HAS_YOURS", False):
    pytest.skip(
        "workbook_py was built without your exercises: run "
        "`maturin develop --release --features exercise` in python/",
        allow_module_level=True,
    )

import workbook_py.yours as yours  # noqa: E402

N = 8
H = wp.axis(0.0, N, 3)
K = wp.axis(4.0, N, 3)
BODIES = np.random.default_rng(3).random((12, 3)), np.random.default_rng(4).random((12, 3))
MASS = np.ones(12)


def call(f, *args):
    try:
        return f(*args)
    except NotImplementedError as e:
        pytest.skip(f"not written yet: {e}")


def check(reference, value, tol=1e-12):
    ref, x = np.asarray(reference), np.asarray(value)
    assert x.shape == ref.shape
    scale = np.max(np.abs(ref)) if ref.size else 0.0
    err = np.max(np.abs(ref - x)) / scale if scale else np.max(np.abs(ref - x), initial=0.0)
    assert err <= tol, f"relative error {err:.2e} against the solution"


def test_both_import_forms_work():
    from workbook_py import yours as same

    assert same is yours


def test_axis():
    check(wp.axis(4.0, N, 3), call(yours.axis, 4.0, N, 3), 0.0)


CRYSTALS = [
    "square_naive",
    "square_tables",
    "square_parallel",
    "square_fft",
    "strained_naive",
    "strained_positions",
    "strained_parallel",
    "strained_matmul",
]


@pytest.mark.parametrize("name", CRYSTALS)
def test_crystal(name):
    check(getattr(wp, name)(N, H, K), call(getattr(yours, name), N, H, K))


@pytest.mark.parametrize("name", ["series_digits", "series_blocks", "series_blocks_parallel", "series_grouped"])
def test_series(name):
    for n in [1, 99, 100, 12_345, 1_000_000]:
        check(wp.series_digits(n), call(getattr(yours, name), n))


@pytest.mark.parametrize("name", ["cosine_libm", "cosine_rotation", "cosine_parallel"])
def test_cosine(name):
    for n in [1, 9, 4097, 1_000_000]:
        check(wp.cosine_libm(n), call(getattr(yours, name), n))


def test_nbody_accelerations():
    pos, _ = BODIES
    check(wp.nbody_accelerations(pos, MASS), call(yours.nbody_accelerations, pos, MASS))


@pytest.mark.parametrize("method", ["naive", "pairs", "parallel"])
def test_nbody_simulate(method):
    pos, vel = BODIES
    ref = wp.nbody_simulate(pos, vel, MASS, 10, 10, 0.001, "naive")
    check(ref, call(yours.nbody_simulate, pos, vel, MASS, 10, 10, 0.001, method), 1e-9)


@pytest.mark.parametrize("name", ["mandelbrot_naive", "mandelbrot_balanced"])
def test_mandelbrot(name):
    check(wp.mandelbrot_naive(37, 29, 200), call(getattr(yours, name), 37, 29, 200), 0.0)


def test_bad_input_is_refused_as_by_the_solution():
    with pytest.raises(ValueError):
        yours.square_naive(0, H, K)
    with pytest.raises(ValueError):
        yours.nbody_simulate(BODIES[0], BODIES[1], MASS, 1, 1, 0.1, "fast")
