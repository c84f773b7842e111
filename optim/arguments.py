"""Checking and shaping ``simulate``'s arguments, so bad input fails early with a clear message.

Every hyperparameter becomes a NumPy float64 scalar or a ``(B,)`` float64 array; starts become
a ``(B, 2)`` array. Each ``ValueError`` names the argument and the value that is wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from optim.specs import BOUNDS, FLAGS, OPTIMIZERS, OptimizerSpec

AROUND_RULE = frozenset({
    "schedule", "clip_norm", "clip_mode", "noise_sigma", "seed", "spikes", "loss_scale",
    "grad_scale", "bias_correction", "init_state", "record", "bound",
})
RECORDABLE = frozenset({"grads", "state", "lr"})
CLIP_MODES = ("before", "after")


def spec_for(optimizer: str) -> OptimizerSpec:
    """The registry entry of ``optimizer``, or a ``ValueError`` listing the valid names."""
    if not isinstance(optimizer, str) or optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer {optimizer!r} is unknown; choose one of "
                         f"{', '.join(OPTIMIZERS)}")
    return OPTIMIZERS[optimizer]


def as_starts(starts: Any) -> np.ndarray:
    """``(2,)`` or ``(B, 2)`` finite numbers -> a ``(B, 2)`` float64 array."""
    try:
        arr = np.array(starts, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"starts must be numbers of shape (2,) or (B, 2): {exc}") from None
    if arr.ndim == 1:
        arr = arr[None, :]
    if arr.ndim != 2 or arr.shape[1] != 2 or arr.shape[0] == 0:
        raise ValueError(f"starts must have shape (2,) or (B, 2), got {np.shape(starts)}")
    if not np.isfinite(arr).all():
        raise ValueError("starts must be finite numbers")
    return arr


def as_steps(steps: Any) -> int:
    """A whole number of steps >= 0."""
    if isinstance(steps, bool) or not isinstance(steps, int | np.integer) or steps < 0:
        raise ValueError(f"steps must be a whole number >= 0, got {steps!r}")
    return int(steps)


def _number_or_batch(name: str, value: Any) -> float | np.ndarray:
    """A finite Python float (cheap in the per-step arithmetic) or a 1-D float64 array."""
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a number, got {value!r}")
    try:
        arr = np.array(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number or an array of numbers, got {value!r}") from None
    if arr.ndim > 1 or (arr.ndim == 1 and arr.size == 0):
        raise ValueError(f"{name} must be a scalar or a (B,) array, got shape {arr.shape}")
    if not np.isfinite(arr).all():
        raise ValueError(f"{name} must be finite, got {value!r}")
    return float(arr) if arr.ndim == 0 else arr


def hyperparameters(spec: OptimizerSpec, given: Mapping[str, Any]) -> dict[str, Any]:
    """The optimizer's keywords, defaults filled in, each checked against its range."""
    unknown = set(given) - set(spec.hyperparams)
    if unknown:
        name = sorted(unknown)[0]
        known = set(BOUNDS) | FLAGS
        what = "does not use" if name in known else "has no keyword"
        raise ValueError(f"{spec.name} {what} {name!r}; its keywords are "
                         f"{', '.join(spec.hyperparams)}")
    hp: dict[str, Any] = {}
    for name, default in spec.hyperparams.items():
        value = given.get(name, default)
        if name in FLAGS:
            if not isinstance(value, bool | np.bool_):
                raise ValueError(f"{name} must be True or False, got {value!r}")
            hp[name] = bool(value)
            continue
        num = _number_or_batch(name, value)
        bound = BOUNDS[name]
        inside = bound.contains(num)
        if not np.all(inside):
            first = np.atleast_1d(num)[~np.atleast_1d(inside)][0]
            raise ValueError(f"{name} must be in {bound.describe()}, got {first:g}")
        hp[name] = num
    if spec.name == "nesterov":
        if np.any(np.asarray(hp["momentum"]) <= 0) or np.any(np.asarray(hp["dampening"]) != 0):
            raise ValueError("nesterov needs momentum > 0 and dampening = 0 (as in PyTorch)")
    if spec.name == "rmsprop":
        hp["uses_momentum"] = bool(np.any(np.asarray(hp["momentum"]) > 0))
    return hp


