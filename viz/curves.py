"""Step curves: the loss and the distance to the nearest known minimum, per run.

Both use a log y axis (progress near a minimum is geometric, so a log axis shows it as a
straight line). A loss that can be zero or negative is shown as the gap f - f* to the best
known minimum value, and labelled so; without a known f* it stays on a linear axis.
Long curves are thinned keeping each bucket's minimum and maximum, so spikes stay visible.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import plotly.graph_objects as go

from viz.animation import legend_label
from viz.runs import Run, as_runs, compact, minmax_decimate
from viz.style import AXIS, CANVAS
from viz.terrain import LandscapeLike
from viz.text import FigureText

MAX_CURVE_POINTS = 1600
FLOOR = 1e-16  # where a gap of exactly 0 is drawn on a log axis


def distance_to_nearest(positions: np.ndarray,
                        minima: Sequence[tuple[float, float]]) -> np.ndarray:
    """For each row of ``positions`` (T, 2): the Euclidean distance to the nearest minimum."""
    points = np.asarray(positions, dtype=float)[:, None, :]
    centres = np.asarray(minima, dtype=float)[None, :, :]
    return np.sqrt(((points - centres) ** 2).sum(axis=-1)).min(axis=1)


def log_axis(values: Iterable[np.ndarray], max_labels: int = 8) -> dict:
    """Settings of a log axis that labels powers of ten only, in power notation.

    The range is widened to whole decades (at least one full decade), so there are always two
    or more labelled powers of ten and Plotly never falls back to labelling the 2s and 5s in
    between ("2 5 2 5"); with many decades every second or third power is labelled. Unlabelled
    minor ticks mark the powers in between.
    """
    finite = [v[np.isfinite(v) & (v > 0)] for v in (np.asarray(a, dtype=float) for a in values)]
    finite = [v for v in finite if v.size]
    settings: dict = dict(type="log", exponentformat="power", minexponent=3,
                          showexponent="all")
    if not finite:
        return {**settings, "dtick": 1}
    lo = math.floor(min(float(np.log10(v.min())) for v in finite) + 1e-9)
    hi = math.ceil(max(float(np.log10(v.max())) for v in finite) - 1e-9)
    if hi - lo < 1:
        hi = lo + 1
    span = hi - lo
    step = max(1, math.ceil(span / max_labels))
    pad = 0.03 * span
    return {**settings, "range": [lo - pad, hi + pad], "dtick": step,
            "tick0": 0, "minor": dict(dtick=1, ticks="outside", ticklen=3, showgrid=False)}


def _curve_figure(series: list[tuple[Run, np.ndarray]], y_title: str, log_y: bool,
                  text: FigureText, height: int) -> go.Figure:
    fig = go.Figure()
    shown = []
    for run, values in series:
        keep = minmax_decimate(values, MAX_CURVE_POINTS)
        y = values[keep]
        if log_y:
            y = np.maximum(y, FLOOR)
        shown.append(y)
        fig.add_trace(go.Scatter(
            x=keep.astype(np.int32), y=compact(y), mode="lines", name=legend_label(run, text),
            legendgroup=run.label, line=dict(color=run.colour, width=2.2, dash=run.dash),
            hovertemplate=(f"{run.label}<br>{text.step_format.format(step='%{x}')}: "
                           "%{y:.4g}<extra></extra>"),
        ))
    fig.update_layout(
        **CANVAS, height=height, showlegend=True,
        legend=dict(orientation="h", yanchor="top", y=-0.3, x=0, font=dict(size=13),
                    entrywidth=0),
        margin=dict(l=64, r=12, t=36, b=10), hovermode="x unified",
        title=dict(text=y_title, x=0.01, font=dict(size=15)),
    )
    fig.update_xaxes(**AXIS, title_text=text.step, exponentformat="power")
    if log_y:
        fig.update_yaxes(**AXIS, **log_axis(shown))
    else:
        fig.update_yaxes(**AXIS, type="linear", exponentformat="power")
    return fig


def loss_figure(landscape: LandscapeLike, runs: Iterable[Sequence | Run],
                text: FigureText | None = None, *, height: int = 330) -> go.Figure:
    """Loss against step, log y (as the gap to f* where the loss can reach zero or below).

    Uses ``Run.losses`` when given, else evaluates the landscape at the positions.
    """
    text = text or FigureText()
    runs = as_runs(runs)
    series = []
    for run in runs:
        losses = run.losses if run.losses is not None else landscape.value(run.positions)
        series.append((run, np.asarray(losses, dtype=float)))
    finite = np.concatenate([v[np.isfinite(v)] for _, v in series]) if series else np.ones(1)
    f_star = min(landscape.minima_values) if landscape.minima_values else None
    if finite.size == 0 or finite.min() > 0:
        return _curve_figure(series, text.loss, True, text, height)
    if f_star is not None:
        gaps = [(run, values - f_star) for run, values in series]
        return _curve_figure(gaps, text.loss_gap, True, text, height)
    return _curve_figure(series, text.loss, False, text, height)


def distance_figure(landscape: LandscapeLike, runs: Iterable[Sequence | Run],
                    text: FigureText | None = None, *, height: int = 330) -> go.Figure:
    """Distance to the nearest known minimum against step (log y); empty without minima."""
    text = text or FigureText()
    runs = as_runs(runs)
    if not landscape.minima:
        return _curve_figure([], text.distance, True, text, height)
    series = [(run, distance_to_nearest(run.positions, landscape.minima)) for run in runs]
    return _curve_figure(series, text.distance, True, text, height)
