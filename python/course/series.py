"""The slow series (chapter 12): the sum of 1/k for k = 1..=n over the k whose decimal form has
no digit 9, n = 10^8. Every function takes n and returns the sum."""

from __future__ import annotations

import numba
import numpy as np

from .common import NUMBA, NUMPY, PYTHON, RUST, Case, Scale, Variant

N = 100_000_000
# The pure-Python loop is timed at this n; its time grows linearly with n.
N_PYTHON = 1_000_000
# Terms per NumPy chunk: the arrays stay near 8 MB whatever n.
CHUNK = 1 << 20


def slow_python(n):
    """The course's first version: write k in decimal and look for the character '9'."""
    total = 0.0
    for k in range(1, n + 1):
        if "9" not in str(k):
            total += 1.0 / k
    return total


def slow_numpy(n, chunk=CHUNK):
    """Vectorised in chunks: the digit test on whole arrays of integers (one ``% 10`` and one
    ``// 10`` per digit), the surviving terms summed by ``np.sum``, the chunks' sums in order."""
    total = 0.0
    for first in range(1, n + 1, chunk):
        k = np.arange(first, min(first + chunk, n + 1), dtype=np.int64)
        keep = np.ones(k.size, dtype=bool)
        rest = k.copy()
        while rest.any():
            keep &= rest % 10 != 9
            rest //= 10
        total += np.sum(1.0 / k[keep])
    return total


@numba.njit
def _term(k):
    """The course's ``combined``: 1/k, or 0 when k has a 9, with an integer digit test."""
    k0 = k
    while k > 0:
        if k % 10 == 9:
            return 0.0
        k //= 10
    return 1.0 / k0


@numba.njit
def slow_numba(n):
    """The course's fast Numba version: the integer digit test, compiled, on one core."""
    total = 0.0
    for k in range(1, n + 1):
        total += _term(k)
    return total


@numba.njit(parallel=True)
def slow_numba_parallel(n):
    """The same loop shared among the cores by ``prange`` (a parallel reduction)."""
    total = 0.0
    for k in numba.prange(1, n + 1):
        total += _term(k)
    return total


def case(quick: bool = False) -> Case:
    import workbook_py as wp

    n, n_python = (100_000, 10_000) if quick else (N, N_PYTHON)
    scale = Scale(n_python, n / n_python, f"timed at n = {n_python:.0e} and scaled by {n // n_python}")
    variants = [
        Variant("python", PYTHON, "the course's loop: '9' not in str(k)", slow_python, scale=scale),
        Variant("numpy", NUMPY, "chunks of 2^20: vectorised integer digit test, np.sum", slow_numpy),
        Variant("numba", NUMBA, "integer digit test under @njit, one core", slow_numba, jit=True),
        Variant("numba_parallel", NUMBA, "the same under @njit(parallel=True), prange reduction", slow_numba_parallel, jit=True),
        Variant("rust_digits", RUST, "workbook_py.series_digits: every k tested, four digits per lookup (the baseline)", wp.series_digits),
        Variant("rust_blocks_parallel", RUST, "workbook_py.series_blocks_parallel: blocks with a 9 skipped, on every core", wp.series_blocks_parallel),
        Variant("rust_grouped", RUST, "workbook_py.series_grouped: whole groups from precomputed power sums", wp.series_grouped),
    ]
    return Case("series", f"n = {n:.0e} terms (k = 1..=n without a 9)", n, wp.series_digits, variants)
