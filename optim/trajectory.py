"""What a run returns: positions and losses at every step, plus whatever else was asked for."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np

REASONS: dict[str, str] = {
    "nonfinite_grad": "the gradient is not a finite number",
    "nonfinite_update": "the update is not a finite number (for example 0/0)",
    "nonfinite_loss": "the loss is not a finite number",
    "out_of_bounds": "a coordinate left the box |x| <= 1e6",
}


class RunState(NamedTuple):
    """Everything needed to continue a run: pass it back as ``simulate(..., init_state=)``.

    ``t`` is the number of steps taken so far; ``slots`` is the optimizer's state
    (a NamedTuple such as ``AdamState(m, v)``) with arrays in the public ``(B, 2)`` layout
    (scalars per trajectory, such as NAdam's ``mu_product``, have shape ``(B,)``).
    """

    optimizer: str
    t: int
    slots: NamedTuple


@dataclass
class Trajectory:
    """B trajectories of ``steps`` steps each.

    Row ``t`` of every array describes step ``t``, which moves ``theta_{t-1}`` to ``theta_t``;
    row 0 is the start. After a divergence at step k, rows k onwards of that trajectory are NaN.
    """

    optimizer: str
    positions: np.ndarray          # (steps + 1, B, 2)
    losses: np.ndarray             # (steps + 1, B)
    diverged_at: np.ndarray        # (B,) int, -1 where the run stayed finite
    reasons: np.ndarray            # (B,) str: "" or a key of REASONS
    final_state: RunState
    hyperparams: dict[str, Any]
    grads: np.ndarray | None = None            # (steps + 1, B, 2) when recorded
    lrs: np.ndarray | None = None              # (steps + 1, B) when recorded
    state: dict[str, np.ndarray] = field(default_factory=dict)  # name -> (steps + 1, B, 2)

    @property
    def steps(self) -> int:
        return self.positions.shape[0] - 1

    @property
    def batch(self) -> int:
        return self.positions.shape[1]

    def last_finite(self) -> np.ndarray:
        """``(B, 2)``: each trajectory's final position, or the last one before it diverged."""
        rows = np.where(self.diverged_at < 0, self.steps, self.diverged_at - 1)
        return self.positions[rows, np.arange(self.batch)]

    def message(self, i: int = 0) -> str:
        """A one-line English account of trajectory ``i``'s fate (the app translates codes)."""
        if self.diverged_at[i] < 0:
            return "stayed finite"
        return f"diverged at step {self.diverged_at[i]}: {REASONS[self.reasons[i]]}"
