"""The velocity conversion (chapter 15, seed 003): spherical velocity components (latitude,
longitude, radial) to Cartesian ones at every point of an nlat x nr x nlon grid, arrays in the
course's order (nlat, nr, nlon), longitude fastest. Every function takes the inputs
``(latitude, longitude, radius, vlat, vlon, vrad)`` and returns ``(vx, vy, vz)``."""

from __future__ import annotations

import math

import numba
import numpy as np
from numpy.polynomial import legendre

from .common import NUMBA, NUMPY, PYTHON, RUST, Case, Scale, Variant

# The course's "reduce the problem size by 8X", the chapter's default.
NLAT, NLON, NR = 250, 400, 150
# Pure Python on a sixteenth of the latitudes and of the longitudes, its times scaled up.
PYTHON_DIVISOR = 16


def _p(n, x):
    """The Legendre polynomial P_n(x) (m = 0, scipy's ``lpmv(0, n, x)``)."""
    return legendre.legval(x, [0] * n + [1])


def inputs(nlat, nlon, nr):
    """The course's axes and fields, as seed 003 sets them."""
    latitude = np.linspace(-90, 90, nlat)
    longitude = np.linspace(0, 360, nlon)
    radius = np.linspace(3485, 6371, nr)
    shape = (nlat, nr, nlon)
    vlat = np.ascontiguousarray(np.broadcast_to(_p(3, latitude / 90).reshape(nlat, 1, 1), shape))
    vlon = np.ascontiguousarray(np.broadcast_to(_p(2, longitude / 180 - 1.0), shape))
    vrad = np.ascontiguousarray(np.broadcast_to(_p(3, (radius - 4928) / 1443).reshape(nr, 1), shape))
    return latitude, longitude, radius, vlat, vlon, vrad


def _zeros(vlat):
    return np.zeros(vlat.shape), np.zeros(vlat.shape), np.zeros(vlat.shape)


def loops_python(args):
    """The course's first loop (latitude, longitude, radius), sin, cos and radians at every point."""
    latitude, longitude, radius, vlat, vlon, vrad = args
    nlat, nr, nlon = vlat.shape
    vx, vy, vz = _zeros(vlat)
    for i in range(nlat):
        for k in range(nlon):
            for j in range(nr):
                vx[i, j, k] = (
                    -np.sin(np.radians(longitude[k])) * vlon[i, j, k]
                    - np.sin(np.radians(latitude[i])) * np.cos(np.radians(longitude[k])) * vlat[i, j, k]
                    + np.cos(np.radians(latitude[i])) * np.cos(np.radians(longitude[k])) * vrad[i, j, k]
                )
                vy[i, j, k] = (
                    np.cos(np.radians(longitude[k])) * vlon[i, j, k]
                    - np.sin(np.radians(latitude[i])) * np.sin(np.radians(longitude[k])) * vlat[i, j, k]
                    + np.cos(np.radians(latitude[i])) * np.sin(np.radians(longitude[k])) * vrad[i, j, k]
                )
                vz[i, j, k] = np.cos(np.radians(latitude[i])) * vlat[i, j, k] + np.sin(np.radians(latitude[i])) * vrad[i, j, k]
    return vx, vy, vz


def hoisted_python(args):
    """The course's second loop: sines and cosines once per latitude and per longitude."""
    latitude, longitude, radius, vlat, vlon, vrad = args
    nlat, nr, nlon = vlat.shape
    vx, vy, vz = _zeros(vlat)
    for i in range(nlat):
        lat = np.radians(latitude[i])
        sinlat, coslat = np.sin(lat), np.cos(lat)
        for k in range(nlon):
            lon = np.radians(longitude[k])
            sinlon, coslon = np.sin(lon), np.cos(lon)
            for j in range(nr):
                vx[i, j, k] = -sinlon * vlon[i, j, k] - sinlat * coslon * vlat[i, j, k] + coslat * coslon * vrad[i, j, k]
                vy[i, j, k] = coslon * vlon[i, j, k] - sinlat * sinlon * vlat[i, j, k] + coslat * sinlon * vrad[i, j, k]
                vz[i, j, k] = coslat * vlat[i, j, k] + sinlat * vrad[i, j, k]
    return vx, vy, vz


