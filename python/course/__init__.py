"""The course's Python variants of the workbook's case studies.

One module per case study (square, strained, series, cosine, nbody), each with the variants the
course times: pure Python, NumPy, NumExpr where the course used it, Numba serial and parallel,
and the Rust solutions called from Python through ``workbook_py``. Every variant computes the
same thing as the Rust reference from the same inputs, so their errors are rounding only.

``python -m course.compare`` times them all; ``course.cases`` lists them.
"""
