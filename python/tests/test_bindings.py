"""Chapter 14: the binding you write in exercises/14_bindings/src/binding.rs, reached as
``workbook_py.yours.square`` (or, with ``WORKBOOK_SIDE=solution``, the reference solution's
``workbook_py.bindings.square``). ``cargo workbook check bindings`` builds workbook_py with
your exercise and runs this file."""

import os
import threading
import time

import numpy as np
import pytest

import workbook_py

SIDE = os.environ.get("WORKBOOK_SIDE", "yours")
if SIDE == "solution":
    binding = workbook_py.bindings
else:
    if not workbook_py.HAS_YOURS:
        pytest.skip(
            "workbook_py was built without your exercise: `cargo workbook check bindings` builds it with it",
            allow_module_level=True,
        )
    binding = workbook_py.yours


def grid(n=32, oversampling=3):
    h = workbook_py.axis(0.0, n, oversampling)
    k = workbook_py.axis(4.0, n, oversampling)
    return h, k


def test_agrees_with_the_direct_sum():
    h, k = grid(12)
    expected = workbook_py.square_naive(12, h, k)
    got = binding.square(12, h, k)
    assert got.shape == (h.size, k.size)
    assert got.dtype == np.float64
    error = np.max(np.abs(got - expected)) / np.max(np.abs(expected))
    assert error < 1e-12, f"max |ref - x| / max |ref| = {error:.1e}"


def test_agrees_on_the_books_grid():
    h, k = grid()
    expected = workbook_py.square_tables(32, h, k)
    error = np.max(np.abs(binding.square(32, h, k) - expected)) / np.max(expected)
    assert error < 1e-12, f"max |ref - x| / max |ref| = {error:.1e}"


def test_bad_input_is_a_value_error_with_check_inputs_message():
    h, k = grid(4)
    with pytest.raises(ValueError, match="n must be at least 1"):
        binding.square(0, h, k)
    with pytest.raises(ValueError, match="h is empty"):
        binding.square(4, np.array([]), k)
    bad = k.copy()
    bad[1] = np.nan
    with pytest.raises(ValueError, match=r"k\[1\] is not a finite number"):
        binding.square(4, h, bad)


def test_the_gil_is_released():
    """Two Python threads calling the binding at once finish in clearly less time than two
    calls one after the other: while Rust computes, the other thread runs."""
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: two threads cannot run at once")
    h = np.linspace(-0.5, 0.5, 1500)
    k = np.linspace(3.5, 4.5, 1500)
    binding.square(200, h, k)  # warm-up

    def once():
        binding.square(200, h, k)

    start = time.perf_counter()
    once()
    once()
    serial = time.perf_counter() - start
    threads = [threading.Thread(target=once) for _ in range(2)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    together = time.perf_counter() - start
    # 2 cores: ideally half; a loaded machine gets some slack, a GIL held throughout none.
    assert together < 0.8 * serial, f"two threads {together:.3f} s, one after the other {serial:.3f} s"
