"""What one call costs: ``add(a, b)`` as a Python function, a Numba function and the Rust
``workbook_py.add``, each called in a loop from Python; and a kernel call with arrays in and out
that does almost no work (the square crystal of one cell at one point), Numba's and Rust's. The
times reported are per call (the loop's time divided by its length, the loop's own cost
included): what a kernel call must cover in work before the crossing from Python stops
mattering."""

from __future__ import annotations

import numba
import numpy as np

from . import square
from .common import NUMBA, PYTHON, RUST, Case, Scale, Variant

CALLS = 100_000
A, B = 1.5, 2.25


def add_python(a, b):
    return a + b


@numba.njit
def add_numba(a, b):
    return a + b


def _loop(f):
    def run(calls):
        a, b = A, B
        x = 0.0
        for _ in range(calls):
            x = f(a, b)
        return x

    return run


def _one_cell(_calls):
    """What the one-term kernel returns: the intensity of one cell, 1."""
    import workbook_py as wp

    return float(wp.square_naive(1, np.zeros(1), np.full(1, 4.0))[0, 0])


def _array_loop(f):
    """``f(1, h, k)`` on one-point axes: two arrays in, a 1 x 1 array out, one term of work."""

    def run(calls):
        h, k = np.zeros(1), np.full(1, 4.0)
        x = None
        for _ in range(calls):
            x = f(1, h, k)
        return float(x[0, 0])

    return run


def case(quick: bool = False) -> Case:
    import workbook_py as wp

    calls = 10_000 if quick else CALLS
    scale = Scale(calls, 1.0 / calls, f"a loop of {calls} calls, divided by {calls}")
    variants = [
        Variant("python_add", PYTHON, "def add(a, b): return a + b", _loop(add_python), scale=scale),
        Variant("numba_add", NUMBA, "the same under @njit: Numba's dispatcher per call", _loop(add_numba), jit=True, scale=scale),
        Variant("rust_add", RUST, "workbook_py.add: one PyO3 call, two floats in, one out", _loop(wp.add), scale=scale),
        Variant("numba_array_call", NUMBA, "laue_numba(1, h, k) on 1-point axes: arrays in, a new array out", _array_loop(square.laue_numba), jit=True, scale=scale, reference=_one_cell),
        Variant("rust_array_call", RUST, "workbook_py.square_naive(1, h, k) on 1-point axes: borrow, GIL released, new array", _array_loop(wp.square_naive), scale=scale, reference=_one_cell),
    ]
    return Case("call", "one call of add(1.5, 2.25), or of a one-term kernel, from Python", calls, lambda _: wp.add(A, B), variants)
