"""The strained crystal: every Python variant and every binding against the NumPy variant."""

import numpy as np
import pytest
import workbook_py as wp

from course import square, strained

SMALL = square.Inputs.of(8, 3)
TINY = square.Inputs.of(4, 3)
BOOK = square.Inputs.of(square.N, square.OVERSAMPLING)


def test_constants_are_the_rust_ones():
    assert strained.E0 == wp.STRAIN_E0 and strained.W == wp.STRAIN_W


def test_positions_match_the_scalar_formula():
    for n in [1, 4, 7, 32]:
        x, y = strained.positions(n)
        cells = [(cn, cm) for cn in range(n) for cm in range(n) if strained.inside(n, cn, cm)]
        assert x.size == len(cells)
        for (cn, cm), xc, yc in zip(cells, x, y):
            dn, dm = strained.displacement(n, cn, cm)
            assert abs(xc - (cn + dn)) <= 1e-14 * n and abs(yc - (cm + dm)) <= 1e-14 * n


@pytest.fixture(scope="module")
def numpy_small():
    return strained.strained_numpy(SMALL.n, SMALL.h, SMALL.k)


@pytest.fixture(scope="module")
def numpy_book():
    return strained.strained_numpy(BOOK.n, BOOK.h, BOOK.k)


@pytest.mark.parametrize(
    "f",
    [
        strained.strained_numexpr,
        strained.strained_numba,
        strained.strained_numba_parallel,
        strained.strained_matmul,
    ],
)
def test_python_variants_agree_with_numpy(f, numpy_small, close):
    close(numpy_small, f(SMALL.n, SMALL.h, SMALL.k), what=f.__name__)


def test_pure_python_agrees_with_numpy(close):
    ref = strained.strained_numpy(TINY.n, TINY.h, TINY.k)
    close(ref, strained.strained_python(TINY.n, TINY.h, TINY.k))


BINDINGS = [
    wp.strained_naive,
    wp.strained_positions,
    wp.strained_sincos,
    wp.strained_parallel,
    wp.strained_fast,
    wp.strained_matmul,
    wp.strained_symmetric,
]


@pytest.mark.parametrize("f", BINDINGS, ids=lambda f: f.__name__)
def test_bindings_agree_with_numpy(f, numpy_small, close):
    out = f(SMALL.n, SMALL.h, SMALL.k)
    assert out.shape == (SMALL.h.size, SMALL.k.size)
    close(numpy_small, out, what=f.__name__)


@pytest.mark.parametrize("f", BINDINGS, ids=lambda f: f.__name__)
def test_bindings_agree_with_numpy_at_the_books_size(f, numpy_book, close):
    close(numpy_book, f(BOOK.n, BOOK.h, BOOK.k), what=f.__name__)


@pytest.mark.parametrize("n", [1, 2, 3, 5, 9])
def test_odd_and_tiny_crystals(n, close):
    h = square.axis(0.0, n, 3)
    k = square.axis(4.0, n, 3)
    ref = strained.strained_numpy(n, h, k)
    for f in [wp.strained_naive, wp.strained_fast, wp.strained_symmetric]:
        close(ref, f(n, h, k), what=f"{f.__name__}, n = {n}")
