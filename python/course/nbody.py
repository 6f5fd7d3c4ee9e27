"""N-body (chapter 5): 20 bodies of unit mass under gravity (G = 1, no softening), integrated
with RK2 (the midpoint method): 100 frames of 10 steps of dt = 0.001.

Every run takes a ``Bodies`` and returns the positions after every frame, ``(frames, n, 3)``.
The steps are counted (``frames * steps_per_frame``) as the Rust does, where the course's loop
compares an accumulated time with the next frame's and can take an extra, tiny step.
"""

from __future__ import annotations

from dataclasses import dataclass

import numba
import numpy as np

from .common import NUMBA, NUMPY, PYTHON, RUST, Case, Scale, Variant

BODIES = 20
FRAMES = 100
STEPS_PER_FRAME = 10
DT = 0.001
SEED = 1
# The pure-Python run is timed on this many frames; its time grows linearly with them.
FRAMES_PYTHON = 5


@dataclass
class Bodies:
    """Starting positions and velocities ``(n, 3)``, masses ``(n,)``, and the run's length."""

    pos: np.ndarray
    vel: np.ndarray
    mass: np.ndarray
    frames: int = FRAMES
    steps_per_frame: int = STEPS_PER_FRAME
    dt: float = DT

    def with_frames(self, frames: int) -> "Bodies":
        return Bodies(self.pos, self.vel, self.mass, frames, self.steps_per_frame, self.dt)

    def summary(self) -> str:
        return (
            f"{self.pos.shape[0]} bodies, {self.frames} frames of "
            f"{self.steps_per_frame} RK2 steps (dt = {self.dt})"
        )


def initial_conditions(n: int = BODIES, seed: int = SEED) -> Bodies:
    """``n`` bodies of unit mass, positions and velocities uniform in [0, 1)^3 as in the course
    (``np.random.random``), from NumPy's generator seeded with ``seed``: the same style as the
    Rust ``initial_conditions``, not the same numbers."""
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 3))
    vel = rng.random((n, 3))
    return Bodies(pos, vel, np.ones(n))


def save(bodies: Bodies, path) -> None:
    """Writes the starting state as one ``(n, 7)`` float64 array, C order: x, y, z, vx, vy, vz,
    mass per row (``np.load`` reads it back; so can a Rust .npy reader)."""
    table = np.column_stack([bodies.pos, bodies.vel, bodies.mass])
    np.save(path, np.ascontiguousarray(table, dtype=np.float64))


def load(path) -> Bodies:
    """Reads a file written by :func:`save`."""
    table = np.load(path)
    if table.ndim != 2 or table.shape[1] != 7:
        raise ValueError(f"{path}: expected an (n, 7) array, not {table.shape}")
    table = np.ascontiguousarray(table, dtype=np.float64)
    return Bodies(table[:, 0:3].copy(), table[:, 3:6].copy(), table[:, 6].copy())


# ---- The accelerations ---------------------------------------------------------------------


def accelerations_python(pos, mass):
    """The course's ``Nbody_derivatives``: for every body, the pull of every other, one
    ``np.linalg.norm`` and one unit vector per pair."""
    n = pos.shape[0]
    acc = np.zeros(pos.shape)
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            r = np.linalg.norm(pos[j] - pos[i])
            rhat = (pos[j] - pos[i]) / r
            acc[i] += mass[j] / (r * r) * rhat
    return acc


def accelerations_numpy(pos, mass):
    """Vectorised: every difference at once in an (n, n, 3) array, m_j d / r^3 summed over j."""
    d = pos[np.newaxis, :, :] - pos[:, np.newaxis, :]  # d[i, j] = pos[j] - pos[i]
    r2 = np.einsum("ijk,ijk->ij", d, d)
    np.fill_diagonal(r2, np.inf)  # no self-pull: 1 / inf = 0
    w = mass[np.newaxis, :] / (r2 * np.sqrt(r2))
    return np.einsum("ij,ijk->ik", w, d)


@numba.njit
def accelerations_numba(pos, mass):
    """Each pair visited once (Newton's third law), as the Rust ``accelerations``, compiled."""
    n = pos.shape[0]
    acc = np.zeros((n, 3))
    for i in range(n):
        ax = ay = az = 0.0
        for j in range(i + 1, n):
            dx = pos[j, 0] - pos[i, 0]
            dy = pos[j, 1] - pos[i, 1]
            dz = pos[j, 2] - pos[i, 2]
            r2 = dx * dx + dy * dy + dz * dz
            inv_r3 = 1.0 / (r2 * np.sqrt(r2))
            wi = mass[j] * inv_r3
            wj = mass[i] * inv_r3
            ax += wi * dx
            ay += wi * dy
            az += wi * dz
            acc[j, 0] -= wj * dx
            acc[j, 1] -= wj * dy
            acc[j, 2] -= wj * dz
        acc[i, 0] += ax
        acc[i, 1] += ay
        acc[i, 2] += az
    return acc


