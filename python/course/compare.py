"""Times the course's Python variants and the Rust kernels called from Python, case by case.

    python -m course.compare [--case NAME]... [--seconds S] [--quick] [--nbody-init FILE.npy] [--json]

Run from ``python/`` with the venv's Python, after ``maturin develop --release``. Every variant
gets one warm-up call (for Numba it compiles: ``compile_s`` is that call's time minus the
median), then repeated calls for about ``--seconds`` (at least 5, at most 1000), each timed
with ``time.perf_counter``; the best and the median are reported. The error of every variant is
measured against the chapter's Rust baseline on the same inputs: max|ref - x| / max|ref| for
arrays, |ref - x| / |ref| for numbers.

With ``--json``, one JSON object per line, with exactly the keys of ``KEYS``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import sys
from typing import Any, Dict, List, Optional

CASES = ("square", "strained", "series", "cosine", "nbody", "velocity", "mandelbrot", "call")
# What runs without --case: the seven case studies. `call` (the cost of one call) on request.
DEFAULT_CASES = ("square", "strained", "series", "cosine", "nbody", "velocity", "mandelbrot")
KEYS = (
    "case",
    "variant",
    "language",
    "about",
    "best_s",
    "median_s",
    "runs",
    "compile_s",
    "error",
    "scaled",
    "summary",
)
# The same algorithm on both sides, (Rust variant, Numba variant), for the report's goals.
SAME_ALGORITHM = {
    "square": [("rust_fast", "numba_parallel")],
    "strained": [("rust_fast", "numba_parallel")],
    "series": [("rust_digits", "numba")],
    "cosine": [("rust_libm", "numba")],
    "nbody": [("rust_simulate", "numba_driver"), ("rust_accelerations", "numba")],
    "velocity": [("rust_parallel", "numba_parallel")],
    "mandelbrot": [("rust_naive", "numba"), ("rust_balanced", "numba_parallel")],
}
BUILD_HINT = (
    "workbook_py is not built: run `maturin develop --release` in python/ "
    "(with the venv active; see python/README.md)"
)


def _build_case(name: str, quick: bool, nbody_init: Optional[str]):
    from . import call, cosine, mandelbrot, nbody, series, square, strained, velocity

    if name == "nbody":
        bodies = nbody.initial_conditions()
        if nbody_init:
            nbody.save(bodies, nbody_init)
        return nbody.case(quick, bodies)
    module = {"square": square, "strained": strained, "series": series, "cosine": cosine, "velocity": velocity, "mandelbrot": mandelbrot, "call": call}[name]
    return module.case(quick)


def run_case(case, seconds: float, emit) -> List[Dict[str, Any]]:
    """Times every variant of ``case``; ``emit(row)`` is called as each one finishes."""
    from .common import measure, relative_error

    references: Dict[int, Any] = {}

    def reference(inputs):
        key = id(inputs)
        if key not in references:
            references[key] = case.reference(inputs)
        return references[key]

    rows = []
    for v in case.variants:
        inputs = v.scale.inputs if v.scale else case.inputs
        factor = v.scale.factor if v.scale else 1.0
        try:
            ref = v.reference(inputs) if v.reference else reference(inputs)
            t = measure(lambda: v.run(inputs), seconds)
            error = relative_error(ref, t.result)
        except Exception as e:  # a broken variant is reported, and the others still run
            print(f"{case.name}/{v.name} failed: {type(e).__name__}: {e}", file=sys.stderr)
            rows.append(None)
            continue
        row = {
            "case": case.name,
            "variant": v.name,
            "language": v.language,
            "about": v.about,
            "best_s": t.best_s * factor,
            "median_s": t.median_s * factor,
            "runs": t.runs,
            "compile_s": max(0.0, t.first_s - t.median_s) if v.jit else None,
            "error": error,
            "scaled": v.scale.text if v.scale else None,
            "summary": case.summary,
        }
        rows.append(row)
        emit(row)
    return rows


def _time(s: Optional[float]) -> str:
    if s is None:
        return "-"
    if s >= 1.0:
        return f"{s:.2f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.2f} ms"
    if s >= 1e-6:
        return f"{s * 1e6:.2f} us"
    return f"{s * 1e9:.1f} ns"


def _table(case_name: str, summary: str, rows: List[Dict[str, Any]]) -> str:
    baseline = "python_add" if case_name == "call" else "numpy"
    base = next((r["best_s"] for r in rows if r["variant"] == baseline), None)
    lines = [f"== {case_name}: {summary}"]
    header = f"  {'variant':<24}{'language':<18}{'best':>11}{'median':>11}{'runs':>6}{'vs ' + baseline:>14}{'compile':>10}{'error':>10}"
    lines.append(header)
    for r in rows:
        speed = f"{base / r['best_s']:.2f}x" if base and r["best_s"] > 0 else "-"
        compile_s = _time(r["compile_s"]) if r["compile_s"] is not None else ""
        note = f"  ({r['scaled']})" if r["scaled"] else ""
        lines.append(
            f"  {r['variant']:<24}{r['language']:<18}{_time(r['best_s']):>11}{_time(r['median_s']):>11}"
            f"{r['runs']:>6}{speed:>14}{compile_s:>10}{r['error']:>10.1e}{note}"
        )
    return "\n".join(lines)


def goals(rows: List[Dict[str, Any]]) -> str:
    """The issue's goals, from the rows of a run: best Rust over best Python per case, and the
    same algorithm in Rust over Numba."""
    from .common import RUST

    lines = ["== goals (>= 5x each)"]
    by_case: Dict[str, List[Dict[str, Any]]] = {}
    for r in rows:
        by_case.setdefault(r["case"], []).append(r)
    for name, case_rows in by_case.items():
        if name == "call":
            continue
        rust = [r for r in case_rows if r["language"] == RUST]
        python = [r for r in case_rows if r["language"] != RUST]
        if rust and python:
            br = min(rust, key=lambda r: r["best_s"])
            bp = min(python, key=lambda r: r["best_s"])
            lines.append(
                f"  {name:<9} best Rust {br['variant']} {_time(br['best_s'])} vs best Python "
                f"{bp['variant']} {_time(bp['best_s'])}: {bp['best_s'] / br['best_s']:.1f}x"
            )
        named = {r["variant"]: r for r in case_rows}
        for rust_name, numba_name in SAME_ALGORITHM.get(name, []):
            if rust_name in named and numba_name in named:
                a, b = named[rust_name], named[numba_name]
                lines.append(
                    f"  {name:<9} same algorithm: {rust_name} {_time(a['best_s'])} vs {numba_name} "
                    f"{_time(b['best_s'])}: {b['best_s'] / a['best_s']:.1f}x"
                )
    return "\n".join(lines)


def _machine() -> str:
    import numba
    import numexpr
    import numpy
    import workbook_py

    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (
        f"{model}, {os.cpu_count()} logical cores; Python {platform.python_version()}, "
        f"numpy {numpy.__version__}, numexpr {numexpr.__version__} ({numexpr.ncores} cores), "
        f"numba {numba.__version__} ({numba.config.NUMBA_NUM_THREADS} threads), "
        f"rayon {workbook_py.RAYON_THREADS} threads"
    )


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m course.compare",
        description="Time the course's Python variants against the Rust kernels called from Python.",
    )
    parser.add_argument("--case", action="append", choices=CASES, help="a case to run (repeatable; default: all but call)")
    parser.add_argument("--seconds", type=float, default=1.0, help="time budget of repeated calls per variant (default 1.0)")
    parser.add_argument("--quick", action="store_true", help="small sizes, for tests")
    parser.add_argument("--nbody-init", metavar="FILE.npy", help="write the N-body initial conditions there, shape (n, 7)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    args = parser.parse_args(argv)
    if not (args.seconds >= 0 and math.isfinite(args.seconds)):
        parser.error("--seconds must be a finite number >= 0")

    try:
        import workbook_py  # noqa: F401
    except ImportError:
        print(BUILD_HINT, file=sys.stderr)
        return 2

    names = args.case or list(DEFAULT_CASES)
    if args.nbody_init and "nbody" not in names:
        names.append("nbody")
    if not args.json:
        print(_machine())
    failed = False
    all_rows: List[Dict[str, Any]] = []
    for name in dict.fromkeys(names):
        case = _build_case(name, args.quick, args.nbody_init)

        def emit(row):
            if args.json:
                print(json.dumps({k: row[k] for k in KEYS}), flush=True)
            else:
                print(f"  {row['case']}/{row['variant']}: {_time(row['best_s'])}", file=sys.stderr, flush=True)

        rows = run_case(case, args.seconds, emit)
        failed |= any(r is None for r in rows)
        done = [r for r in rows if r is not None]
        all_rows.extend(done)
        if not args.json:
            print(_table(case.name, case.summary, done), flush=True)
    if not args.json:
        print(goals(all_rows))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
