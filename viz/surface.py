"""The 3-D view: the loss surface with the same paths lying on it.

Height is the colour value c(f) of ``viz.terrain`` (log10 of the loss gap on log terrain), so
the surface shows the same valleys as the map; the z ticks are labelled with real losses.
Paths are thinned to at most ``max_points`` points each and not animated (3-D frames need a
full redraw each, which is slow in the browser).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import plotly.graph_objects as go

from viz.animation import legend_label
from viz.colors import MINIMUM_COLOUR, TERRAIN_SCALE
from viz.runs import Run, as_runs, compact, last_row
from viz.style import CANVAS, SCENE_AXIS
from viz.terrain import LandscapeLike, Terrain, colour_value, sample_terrain
from viz.text import FigureText, power_label

SURFACE_RESOLUTION = 301
"""Grid points per side of the 3-D surface: fine enough that a narrow valley on the log scale
(Rosenbrock's) is a smooth trough, not a saw-tooth of grid cells; about 0.5 MB of payload."""


SURFACE_DELTA = 10.0
"""On log terrain the surface's height is log10(f - f0 + delta) with ``delta`` this many times
the map's: the map may show a trench as narrow as a pixel, but the surface's grid cannot, and a
trench narrower than a grid cell (Rosenbrock's valley floor) would be drawn as a saw-tooth."""


def surface_delta(terrain: Terrain) -> float:
    """The offset of the surface's log height (see ``SURFACE_DELTA``)."""
    return SURFACE_DELTA * terrain.delta


def surface_ticks(floor: float, delta: float, zmin: float,
                  zmax: float) -> tuple[list[float], list[str]]:
    """Height ticks at f = f0 + 10**k, labelled with the loss in power notation; only powers
    well above ``delta`` (below it the heights bunch up at the bottom and the labels overlap)."""
    vals, text = [], []
    for k in range(math.floor(zmin), math.ceil(zmax) + 1):
        if 10.0**k < 3 * delta:
            continue
        tick = math.log10(10.0**k + delta)
        if zmin - 1e-9 <= tick <= zmax + 1e-9:
            vals.append(tick)
            text.append(power_label(format(floor + 10.0**k, ".3g")))
    return vals, text


def surface_figure(landscape: LandscapeLike, runs: Iterable[Sequence | Run],
                   text: FigureText | None = None, *, terrain: Terrain | None = None,
                   max_points: int = 1500, height: int = 640) -> go.Figure:
    """The loss surface with every run drawn on it (a marker where each ends)."""
    text = text or FigureText()
    terrain = (terrain if terrain is not None
               else sample_terrain(landscape, SURFACE_RESOLUTION, picture=False))
    delta = surface_delta(terrain)
    z = (colour_value(terrain.loss, True, terrain.floor, delta) if terrain.log
         else terrain.colour)
    finite = z[np.isfinite(z)]
    lift = 0.01 * float(finite.max() - finite.min()) if finite.size else 0.0
    colorbar = dict(title=dict(text=text.loss, side="right"), thickness=14, len=0.75,
                    exponentformat="power")
    zaxis = dict(title=dict(text=text.loss), exponentformat="power")
    if terrain.log and finite.size:
        tickvals, ticktext = surface_ticks(terrain.floor, delta, float(finite.min()),
                                           float(finite.max()))
        colorbar.update(tickvals=tickvals, ticktext=ticktext)
        zaxis.update(tickvals=tickvals, ticktext=ticktext)
    fig = go.Figure(go.Surface(
        x=compact(terrain.x), y=compact(terrain.y), z=compact(z), colorscale=TERRAIN_SCALE,
        colorbar=colorbar, opacity=0.95, showlegend=False, hoverinfo="skip",
        contours=dict(z=dict(show=True, color="rgba(60,60,40,0.35)", width=1, start=None)),
        lighting=dict(ambient=0.75, diffuse=0.6, specular=0.05),
    ))
    for run in as_runs(runs):
        end = last_row(run)
        rows = np.unique(np.linspace(0, end, min(max_points, end + 1)).round().astype(int))
        path = run.positions[rows]
        height_on_surface = colour_value(landscape.value(path), terrain.log, terrain.floor,
                                         delta) + lift
        fig.add_trace(go.Scatter3d(
            x=compact(path[:, 0]), y=compact(path[:, 1]), z=compact(height_on_surface),
            mode="lines", name=legend_label(run, text), legendgroup=run.label,
            line=dict(color=run.colour, width=6, dash=run.dash), hoverinfo="skip",
        ))
        fig.add_trace(go.Scatter3d(
            x=compact(path[-1:, 0]), y=compact(path[-1:, 1]),
            z=compact(height_on_surface[-1:]), mode="markers", showlegend=False,
            legendgroup=run.label, marker=dict(size=6, color=run.colour,
                                               line=dict(width=1, color="white")),
            hovertemplate=f"{run.label}<br>(%{{x:.4g}}, %{{y:.4g}})<extra></extra>",
        ))
    if landscape.minima:
        m = np.array(landscape.minima, dtype=float)
        mz = colour_value(np.array(landscape.minima_values), terrain.log, terrain.floor,
                          delta) + lift
        fig.add_trace(go.Scatter3d(
            x=m[:, 0], y=m[:, 1], z=mz, mode="markers", name=text.minimum,
            marker=dict(symbol="diamond", size=6, color=MINIMUM_COLOUR,
                        line=dict(width=1, color="#5a4a00")),
        ))
    (x0, x1), (y0, y1) = landscape.bounds
    fig.update_layout(
        **CANVAS, height=height,
        margin=dict(l=0, r=0, t=40, b=0),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, font=dict(size=13)),
        scene=dict(xaxis=dict(SCENE_AXIS, title=dict(text=text.x), range=[x0, x1],
                              exponentformat="power"),
                   yaxis=dict(SCENE_AXIS, title=dict(text=text.y), range=[y0, y1],
                              exponentformat="power"),
                   zaxis=dict(SCENE_AXIS, **zaxis),
                   aspectmode="manual", aspectratio=dict(x=1, y=1, z=0.6),
                   camera=dict(eye=dict(x=1.4, y=-1.5, z=1.0))),
    )
    return fig
