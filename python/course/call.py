"""What one call costs: ``add(a, b)`` as a Python function, a Numba function and the Rust
``workbook_py.add``, each called in a loop from Python. The times reported are per call (the
loop's time divided by its length, the loop's own cost included): what a kernel call must cover
in work before the crossing from Python stops mattering."""

from __future__ import annotations

import numba

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


def case(quick: bool = False) -> Case:
    import workbook_py as wp

    calls = 10_000 if quick else CALLS
    scale = Scale(calls, 1.0 / calls, f"a loop of {calls} calls, divided by {calls}")
    variants = [
        Variant("python_add", PYTHON, "def add(a, b): return a + b", _loop(add_python), scale=scale),
        Variant("numba_add", NUMBA, "the same under @njit: Numba's dispatcher per call", _loop(add_numba), jit=True, scale=scale),
        Variant("rust_add", RUST, "workbook_py.add: one PyO3 call, two floats in, one out", _loop(wp.add), scale=scale),
    ]
    return Case("call", "one call of add(1.5, 2.25) from Python", calls, lambda _: wp.add(A, B), variants)