def numpy_1d(args):
    """NumPy over longitudes: loops over latitude and radius, one row of nlon at a time."""
    latitude, longitude, radius, vlat, vlon, vrad = args
    nlat, nr, nlon = vlat.shape
    vx, vy, vz = _zeros(vlat)
    for i in range(nlat):
        lat = np.radians(latitude[i])
        sinlat, coslat = np.sin(lat), np.cos(lat)
        for j in range(nr):
            lon = np.radians(longitude[0:nlon])
            sinlon, coslon = np.sin(lon), np.cos(lon)
            vx[i, j, 0:nlon] = -sinlon * vlon[i, j, 0:nlon] - sinlat * coslon * vlat[i, j, 0:nlon] + coslat * coslon * vrad[i, j, 0:nlon]
            vy[i, j, 0:nlon] = coslon * vlon[i, j, 0:nlon] - sinlat * sinlon * vlat[i, j, 0:nlon] + coslat * sinlon * vrad[i, j, 0:nlon]
            vz[i, j, 0:nlon] = coslat * vlat[i, j, 0:nlon] + sinlat * vrad[i, j, 0:nlon]
    return vx, vy, vz


def numpy_2d(args):
    """NumPy over radii and longitudes: one loop over latitude (the course's fastest)."""
    latitude, longitude, radius, vlat, vlon, vrad = args
    nlat, nr, nlon = vlat.shape
    vx, vy, vz = _zeros(vlat)
    for i in range(nlat):
        lat = np.radians(latitude[i])
        sinlat, coslat = np.sin(lat), np.cos(lat)
        lon = np.radians(longitude[0:nlon])
        sinlon, coslon = np.sin(lon), np.cos(lon)
        vx[i, 0:nr, 0:nlon] = -sinlon * vlon[i] - sinlat * coslon * vlat[i] + coslat * coslon * vrad[i]
        vy[i, 0:nr, 0:nlon] = coslon * vlon[i] - sinlat * sinlon * vlat[i] + coslat * sinlon * vrad[i]
        vz[i, 0:nr, 0:nlon] = coslat * vlat[i] + sinlat * vrad[i]
    return vx, vy, vz


def numpy_3d(args):
    """NumPy over all three dimensions: no Python loop, every product a full temporary."""
    latitude, longitude, radius, vlat, vlon, vrad = args
    lat = np.radians(latitude).reshape(-1, 1, 1)
    sinlat, coslat = np.sin(lat), np.cos(lat)
    lon = np.radians(longitude)
    sinlon, coslon = np.sin(lon), np.cos(lon)
    vx = -sinlon * vlon - sinlat * coslon * vlat + coslat * coslon * vrad
    vy = coslon * vlon - sinlat * sinlon * vlat + coslat * sinlon * vrad
    vz = coslat * vlat + sinlat * vrad
    return vx, vy, vz


@numba.njit
def _numba_loop(latitude, longitude, vlat, vlon, vrad, vx, vy, vz):
    nlat, nr, nlon = vlat.shape
    for i in range(nlat):
        lat = math.radians(latitude[i])
        sinlat, coslat = math.sin(lat), math.cos(lat)
        for j in range(nr):
            for k in range(nlon):
                lon = math.radians(longitude[k])
                sinlon, coslon = math.sin(lon), math.cos(lon)
                vx[i, j, k] = -sinlon * vlon[i, j, k] - sinlat * coslon * vlat[i, j, k] + coslat * coslon * vrad[i, j, k]
                vy[i, j, k] = coslon * vlon[i, j, k] - sinlat * sinlon * vlat[i, j, k] + coslat * sinlon * vrad[i, j, k]
                vz[i, j, k] = coslat * vlat[i, j, k] + sinlat * vrad[i, j, k]


