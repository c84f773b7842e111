"""The run record the figure builders draw, and the array helpers they share."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np


class Run(NamedTuple):
    """One optimizer's path, as the figures need it.

    ``positions`` has shape (T + 1, 2): row t is the point after step t, row 0 the start; rows
    from ``diverged_at`` on are NaN when the run diverged (``diverged_at`` = -1 otherwise) and
    ``reason`` is the engine's code for why. A plain 5-tuple (label, colour, positions,
    diverged_at, reason) works too; ``dash`` and ``losses`` (T + 1,) are optional.
    """

    label: str
    colour: str
    positions: np.ndarray
    diverged_at: int = -1
    reason: str = ""
    dash: str = "solid"
    losses: np.ndarray | None = None


def as_runs(runs: Iterable[Sequence | Run]) -> list[Run]:
    """Accept Run records or plain tuples in Run's field order."""
    return [r if isinstance(r, Run) else Run(*r) for r in runs]


def last_row(run: Run) -> int:
    """The last row with a finite position (the point where a diverged run broke off)."""
    finite = np.isfinite(run.positions).all(axis=1)
    if run.diverged_at >= 0:
        finite[run.diverged_at:] = False
    rows = np.flatnonzero(finite)
    return int(rows[-1]) if rows.size else 0


def frame_rows(steps: int, max_frames: int) -> np.ndarray:
    """At most ``max_frames`` evenly spread rows from 0 to ``steps``, both ends included."""
    count = max(2, min(max_frames, steps + 1))
    return np.unique(np.linspace(0, steps, count).round().astype(int))


def thin_path(path: np.ndarray, tolerance: float) -> np.ndarray:
    """Row indices of a path ``(T, 2)`` that keep one point per ``tolerance`` of arc length
    (and both ends): where a run crawls, hundreds of steps shorter than a pixel become a few
    points, while every step longer than ``tolerance`` (a zig-zag, a jump) is kept."""
    n = len(path)
    if n <= 2 or tolerance <= 0:
        return np.arange(n)
    steps = np.sqrt((np.diff(path, axis=0) ** 2).sum(axis=1))
    arc = np.concatenate([[0.0], np.cumsum(np.nan_to_num(steps, nan=0.0))])
    bucket = np.floor(arc / tolerance)
    keep = np.flatnonzero(np.diff(bucket, prepend=-1.0) != 0)
    return np.unique(np.concatenate([keep, [n - 1]]))


def compact(values: np.ndarray) -> np.ndarray:
    """float32 copy: half the bytes in the browser payload, far below the screen's precision.

    Unless float32 would change what is drawn: a finite value beyond its range (|v| > 3.4e38,
    such as a loss of 1e300 that float64 holds) would become inf and drop out of the figure,
    and a nonzero one below its smallest (|v| < 1.4e-45) would become 0 and drop off a log
    axis; then the copy stays float64. Either way finite values stay finite and in order
    (rounding to float32 is monotone), NaN stays NaN and +-inf stays +-inf.
    """
    wide = np.array(values, dtype=np.float64)
    with np.errstate(over="ignore"):
        narrow = wide.astype(np.float32)
    changed = (np.isfinite(wide) & ~np.isfinite(narrow)) | ((wide != 0) & (narrow == 0))
    return wide if changed.any() else narrow


def short_list(values: np.ndarray) -> list[float | None]:
    """A few numbers as a plain list with 5 significant digits (about 0.05 px on a 600 px map;
    smaller than base64 for the tiny arrays an animation frame carries)."""
    return [float(f"{v:.5g}") if np.isfinite(v) else None for v in np.asarray(values).ravel()]


def minmax_decimate(values: np.ndarray, max_points: int) -> np.ndarray:
    """Indices that keep at most ~``max_points`` of a long curve but every bucket's minimum
    and maximum, so spikes survive (a plain stride would skip them)."""
    values = np.asarray(values, dtype=float)
    n = len(values)
    if n <= max_points:
        return np.arange(n)
    size = -(-n // max(1, max_points // 2))  # bucket length, rounded up
    padded = np.full(-(-n // size) * size, np.nan)
    padded[:n] = values
    buckets = padded.reshape(-1, size)
    nan = np.isnan(buckets)
    lows = np.where(nan, np.inf, buckets).argmin(axis=1)
    highs = np.where(nan, -np.inf, buckets).argmax(axis=1)
    offsets = np.arange(len(buckets)) * size
    keep = np.concatenate([[0, n - 1], offsets + lows, offsets + highs])
    return np.unique(keep[keep < n])