def batch_size(starts: np.ndarray, arrays: Iterable[tuple[str, Any]]) -> int:
    """B: the common length of the starts and every ``(B,)`` argument (length 1 broadcasts)."""
    sizes = {"starts": starts.shape[0]} if starts.shape[0] != 1 else {}
    for name, value in arrays:
        if isinstance(value, np.ndarray) and value.ndim == 1 and value.shape[0] != 1:
            sizes[name] = value.shape[0]
    distinct = set(sizes.values())
    if len(distinct) > 1:
        detail = ", ".join(f"{k}: {v}" for k, v in sizes.items())
        raise ValueError(f"batch sizes do not agree ({detail}); each (B,) argument and the "
                         f"starts must have the same B")
    return distinct.pop() if distinct else 1


def expand(value: Any, b: int) -> Any:
    """A length-1 array grows to ``(B,)``; scalars and ``(B,)`` arrays are kept."""
    if isinstance(value, np.ndarray) and value.ndim == 1 and value.shape[0] != b:
        return np.repeat(value, b)
    return value


def as_record(record: Iterable[str] | None) -> frozenset[str]:
    """The extra quantities to record, a subset of ``RECORDABLE``."""
    if record is None:
        return frozenset()
    if isinstance(record, str):
        record = (record,)
    chosen = frozenset(record)
    unknown = chosen - RECORDABLE
    if unknown:
        raise ValueError(f"record: {sorted(unknown)[0]!r} cannot be recorded; choose from "
                         f"{', '.join(sorted(RECORDABLE))}")
    return chosen


def as_clip(clip_norm: Any, clip_mode: str) -> float | np.ndarray | None:
    """The clipping threshold (> 0), or None for no clipping."""
    if clip_mode not in CLIP_MODES:
        raise ValueError(f"clip_mode must be 'before' or 'after', got {clip_mode!r}")
    if clip_norm is None:
        return None
    c = _number_or_batch("clip_norm", clip_norm)
    if np.any(np.asarray(c) <= 0):
        raise ValueError(f"clip_norm must be > 0, got {clip_norm!r}")
    return c


def as_nonnegative(name: str, value: Any) -> float | np.ndarray:
    num = _number_or_batch(name, value)
    if np.any(np.asarray(num) < 0):
        raise ValueError(f"{name} must be >= 0, got {value!r}")
    return num


def as_seeds(seed: Any) -> np.ndarray:
    """Seeds as an int64 array (scalar -> shape ())."""
    arr = np.asarray(seed)
    if arr.dtype.kind not in "iu" or arr.ndim > 1 or np.any(arr < 0):
        raise ValueError(f"seed must be a whole number >= 0 or a (B,) array of them, got {seed!r}")
    return arr.astype(np.int64)


def as_pair(name: str, value: Any) -> np.ndarray:
    """A finite ``(sx, sy)`` pair as a ``(2, 1)`` column (broadcasts over ``(2, B)``)."""
    try:
        arr = np.array(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number or a pair (sx, sy), got {value!r}") from None
    if arr.ndim == 0:
        arr = np.repeat(arr, 2)
    if arr.shape != (2,) or not np.isfinite(arr).all():
        raise ValueError(f"{name} must be a finite number or a pair (sx, sy), got {value!r}")
    return arr.reshape(2, 1)


def as_spikes(spikes: Mapping[int, Any] | None) -> dict[int, np.ndarray]:
    """``{step: factor}`` with factors as ``(2, 1)`` columns."""
    if not spikes:
        return {}
    if not isinstance(spikes, Mapping):
        raise ValueError("spikes must be a mapping {step: factor}")
    out = {}
    for step, factor in spikes.items():
        if isinstance(step, bool) or not isinstance(step, int | np.integer) or step < 1:
            raise ValueError(f"spikes: step {step!r} must be a whole number >= 1")
        out[int(step)] = as_pair(f"spikes[{step}]", factor)
    return out


def as_scale(loss_scale: Any) -> float:
    c = _number_or_batch("loss_scale", loss_scale)
    if np.ndim(c) != 0 or c <= 0:
        raise ValueError(f"loss_scale must be a single number > 0, got {loss_scale!r}")
    return c
