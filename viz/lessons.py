"""Figure builders for the lessons: arrays in, ``go.Figure`` out (no Streamlit).

The map reuses the playground's builders (``viz.animation.path_figure``, ``viz.contour``), so a
lesson's map looks and plays like the playground's. A lesson may run on a landscape that is
not in the library (``lessons.custom``) or look at it through another window than the
landscape's default view; ``LessonView`` adapts any object with ``value(xy)`` to what the
builders read. ``series_figure`` draws curves over the steps (lr(t), v(t), losses).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import plotly.graph_objects as go

from viz.animation import path_figure
from viz.colors import MINIMUM_COLOUR, run_style
from viz.contour import contour_figure
from viz.runs import Run
from viz.text import FigureText

Bounds = tuple[tuple[float, float], tuple[float, float]]


@dataclass(frozen=True)
class LessonView:
    """A landscape seen through the lesson's window: what ``viz.terrain.LandscapeLike`` reads.

    ``minima`` are the landscape's own (when it lists them); ``log_colors`` follows the
    landscape when it says, else it is on when the values span more than three decades.
    """

    landscape: Any
    bounds: Bounds
    minima: tuple[tuple[float, float], ...] = ()
    minima_values: tuple[float, ...] = ()
    saddles: tuple[tuple[float, float], ...] = ()
    log_colors: bool = False

    def value(self, xy: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            return np.asarray(self.landscape.value(xy), dtype=float)


def lesson_view(landscape: Any, bounds: Bounds) -> LessonView:
    """Wrap ``landscape`` for the figure builders, keeping only landmarks inside ``bounds``."""
    (x0, x1), (y0, y1) = bounds

    def inside(p: Sequence[float]) -> bool:
        return x0 <= p[0] <= x1 and y0 <= p[1] <= y1

    minima = tuple(tuple(map(float, p)) for p in getattr(landscape, "minima", ()) if inside(p))
    values = tuple(float(v) for v in np.atleast_1d(landscape.value(np.asarray(minima))))\
        if minima else ()
    saddles = tuple(tuple(map(float, p)) for p in getattr(landscape, "saddles", ()) if inside(p))
    log = getattr(landscape, "log_colors", None)
    if log is None:
        xs = np.linspace(x0, x1, 41)
        ys = np.linspace(y0, y1, 41)
        with np.errstate(all="ignore"):
            z = np.asarray(landscape.value(np.stack(np.meshgrid(xs, ys), axis=-1)), dtype=float)
        z = z[np.isfinite(z)]
        spread = (z.max() - z.min()) if z.size else 0.0
        rest = np.percentile(z - z.min(), 50) if z.size else 0.0
        log = bool(spread > 0 and rest > 0 and spread / rest > 1e3)
    return LessonView(landscape, bounds, minima, values, saddles, bool(log))


def paths_figure(
    landscape: Any,
    bounds: Bounds,
    paths: Mapping[str, np.ndarray],
    *,
    markers: Mapping[str, tuple[float, float]] | None = None,
    text: FigureText | None = None,
    height: int = 460,
    max_frames: int = 120,
) -> go.Figure:
    """The map over ``bounds`` with the lesson's paths, animated as in the playground.

    A path of shape ``(T + 1, 2)`` is one run (NaN rows after a divergence end it); a path of
    shape ``(T + 1, B, 2)`` is a cloud of seeded runs, drawn as the points of its last quarter
    of rows, one colour per cloud (no animation for clouds). ``markers`` adds labelled points
    (the 1/lambda point, the closed-form solution, ...).
    """
    view = lesson_view(landscape, bounds)
    text = text or FigureText()
    lines = {k: np.asarray(v, dtype=float) for k, v in paths.items() if np.ndim(v) == 2}
    clouds = {k: np.asarray(v, dtype=float) for k, v in paths.items() if np.ndim(v) == 3}
    runs = []
    for i, (label, pts) in enumerate(lines.items()):
        colour, dash = run_style(i)
        bad = np.flatnonzero(~np.isfinite(pts).all(axis=1))
        runs.append(Run(label, colour, pts, int(bad[0]) if bad.size else -1, "", dash))
    if runs:
        fig = path_figure(view, runs, text, click_grid=False, height=height,
                          max_frames=max_frames, play_seconds=6.0)
    else:
        fig = contour_figure(view, text, click_grid=False, height=height)
    for i, (label, pts) in enumerate(clouds.items()):
        colour, _ = run_style(len(lines) + i)
        last = pts[-max(1, pts.shape[0] // 4):].reshape(-1, 2)
        fig.add_trace(go.Scatter(x=last[:, 0], y=last[:, 1], mode="markers", name=label,
                                 marker={"size": 3, "color": colour, "opacity": 0.35}))
    if clouds:
        fig.update_layout(legend={"itemsizing": "constant"})
    for name, (mx, my) in (markers or {}).items():
        fig.add_trace(go.Scatter(
            x=[mx], y=[my], mode="markers+text", text=[name], textposition="top center",
            name=name, showlegend=False,
            marker={"symbol": "diamond", "size": 11, "color": MINIMUM_COLOUR,
                    "line": {"color": "#333333", "width": 1}},
        ))
    return fig


def series_figure(
    x: np.ndarray,
    ys: Mapping[str, np.ndarray],
    *,
    y_title: str = "",
    x_title: str = "t",
    log_y: bool = False,
    marks: Sequence[int] = (),
    height: int = 300,
    title: str = "",
) -> go.Figure:
    """Curves over the steps ``x``, one per label; ``marks`` adds dashed vertical lines."""
    fig = go.Figure()
    for i, (label, y) in enumerate(ys.items()):
        colour, dash = run_style(i)
        fig.add_trace(go.Scatter(
            x=np.asarray(x), y=np.asarray(y, dtype=float), mode="lines", name=label,
            line={"color": colour, "width": 2, "dash": dash},
        ))
    for step in marks:
        fig.add_vline(x=step, line={"dash": "dash", "color": "grey", "width": 1})
    fig.update_layout(
        height=height, margin={"l": 70, "r": 20, "t": 40 if title else 30, "b": 50},
        title={"text": title} if title else None,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.01, "x": 0},
        xaxis={"title": {"text": x_title}},
        yaxis={"title": {"text": y_title}, "type": "log" if log_y else "linear",
               **({"dtick": 1} if log_y else {})},
    )
    return fig
