"""The square crystal: every Python variant and every binding against the NumPy variant."""

import numpy as np
import pytest
import workbook_py as wp

from course import square

SMALL = square.Inputs.of(8, 3)
TINY = square.Inputs.of(4, 3)
BOOK = square.Inputs.of(square.N, square.OVERSAMPLING)


def test_axis_is_the_rust_axis_bit_for_bit():
    for center, n, s in [(0.0, 32, 3), (4.0, 32, 3), (4.0, 7, 5), (-1.25, 1, 1)]:
        assert np.array_equal(square.axis(center, n, s), wp.axis(center, n, s))
    h = wp.axis(square.K, square.N, square.OVERSAMPLING)
    assert h.shape == (96,) and h[48] == square.K


@pytest.fixture(scope="module")
def numpy_small():
    return square.laue_numpy(SMALL.n, SMALL.h, SMALL.k)


@pytest.fixture(scope="module")
def numpy_book():
    return square.laue_numpy(BOOK.n, BOOK.h, BOOK.k)


@pytest.mark.parametrize(
    "f",
    [
        square.laue_numexpr,
        square.laue_numba,
        square.laue_numba_parallel,
        square.laue_fft,
        square.laue_factorised,
    ],
)
def test_python_variants_agree_with_numpy(f, numpy_small, close):
    close(numpy_small, f(SMALL.n, SMALL.h, SMALL.k), what=f.__name__)


def test_pure_python_agrees_with_numpy(close):
    close(square.laue_numpy(TINY.n, TINY.h, TINY.k), square.laue_python(TINY.n, TINY.h, TINY.k))


BINDINGS = [
    wp.square_naive,
    wp.square_tables,
    wp.square_sincos,
    wp.square_parallel,
    wp.square_fast,
    wp.square_fft,
    wp.bindings.square,
]


@pytest.mark.parametrize("f", BINDINGS, ids=lambda f: f.__name__)
def test_bindings_agree_with_numpy(f, numpy_small, close):
    out = f(SMALL.n, SMALL.h, SMALL.k)
    assert out.shape == (SMALL.h.size, SMALL.k.size) and out.dtype == np.float64
    close(numpy_small, out, what=f.__name__)


@pytest.mark.parametrize("f", BINDINGS, ids=lambda f: f.__name__)
def test_bindings_agree_with_numpy_at_the_books_size(f, numpy_book, close):
    close(numpy_book, f(BOOK.n, BOOK.h, BOOK.k), what=f.__name__)


def test_fft_variant_agrees_at_the_books_size_and_with_a_larger_crystal(numpy_book, close):
    close(numpy_book, square.laue_fft(BOOK.n, BOOK.h, BOOK.k))
    # A crystal larger than the window folds onto it.
    h = square.axis(0.0, 4, 2)
    k = square.axis(4.0, 4, 2)
    close(square.laue_numpy(11, h, k), square.laue_fft(11, h, k))
    close(square.laue_numpy(11, h, k), wp.square_fft(11, h, k))


def test_non_rectangular_grids_and_strided_inputs(close):
    h = square.axis(0.0, 6, 3)
    k = square.axis(4.0, 4, 2)
    ref = square.laue_numpy(5, h, k)
    assert wp.square_fast(5, h, k).shape == (18, 8)
    close(ref, wp.square_fast(5, h, k))
    # A strided view is copied, not misread.
    wide = np.repeat(h, 2)
    close(ref, wp.square_naive(5, wide[::2], k))
