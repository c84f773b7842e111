"""Learning-rate schedules: multipliers of the base learning rate as a function of the step.

A schedule is a small frozen record (hashable, so the app can cache on it) that maps the
step counter ``t = 1, 2, ...`` to a multiplier; the learning rate of step ``t`` is
``lr * schedule(t)``. The schedules that come from PyTorch's ``torch.optim.lr_scheduler`` use
its usual loop, ``optimizer.step(); scheduler.step()``: step ``t`` runs at scheduler epoch
``e = t - 1``, so the first step always uses the epoch-0 value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

KINDS = ("constant", "linear_warmup", "cosine", "cosine_warm_restarts", "triangular",
         "step_decay")


@dataclass(frozen=True)
class Schedule:
    """A learning-rate multiplier ``m(t)``; build one with the functions of this module."""

    kind: str
    warmup_steps: int = 0
    total_steps: int = 0
    eta_min: float = 0.0
    t_0: int = 0
    t_mult: int = 1
    step_size: int = 0
    min_mult: float = 0.0
    gamma: float = 1.0

    def __call__(self, t: np.ndarray | int) -> np.ndarray:
        """The multipliers for the steps ``t`` (an int or an array of ints >= 1)."""
        t = np.asarray(t, dtype=np.float64)
        e = t - 1.0
        if self.kind == "constant":
            return np.ones_like(t)
        if self.kind == "linear_warmup":
            return np.minimum(1.0, t / self.warmup_steps)
        if self.kind == "cosine":
            return _cosine(np.minimum(e, self.total_steps), self.total_steps, self.eta_min)
        if self.kind == "cosine_warm_restarts":
            t_cur, t_i = _restart_phase(e, self.t_0, self.t_mult)
            return _cosine(t_cur, t_i, self.eta_min)
        if self.kind == "triangular":
            cycle = np.floor(1.0 + e / (2 * self.step_size))
            x = np.abs(e / self.step_size - 2.0 * cycle + 1.0)
            return self.min_mult + (1.0 - self.min_mult) * np.maximum(0.0, 1.0 - x)
        if self.kind == "step_decay":
            return np.power(self.gamma, np.floor(e / self.step_size))
        raise ValueError(f"schedule kind {self.kind!r} is not one of {KINDS}")


def _cosine(t_cur: np.ndarray, period: np.ndarray | float, eta_min: float) -> np.ndarray:
    """``eta_min + (1 - eta_min) * (1 + cos(pi * t_cur / period)) / 2``."""
    return eta_min + (1.0 - eta_min) * 0.5 * (1.0 + np.cos(np.pi * t_cur / period))


def _restart_phase(e: np.ndarray, t_0: int, t_mult: int) -> tuple[np.ndarray, np.ndarray]:
    """Position in the current cycle and the cycle's length (``CosineAnnealingWarmRestarts``).

    Cycle i lasts ``T_0 * T_mult**i`` epochs; epoch e falls in the first cycle whose end is
    past it.
    """
    t_cur = e.copy()
    t_i = np.full_like(e, float(t_0))
    if t_mult == 1:
        return np.mod(e, t_0), t_i
    remaining = t_cur >= t_i
    while remaining.any():
        t_cur = np.where(remaining, t_cur - t_i, t_cur)
        t_i = np.where(remaining, t_i * t_mult, t_i)
        remaining = t_cur >= t_i
    return t_cur, t_i


def _positive_int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
        raise ValueError(f"{name} must be a whole number >= 1, got {value!r}")
    return int(value)


def _fraction(name: str, value: object) -> float:
    v = float(value)  # type: ignore[arg-type]
    if not math.isfinite(v) or not 0.0 <= v <= 1.0:
        raise ValueError(f"{name} must be in [0, 1] (a multiplier of lr), got {value!r}")
    return v


def constant() -> Schedule:
    """``m(t) = 1``: the base learning rate throughout."""
    return Schedule("constant")


def linear_warmup(warmup_steps: int) -> Schedule:
    """``m(t) = min(1, t / w)``: ramps up linearly over the first ``w`` steps, then stays at 1."""
    return Schedule("linear_warmup", warmup_steps=_positive_int("warmup_steps", warmup_steps))


def cosine(total_steps: int, eta_min: float = 0.0) -> Schedule:
    """PyTorch's ``CosineAnnealingLR`` as a multiplier, held at ``eta_min`` after the end.

    ``m(t) = eta_min + (1 - eta_min) * (1 + cos(pi * min(t - 1, T) / T)) / 2``.
    """
    return Schedule("cosine", total_steps=_positive_int("total_steps", total_steps),
                    eta_min=_fraction("eta_min", eta_min))


def cosine_warm_restarts(t_0: int, t_mult: int = 1, eta_min: float = 0.0) -> Schedule:
    """PyTorch's ``CosineAnnealingWarmRestarts``: cosine cycles of length ``T_0 * T_mult**i``.

    Within a cycle, ``m = eta_min + (1 - eta_min) * (1 + cos(pi * T_cur / T_i)) / 2``; at each
    restart the multiplier jumps back to 1.
    """
    return Schedule("cosine_warm_restarts", t_0=_positive_int("t_0", t_0),
                    t_mult=_positive_int("t_mult", t_mult), eta_min=_fraction("eta_min", eta_min))


def triangular(step_size: int, min_mult: float = 0.1) -> Schedule:
    """PyTorch's ``CyclicLR`` in mode "triangular", with ``max_lr = lr``, ``base_lr = min_mult*lr``.

    ``cycle = floor(1 + e / (2s))``, ``x = |e/s - 2 cycle + 1|``,
    ``m = min_mult + (1 - min_mult) * max(0, 1 - x)`` with ``e = t - 1``: it starts at the low
    value and peaks every ``2s`` steps.
    """
    return Schedule("triangular", step_size=_positive_int("step_size", step_size),
                    min_mult=_fraction("min_mult", min_mult))


def step_decay(step_size: int, gamma: float = 0.1) -> Schedule:
    """PyTorch's ``StepLR``: ``m(t) = gamma ** floor((t - 1) / step_size)``."""
    return Schedule("step_decay", step_size=_positive_int("step_size", step_size),
                    gamma=_fraction("gamma", gamma))


BUILDERS = {"constant": constant, "linear_warmup": linear_warmup, "cosine": cosine,
            "cosine_warm_restarts": cosine_warm_restarts, "triangular": triangular,
            "step_decay": step_decay}


def build(kind: str, **params: float) -> Schedule:
    """The schedule ``kind`` from a pool of parameters, each builder taking only its own (so a
    form holding every kind's fields can build whichever kind is chosen, validated as usual)."""
    if kind not in BUILDERS:
        raise ValueError(f"schedule kind {kind!r} is not one of {KINDS}")
    builder = BUILDERS[kind]
    names = builder.__code__.co_varnames[:builder.__code__.co_argcount]
    return builder(**{name: params[name] for name in names if name in params})
