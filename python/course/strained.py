"""The strained circular crystal (chapters 6, 7 and the crystal chapters after them).

The cells inside the disk (n - N/2)^2 + (m - N/2)^2 <= (N/2)^2, each pushed outwards by
Delta n = e0 (n - N/2) (1 + tanh((r - N/2) / w)) (likewise for m), e0 = 0.01, w = 5, on the
square crystal's grid. Every function has the Rust kernels' signature, ``f(n, h, k)``.
"""

from __future__ import annotations

import cmath
import math

import numba
import numexpr as ne
import numpy as np

from .common import NUMBA, NUMEXPR, NUMPY, PYTHON, RUST, Case, Scale, Variant
from .square import N, N_PYTHON, OVERSAMPLING, Inputs

# The largest strain, at the surface, and the width of the strain profile, in cells.
E0 = 0.01
W = 5.0


def displacement(n, cn, cm):
    """(Delta n, Delta m) of cell (cn, cm) of a crystal of diameter n, as the Rust computes it."""
    radius = n / 2.0
    dx, dy = cn - radius, cm - radius
    r = math.sqrt(dx * dx + dy * dy)
    profile = E0 * (1.0 + math.tanh((r - radius) / W))
    return dx * profile, dy * profile


def inside(n, cn, cm):
    """Is cell (cn, cm) inside the disk of radius n/2 centred on (n/2, n/2)?"""
    radius = n / 2.0
    dx, dy = cn - radius, cm - radius
    return dx * dx + dy * dy <= radius * radius


def positions(n):
    """The displaced positions (x, y) of the cells inside the disk, n major (the Rust order),
    computed with NumPy."""
    radius = n / 2.0
    cells = np.arange(n, dtype=np.float64)
    cn, cm = np.meshgrid(cells, cells, indexing="ij")
    dx, dy = cn - radius, cm - radius
    r2 = dx * dx + dy * dy
    disk = r2 <= radius * radius
    profile = E0 * (1.0 + np.tanh((np.sqrt(r2) - radius) / W))
    return (cn + dx * profile)[disk], (cm + dy * profile)[disk]


# ---- Python ------------------------------------------------------------------------------


def strained_python(n, h, k):
    """The formula as written: support and displacement evaluated for every term."""
    result = np.zeros((h.size, k.size))
    for i, hi in enumerate(h):
        for j, kj in enumerate(k):
            tmp = 0j
            for cn in range(n):
                for cm in range(n):
                    if inside(n, cn, cm):
                        dn, dm = displacement(n, cn, cm)
                        tmp += cmath.exp(2j * np.pi * (hi * (cn + dn) + kj * (cm + dm)))
            result[i, j] = tmp.real * tmp.real + tmp.imag * tmp.imag
    return result


# ---- NumPy and NumExpr ---------------------------------------------------------------------


def strained_numpy(n, h, k):
    """The positions once, then a 3-D broadcast (h, k, cell) and a sum over the cells."""
    x, y = positions(n)
    phase = h.reshape(-1, 1, 1) * x + k.reshape(1, -1, 1) * y
    s = np.exp(2j * np.pi * phase).sum(axis=2)
    return s.real**2 + s.imag**2


def strained_numexpr(n, h, k):
    """The same broadcast with the exponentials by ``ne.evaluate`` on every core."""
    x, y = positions(n)
    hh = h.reshape(-1, 1, 1)
    kk = k.reshape(1, -1, 1)
    j2pi = np.pi * 2j
    s = ne.evaluate("exp(j2pi * (hh * x + kk * y))").sum(axis=2)
    return s.real**2 + s.imag**2


def strained_matmul(n, h, k):
    """A better algorithm: exp(2 pi i (h x + k y)) = A[i, c] B[j, c] with
    A = exp(2 pi i h x) and B = exp(2 pi i k y), so the grid is |A B^T|^2, one complex matrix
    product (BLAS, on every core): (h + k) C exponentials instead of h k C."""
    x, y = positions(n)
    a = np.exp(2j * np.pi * np.outer(h, x))
    b = np.exp(2j * np.pi * np.outer(k, y))
    s = a @ b.T
    return s.real**2 + s.imag**2


# ---- Numba ---------------------------------------------------------------------------------


@numba.njit
def _sum_numba(h, k, x, y):
    result = np.zeros((h.size, k.size))
    for i in range(h.size):
        for j in range(k.size):
            tmp = 0j
            for c in range(x.size):
                tmp += cmath.exp(2j * np.pi * (h[i] * x[c] + k[j] * y[c]))
            result[i, j] = tmp.real * tmp.real + tmp.imag * tmp.imag
    return result


@numba.njit(parallel=True)
def _sum_numba_parallel(h, k, x, y):
    result = np.zeros((h.size, k.size))
    for i in numba.prange(h.size):
        for j in range(k.size):
            tmp = 0j
            for c in range(x.size):
                tmp += cmath.exp(2j * np.pi * (h[i] * x[c] + k[j] * y[c]))
            result[i, j] = tmp.real * tmp.real + tmp.imag * tmp.imag
    return result


def strained_numba(n, h, k):
    """The positions once (NumPy), then the three loops under Numba, on one core."""
    x, y = positions(n)
    return _sum_numba(h, k, x, y)


def strained_numba_parallel(n, h, k):
    """The same with the rows of the grid shared among the cores (``prange``)."""
    x, y = positions(n)
    return _sum_numba_parallel(h, k, x, y)


# ---- The case ------------------------------------------------------------------------------


def _on(f):
    return lambda inp: f(inp.n, inp.h, inp.k)


def case(quick: bool = False) -> Case:
    import workbook_py as wp

    n, n_python = (8, 4) if quick else (N, N_PYTHON)
    inputs = Inputs.of(n, OVERSAMPLING)
    small = Inputs.of(n_python, OVERSAMPLING)
    scale = Scale(
        small,
        (n / n_python) ** 4,
        f"timed at N = {n_python} and scaled by ({n}/{n_python})^4",
    )
    cells = positions(n)[0].size
    summary = f"{inputs.summary()}, {cells} cells inside the disk"
    variants = [
        Variant("python", PYTHON, "four loops, support and displacement for every term (math, cmath)", _on(strained_python), scale=scale),
        Variant("numpy", NUMPY, "positions once, 3-D broadcast (h, k, cell), np.exp, sum", _on(strained_numpy)),
        Variant("numexpr", NUMEXPR, "positions once, the exponentials by ne.evaluate on every core", _on(strained_numexpr)),
        Variant("numba", NUMBA, "positions once, three loops under @njit, one core", _on(strained_numba), jit=True),
        Variant("numba_parallel", NUMBA, "positions once, three loops under @njit(parallel=True), prange", _on(strained_numba_parallel), jit=True),
        Variant("numpy_matmul", NUMPY, "a better algorithm: |A B^T|^2, one complex matrix product (BLAS)", _on(strained_matmul)),
        Variant("rust_naive", RUST, "workbook_py.strained_naive: the formula as written (the baseline)", _on(wp.strained_naive)),
        Variant("rust_fast", RUST, "workbook_py.strained_fast: positions once, vectorised sincos on every core", _on(wp.strained_fast)),
        Variant("rust_symmetric", RUST, "workbook_py.strained_symmetric: the matrix product with the disk's mirror symmetries", _on(wp.strained_symmetric)),
    ]
    return Case("strained", summary, inputs, _on(wp.strained_naive), variants)
