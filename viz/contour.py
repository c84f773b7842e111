"""The 2-D map: banded colours of the loss (a picture, see ``viz.raster``), known minima and
saddles, and a click grid.

The click grid is an invisible, dense scatter over the map: Plotly only reports clicks on
data points, so clicking anywhere lands on one of these points and the page reads its (x, y)
as the new start. It also carries the hover read-out (x, y and the loss).
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from viz.colors import MINIMUM_COLOUR, SADDLE_COLOUR, TERRAIN_SCALE
from viz.runs import compact
from viz.style import AXIS, CANVAS
from viz.terrain import LandscapeLike, Terrain, colour_range, sample_terrain, terrain_picture
from viz.text import FigureText, power_labels

CLICK_GRID_NAME = "click-grid"


def equal_aspect(bounds: tuple[tuple[float, float], tuple[float, float]]) -> bool:
    """Draw x and y to the same scale (so a gradient looks perpendicular to its contour line)
    unless the view is so lopsided that the map would become a sliver."""
    (x0, x1), (y0, y1) = bounds
    ratio = (y1 - y0) / (x1 - x0)
    return 1 / 3 <= ratio <= 3


AXIS_PX = 52
"""Height below the plot taken by the x ticks and the axis title."""
LEGEND_PX = 62
"""Height kept at the bottom of the figure for the legend (two rows)."""

MAP_DOMAIN = (0.0, 0.9)
"""Horizontal share of the map; the colour bar sits to its right. The legend goes below the
map (with the Play row), so on a phone the map keeps the full width."""


def base_layout(text: FigureText, height: int) -> dict:
    """Layout of the map: white background, readable fonts, the legend in rows below the map
    and its controls (outside the plot, so it never covers a path)."""
    return dict(
        **CANVAS,
        height=height,
        margin=dict(l=56, r=8, t=12, b=AXIS_PX + LEGEND_PX),
        legend=dict(orientation="h", yref="container", yanchor="bottom", y=0, xanchor="left",
                    x=0, font=dict(size=14), bgcolor="rgba(255,255,255,0)", tracegroupgap=2,
                    entrywidth=0),
    )


def terrain_image(terrain: Terrain) -> dict:
    """The terrain's picture as a layout image stretched over the map (see ``viz.raster``)."""
    (x0, x1), (y0, y1) = (terrain.x[0], terrain.x[-1]), (terrain.y[0], terrain.y[-1])
    return dict(source=terrain.image or terrain_picture(terrain), xref="x", yref="y",
                x=float(x0), y=float(y1), sizex=float(x1 - x0), sizey=float(y1 - y0),
                sizing="stretch", layer="below", name="terrain")


def colour_bar_trace(terrain: Terrain, text: FigureText) -> go.Scatter:
    """A point-less trace that only carries the colour bar of the terrain picture."""
    cmin, cmax = colour_range(terrain)
    colorbar = dict(title=dict(text=text.loss, side="right"), thickness=14, len=1.0,
                    outlinewidth=0, x=MAP_DOMAIN[1] + 0.01, xanchor="left", y=0.5,
                    yanchor="middle", tickfont=dict(size=12), exponentformat="power")
    if terrain.log:
        colorbar.update(tickvals=list(terrain.tickvals),
                        ticktext=power_labels(terrain.ticktext))
    return go.Scatter(
        x=[None], y=[None], mode="markers", showlegend=False, hoverinfo="skip", name="terrain",
        marker=dict(color=[cmin], cmin=cmin, cmax=cmax, colorscale=TERRAIN_SCALE,
                    showscale=True, colorbar=colorbar),
    )


def click_grid_trace(terrain: Terrain, text: FigureText, points: int = 41) -> go.Scatter:
    """An invisible scatter of points x points over the map, hover shows the loss."""
    xs = np.linspace(terrain.x[0], terrain.x[-1], points)
    ys = np.linspace(terrain.y[0], terrain.y[-1], points)
    xx, yy = np.meshgrid(xs, ys)
    ix = np.searchsorted(terrain.x, xx.ravel()).clip(0, len(terrain.x) - 1)
    iy = np.searchsorted(terrain.y, yy.ravel()).clip(0, len(terrain.y) - 1)
    loss = terrain.loss[iy, ix]
    invisible = dict(marker=dict(opacity=0))
    # maxdisplayed=1: one (invisible) point is drawn, not points x points; hover and click
    # read the data, not the drawing, and each animation frame re-plots this trace cheaply
    return go.Scatter(
        x=compact(xx.ravel()), y=compact(yy.ravel()), customdata=compact(loss),
        mode="markers", marker=dict(size=14, opacity=0, color="#000000", maxdisplayed=1),
        selected=invisible, unselected=invisible, showlegend=False, name=CLICK_GRID_NAME,
        hovertemplate=(f"{text.x} = %{{x:.3f}}, {text.y} = %{{y:.3f}}<br>"
                       f"{text.loss} = %{{customdata:.4g}}<br><i>{text.click_hint}</i>"
                       "<extra></extra>"),
    )


