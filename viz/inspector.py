"""Figures of the step inspector: the map with arrows at step t, and the state over time.

``arrows_figure`` draws the path up to step t on the lesson map and three arrows from
theta_{t-1}: the downhill gradient -g, the momentum direction -m_hat (where the optimizer has
one) and the step Delta theta actually taken. Arrows are rescaled to a readable length (a
fixed share of the view), each keeping its direction; the true lengths are in the formula.
``state_figure`` draws one recorded quantity per coordinate over the steps, with t marked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import plotly.graph_objects as go

from viz.colors import run_style
from viz.contour import contour_figure
from viz.lessons import Bounds, lesson_view
from viz.text import FigureText

ARROW_COLOURS = {"g": "#D55E00", "m": "#0072B2", "step": "#000000"}
ARROW_SCALE = {"step": 1.0, "m": 0.8, "g": 0.6}  # shares of the arrow length: tips apart
LABEL_GAP = 16  # pixels between an arrow's tip and its label, along the arrow


def _arrow(fig: go.Figure, start: np.ndarray, vec: np.ndarray, length: float, colour: str,
           text: str) -> None:
    """An arrow from ``start`` along ``vec`` (``length`` long), labelled just past its tip.

    The label sits beyond the tip in the arrow's own direction (anchored on the side away
    from the arrow), so labels of arrows that point different ways never pile up at the
    start point, and never sit on a shaft.
    """
    norm = float(np.hypot(*vec))
    if not np.isfinite(norm) or norm == 0.0:
        return
    unit = vec / norm
    end = start + unit * length
    fig.add_annotation(x=end[0], y=end[1], ax=start[0], ay=start[1], xref="x", yref="y",
                       axref="x", ayref="y", showarrow=True, arrowhead=3, arrowsize=1.2,
                       arrowwidth=2.5, arrowcolor=colour, text="")
    xanchor = "left" if unit[0] > 0.3 else ("right" if unit[0] < -0.3 else "center")
    yanchor = "bottom" if unit[1] > 0.3 else ("top" if unit[1] < -0.3 else "middle")
    fig.add_annotation(x=end[0], y=end[1], xref="x", yref="y", showarrow=False, text=text,
                       font={"color": colour, "size": 15}, bgcolor="rgba(255,255,255,0.8)",
                       xanchor=xanchor, yanchor=yanchor,
                       xshift=float(unit[0] * LABEL_GAP), yshift=float(unit[1] * LABEL_GAP))


def arrows_figure(landscape: Any, bounds: Bounds, positions: np.ndarray, t: int,
                  vectors: Mapping[str, np.ndarray], labels: Mapping[str, str],
                  text: FigureText | None = None, height: int = 520) -> go.Figure:
    """The map, the path (solid up to step t, faint after), and the arrows of step t.

    ``vectors`` maps "g", "m", "step" to 2-vectors drawn from ``positions[t - 1]`` (pass -g and
    -m_hat for the downhill directions); ``labels`` gives each arrow's legend text.
    """
    view = lesson_view(landscape, bounds)
    fig = contour_figure(view, text or FigureText(), click_grid=False, height=height)
    colour = "#777777"  # the path in grey: the arrows carry the colours
    done, rest = positions[: t + 1], positions[t:]
    fig.add_trace(go.Scatter(x=rest[:, 0], y=rest[:, 1], mode="lines", showlegend=False,
                             line={"color": colour, "width": 1.5, "dash": "dot"},
                             opacity=0.4, hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=done[:, 0], y=done[:, 1], mode="lines+markers",
                             showlegend=False, line={"color": colour, "width": 2},
                             marker={"size": 4}, hoverinfo="skip"))
    (x0, x1), (y0, y1) = bounds
    length = 0.12 * max(x1 - x0, y1 - y0)
    start = positions[t - 1]
    for key, vec in vectors.items():
        _arrow(fig, start, np.asarray(vec, dtype=float), length * ARROW_SCALE[key],
               ARROW_COLOURS[key], labels.get(key, key))
        fig.add_trace(go.Scatter(  # legend entry: colour -> name, in case two arrows align
            x=[None], y=[None], mode="lines", name=labels.get(key, key), hoverinfo="skip",
            line={"color": ARROW_COLOURS[key], "width": 3}))
    fig.add_trace(go.Scatter(x=[start[0]], y=[start[1]], mode="markers", showlegend=False,
                             marker={"size": 11, "color": "white",
                                     "line": {"color": "black", "width": 2}}))
    return fig


def state_figure(values: np.ndarray, t: int, title: str, *, log_y: bool = False,
                 coords: tuple[str, str] = ("x", "y"), height: int = 260) -> go.Figure:
    """One recorded quantity over the steps, x and y coordinates, with a line at step t.

    ``values`` has shape (T + 1, 2) (row 0 the initial state). On a log axis absolute values
    are drawn (zeros drop out).
    """
    steps = np.arange(values.shape[0])
    fig = go.Figure()
    for i, name in enumerate(coords):
        y = np.abs(values[:, i]) if log_y else values[:, i]
        if log_y:
            y = np.where(y > 0, y, np.nan)
        colour, _ = run_style(i + 1)
        fig.add_trace(go.Scatter(x=steps[1:], y=y[1:], mode="lines", name=name,
                                 line={"color": colour, "width": 2,
                                       "dash": "solid" if i == 0 else "dash"}))
    fig.add_vline(x=t, line={"color": "grey", "dash": "dot", "width": 1.5})
    fig.update_layout(height=height, title={"text": title, "font": {"size": 14}},
                      margin={"l": 70, "r": 20, "t": 50, "b": 40},
                      legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0.75},
                      yaxis={"type": "log" if log_y else "linear",
                             **({"dtick": 1} if log_y else {})})
    return fig
