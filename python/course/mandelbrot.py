"""The Mandelbrot set (chapter 17, seed 002): the course's escape-time kernel on a grid of the
set's upper half. Every function takes the inputs ``(width, height, max_iter, re, im)``, with
``re`` and ``im`` the (first, last) values of each axis, and returns the counts as a
``(height, width)`` array, row ``i`` at imaginary part ``axis(im, height)[i]``."""

from __future__ import annotations

import numba
import numpy as np

from .common import NUMBA, NUMPY, PYTHON, RUST, Case, Scale, Variant

# The chapter's default: the upper half at the square spacing, at most 500 iterations.
WIDTH, HEIGHT, MAX_ITER = 400, 200, 500
RE, IM = (-2.0, 1.0), (0.0, 1.5)
# Pure Python on a grid 4 times coarser each way over the same window, its time scaled by 16:
# the work per point is about the same on a coarser sample of the same picture (a block of
# rows would not do: the rows' costs differ a hundredfold).
PYTHON_DIVISOR = 4
LIM = 2.0


def axis(first_last, n):
    """The axis as the Rust solution computes it, to the last bit: the centre plus an odd or
    even multiple of half a step, so that the set's symmetry holds exactly."""
    first, last = first_last
    centre = 0.5 * (first + last)
    if n < 2:
        return [centre] * n
    half_step = (last - first) / (2 * (n - 1))
    return [centre + half_step * (2.0 * k - (n - 1)) for k in range(n)]


def inputs(width=WIDTH, height=HEIGHT, max_iter=MAX_ITER, re=RE, im=IM):
    return width, height, max_iter, re, im


def kernel(zr, zi, cr, ci, lim, cutoff):
    """The course's kernel (seed 002), as it is written there."""
    count = 0
    while ((zr * zr + zi * zi) < (lim * lim)) and count < cutoff:
        zr, zi = zr * zr - zi * zi + cr, 2 * zr * zi + ci
        count += 1
    return count


def loops_python(args):
    """Two loops in pure Python, the course's kernel at every point."""
    width, height, max_iter, re, im = args
    xs, ys = axis(re, width), axis(im, height)
    counts = np.zeros((height, width), dtype=np.uint32)
    for i, ci in enumerate(ys):
        row = [kernel(0, 0, cr, ci, LIM, max_iter) for cr in xs]
        counts[i] = row
    return counts


def numpy_masked(args):
    """NumPy on the whole grid: one step of every point still inside the circle at a time,
    the points that escaped dropped from the arrays as they go."""
    width, height, max_iter, re, im = args
    cr = np.tile(np.asarray(axis(re, width)), height)
    ci = np.repeat(np.asarray(axis(im, height)), width)
    counts = np.zeros(width * height, dtype=np.uint32)
    alive = np.arange(width * height)
    zr = np.zeros(width * height)
    zi = np.zeros(width * height)
    for _ in range(max_iter):
        inside = zr * zr + zi * zi < LIM * LIM
        alive, zr, zi, cr, ci = alive[inside], zr[inside], zi[inside], cr[inside], ci[inside]
        if alive.size == 0:
            break
        zr, zi = zr * zr - zi * zi + cr, 2 * zr * zi + ci
        counts[alive] += 1
    return counts.reshape(height, width)


@numba.njit
def _kernel_numba(cr, ci, lim, cutoff):
    zr = 0.0
    zi = 0.0
    count = 0
    while ((zr * zr + zi * zi) < (lim * lim)) and count < cutoff:
        zr, zi = zr * zr - zi * zi + cr, 2 * zr * zi + ci
        count += 1
    return count


@numba.njit
def _grid_numba(xs, ys, max_iter, counts):
    for i in range(ys.size):
        for j in range(xs.size):
            counts[i, j] = _kernel_numba(xs[j], ys[i], LIM, max_iter)


@numba.njit(parallel=True)
def _grid_numba_parallel(xs, ys, max_iter, counts):
    for i in numba.prange(ys.size):
        for j in range(xs.size):
            counts[i, j] = _kernel_numba(xs[j], ys[i], LIM, max_iter)


def _axes(args):
    width, height, max_iter, re, im = args
    return np.asarray(axis(re, width)), np.asarray(axis(im, height)), max_iter


def numba_serial(args):
    """The two loops and the kernel under ``@njit``, one core."""
    xs, ys, max_iter = _axes(args)
    counts = np.zeros((ys.size, xs.size), dtype=np.uint32)
    _grid_numba(xs, ys, max_iter, counts)
    return counts


def numba_parallel(args):
    """The same under ``@njit(parallel=True)``, rows shared among the cores by ``prange``."""
    xs, ys, max_iter = _axes(args)
    counts = np.zeros((ys.size, xs.size), dtype=np.uint32)
    _grid_numba_parallel(xs, ys, max_iter, counts)
    return counts


def rust_naive(args):
    """The solution's serial kernel through ``workbook_py.mandelbrot_naive``."""
    import workbook_py as wp

    width, height, max_iter, re, im = args
    return wp.mandelbrot_naive(width, height, max_iter, re, im)


def rust_balanced(args):
    """The solution's balanced parallel kernel through ``workbook_py.mandelbrot_balanced``."""
    import workbook_py as wp

    width, height, max_iter, re, im = args
    return wp.mandelbrot_balanced(width, height, max_iter, re, im)


def case(quick: bool = False) -> Case:
    width, height, max_iter = (40, 20, 100) if quick else (WIDTH, HEIGHT, MAX_ITER)
    full = inputs(width, height, max_iter)
    small = inputs(max(1, width // PYTHON_DIVISOR), max(1, height // PYTHON_DIVISOR), max_iter)
    factor = (width * height) / (small[0] * small[1])
    scale = Scale(small, factor, f"timed on {small[0]} x {small[1]} over the same window and scaled by {factor:.0f}")
    variants = [
        Variant("python", PYTHON, "the course's kernel in two loops, pure Python", loops_python, scale=scale),
        Variant("numpy", NUMPY, "every point still inside stepped at once, escaped points dropped", numpy_masked),
        Variant("numba", NUMBA, "the loops and the kernel under @njit, one core", numba_serial, jit=True),
        Variant("numba_parallel", NUMBA, "the same under @njit(parallel=True), prange over rows", numba_parallel, jit=True),
        Variant("rust_naive", RUST, "workbook_py.mandelbrot_naive: the serial loops", rust_naive),
        Variant("rust_balanced", RUST, "workbook_py.mandelbrot_balanced: one task per row, work stealing, every core", rust_balanced),
    ]
    summary = f"{width} x {height} points over [-2, 1] x [0, 1.5]i (the upper half), at most {max_iter} iterations a point"
    return Case("mandelbrot", summary, full, rust_naive, variants)
