"""The runs as one tidy table: one row per optimizer and step.

Row convention (docs/engine-api.md): row ``t`` is step ``t``, which moves theta_{t-1} to
theta_t. So ``x, y, loss`` are the position after step t and the loss there; ``grad_x,
grad_y`` and ``lr`` are what step t used (row 0, the start, has none); state columns are the
optimizer's state after step t. A run that diverged at step k keeps its rows 0..k-1 only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

STATE_ORDER: tuple[str, ...] = ("m", "v", "m_hat", "v_hat", "v_max", "u", "g_avg", "eff_lr",
                                "update")
BASE_COLUMNS: tuple[str, ...] = ("optimizer", "step", "x", "y", "loss", "grad_x", "grad_y",
                                 "lr")


def kept_rows(diverged_at: int, steps: int) -> int:
    """How many rows of a run are exported: all, or those before the diverging step."""
    return steps + 1 if diverged_at < 0 else int(diverged_at)


def _columns(name: str, traj: Any, index: int) -> dict[str, np.ndarray]:
    rows = kept_rows(int(traj.diverged_at[index]), traj.steps)
    nan2 = np.full((rows, 2), np.nan)
    grads = traj.grads[:rows, index] if traj.grads is not None else nan2
    lrs = traj.lrs[:rows, index] if traj.lrs is not None else nan2[:, 0]
    cols: dict[str, Any] = {
        "optimizer": np.full(rows, name, dtype=object),
        "step": np.arange(rows),
        "x": traj.positions[:rows, index, 0],
        "y": traj.positions[:rows, index, 1],
        "loss": traj.losses[:rows, index],
        "grad_x": grads[:, 0],
        "grad_y": grads[:, 1],
        "lr": lrs,
    }
    for state in STATE_ORDER:
        if state in traj.state:
            values = traj.state[state][:rows, index]
            cols[f"{state}_x"] = values[:, 0]
            cols[f"{state}_y"] = values[:, 1]
    return cols


def runs_frame(runs: Sequence[tuple[str, Any]], index: int = 0) -> pd.DataFrame:
    """Tidy long table of ``(optimizer name, optim.Trajectory)`` pairs (trajectory ``index``
    of each batch). State columns an optimizer lacks are empty for its rows."""
    parts = [pd.DataFrame(_columns(name, traj, index)) for name, traj in runs]
    state_cols = [f"{s}_{c}" for s in STATE_ORDER for c in "xy"
                  if any(f"{s}_{c}" in p.columns for p in parts)]
    columns = [*BASE_COLUMNS, *state_cols]
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True).reindex(columns=columns)
