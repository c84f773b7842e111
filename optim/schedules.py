"""Learning-rate schedules: multipliers of the base learning rate as a function of the step.

A schedule is a small frozen record (hashable, so the app can cache on it) that maps the
step counter ``t = 1, 2, ...`` to a multiplier; the learning rate of step ``t`` is
``lr * schedule(t)``. The schedules that come from PyTorch's ``torch.optim.lr_scheduler`` use
its usual loop, ``optimizer.step(); scheduler.step()``: step ``t`` runs at scheduler epoch
``e = t - 1``, so the first step always uses the epoch-0 value.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, fields

import numpy as np

from optim.limits import MAX_STEP_COUNT

KINDS = ("constant", "linear_warmup", "cosine", "cosine_warm_restarts", "triangular",
         "step_decay")


@dataclass(frozen=True)
class Schedule:
    """A learning-rate multiplier ``m(t)``; build one with the functions of this module.

    Built directly or through a builder, a schedule checks itself (``__post_init__``): the kind
    must be one of ``KINDS``; the fields the kind uses must be in range (periods are whole
    numbers in [1, 2**53], multipliers finite numbers in [0, 1]); the fields it does not use
    must keep their defaults. Anything else is a ``ValueError`` naming the field. Fields are
    stored as plain ``int`` / ``float``, so equal schedules hash equal.
    """

    kind: str
    warmup_steps: int = 0
    total_steps: int = 0
    eta_min: float = 0.0
    t_0: int = 0
    t_mult: int = 1
    step_size: int = 0
    min_mult: float = 0.0
    gamma: float = 1.0

    def __post_init__(self) -> None:
        if not isinstance(self.kind, str) or self.kind not in KINDS:
            raise ValueError(f"schedule kind {_show(self.kind)} is not one of {KINDS}")
        used = FIELDS[self.kind]
        for f in fields(self)[1:]:
            value = getattr(self, f.name)
            if f.name in used:
                value = used[f.name](f.name, value)
            elif not _is_default(value, f.default):
                raise ValueError(
                    f"{f.name} is not a parameter of a {self.kind} schedule (it takes "
                    f"{', '.join(used) or 'none'}); leave it at {f.default!r}, got {_show(value)}")
            else:
                value = f.default
            object.__setattr__(self, f.name, value)

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
        raise ValueError(f"schedule kind {_show(self.kind)} is not one of {KINDS}")


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


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _positive_int(name: str, value: object) -> int:
    """A period: a whole number in [1, 2**53] (a float, even 5.0, or a bool is refused)."""
    if (isinstance(value, bool | np.bool_) or not isinstance(value, int | np.integer)
            or not 1 <= value <= MAX_STEP_COUNT):
        raise ValueError(f"{name} must be a whole number in [1, 2**53], got {_show(value)}")
    return int(value)


def _fraction(name: str, value: object) -> float:
    """A multiplier of lr: a finite real number in [0, 1]."""
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a number in [0, 1] (a multiplier of lr), got "
                         f"{_show(value)}")
    try:
        v = float(value)
    except (OverflowError, ValueError, TypeError):
        v = math.inf
    if not math.isfinite(v) or not 0.0 <= v <= 1.0:
        raise ValueError(f"{name} must be in [0, 1] (a multiplier of lr), got {_show(value)}")
    return v


def _is_default(value: object, default: object) -> bool:
    return (not isinstance(value, bool | np.bool_) and isinstance(value, numbers.Real)
            and value == default)


FIELDS = {
    "constant": {},
    "linear_warmup": {"warmup_steps": _positive_int},
    "cosine": {"total_steps": _positive_int, "eta_min": _fraction},
    "cosine_warm_restarts": {"t_0": _positive_int, "t_mult": _positive_int,
                             "eta_min": _fraction},
    "triangular": {"step_size": _positive_int, "min_mult": _fraction},
    "step_decay": {"step_size": _positive_int, "gamma": _fraction},
}
"""kind -> {field it uses: its check}; every other field must keep its default."""


def constant() -> Schedule:
    """``m(t) = 1``: the base learning rate throughout."""
    return Schedule("constant")


def linear_warmup(warmup_steps: int) -> Schedule:
    """``m(t) = min(1, t / w)``: ramps up linearly over the first ``w`` steps, then stays at 1."""
    return Schedule("linear_warmup", warmup_steps=warmup_steps)


def cosine(total_steps: int, eta_min: float = 0.0) -> Schedule:
    """PyTorch's ``CosineAnnealingLR`` as a multiplier, held at ``eta_min`` after the end.

    ``m(t) = eta_min + (1 - eta_min) * (1 + cos(pi * min(t - 1, T) / T)) / 2``.
    """
    return Schedule("cosine", total_steps=total_steps, eta_min=eta_min)


def cosine_warm_restarts(t_0: int, t_mult: int = 1, eta_min: float = 0.0) -> Schedule:
    """PyTorch's ``CosineAnnealingWarmRestarts``: cosine cycles of length ``T_0 * T_mult**i``.

    Within a cycle, ``m = eta_min + (1 - eta_min) * (1 + cos(pi * T_cur / T_i)) / 2``; at each
    restart the multiplier jumps back to 1.
    """
    return Schedule("cosine_warm_restarts", t_0=t_0, t_mult=t_mult, eta_min=eta_min)


def triangular(step_size: int, min_mult: float = 0.1) -> Schedule:
    """PyTorch's ``CyclicLR`` in mode "triangular", with ``max_lr = lr``, ``base_lr = min_mult*lr``.

    ``cycle = floor(1 + e / (2s))``, ``x = |e/s - 2 cycle + 1|``,
    ``m = min_mult + (1 - min_mult) * max(0, 1 - x)`` with ``e = t - 1``: it starts at the low
    value and peaks every ``2s`` steps.
    """
    return Schedule("triangular", step_size=step_size, min_mult=min_mult)


def step_decay(step_size: int, gamma: float = 0.1) -> Schedule:
    """PyTorch's ``StepLR``: ``m(t) = gamma ** floor((t - 1) / step_size)``."""
    return Schedule("step_decay", step_size=step_size, gamma=gamma)


BUILDERS = {"constant": constant, "linear_warmup": linear_warmup, "cosine": cosine,
            "cosine_warm_restarts": cosine_warm_restarts, "triangular": triangular,
            "step_decay": step_decay}


def build(kind: str, **params: float) -> Schedule:
    """The schedule ``kind`` from a pool of parameters, each builder taking only its own (so a
    form holding every kind's fields can build whichever kind is chosen, validated as usual)."""
    if not isinstance(kind, str) or kind not in BUILDERS:
        raise ValueError(f"schedule kind {_show(kind)} is not one of {KINDS}")
    builder = BUILDERS[kind]
    names = builder.__code__.co_varnames[:builder.__code__.co_argcount]
    return builder(**{name: params[name] for name in names if name in params})
