"""The Mandelbrot set: every Python variant and the bindings against the course's kernel in
pure Python, count for count, at small sizes."""

import numpy as np
import pytest
import workbook_py as wp

from course import mandelbrot


@pytest.fixture(scope="module")
def small():
    # Odd sizes over the whole set, so that both the set and its far outside are in.
    return mandelbrot.inputs(23, 17, 150, im=(-1.5, 1.5))


@pytest.fixture(scope="module")
def loops(small):
    return mandelbrot.loops_python(small)


VARIANTS = [
    mandelbrot.numpy_masked,
    mandelbrot.numba_serial,
    mandelbrot.numba_parallel,
    mandelbrot.rust_naive,
    mandelbrot.rust_balanced,
]


@pytest.mark.parametrize("f", VARIANTS, ids=lambda f: f.__name__)
def test_variants_give_the_same_counts(f, small, loops):
    counts = f(small)
    assert counts.shape == loops.shape
    assert np.array_equal(counts, loops), f"{f.__name__}: {np.sum(counts != loops)} counts differ"


def test_the_course_kernel_knows_its_points():
    assert mandelbrot.kernel(0, 0, 0.0, 0.0, 2.0, 100) == 100
    assert mandelbrot.kernel(0, 0, -1.0, 0.0, 2.0, 100) == 100
    assert mandelbrot.kernel(0, 0, 0.0, 1.0, 2.0, 100) == 100
    assert mandelbrot.kernel(0, 0, 2.0, 0.0, 2.0, 100) == 1
    assert mandelbrot.kernel(0, 0, 1.0, 1.0, 2.0, 100) == 2


def test_the_whole_set_is_symmetric(loops):
    assert np.array_equal(loops, loops[::-1])


def test_the_upper_half_matches_the_rust_default():
    args = mandelbrot.inputs(40, 20, 300)
    assert np.array_equal(mandelbrot.numba_serial(args), mandelbrot.rust_balanced(args))


def test_the_binding_refuses_bad_sizes():
    with pytest.raises(ValueError, match="at least 1"):
        wp.mandelbrot_naive(0, 10, 100)
    with pytest.raises(ValueError, match="max_iter"):
        wp.mandelbrot_balanced(10, 10, 0)
    with pytest.raises(ValueError, match="more than"):
        wp.mandelbrot_naive(1 << 20, 1 << 20, 10)
    with pytest.raises(ValueError, match="finite"):
        wp.mandelbrot_naive(10, 10, 10, re=(float("nan"), 1.0))


def test_the_case_builds():
    case = mandelbrot.case(quick=True)
    assert case.name == "mandelbrot"
    assert {v.name for v in case.variants} >= {"python", "numba", "numba_parallel", "rust_naive"}
