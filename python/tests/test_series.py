"""The slow series: every Python variant and every binding against the NumPy variant."""

import pytest
import workbook_py as wp

from course import series

N = 300_000


@pytest.fixture(scope="module")
def numpy_sum():
    return series.slow_numpy(N)


@pytest.mark.parametrize("f", [series.slow_numba, series.slow_numba_parallel], ids=lambda f: f.__name__)
def test_numba_agrees_with_numpy(f, numpy_sum, close):
    close(numpy_sum, f(N))


def test_pure_python_agrees_with_numpy_and_is_the_rust_sum_bit_for_bit(close):
    n = 20_000
    close(series.slow_numpy(n), series.slow_python(n))
    # The same terms added in the same order.
    assert series.slow_python(n) == wp.series_digits(n)


def test_numpy_chunks_do_not_change_the_sum(close):
    close(series.slow_numpy(N), series.slow_numpy(N, chunk=7_777))


BINDINGS = [wp.series_digits, wp.series_blocks, wp.series_blocks_parallel, wp.series_grouped]


@pytest.mark.parametrize("f", BINDINGS, ids=lambda f: f.__name__)
def test_bindings_agree_with_numpy(f, numpy_sum, close):
    close(numpy_sum, f(N), what=f.__name__)


@pytest.mark.parametrize("n", [1, 8, 9, 10, 99, 100, 101, 9_999, 10_000, 12_345, 89_999])
def test_bindings_at_ragged_ends(n, close):
    ref = series.slow_numpy(n)
    for f in BINDINGS:
        close(ref, f(n), what=f"{f.__name__}({n})")


def test_no_terms_is_zero():
    for f in BINDINGS:
        assert f(0) == 0.0
    assert series.slow_numpy(0) == 0.0 and series.slow_python(0) == 0.0


def test_grouped_takes_numbers_beyond_u64():
    # The sum creeps towards 22.92067661926415... (21.97 after 10^30 terms).
    beyond = wp.series_grouped(10**30)
    assert wp.series_grouped(10**19) < beyond < 22.920676619264151
