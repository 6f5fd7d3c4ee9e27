"""The square crystal (chapter 1 and the crystal chapters after it).

I(h, k) = | sum over cells (n, m) in 0..N x 0..N of exp(2 pi i (h n + k m)) |^2 on a grid of
(oversampling N) x (oversampling N) points around (H, K) = (0, 4). Every function here has the
Rust kernels' signature, ``f(n, h, k)``, and returns a ``(len(h), len(k))`` array.
"""

from __future__ import annotations

import cmath
from dataclasses import dataclass

import numba
import numexpr as ne
import numpy as np

from .common import NUMBA, NUMEXPR, NUMPY, PYTHON, RUST, Case, Scale, Variant

# The reflection the course looks at, and its crystal: chapter 1's defaults.
H = 0.0
K = 4.0
N = 32
OVERSAMPLING = 3
# The size the pure-Python loops are timed at; their time grows as N^4 oversampling^2.
N_PYTHON = 8


def axis(center: float, n: int, oversampling: int) -> np.ndarray:
    """``oversampling * n`` points from ``center - 0.5``, spaced by ``1 / (oversampling n)``:
    point i is ``center - 0.5 + i / samples``, as the Rust ``axis`` computes it (the course's
    ``np.arange(K - 0.5, K + 0.5, step)`` accumulates the step and differs in the last bits)."""
    samples = n * oversampling
    return (center - 0.5) + np.arange(samples, dtype=np.float64) / samples


@dataclass
class Inputs:
    n: int
    oversampling: int
    h: np.ndarray
    k: np.ndarray

    @classmethod
    def of(cls, n: int, oversampling: int) -> "Inputs":
        return cls(n, oversampling, axis(H, n, oversampling), axis(K, n, oversampling))

    def summary(self) -> str:
        side = self.h.size
        return f"N = {self.n}, oversampling {self.oversampling}: {side} x {side} grid"


# ---- Python ------------------------------------------------------------------------------


def laue_python(n, h, k):
    """The course's first version: four nested loops, one ``cmath.exp`` per term."""
    result = np.zeros((h.size, k.size))
    for i, hi in enumerate(h):
        for j, kj in enumerate(k):
            tmp = 0j
            for cn in range(n):
                for cm in range(n):
                    tmp += cmath.exp(2j * np.pi * (hi * cn + kj * cm))
            result[i, j] = tmp.real * tmp.real + tmp.imag * tmp.imag
    return result


# ---- NumPy and NumExpr ---------------------------------------------------------------------


def laue_numpy(n, h, k):
    """The course's vectorised version: a 4-D broadcast (h, k, n, m), then a sum over cells.
    At N = 32 the array of exponentials holds 96 x 96 x 32 x 32 complex numbers (151 MB)."""
    h = h.reshape(-1, 1, 1, 1)
    k = k.reshape(1, -1, 1, 1)
    cn = np.arange(n).reshape(1, 1, -1, 1)
    cm = np.arange(n).reshape(1, 1, 1, -1)
    s = np.sum(np.exp(2j * np.pi * (h * cn + k * cm)), axis=(2, 3))
    return s.real**2 + s.imag**2


def laue_numexpr(n, h, k):
    """The course's NumExpr version: the exponentials by ``ne.evaluate`` (chunked, on every
    core), the sum by NumPy."""
    h = h.reshape(-1, 1, 1, 1)
    k = k.reshape(1, -1, 1, 1)
    cn = np.arange(n).reshape(1, 1, -1, 1)
    cm = np.arange(n).reshape(1, 1, 1, -1)
    j2pi = np.pi * 2j
    tmp = ne.evaluate("exp(j2pi * (h * cn + k * cm))")
    s = np.sum(tmp, axis=(2, 3))
    return s.real**2 + s.imag**2


