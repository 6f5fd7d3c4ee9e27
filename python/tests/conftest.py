"""Every test here needs the built extension module: stop with the way to build it if it is
missing, rather than report every test as failed."""

import pytest

try:
    import workbook_py  # noqa: F401
except ImportError:
    pytest.exit(
        "workbook_py is not built: run `maturin develop --release` in python/ "
        "(with the venv active; see python/README.md)",
        returncode=2,
    )


def rel(reference, value):
    """The course's check: max|ref - x| / max|ref| (|ref - x| / |ref| for numbers)."""
    from course.common import relative_error

    return relative_error(reference, value)


@pytest.fixture
def close():
    """``close(ref, x, tol)`` asserts the relative error is within ``tol`` and says it."""

    def check(reference, value, tol=1e-12, what=""):
        err = rel(reference, value)
        assert err <= tol, f"{what}: relative error {err:.2e} > {tol:.0e}"
        return err

    return check

