"""What happens to the gradient and the step around the rule: noise and clipping.

Noise: ``g <- g + sigma * z`` with ``z ~ N(0, I_2)``. Each trajectory draws from its own
``numpy.random.default_rng(seed)``: the noise of step ``t`` is row ``t - 1`` of that
generator's ``standard_normal((steps, 2))``, so a run is reproducible from its seed alone
and a batch equals the same runs made one at a time.

Clipping by global norm ``c`` (PyTorch's ``clip_grad_norm_``):
``x <- x * min(1, c / (||x|| + 1e-6))``, applied to the raw gradient ("before" the moments)
or to the step ``theta_new - theta`` ("after").
"""

from __future__ import annotations

import numpy as np

CLIP_EPS = 1e-6


def clip_by_norm_(x: np.ndarray, c: np.float64 | np.ndarray) -> None:
    """Scale each column of ``x`` (shape ``(2, B)``) to norm at most ``c``, in place."""
    norm = np.sqrt(x[0] * x[0] + x[1] * x[1])
    x *= np.minimum(1.0, c / (norm + CLIP_EPS))


class NoiseStream:
    """Gaussian draws for B trajectories, one generator per distinct seed, in chunks.

    ``take(t)`` returns the ``(2, B)`` noise of step ``t``. Draws are made ``chunk`` steps at a
    time, so memory stays bounded for long runs; consecutive draws of a generator continue its
    stream exactly, so the chunk size does not change the numbers.
    """

    def __init__(self, seeds: np.ndarray, b: int, first_step: int, steps: int) -> None:
        seeds = np.broadcast_to(seeds, (b,))
        self._unique, self._inverse = np.unique(seeds, return_inverse=True)
        self._gens = [np.random.default_rng(int(s)) for s in self._unique]
        self._b = b
        self._chunk = int(max(1, min(steps, 2**22 // max(1, 2 * b))))
        skip = first_step - 1
        while skip > 0:
            n = min(skip, self._chunk)
            for gen in self._gens:
                gen.standard_normal((n, 2))
            skip -= n
        self._next_t = first_step
        self._buf = np.empty((0, 2, b))
        self._buf_start = first_step

    def take(self, t: int) -> np.ndarray:
        """The noise of step ``t``; steps must be taken in order."""
        offset = t - self._buf_start
        if offset >= self._buf.shape[0]:
            self._fill(t)
            offset = 0
        return self._buf[offset]

    def _fill(self, t: int) -> None:
        n = self._chunk
        draws = np.stack([gen.standard_normal((n, 2)) for gen in self._gens], axis=-1)
        self._buf = np.ascontiguousarray(draws[:, :, self._inverse])
        self._buf_start = t
