"""Small pieces the optimizer rules are built from: moment estimates and corrections.

Every piece works on arrays of shape ``(2, B)`` (row 0 is x, row 1 is y, so each coordinate
is contiguous) and hyperparameters that are Python floats or ``(B,)`` arrays, which broadcast
against the last axis. Moment updates work in place on the state they are given: the state
belongs to one run of ``simulate``, which copies anything the caller passed in.

Only correctly rounded operations (+, -, *, /, sqrt, max, abs, sign), which give the same
bits on a Python float as on an array element, and ``np.power`` (never Python's ``**``, whose
last bit can differ) are used, so a trajectory's numbers do not depend on how many other
trajectories share the batch.
"""

from __future__ import annotations

import math

import numpy as np

Scalar = float | np.float64 | np.ndarray


def ema_(m: np.ndarray, g: np.ndarray, weight: Scalar, work: np.ndarray) -> None:
    """First moment, PyTorch's ``lerp``: ``m <- m + (1 - beta) * (g - m)``.

    ``weight`` is ``1 - beta`` (see ``weights``); ``work`` is a ``(2, B)`` scratch buffer.
    """
    np.subtract(g, m, out=work)
    work *= weight
    m += work


def ema_sq_(v: np.ndarray, g: np.ndarray, beta: Scalar, weight: Scalar,
            work: np.ndarray) -> None:
    """Second moment: ``v <- beta * v + (1 - beta) * g * g`` (``weight = 1 - beta``)."""
    v *= beta
    np.multiply(g, g, out=work)
    work *= weight
    v += work


def weights(hp, b: int) -> dict[str, Scalar]:
    """``1 - beta`` for each beta of ``hp``, computed once per run. A per-trajectory array is
    laid out as ``(2, B)`` like the state, so the hot loop multiplies without broadcasting."""
    out = {}
    for name in ("beta1", "beta2"):
        if name in hp:
            w = 1.0 - hp[name]
            out[name] = (np.ascontiguousarray(np.broadcast_to(w, (2, b)))
                         if isinstance(w, np.ndarray) else w)
    return out


class Batched:
    """A per-trajectory ``(B,)`` hyperparameter that remembers its distinct values.

    A sweep has many trajectories but few distinct betas (64 in a 64 x 64 grid), so a
    transcendental function of one, such as ``beta**t``, is computed once per distinct value
    and spread out with one gather. ``np.power`` gives the same bits for an element whether
    it is called on one value or many, so this changes speed, never results.
    """

    def __init__(self, values: np.ndarray) -> None:
        self.values = values
        self.unique, self.inverse = np.unique(values, return_inverse=True)

    def power(self, t: float) -> np.ndarray:
        return np.power(self.unique, t)[self.inverse]


def power(beta: Scalar, t: float, batched: Batched | None = None) -> Scalar:
    """``beta**t`` with NumPy's ``power`` (the same bits for a scalar and for an array)."""
    return batched.power(t) if batched is not None else float(np.power(beta, t))


def root(x: Scalar) -> Scalar:
    """Correctly rounded square root of a scalar (``math.sqrt``, cheap) or of an array."""
    return np.sqrt(x) if isinstance(x, np.ndarray) else math.sqrt(x)


def bias_corrections(hp, t: int) -> tuple[Scalar, Scalar]:
    """``bc1 = 1 - beta1**t`` and ``bc2 = 1 - beta2**t`` (both 1 when correction is off).

    The powers are taken from the betas of this step, never carried over from earlier ones,
    so a changed beta can never leave a stale ``beta**t`` behind.
    """
    if not hp["bias_correction"]:
        return 1.0, 1.0
    return 1.0 - power_of(hp, "beta1", t), 1.0 - power_of(hp, "beta2", t)


def power_of(hp, name: str, t: float) -> Scalar:
    """``hp[name] ** t``, through the hyperparameter's ``Batched`` table (in ``hp["batched"]``)
    when it is a per-trajectory array."""
    return power(hp[name], t, hp["batched"].get(name))


def adam_denominator(v: np.ndarray, bc2: Scalar, eps: Scalar) -> np.ndarray:
    """PyTorch Adam's denominator: ``sqrt(v) / sqrt(bc2) + eps`` (eps outside the root)."""
    denom = np.sqrt(v)
    denom /= root(bc2)
    denom += eps
    return denom


def broadcast(value: Scalar, like: np.ndarray) -> np.ndarray:
    """``value`` as a fresh array of ``like``'s shape (for recording per-coordinate numbers)."""
    return np.broadcast_to(value, like.shape).copy()
