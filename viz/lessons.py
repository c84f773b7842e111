"""Figure builders for the lessons: arrays in, ``go.Figure`` out (no Streamlit).

The map reuses the playground's builders (``viz.animation.path_figure``, ``viz.contour``), so a
lesson's map looks and plays like the playground's. A lesson may run on a landscape that is
not in the library (``lessons.custom``) or look at it through another window than the
landscape's default view; ``LessonView`` adapts any object with ``value(xy)`` to what the
builders read. ``series_figure`` draws curves over the steps (lr(t), v(t), losses).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import plotly.graph_objects as go

from viz.animation import path_figure
from viz.colors import DASHES, MINIMUM_COLOUR, optimizer_style, run_style
from viz.contour import contour_figure
from viz.runs import Run
from viz.text import FigureText

Bounds = tuple[tuple[float, float], tuple[float, float]]
Style = tuple[str, str]

MARKER_SYMBOLS = ("diamond", "square", "triangle-up", "cross", "pentagon")
MARKER_COLOURS = (MINIMUM_COLOUR, "#FFFFFF", "#F0E442", "#FFFFFF", MINIMUM_COLOUR)
PATH_OPACITY = 0.75


@dataclass(frozen=True)
class LessonText(FigureText):
    """``FigureText`` that can word a break as a stop ("stopped at step 1: 0/0").

    ``stop_causes`` maps the engine's reason codes that a lesson knows are not a blow-up (Adam
    with eps = 0 at g = 0 computes 0/0) to the short cause written after ``stopped``.
    """

    stopped: str = "stopped at step {step}: {cause}"
    stop_causes: Mapping[str, str] = field(default_factory=dict)

    def divergence(self, step: int, reason: str) -> str:
        if reason in self.stop_causes:
            return self.stopped.format(step=step, cause=self.stop_causes[reason])
        return super().divergence(step, reason)


def lesson_styles(labels: Iterable[str], optimizers: Mapping[str, str] | None = None,
                  dashes: Mapping[str, str] | None = None) -> dict[str, Style]:
    """(colour, dash) per label: the optimizer's fixed style, the same as in the playground.

    A label without an optimizer gets the next palette colour. When several labels share an
    optimizer, the later ones get other dashes (so two Adam runs stay apart); ``dashes``
    overrides the dash of a label (e.g. solid for training, dashed for validation).
    """
    optimizers, dashes = optimizers or {}, dashes or {}
    out: dict[str, Style] = {}
    used: dict[str, list[str]] = {}
    free = 0
    for label in labels:
        if label in out:
            continue
        opt = optimizers.get(label)
        if opt is None:
            colour, dash = run_style(free)
            free += 1
        else:
            colour, dash = optimizer_style(opt, free)
            taken = used.setdefault(opt, [])
            if label not in dashes and dash in taken:
                dash = next((d for d in DASHES if d not in taken), dash)
        dash = dashes.get(label, dash)
        if opt is not None:
            used[opt].append(dash)
        out[label] = (colour, dash)
    return out


def view_including(bounds: Bounds, paths: Iterable[np.ndarray], margin: float = 0.06) -> Bounds:
    """``bounds`` grown (never shrunk) so every point of ``paths`` is inside.

    A run that broke off (NaN rows) is left out: it ran off towards infinity, and following
    it would shrink everything else to a dot; its break marker says where it went.
    """
    (x0, x1), (y0, y1) = bounds
    pts = [np.asarray(p, dtype=float).reshape(-1, 2) for p in paths]
    pts = [p for p in pts if p.size and np.isfinite(p).all()]
    if not pts:
        return bounds
    allp = np.concatenate(pts)
    lo, hi = allp.min(axis=0), allp.max(axis=0)
    dx, dy = margin * max(x1 - x0, hi[0] - lo[0]), margin * max(y1 - y0, hi[1] - lo[1])
    nx0 = min(x0, lo[0] - dx) if lo[0] < x0 else x0
    nx1 = max(x1, hi[0] + dx) if hi[0] > x1 else x1
    ny0 = min(y0, lo[1] - dy) if lo[1] < y0 else y0
    ny1 = max(y1, hi[1] + dy) if hi[1] > y1 else y1
    return (float(nx0), float(nx1)), (float(ny0), float(ny1))


def _path_length(pts: np.ndarray) -> float:
    steps = np.linalg.norm(np.diff(pts, axis=0), axis=1)
    return float(np.nansum(steps))


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
    styles: Mapping[str, Style] | None = None,
    reasons: Mapping[str, str] | None = None,
    height: int = 540,
    max_frames: int = 120,
) -> go.Figure:
    """The map over ``bounds`` with the lesson's paths, animated as in the playground.

    A path of shape ``(T + 1, 2)`` is one run (NaN rows after a divergence end it; ``reasons``
    gives the engine's code of why, for the legend); a path of shape ``(T + 1, B, 2)`` is a
    cloud of seeded runs, drawn as small, faint points of its last quarter of rows, the
    widest cloud first so the tighter one stays visible (no animation for clouds).
    ``styles`` gives each label its (colour, dash) (``lesson_styles``); ``markers`` adds
    labelled points (the 1/lambda point, the closed-form solution, ...) named in the legend.

    So that no path hides another, the longest path is drawn first (underneath), every path
    is slightly transparent, and each run's end point is marked in its colour.
    """
    view = lesson_view(landscape, bounds)
    text = text or FigureText()
    reasons = reasons or {}
    lines = {k: np.asarray(v, dtype=float) for k, v in paths.items() if np.ndim(v) == 2}
    clouds = {k: np.asarray(v, dtype=float) for k, v in paths.items() if np.ndim(v) == 3}
    styles = {**lesson_styles(paths), **(styles or {})}
    order = sorted(lines, key=lambda k: -_path_length(lines[k]))
    runs = []
    for label in order:
        pts = lines[label]
        colour, dash = styles[label]
        bad = np.flatnonzero(~np.isfinite(pts).all(axis=1))
        runs.append(Run(label, colour, pts, int(bad[0]) if bad.size else -1,
                        reasons.get(label, ""), dash))
    if runs:
        fig = path_figure(view, runs, text, click_grid=False, height=height,
                          max_frames=max_frames, play_seconds=6.0)
        rank = {label: i for i, label in enumerate(lines)}
        for trace in fig.data:
            group = getattr(trace, "legendgroup", None)
            if group in rank and trace.showlegend is not False:
                trace.opacity = PATH_OPACITY
                trace.legendrank = 100 + rank[group]  # paths first, in the lesson's order
        for run in runs:
            finite = np.flatnonzero(np.isfinite(run.positions).all(axis=1))
            if finite.size and run.diverged_at < 0:
                ex, ey = run.positions[finite[-1]]
                fig.add_trace(go.Scatter(
                    x=[ex], y=[ey], mode="markers", showlegend=False, legendgroup=run.label,
                    hoverinfo="skip",
                    marker={"symbol": "circle", "size": 9, "color": run.colour,
                            "line": {"color": "white", "width": 1.5}}))
    else:
        fig = contour_figure(view, text, click_grid=False, height=height)
    spread = {k: float(np.nanstd(v[-max(1, v.shape[0] // 4):])) for k, v in clouds.items()}
    for label in sorted(clouds, key=lambda k: -spread[k]):
        pts = clouds[label]
        colour, _ = styles[label]
        last = pts[-max(1, pts.shape[0] // 4):].reshape(-1, 2)
        if len(last) > 6000:
            last = last[np.linspace(0, len(last) - 1, 6000).astype(int)]
        fig.add_trace(go.Scatter(x=last[:, 0], y=last[:, 1], mode="markers", name=label,
                                 marker={"size": 2.5, "color": colour, "opacity": 0.3},
                                 hoverinfo="skip"))
    if clouds:
        fig.update_layout(legend={"itemsizing": "constant"})
    for i, (name, (mx, my)) in enumerate((markers or {}).items()):
        fig.add_trace(go.Scatter(
            x=[mx], y=[my], mode="markers", name=name, showlegend=True,
            legendrank=2000 + i, hovertemplate=f"{name}: (%{{x:.3f}}, %{{y:.3f}})<extra></extra>",
            marker={"symbol": MARKER_SYMBOLS[i % len(MARKER_SYMBOLS)], "size": 12,
                    "color": MARKER_COLOURS[i % len(MARKER_COLOURS)],
                    "line": {"color": "#333333", "width": 1.5}},
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
    styles: Mapping[str, Style] | None = None,
) -> go.Figure:
    """Curves over the steps ``x``, one per label; ``marks`` adds dashed vertical lines.

    ``styles`` gives each label its (colour, dash), as on the map (``lesson_styles``).
    """
    fig = go.Figure()
    styles = {**lesson_styles(ys), **(styles or {})}
    for label, y in ys.items():
        colour, dash = styles[label]
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
