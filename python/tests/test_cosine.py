"""The cosine series: every Python variant and every binding against the NumPy variant."""

import math

import pytest
import workbook_py as wp

from course import cosine

N = 300_000


@pytest.fixture(scope="module")
def numpy_sum():
    return cosine.trig_numpy(N)


@pytest.mark.parametrize(
    "f",
    [cosine.trig_numexpr, cosine.trig_numba, cosine.trig_numba_parallel],
    ids=lambda f: f.__name__,
)
def test_python_variants_agree_with_numpy(f, numpy_sum, close):
    close(numpy_sum, f(N), what=f.__name__)


def test_pure_python_agrees_with_numpy(close):
    n = 20_000
    close(cosine.trig_numpy(n), cosine.trig_python(n))


BINDINGS = [wp.cosine_libm, wp.cosine_rotation, wp.cosine_parallel]


@pytest.mark.parametrize("f", BINDINGS, ids=lambda f: f.__name__)
def test_bindings_agree_with_numpy(f, numpy_sum, close):
    close(numpy_sum, f(N), what=f.__name__)


def test_rotation_with_other_resyncs(numpy_sum, close):
    assert wp.COSINE_RESYNC == 4096
    for resync in [1, 7, 1000, 100_000]:
        close(numpy_sum, wp.cosine_rotation(N, resync), what=f"resync {resync}")
    assert wp.cosine_rotation(N) == wp.cosine_rotation(N, resync=4096)


@pytest.mark.parametrize("n", [1, 2, 7, 8, 9, 4095, 4096, 4097, 12_345])
def test_bindings_at_ragged_ends(n, close):
    ref = cosine.trig_numpy(n)
    for f in BINDINGS:
        close(ref, f(n), what=f"{f.__name__}({n})")


def test_the_sum_approaches_its_limit():
    assert abs(wp.cosine_parallel(10**7) - cosine.limit()) < 1e-6
    assert cosine.limit() == pytest.approx(-math.log(2 * math.sin(0.5)))
