"""Small helpers the lesson modules share: run a preset's runs, read one trajectory back.

Every lesson runs the real engine (``optim.simulate``); these helpers only remove the
repetition of "one start, one run, take trajectory 0".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from lessons.base import Run
from optim import simulate
from optim.trajectory import Trajectory


def run_one(landscape: Any, r: Run, start: tuple[float, float], steps: int,
            record: Iterable[str] = (), **extra: Any) -> Trajectory:
    """Simulate one run of a preset from ``start`` (a batch of one); ``extra`` overrides."""
    kwargs = {**r.kwargs(), **extra}
    return simulate(landscape, r.optimizer, np.asarray([start], dtype=float), steps,
                    record=set(record) or None, **kwargs)


def path(traj: Trajectory, i: int = 0) -> np.ndarray:
    """Trajectory ``i``'s positions, shape ``(steps + 1, 2)`` (NaN after a divergence)."""
    return traj.positions[:, i, :]


def run_all(landscape: Any, runs: Iterable[Run], start: tuple[float, float], steps: int,
            record: Iterable[str] = ()) -> dict[str, Trajectory]:
    """Every run of a preset from the same start, by label."""
    return {r.label: run_one(landscape, r, start, steps, record) for r in runs}


def end_point(traj: Trajectory, i: int = 0) -> tuple[float, float]:
    """Where trajectory ``i`` ended (its last finite position)."""
    x, y = traj.last_finite()[i]
    return float(x), float(y)


def hessian_trace(landscape: Any, point: tuple[float, float]) -> float:
    """tr H at ``point``: the sum of the curvatures, large in a sharp basin, small in a flat one."""
    h = np.asarray(landscape.hessian(np.asarray(point, dtype=float)))
    return float(h[0, 0] + h[1, 1])


def steps_to_reach(positions: np.ndarray, target: tuple[float, float], radius: float) -> int:
    """The first step whose position is within ``radius`` of ``target`` (-1 if never)."""
    d = np.linalg.norm(np.asarray(positions) - np.asarray(target), axis=-1)
    hits = np.flatnonzero(d < radius)
    return int(hits[0]) if hits.size else -1


def optimizers_of(runs: Iterable[Run]) -> dict[str, str]:
    """Label -> optimizer name: each path then gets its optimizer's colour on the map."""
    return {r.label: r.optimizer for r in runs}


def reasons_of(trajectories: dict[str, Trajectory]) -> dict[str, str]:
    """Label -> the engine's reason code for a run that broke off (runs that did not: absent)."""
    return {k: str(tr.reasons[0]) for k, tr in trajectories.items() if tr.diverged_at[0] >= 0}