@numba.njit(parallel=True)
def accelerations_numba_parallel(pos, mass):
    """One ``prange`` task per body summing over every other body (twice the arithmetic of the
    pairs, as the Rust ``accelerations_parallel``)."""
    n = pos.shape[0]
    acc = np.zeros((n, 3))
    for i in numba.prange(n):
        ax = ay = az = 0.0
        for j in range(n):
            if i == j:
                continue
            dx = pos[j, 0] - pos[i, 0]
            dy = pos[j, 1] - pos[i, 1]
            dz = pos[j, 2] - pos[i, 2]
            r2 = dx * dx + dy * dy + dz * dz
            w = mass[j] / (r2 * np.sqrt(r2))
            ax += w * dx
            ay += w * dy
            az += w * dz
        acc[i, 0] = ax
        acc[i, 1] = ay
        acc[i, 2] = az
    return acc


# ---- The integrator ------------------------------------------------------------------------


def rk2(bodies: Bodies, accelerations) -> np.ndarray:
    """The course's RK2 time loop in Python, the accelerations from ``accelerations(pos,
    mass)``: half a step with the derivatives at the start, then the whole step with those at
    the midpoint. The operations are the Rust ``simulate``'s, in the same order."""
    p, v, mass, dt = bodies.pos.copy(), bodies.vel.copy(), bodies.mass, bodies.dt
    half = 0.5 * dt
    out = np.empty((bodies.frames,) + p.shape)
    for frame in range(bodies.frames):
        for _ in range(bodies.steps_per_frame):
            a = accelerations(p, mass)
            p_half = p + half * v
            v_half = v + half * a
            a = accelerations(p_half, mass)
            p = p + dt * v_half
            v = v + dt * a
        out[frame] = p
    return out


@numba.njit
def _rk2_numba(pos, vel, mass, frames, steps_per_frame, dt):
    p = pos.copy()
    v = vel.copy()
    half = 0.5 * dt
    out = np.empty((frames, p.shape[0], 3))
    for frame in range(frames):
        for _ in range(steps_per_frame):
            a = accelerations_numba(p, mass)
            p_half = p + half * v
            v_half = v + half * a
            a = accelerations_numba(p_half, mass)
            p = p + dt * v_half
            v = v + dt * a
        out[frame] = p
    return out


def rk2_numba(bodies: Bodies) -> np.ndarray:
    """The whole run under Numba: the time loop and the accelerations, compiled together."""
    return _rk2_numba(bodies.pos, bodies.vel, bodies.mass, bodies.frames, bodies.steps_per_frame, bodies.dt)


def rust_simulate(method: str):
    """The whole run in Rust: ``workbook_py.nbody_simulate`` with the accelerations of ``method``."""
    import workbook_py as wp

    def run(b: Bodies) -> np.ndarray:
        return wp.nbody_simulate(b.pos, b.vel, b.mass, b.frames, b.steps_per_frame, b.dt, method)

    return run


# ---- The case ------------------------------------------------------------------------------


def case(quick: bool = False, bodies: Bodies | None = None) -> Case:
    import workbook_py as wp

    start = bodies if bodies is not None else initial_conditions()
    frames, frames_python = (10, 2) if quick else (FRAMES, FRAMES_PYTHON)
    inputs = start.with_frames(frames)
    scale = Scale(
        start.with_frames(frames_python),
        frames / frames_python,
        f"timed on {frames_python} frames and scaled by {frames // frames_python}",
    )
    variants = [
        Variant("python", PYTHON, "the course's loops: np.linalg.norm per pair, Python RK2", lambda b: rk2(b, accelerations_python), scale=scale),
        Variant("numpy", NUMPY, "vectorised accelerations (n, n, 3), Python RK2", lambda b: rk2(b, accelerations_numpy)),
        Variant("numba", NUMBA, "@njit accelerations (pairs once) called from the Python RK2", lambda b: rk2(b, accelerations_numba), jit=True),
        Variant("numba_parallel", NUMBA, "@njit(parallel=True) accelerations, one prange task per body", lambda b: rk2(b, accelerations_numba_parallel), jit=True),
        Variant("numba_driver", NUMBA, "the whole RK2 loop under @njit", rk2_numba, jit=True),
        Variant("rust_accelerations", RUST, "workbook_py.nbody_accelerations called from the Python RK2", lambda b: rk2(b, wp.nbody_accelerations)),
        Variant("rust_simulate", RUST, "workbook_py.nbody_simulate(method='pairs'): the whole run in Rust", rust_simulate("pairs")),
        Variant("rust_simulate_parallel", RUST, "workbook_py.nbody_simulate(method='parallel'): rayon per body", rust_simulate("parallel")),
    ]
    return Case("nbody", inputs.summary(), inputs, rust_simulate("naive"), variants)
