"""Checking and shaping ``simulate``'s arguments, so bad input fails early with a clear message.

Every hyperparameter becomes a NumPy float64 scalar or a ``(B,)`` float64 array; starts become
a ``(B, 2)`` array. Each ``ValueError`` names the argument and the value that is wrong; a value
of the wrong type (a string, None, a complex number, a list of strings, an unhashable record
...) is a ``ValueError`` too, never a ``TypeError``. Where a number is expected, True/False are
refused (``lr=True`` is a slip, not 1.0).
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from optim.limits import MAX_BATCH, MAX_STEP_COUNT, MAX_TRAJECTORY_CELLS, trajectory_cells
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
        raise ValueError(f"optimizer {show(optimizer)} is unknown; choose one of "
                         f"{', '.join(OPTIMIZERS)}")
    return OPTIMIZERS[optimizer]


def show(value: Any, width: int = 60) -> str:
    """``repr(value)``, cut to ``width`` characters for a message."""
    text = repr(value)
    return text if len(text) <= width else text[:width - 3] + "..."


def real_array(name: str, value: Any, what: str = "a number or an array of numbers"
               ) -> np.ndarray:
    """``value`` as a float64 array (any shape), or a ``ValueError`` naming ``name``: only
    real numbers pass (ints, floats, their NumPy kinds), not bools, strings, bytes, None,
    complex numbers, dates, mappings or other objects. Infinite values pass (callers decide)."""
    bad = ValueError(f"{name} must be {what}, got {show(value)}")
    if (isinstance(value, str | bytes | bool | np.bool_ | Mapping) or value is None
            or (isinstance(value, list | tuple) and _holds_bool(value))):
        raise bad
    try:
        arr = np.asarray(value)
    except (TypeError, ValueError, OverflowError):
        raise bad from None
    if arr.dtype.kind == "O":
        if not all(isinstance(x, numbers.Real) and not isinstance(x, bool) for x in arr.flat):
            raise bad
    elif arr.dtype.kind not in "iuf":
        raise bad
    try:
        return arr.astype(np.float64)
    except (TypeError, ValueError, OverflowError):
        raise ValueError(f"{name} must be {what} within float64's range, got "
                         f"{show(value)}") from None


def _holds_bool(items: list | tuple) -> bool:
    """Whether a (nested) list or tuple holds a bool, which NumPy would turn into 0.0 / 1.0
    next to a float: ``(True, 1.0)`` is a slip as much as ``True`` is."""
    return any(isinstance(x, bool | np.bool_) or (isinstance(x, list | tuple) and _holds_bool(x))
               for x in items)


def as_starts(starts: Any) -> np.ndarray:
    """``(2,)`` or ``(B, 2)`` finite numbers -> a ``(B, 2)`` float64 array."""
    arr = real_array("starts", starts, "numbers of shape (2,) or (B, 2)")
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
        raise ValueError(f"steps must be a whole number >= 0, got {show(steps)}")
    return int(steps)


def check_size(steps: int, b: int) -> None:
    """Refuse a batch of more than ``MAX_BATCH`` trajectories, or a run holding more than
    ``MAX_TRAJECTORY_CELLS`` (step, trajectory) cells, before anything of that size exists."""
    if b > MAX_BATCH:
        raise ValueError(f"the batch is too large: B = {b:,} trajectories (from the starts and "
                         f"the (B,) arguments), more than MAX_BATCH = {MAX_BATCH:,}")
    cells = trajectory_cells(steps, b)
    if cells > MAX_TRAJECTORY_CELLS:
        raise ValueError(
            f"steps x batch is too large: (steps + 1) x B = ({steps} + 1) x {b} = {cells:,} "
            f"cells, more than MAX_TRAJECTORY_CELLS = {MAX_TRAJECTORY_CELLS:,}; use at most "
            f"{MAX_TRAJECTORY_CELLS // b - 1:,} steps for B = {b}, or a smaller batch")


def _number_or_batch(name: str, value: Any) -> float | np.ndarray:
    """A finite Python float (cheap in the per-step arithmetic) or a 1-D float64 array."""
    arr = real_array(name, value)
    if arr.ndim > 1 or (arr.ndim == 1 and arr.size == 0):
        raise ValueError(f"{name} must be a scalar or a (B,) array, got shape {arr.shape}")
    if not np.isfinite(arr).all():
        raise ValueError(f"{name} must be finite, got {show(value)}")
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
                raise ValueError(f"{name} must be True or False, got {show(value)}")
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
    """The extra quantities to record, a subset of ``RECORDABLE``: a name or a collection of
    names (not a mapping: ``{"grads": False}`` would read as recording the grads)."""
    if record is None:
        return frozenset()
    if isinstance(record, str):
        record = (record,)
    bad = ValueError(f"record must be one of {', '.join(sorted(RECORDABLE))} or a collection of "
                     f"them, got {show(record)}")
    if isinstance(record, Mapping | bytes) or not isinstance(record, Iterable):
        raise bad
    try:
        items = list(record)
    except (TypeError, ValueError):
        raise bad from None
    for item in items:
        if not isinstance(item, str):
            raise bad
        if item not in RECORDABLE:
            raise ValueError(f"record: {item!r} cannot be recorded; choose from "
                             f"{', '.join(sorted(RECORDABLE))}")
    return frozenset(str(item) for item in items)


def as_clip(clip_norm: Any, clip_mode: str) -> float | np.ndarray | None:
    """The clipping threshold (> 0), or None for no clipping."""
    if not isinstance(clip_mode, str) or clip_mode not in CLIP_MODES:
        raise ValueError(f"clip_mode must be 'before' or 'after', got {show(clip_mode)}")
    if clip_norm is None:
        return None
    c = _number_or_batch("clip_norm", clip_norm)
    if np.any(np.asarray(c) <= 0):
        raise ValueError(f"clip_norm must be > 0, got {show(clip_norm)}")
    return c


def as_nonnegative(name: str, value: Any) -> float | np.ndarray:
    num = _number_or_batch(name, value)
    if np.any(np.asarray(num) < 0):
        raise ValueError(f"{name} must be >= 0, got {show(value)}")
    return num


def as_seeds(seed: Any) -> np.ndarray:
    """Seeds as an int64 array (scalar -> shape ())."""
    bad = ValueError(f"seed must be a whole number in [0, 2**63) or a (B,) array of them, got "
                     f"{show(seed)}")
    if (isinstance(seed, bool | np.bool_ | str | bytes | Mapping) or seed is None
            or (isinstance(seed, list | tuple) and _holds_bool(seed))):
        raise bad
    try:
        arr = np.asarray(seed)
    except (TypeError, ValueError, OverflowError):
        raise bad from None
    if (arr.dtype.kind not in "iu" or arr.ndim > 1 or arr.size == 0 or np.any(arr < 0)
            or np.any(arr > np.iinfo(np.int64).max)):
        raise bad
    return arr.astype(np.int64)


def as_pair(name: str, value: Any) -> np.ndarray:
    """A finite ``(sx, sy)`` pair as a ``(2, 1)`` column (broadcasts over ``(2, B)``)."""
    arr = real_array(name, value, "a number or a pair (sx, sy)")
    if arr.ndim == 0:
        arr = np.repeat(arr, 2)
    if arr.shape != (2,) or not np.isfinite(arr).all():
        raise ValueError(f"{name} must be a finite number or a pair (sx, sy), got "
                         f"{show(value)}")
    return arr.reshape(2, 1)


def as_spikes(spikes: Mapping[int, Any] | None) -> dict[int, np.ndarray]:
    """``{step: factor}`` with factors as ``(2, 1)`` columns."""
    if spikes is None:
        return {}
    if not isinstance(spikes, Mapping):
        raise ValueError(f"spikes must be a mapping {{step: factor}}, got {show(spikes)}")
    out = {}
    for step, factor in spikes.items():
        if isinstance(step, bool) or not isinstance(step, int | np.integer) or step < 1:
            raise ValueError(f"spikes: step {show(step)} must be a whole number >= 1")
        out[int(step)] = as_pair(f"spikes[{step}]", factor)
    return out


def as_scale(loss_scale: Any) -> float:
    c = _number_or_batch("loss_scale", loss_scale)
    if np.ndim(c) != 0 or c <= 0:
        raise ValueError(f"loss_scale must be a single number > 0, got {show(loss_scale)}")
    return c


def as_bound(bound: Any) -> float:
    """The box half-width: a single number > 0 (inf: no box, only non-finite values stop)."""
    arr = real_array("bound", bound, "a single number > 0")
    if arr.ndim != 0 or not arr > 0:
        raise ValueError(f"bound must be a single number > 0, got {show(bound)}")
    return float(arr)


def as_start_step(t: Any, steps: int) -> int:
    """The step counter an ``init_state`` carries on from: a whole number >= 0, with
    ``t + steps <= MAX_STEP_COUNT``."""
    if isinstance(t, bool | np.bool_) or not isinstance(t, int | np.integer) or t < 0:
        raise ValueError(f"init_state.t must be a whole number >= 0, got {show(t)}")
    if int(t) + steps > MAX_STEP_COUNT:
        raise ValueError(f"init_state.t + steps = {int(t) + steps} is beyond the step counter's "
                         f"limit MAX_STEP_COUNT = 2**53")
    return int(t)