def laue_fft(n, h, k):
    """The right algorithm: the sum over cells is a discrete Fourier transform. With
    h_i = h0 + i / M, sum_n exp(2 pi i h_i n) is an inverse DFT of length M of the crystal
    times exp(2 pi i h0 n) (the course shifts the window with ``fftshift`` instead, which only
    works for a window that starts half-way between two reflections)."""
    rows, cols = h.size, k.size
    if rows == 0 or cols == 0:
        return np.zeros((rows, cols))
    h0, k0 = h[0], k[0]
    cells = np.arange(n)
    crystal = np.outer(np.exp(2j * np.pi * h0 * cells), np.exp(2j * np.pi * k0 * cells))
    grid = np.zeros((rows, cols), dtype=np.complex128)
    if n <= rows and n <= cols:
        grid[:n, :n] = crystal
    else:
        # A crystal larger than the window folds onto it (the DFT is periodic).
        np.add.at(grid, (cells[:, None] % rows, cells[None, :] % cols), crystal)
    s = np.fft.ifft2(grid, norm="forward")
    return s.real**2 + s.imag**2


def laue_factorised(n, h, k):
    """Past the FFT, using the crystal's shape: a square crystal's double sum over cells is the
    product of two one-dimensional sums, sum_n exp(2 pi i h n) times sum_m exp(2 pi i k m), so
    the intensity is an outer product of two vectors of |sum|^2. Exact, and O(N (H + K) + H K)."""
    cells = np.arange(n)
    a = np.exp(2j * np.pi * np.outer(h, cells)).sum(axis=1)
    b = np.exp(2j * np.pi * np.outer(k, cells)).sum(axis=1)
    return np.outer(a.real**2 + a.imag**2, b.real**2 + b.imag**2)


# ---- Numba ---------------------------------------------------------------------------------


@numba.njit
def laue_numba(n, h, k):
    """The four loops compiled by Numba, on one core."""
    result = np.zeros((h.size, k.size))
    for i in range(h.size):
        for j in range(k.size):
            tmp = 0j
            for cn in range(n):
                for cm in range(n):
                    tmp += cmath.exp(2j * np.pi * (h[i] * cn + k[j] * cm))
            result[i, j] = tmp.real * tmp.real + tmp.imag * tmp.imag
    return result


@numba.njit(parallel=True)
def laue_numba_parallel(n, h, k):
    """The course's ``laue_numba``: the rows of the grid shared among the cores (``prange``)."""
    result = np.zeros((h.size, k.size))
    for i in numba.prange(h.size):
        for j in range(k.size):
            tmp = 0j
            for cn in range(n):
                for cm in range(n):
                    tmp += cmath.exp(2j * np.pi * (h[i] * cn + k[j] * cm))
            result[i, j] = tmp.real * tmp.real + tmp.imag * tmp.imag
    return result


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
    variants = [
        Variant("python", PYTHON, "four nested loops, one cmath.exp per term", _on(laue_python), scale=scale),
        Variant("numpy", NUMPY, "4-D broadcast (h, k, n, m), np.exp, sum over cells", _on(laue_numpy)),
        Variant("numexpr", NUMEXPR, "the exponentials by ne.evaluate on every core, the sum by NumPy", _on(laue_numexpr)),
        Variant("numba", NUMBA, "the four loops under @njit, one core", _on(laue_numba), jit=True),
        Variant("numba_parallel", NUMBA, "the four loops under @njit(parallel=True), rows by prange", _on(laue_numba_parallel), jit=True),
        Variant("numpy_fft", NUMPY, "the right algorithm: one 2-D FFT of the crystal (np.fft)", _on(laue_fft)),
        Variant("numpy_factorised", NUMPY, "past the FFT: two 1-D sums and their outer product (the crystal is square)", _on(laue_factorised)),
        Variant("rust_naive", RUST, "workbook_py.square_naive: four loops, one cis per term (the baseline)", _on(wp.square_naive)),
        Variant("rust_fast", RUST, "workbook_py.square_fast: vectorised polynomial sincos on every core", _on(wp.square_fast)),
        Variant("rust_fft", RUST, "workbook_py.square_fft: the 2-D FFT (rustfft)", _on(wp.square_fft)),
        Variant("rust_factorised", RUST, "workbook_py.bindings.square: chapter 14's binding, the two 1-D sums", _on(wp.bindings.square)),
    ]
    return Case("square", inputs.summary(), inputs, _on(wp.square_naive), variants)