def split_minima(landscape: LandscapeLike, rel_tol: float = 1e-6) -> tuple[list, list]:
    """The known minima as (global, local) lists of ``(x, y, value)``: global where the value
    is the lowest one, up to ``rel_tol`` of the landscape's range of minimum values (or 1e-9)."""
    points = [(float(x), float(y), float(v))
              for (x, y), v in zip(landscape.minima, landscape.minima_values, strict=True)]
    if not points:
        return [], []
    values = [v for _, _, v in points]
    tol = max(rel_tol * (max(values) - min(values)), 1e-9)
    lowest = min(values)
    return ([p for p in points if p[2] <= lowest + tol],
            [p for p in points if p[2] > lowest + tol])


def _minimum_trace(points: list, name: str, text: FigureText, marker: dict) -> go.Scatter:
    x, y, v = (np.array(c, dtype=float) for c in zip(*points, strict=True))
    return go.Scatter(
        x=x, y=y, mode="markers", name=name, marker=marker, customdata=v,
        hovertemplate=(f"{name}<br>(%{{x:.4g}}, %{{y:.4g}})<br>"
                       f"{text.loss} = %{{customdata:.4g}}<extra></extra>"),
        unselected=dict(marker=dict(opacity=1)),
    )


def landmark_traces(landscape: LandscapeLike, text: FigureText) -> list[go.Scatter]:
    """The global minima (stars), local minima (small rings) and saddle points (crosses), each
    a legend entry: on a landscape with many minima only the best ones are starred."""
    traces = []
    best, local = split_minima(landscape)
    if best:
        traces.append(_minimum_trace(best, text.minimum, text, dict(
            symbol="star", size=19, color=MINIMUM_COLOUR, line=dict(width=1.5, color="#222222"))))
    if local:
        traces.append(_minimum_trace(local, text.local_minimum, text, dict(
            symbol="circle", size=10, color="#ffffff", line=dict(width=2, color="#222222"))))
    if landscape.saddles:
        sx, sy = np.array(landscape.saddles, dtype=float).T
        traces.append(go.Scatter(
            x=sx, y=sy, mode="markers", name=text.saddle,
            marker=dict(symbol="x-thin-open", size=14, color=SADDLE_COLOUR,
                        line=dict(width=3, color=SADDLE_COLOUR)),
            hovertemplate=f"{text.saddle}<br>(%{{x:.4g}}, %{{y:.4g}})<extra></extra>",
            unselected=dict(marker=dict(opacity=1)),
        ))
    return traces


def contour_figure(landscape: LandscapeLike, text: FigureText | None = None, *,
                   terrain: Terrain | None = None, click_grid: bool = True,
                   height: int = 600) -> go.Figure:
    """The map without runs: contour, (optional) click grid, minima and saddles."""
    text = text or FigureText()
    terrain = terrain if terrain is not None else sample_terrain(landscape)
    fig = go.Figure()
    fig.add_layout_image(terrain_image(terrain))
    fig.add_trace(colour_bar_trace(terrain, text))
    if click_grid:
        fig.add_trace(click_grid_trace(terrain, text))
    for trace in landmark_traces(landscape, text):
        fig.add_trace(trace)
    (x0, x1), (y0, y1) = landscape.bounds
    fig.update_layout(**base_layout(text, height))
    fig.update_layout(hovermode="closest", dragmode="pan" if click_grid else "zoom")
    fig.update_xaxes(**AXIS, exponentformat="power")
    fig.update_yaxes(**AXIS, exponentformat="power")
    fig.update_xaxes(title_text=text.x, range=[x0, x1], showgrid=False, zeroline=False,
                     constrain="domain", constraintoward="right", domain=list(MAP_DOMAIN))
    fig.update_yaxes(title_text=text.y, range=[y0, y1], showgrid=False, zeroline=False,
                     constrain="domain")
    if equal_aspect(landscape.bounds):
        fig.update_yaxes(scaleanchor="x", scaleratio=1)
    return fig
