"""The velocity conversion: every Python variant and the binding against the course's first
loop (pure Python), at small sizes."""

import numpy as np
import pytest
import workbook_py as wp

from course import velocity


@pytest.fixture(scope="module")
def small():
    return velocity.inputs(5, 7, 3)


@pytest.fixture(scope="module")
def loops(small):
    return velocity.loops_python(small)


VARIANTS = [
    velocity.hoisted_python,
    velocity.numpy_1d,
    velocity.numpy_2d,
    velocity.numpy_3d,
    velocity.numba_serial,
    velocity.numba_parallel,
    velocity.rust_velocity,
]


@pytest.mark.parametrize("f", VARIANTS, ids=lambda f: f.__name__)
def test_variants_agree_with_the_loops(f, small, loops, close):
    close(np.stack(loops), np.stack(f(small)), what=f.__name__)


def test_a_larger_grid_agrees(close):
    args = velocity.inputs(20, 33, 9)
    ref = np.stack(velocity.numpy_2d(args))
    for f in [velocity.numpy_3d, velocity.numba_parallel, velocity.rust_velocity]:
        close(ref, np.stack(f(args)), what=f.__name__)


def test_a_radial_field_points_outwards(close):
    lat, lon, r, vlat, vlon, vrad = velocity.inputs(5, 5, 2)
    zero = np.zeros_like(vrad)
    vx, vy, vz = wp.velocity_parallel(lat, lon, r, zero, zero, vrad)
    la = np.radians(lat).reshape(-1, 1, 1)
    lo = np.radians(lon)
    close(vrad * np.cos(la) * np.cos(lo), vx, tol=1e-12, what="vx")
    close(vrad * np.cos(la) * np.sin(lo), vy, tol=1e-12, what="vy")
    close(vrad * np.sin(la) + 0 * lo, vz, tol=1e-12, what="vz")


def test_the_binding_refuses_bad_shapes():
    lat, lon, r, vlat, vlon, vrad = velocity.inputs(3, 4, 2)
    with pytest.raises(ValueError, match="vlon must have shape"):
        wp.velocity_parallel(lat, lon, r, vlat, vlon[:, :, :2].copy(), vrad)
    with pytest.raises(ValueError, match="C-contiguous"):
        wp.velocity_parallel(lat, lon, r, vlat, np.asfortranarray(vlon), vrad)


def test_the_driver_builds_the_case():
    case = velocity.case(quick=True)
    assert case.name == "velocity"
    assert {v.name for v in case.variants} >= {"python", "numpy", "numpy_3d", "numba_parallel", "rust_parallel"}
