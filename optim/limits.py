"""The sizes the engine refuses to go beyond (``ValueError``), declared once.

``MAX_TRAJECTORY_CELLS`` and ``MAX_BATCH`` bound the memory of one ``simulate`` call; the app
reads them to bound its steps and batch sizes (``from optim import MAX_TRAJECTORY_CELLS``).
"""

from __future__ import annotations

MAX_TRAJECTORY_CELLS = 2**21  # 2_097_152
"""The most (step, trajectory) cells one ``simulate`` call may hold: ``(steps + 1) * B``, row 0
being the start (``trajectory_cells``). More raises ``ValueError`` before anything of that size
is allocated. B = 1 may run 2_097_151 steps; the engine benchmark's sweep (4096 settings x 500
steps = 2_052_096 cells) fits.

What a cell costs (float64; counted in ``simulate`` and measured with ``tracemalloc``):

* always: positions 16 B + losses 8 B = 24 B kept (about 30 B at the peak, with the loss
  evaluation's and the divergence bookkeeping's temporaries);
* ``record="grads"`` +16 B, ``record="lr"`` +8 B, ``record="state"`` +16 B per state name, 7
  names at most (AMSGrad: m, v, v_max, m_hat, v_hat, eff_lr, update) = +112 B;
* everything recorded: 160 B kept, about 165 B at the peak; a schedule adds its multipliers
  (8 B per step, so per cell when B = 1) and noise a draw buffer of at most 32 MB (2**22
  numbers) plus its refill temporaries.

Peak memory of one call at the cap, measured as the growth of the process's resident size:
about 50-80 MB with no extra records (SGD), about 330-350 MB with every record (AMSGrad), and
390-430 MB in the worst case found (AMSGrad, every record, noise with a distinct seed per
trajectory, clipping "after", weight decay, warm restarts; B = 1 to 32768; Rosenbrock and the
40-point Huber data landscape). Time is not bounded by this: B = 1 at 2 million steps takes
25-190 s (a loop step costs 10-90 us), so the app keeps its own, much smaller step limit.
"""

MAX_BATCH = 2**15  # 32_768
"""The most trajectories one ``simulate`` call may run (B, from the starts and the ``(B,)``
arguments; a 181 x 181 grid). Besides its rows each trajectory costs working columns
(hyperparameters, state, the rule's temporaries: a few hundred bytes) and, with noise, a NumPy
generator per distinct seed (about 1 kB and 45 us to create). Without this cap a huge batch of
0 or 1 steps would cost two to five times its cells (2 million trajectories of 0 steps with
every record: about 750 MB); at 32_768 the worst case stays within the figures above."""

MAX_STEP_COUNT = 2**53
"""The step counter ``t`` (an ``init_state``'s ``t`` plus ``steps``) and a schedule's periods
stay at most 2**53, where float64 (the schedules' and bias corrections' arithmetic) still
counts every whole number."""


def trajectory_cells(steps: int, batch: int) -> int:
    """The cells a run of ``steps`` steps over ``batch`` trajectories holds: ``(steps + 1) * B``
    (exact Python integers, so a huge request cannot overflow)."""
    return (int(steps) + 1) * int(batch)
