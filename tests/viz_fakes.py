"""A tiny landscape and runs for the figure tests (no engine needed)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from viz.runs import Run


@dataclass(frozen=True)
class FakeRosenbrock:
    """f = (1 - x)^2 + 100 (y - x^2)^2 over [-2, 2] x [-1, 3]."""

    bounds: tuple = ((-2.0, 2.0), (-1.0, 3.0))
    minima: tuple = ((1.0, 1.0),)
    minima_values: tuple = (0.0,)
    saddles: tuple = ((0.0, 2.5),)
    log_colors: bool = True

    def value(self, xy):
        xy = np.asarray(xy, dtype=float)
        x, y = xy[..., 0], xy[..., 1]
        return (1 - x) ** 2 + 100 * (y - x**2) ** 2


def spiral_runs(steps: int, count: int = 6, diverge: int | None = None) -> list[Run]:
    """``count`` runs spiralling into (1, 1); the last one breaks off at step ``diverge``."""
    t = np.arange(steps + 1)[:, None]
    runs = []
    for i in range(count):
        r = 2.0 * np.exp(-t / (steps / 4 + 1))
        angle = t * 0.05 * (i + 1)
        pos = np.concatenate([1 + r * np.cos(angle), 1 + r * np.sin(angle) * 0.5], axis=1)
        diverged, reason = -1, ""
        if diverge is not None and i == count - 1:
            pos[diverge:] = np.nan
            diverged, reason = diverge, "nonfinite_grad"
        runs.append(Run(f"run{i}", f"#00000{i}", pos, diverged, reason))
    return runs
