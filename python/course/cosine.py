"""The cosine series (chapter 13): the sum of cos(k)/k for k = 1..=n, n = 10^8, whose limit is
-ln(2 sin(1/2)). Every function takes n and returns the sum."""

from __future__ import annotations

import math

import numba
import numexpr as ne
import numpy as np

from .common import NUMBA, NUMEXPR, NUMPY, PYTHON, RUST, Case, Scale, Variant

N = 100_000_000
N_PYTHON = 1_000_000
CHUNK = 1 << 20


def limit():
    """The value the series converges to."""
    return -math.log(2.0 * math.sin(0.5))


def trig_python(n):
    """The course's loop: one ``math.cos`` per term, added in order of k."""
    total = 0.0
    for k in range(1, n + 1):
        total += math.cos(k) / k
    return total


def trig_numpy(n, chunk=CHUNK):
    """Chunks of 2^20 terms: ``np.cos(k) / k`` on a whole array, ``np.sum``, chunks in order."""
    total = 0.0
    for first in range(1, n + 1, chunk):
        k = np.arange(first, min(first + chunk, n + 1), dtype=np.float64)
        total += np.sum(np.cos(k) / k)
    return total


def trig_numexpr(n, chunk=CHUNK):
    """The same chunks with the terms by ``ne.evaluate`` (on every core), the sum by NumPy."""
    total = 0.0
    out = np.empty(chunk)
    for first in range(1, n + 1, chunk):
        k = np.arange(first, min(first + chunk, n + 1), dtype=np.float64)
        terms = out[: k.size]
        ne.evaluate("cos(k) / k", out=terms)
        total += np.sum(terms)
    return total


@numba.njit
def trig_numba(n):
    """The course's loop under ``@njit``, one core."""
    total = 0.0
    for k in range(1, n + 1):
        total += math.cos(k) / k
    return total


@numba.njit(parallel=True)
def trig_numba_parallel(n):
    """The same loop shared among the cores by ``prange`` (a parallel reduction)."""
    total = 0.0
    for k in numba.prange(1, n + 1):
        total += math.cos(k) / k
    return total


def case(quick: bool = False) -> Case:
    import workbook_py as wp

    n, n_python = (100_000, 10_000) if quick else (N, N_PYTHON)
    scale = Scale(n_python, n / n_python, f"timed at n = {n_python:.0e} and scaled by {n // n_python}")
    variants = [
        Variant("python", PYTHON, "the course's loop: math.cos(k) / k", trig_python, scale=scale),
        Variant("numpy", NUMPY, "chunks of 2^20: np.cos(k) / k, np.sum", trig_numpy),
        Variant("numexpr", NUMEXPR, "chunks of 2^20: ne.evaluate('cos(k) / k') on every core, np.sum", trig_numexpr),
        Variant("numba", NUMBA, "the loop under @njit, one core", trig_numba, jit=True),
        Variant("numba_parallel", NUMBA, "the loop under @njit(parallel=True), prange reduction", trig_numba_parallel, jit=True),
        Variant("rust_libm", RUST, "workbook_py.cosine_libm: one libm cos per term, in order (the baseline)", wp.cosine_libm),
        Variant("rust_parallel", RUST, "workbook_py.cosine_parallel: rotations re-synchronised every 4096 terms, every core", wp.cosine_parallel),
    ]
    return Case("cosine", f"n = {n:.0e} terms of cos(k)/k", n, wp.cosine_libm, variants)
