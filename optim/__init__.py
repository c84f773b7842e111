"""The engine: exact, vectorized optimizer trajectories on 2-D landscapes (NumPy only).

    from optim import simulate, OPTIMIZERS, schedules
    traj = simulate(landscape, "adam", starts, steps, lr=1e-2)

See docs/engine-api.md for the whole contract and optimizer-semantics.md for the rules.
"""

from optim import schedules
from optim.limits import MAX_BATCH, MAX_TRAJECTORY_CELLS
from optim.simulate import simulate
from optim.specs import OPTIMIZERS, OptimizerSpec
from optim.trajectory import REASONS, RunState, Trajectory

__all__ = ["MAX_BATCH", "MAX_TRAJECTORY_CELLS", "OPTIMIZERS", "REASONS", "OptimizerSpec",
           "RunState", "Trajectory", "schedules", "simulate"]
