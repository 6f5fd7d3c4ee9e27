"""What every case shares: how a variant is described, timed and checked."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from typing import Any, Callable, List, Optional

import numpy as np

# The languages a variant can be written in, as the driver reports them.
PYTHON = "Python"
NUMPY = "NumPy"
NUMEXPR = "NumExpr"
NUMBA = "Numba"
RUST = "Rust from Python"
LANGUAGES = (PYTHON, NUMPY, NUMEXPR, NUMBA, RUST)


@dataclass
class Scale:
    """A variant too slow for the full size: timed on ``inputs`` and its times multiplied by
    ``factor`` (the known cost power); ``text`` says so in the output."""

    inputs: Any
    factor: float
    text: str


@dataclass
class Variant:
    """One way to compute a case: ``run(inputs)`` returns what the reference returns."""

    name: str
    language: str
    about: str
    run: Callable[[Any], Any]
    # Numba: the first call compiles, and the driver reports how long that took.
    jit: bool = False
    scale: Optional[Scale] = None
    # Checked against this instead of the case's reference (a variant computing something else).
    reference: Optional[Callable[[Any], Any]] = None


@dataclass
class Case:
    """A case study at one size: its inputs, the Rust baseline that every variant is checked
    against, and the variants."""

    name: str
    summary: str
    inputs: Any
    reference: Callable[[Any], Any]
    variants: List[Variant] = field(default_factory=list)


def relative_error(reference: Any, value: Any) -> float:
    """max|ref - x| / max|ref| for arrays, |ref - x| / |ref| for numbers (the course's check)."""
    ref = np.asarray(reference, dtype=np.float64)
    x = np.asarray(value, dtype=np.float64)
    if ref.shape != x.shape:
        raise ValueError(f"shape {x.shape} where the reference has {ref.shape}")
    scale = float(np.max(np.abs(ref))) if ref.size else 0.0
    diff = float(np.max(np.abs(ref - x))) if ref.size else 0.0
    if scale == 0.0:
        return 0.0 if diff == 0.0 else float("inf")
    return diff / scale


@dataclass
class Timing:
    """What timing one variant gave: the first call's time (for Numba it includes compiling),
    the best and the median of the repeated calls, how many there were, and the first call's
    result."""

    first_s: float
    best_s: float
    median_s: float
    runs: int
    result: Any


MIN_RUNS = 5
MAX_RUNS = 1000


def measure(call: Callable[[], Any], seconds: float) -> Timing:
    """One warm-up call, then repeated calls for about ``seconds`` (at least 5, at most 1000),
    each timed with ``time.perf_counter``: the same protocol as the Rust side's timer."""
    start = time.perf_counter()
    result = call()
    first = time.perf_counter() - start
    times: List[float] = []
    budget_start = time.perf_counter()
    while len(times) < MAX_RUNS:
        if len(times) >= MIN_RUNS and time.perf_counter() - budget_start >= seconds:
            break
        t0 = time.perf_counter()
        call()
        times.append(time.perf_counter() - t0)
    return Timing(first, min(times), statistics.median(times), len(times), result)