@numba.njit(parallel=True)
def _numba_parallel_loop(latitude, longitude, vlat, vlon, vrad, vx, vy, vz):
    nlat, nr, nlon = vlat.shape
    sinlon, coslon = np.sin(np.radians(longitude)), np.cos(np.radians(longitude))
    for i in numba.prange(nlat):
        lat = math.radians(latitude[i])
        sinlat, coslat = math.sin(lat), math.cos(lat)
        for j in range(nr):
            for k in range(nlon):
                vx[i, j, k] = -sinlon[k] * vlon[i, j, k] - sinlat * coslon[k] * vlat[i, j, k] + coslat * coslon[k] * vrad[i, j, k]
                vy[i, j, k] = coslon[k] * vlon[i, j, k] - sinlat * sinlon[k] * vlat[i, j, k] + coslat * sinlon[k] * vrad[i, j, k]
                vz[i, j, k] = coslat * vlat[i, j, k] + sinlat * vrad[i, j, k]


def numba_serial(args):
    """The loop in memory order (longitude innermost) under ``@njit``, one core; the longitude's
    sine and cosine at every point."""
    latitude, longitude, radius, vlat, vlon, vrad = args
    vx, vy, vz = _zeros(vlat)
    _numba_loop(latitude, longitude, vlat, vlon, vrad, vx, vy, vz)
    return vx, vy, vz


def numba_parallel(args):
    """The same loop with longitude tables, latitudes shared among the cores by ``prange``."""
    latitude, longitude, radius, vlat, vlon, vrad = args
    vx, vy, vz = _zeros(vlat)
    _numba_parallel_loop(latitude, longitude, vlat, vlon, vrad, vx, vy, vz)
    return vx, vy, vz


def rust_velocity(args):
    """The solution's parallel kernel through ``workbook_py.velocity_parallel``."""
    import workbook_py as wp

    return wp.velocity_parallel(*args)


def case(quick: bool = False) -> Case:
    nlat, nlon, nr = (20, 30, 10) if quick else (NLAT, NLON, NR)
    full = inputs(nlat, nlon, nr)
    small_lat, small_lon = max(1, nlat // PYTHON_DIVISOR), max(1, nlon // PYTHON_DIVISOR)
    factor = (nlat * nlon) / (small_lat * small_lon)
    small = inputs(small_lat, small_lon, nr)
    scale = Scale(small, factor, f"timed on {small_lat} x {small_lon} x {nr} and scaled by {factor:.0f}")
    variants = [
        Variant("python", PYTHON, "the course's loops, sin, cos and radians at every point", loops_python, scale=scale),
        Variant("python_hoisted", PYTHON, "the course's loops, sines and cosines hoisted", hoisted_python, scale=scale),
        # The course's best first: the table's "vs NumPy" column is against the first NumPy row.
        Variant("numpy", NUMPY, "NumPy over radii and longitudes, a loop over latitude (the course's best)", numpy_2d),
        Variant("numpy_1d", NUMPY, "NumPy over longitudes, loops over latitude and radius", numpy_1d),
        Variant("numpy_3d", NUMPY, "NumPy over all three dimensions, no loop", numpy_3d),
        Variant("numba", NUMBA, "the loop in memory order under @njit, one core, sin and cos of the longitude at every point", numba_serial, jit=True),
        Variant("numba_parallel", NUMBA, "the loop with tables under @njit(parallel=True), prange over latitudes", numba_parallel, jit=True),
        Variant("rust_parallel", RUST, "workbook_py.velocity_parallel: the ordered loop, rows over every core", rust_velocity),
    ]
    summary = f"{nlat} x {nlon} x {nr} (nlat x nlon x nr), {nlat * nlon * nr / 1e6:.1f} million points"
    return Case("velocity", summary, full, rust_velocity, variants)
