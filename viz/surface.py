"""The 3-D view: the loss surface with the same paths lying on it, animated like the map.

Height is the colour value c(f) of ``viz.terrain`` (log10 of the loss gap on log terrain), so
the surface shows the same valleys as the map; the z ticks are labelled with real losses. The
terrain is coloured with the map's ``TERRAIN_SCALE`` and carries a contour line at every
decade (log terrain) or at round loss values, so heights can be read off the surface itself.

Keeping the paths on top of the surface
---------------------------------------
Plotly.js draws a 3-D scene with one depth buffer, and a line is hidden wherever the surface's
triangles are nearer the camera. Paths used to be drawn at their true loss plus 1 % of the
height range and still sank into the surface: the surface is not the function but the flat
triangles between grid points, and across a trench narrower than a few grid cells (the floor of
Rosenbrock's valley, every minimum on log terrain) those triangles lie far *above* the true
loss. So the height of a path is taken from what is drawn, not from the function:

* ``drawn_height`` evaluates the surface exactly as Plotly.js triangulates it (each grid cell
  split along its (x0, y1)-(x1, y0) diagonal), from the same float32 heights it is sent;
* along a segment of a path that height is piecewise linear, so its maximum lies at an end or
  where the segment crosses a grid line or a cell diagonal: ``segment_peaks`` finds it there;
* a vertex of the path is placed ``PATH_LIFT`` of the height range above the higher peak of its
  two segments. A straight 3-D segment is then above the drawn surface by at least that margin
  at every point, at every camera angle (the tests check this on dense samples).

The margin is along z and the same for every view; it is large enough that the line's
screen-space width does not dip into a slope seen at a grazing angle. The surface is opaque:
Plotly.js does not sort transparent fragments by depth (plotly.js issues #1267, #6536), so an
``opacity`` below 1 lets the far slopes bleed through the near ones and, since every surface
fragment in front of a line is still blended over it, does not bring hidden lines forward.
What remains is genuine occlusion by a ridge between the camera and a path; the default camera
looks down steeply enough that the valleys the runs travel in stay open to it. Each path is a
thick line over a white under-line (halo), like the map's, so it stands out from the terrain.

Animation
---------
As on the map, the full paths are static traces and the frames (at most ``MAX_FRAMES``,
``viz.runs.frame_rows``) move one head marker per run, with Play / Pause and a step slider from
``viz.animation.animation_controls``. Plotly.js does not transition 3-D traces: a frame with
``redraw: false`` changes the data but never repaints the WebGL scene, so the controls are
switched to ``redraw: true``. A frame carries only each head's x, y and z (a few hundred bytes),
so the full redraw per frame costs the GPU, not the payload; the surface is never in a frame.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go

from viz.animation import animation_controls, legend_label
from viz.colors import MINIMUM_COLOUR, TERRAIN_SCALE
from viz.runs import Run, as_runs, compact, frame_rows, last_row, short_list
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

PATH_LIFT = 0.03
"""How far above the drawn surface every point of a path is, as a share of the surface's height
range (the same margin for the minimum markers)."""

MAX_FRAMES = 60
"""At most this many animation frames: each one redraws the whole WebGL scene."""

LINE_WIDTH = 7
HALO_WIDTH = 13
HEAD_SIZE = 7
CONTOUR_COLOUR = "rgba(20, 20, 40, 0.45)"
CAMERA = dict(eye=dict(x=1.25, y=-1.35, z=1.45))
"""Looking down about 40 degrees: steep enough to see into the valleys the runs follow."""


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


# --- the surface as Plotly.js draws it -------------------------------------------------------

def drawn_height(x: np.ndarray, y: np.ndarray, z: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Height of the surface Plotly.js draws from grid ``x`` (n,), ``y`` (m,), ``z`` (m, n) at
    ``points`` (..., 2): each cell is two flat triangles split along its (x0, y1)-(x1, y0)
    diagonal (gl-surface3d). NaN off the grid and over cells with a non-finite corner (holes)."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    z = np.asarray(z, dtype=np.float64)
    p = np.asarray(points, dtype=np.float64)
    px, py = p[..., 0], p[..., 1]
    i = np.clip(np.searchsorted(x, px, side="right") - 1, 0, len(x) - 2)
    j = np.clip(np.searchsorted(y, py, side="right") - 1, 0, len(y) - 2)
    u = (px - x[i]) / (x[i + 1] - x[i])
    v = (py - y[j]) / (y[j + 1] - y[j])
    z00, z10, z01, z11 = z[j, i], z[j, i + 1], z[j + 1, i], z[j + 1, i + 1]
    lower = z00 + u * (z10 - z00) + v * (z01 - z00)
    upper = z11 + (1 - u) * (z01 - z11) + (1 - v) * (z10 - z11)
    h = np.where(u + v <= 1, lower, upper)
    eps = 1e-9
    outside = (u < -eps) | (u > 1 + eps) | (v < -eps) | (v > 1 + eps)
    return np.where(outside | ~np.isfinite(h), np.nan, h)


def _crossings(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each segment a[k] -> b[k] of a scalar coordinate crosses an integer: (segment
    index, parameter t in [0, 1]) of every crossing."""
    lo = np.ceil(np.minimum(a, b))
    hi = np.floor(np.maximum(a, b))
    counts = np.maximum(hi - lo + 1, 0).astype(np.int64)
    seg = np.repeat(np.arange(len(a)), counts)
    first = np.repeat(np.cumsum(counts) - counts, counts)
    level = lo[seg] + (np.arange(counts.sum()) - first)
    span = b[seg] - a[seg]
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(span != 0, (level - a[seg]) / span, 0.0)
    return seg, np.clip(t, 0.0, 1.0)


def segment_peaks(x: np.ndarray, y: np.ndarray, z: np.ndarray, path: np.ndarray) -> np.ndarray:
    """The highest point of the drawn surface under each segment of ``path`` (T, 2): (T - 1,).

    The drawn height is linear inside each triangle, so along a segment its maximum is at an
    end or where the segment crosses a grid line or a cell diagonal; all of those are tried.
    NaN where the segment lies over holes only."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    path = np.asarray(path, dtype=np.float64)
    a, b = path[:-1], path[1:]
    # fractional grid coordinates: grid lines at integer u or v, diagonals at integer u + v
    dx, dy = (x[-1] - x[0]) / (len(x) - 1), (y[-1] - y[0]) / (len(y) - 1)
    ua, ub = (a[:, 0] - x[0]) / dx, (b[:, 0] - x[0]) / dx
    va, vb = (a[:, 1] - y[0]) / dy, (b[:, 1] - y[0]) / dy
    segs, ts = [np.arange(len(a)), np.arange(len(a))], [np.zeros(len(a)), np.ones(len(a))]
    for sa, sb in ((ua, ub), (va, vb), (ua + va, ub + vb)):
        seg, t = _crossings(sa, sb)
        segs.append(seg)
        ts.append(t)
    seg, t = np.concatenate(segs), np.concatenate(ts)
    points = a[seg] + t[:, None] * (b[seg] - a[seg])
    h = drawn_height(x, y, z, points)
    peaks = np.full(len(a), -np.inf)
    np.maximum.at(peaks, seg, np.where(np.isnan(h), -np.inf, h))
    return np.where(np.isfinite(peaks), peaks, np.nan)


def lifted_heights(x: np.ndarray, y: np.ndarray, z: np.ndarray, path: np.ndarray,
                   lift: float, fallback: np.ndarray | None = None) -> np.ndarray:
    """Heights for the vertices of ``path`` (T, 2) such that the polyline through them is at
    least ``lift`` above the drawn surface everywhere: each vertex ``lift`` above the higher
    peak of its two segments (``segment_peaks``), so a segment, being above the lower of its
    two ends, clears its own peak. ``fallback`` (T,) is used over holes in the surface."""
    path = np.asarray(path, dtype=np.float64)
    if len(path) == 1:
        base = drawn_height(x, y, z, path)
    else:
        peaks = segment_peaks(x, y, z, path)
        left = np.concatenate([[np.nan], peaks])
        right = np.concatenate([peaks, [np.nan]])
        with np.errstate(invalid="ignore"):
            base = np.fmax(left, right)
    if fallback is not None:
        base = np.where(np.isnan(base), fallback, base)
    return base + lift


# --- the figure --------------------------------------------------------------------------

def _contours(zmin: float, zmax: float, log: bool) -> dict:
    """Contour lines on the surface: every half decade on log terrain (decades of the loss gap
    and the 3x between them), else about ten round levels."""
    if log:
        size = 0.5 if zmax - zmin <= 8 else 1.0
    else:
        raw = (zmax - zmin) / 10 or 1.0
        power = 10.0 ** math.floor(math.log10(raw))
        size = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.ceil(zmin / size) * size
    return dict(z=dict(show=True, start=start, end=zmax, size=size, color=CONTOUR_COLOUR,
                       width=2, usecolormap=False, highlight=False, project=dict(z=False)),
                x=dict(highlight=False), y=dict(highlight=False))


def _path_rows(end: int, max_points: int, frames: np.ndarray) -> np.ndarray:
    """The rows drawn of a path ending at row ``end``: at most ~``max_points`` evenly spread,
    plus every frame's head row, so a head always sits on a vertex of its line."""
    even = np.linspace(0, end, min(max_points, end + 1)).round().astype(int)
    return np.unique(np.concatenate([even, np.minimum(frames, end)]))


def _redrawing(controls: Any) -> Any:
    """``controls`` with every ``redraw`` switched on (3-D traces repaint only on a redraw)."""
    if isinstance(controls, dict):
        return {k: (True if k == "redraw" else _redrawing(v)) for k, v in controls.items()}
    if isinstance(controls, list | tuple):
        return [_redrawing(v) for v in controls]
    return controls


def surface_figure(landscape: LandscapeLike, runs: Iterable[Sequence | Run],
                   text: FigureText | None = None, *, terrain: Terrain | None = None,
                   max_points: int = 1500, height: int = 640, max_frames: int = MAX_FRAMES,
                   play_seconds: float = 8.0) -> go.Figure:
    """The loss surface with every run drawn on it, and its head animated along the path.

    ``runs``: ``viz.runs.Run`` records (or plain tuples, see ``Run``). Each path is thinned to
    at most ``max_points`` points (plus the frames' rows); the animation has at most
    ``max_frames`` frames and plays in about ``play_seconds``.
    """
    text = text or FigureText()
    runs = as_runs(runs)
    terrain = (terrain if terrain is not None
               else sample_terrain(landscape, SURFACE_RESOLUTION, picture=False))
    delta = surface_delta(terrain)
    gx, gy = compact(terrain.x), compact(terrain.y)
    gz = compact(colour_value(terrain.loss, True, terrain.floor, delta) if terrain.log
                 else terrain.colour)
    finite = gz[np.isfinite(gz)]
    zmin, zmax = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    lift = PATH_LIFT * ((zmax - zmin) or 1.0)
    colorbar = dict(title=dict(text=text.loss, side="right"), thickness=14, len=0.75,
                    exponentformat="power")
    zaxis = dict(title=dict(text=text.loss), exponentformat="power")
    if terrain.log and finite.size:
        tickvals, ticktext = surface_ticks(terrain.floor, delta, zmin, zmax)
        colorbar.update(tickvals=tickvals, ticktext=ticktext)
        zaxis.update(tickvals=tickvals, ticktext=ticktext)
    fig = go.Figure(go.Surface(
        x=gx, y=gy, z=gz, colorscale=TERRAIN_SCALE, cmin=zmin, cmax=zmax, colorbar=colorbar,
        opacity=1, showlegend=False, hoverinfo="skip", contours=_contours(zmin, zmax, terrain.log),
        lighting=dict(ambient=0.8, diffuse=0.5, specular=0.05, roughness=0.9, fresnel=0.05),
    ))

    def lifted(path: np.ndarray) -> np.ndarray:
        own = colour_value(landscape.value(path), terrain.log, terrain.floor, delta)
        return lifted_heights(gx, gy, gz, path, lift, fallback=own)

    steps = max((len(r.positions) - 1 for r in runs), default=0)
    frames_at = frame_rows(steps, max_frames)
    ends = [last_row(r) for r in runs]
    heads = []  # per run: (rows drawn, their xyz)
    for run, end in zip(runs, ends, strict=True):
        rows = _path_rows(end, max_points, frames_at)
        path = run.positions[rows]
        zs = lifted(path)
        heads.append((rows, path, zs))
        fig.add_trace(go.Scatter3d(
            x=compact(path[:, 0]), y=compact(path[:, 1]), z=compact(zs), mode="lines",
            showlegend=False, legendgroup=run.label, hoverinfo="skip",
            line=dict(color="white", width=HALO_WIDTH),
        ))
        fig.add_trace(go.Scatter3d(
            x=compact(path[:, 0]), y=compact(path[:, 1]), z=compact(zs), mode="lines",
            name=legend_label(run, text), legendgroup=run.label, hoverinfo="skip",
            line=dict(color=run.colour, width=LINE_WIDTH, dash=run.dash),
        ))
    if landscape.minima:
        m = np.array(landscape.minima, dtype=float)
        own = colour_value(np.array(landscape.minima_values), terrain.log, terrain.floor, delta)
        base = drawn_height(gx, gy, gz, m)
        fig.add_trace(go.Scatter3d(
            x=m[:, 0], y=m[:, 1], z=np.where(np.isnan(base), own, base) + lift, mode="markers",
            name=text.minimum, marker=dict(symbol="diamond", size=6, color=MINIMUM_COLOUR,
                                           line=dict(width=1, color="#5a4a00")),
            hovertemplate=f"{text.minimum}<br>(%{{x:.4g}}, %{{y:.4g}})<extra></extra>",
        ))

    def head_at(k: int, rows: np.ndarray, path: np.ndarray, zs: np.ndarray,
                end: int) -> tuple[float, float, float]:
        at = int(np.searchsorted(rows, min(int(frames_at[k]), end)))
        return float(path[at, 0]), float(path[at, 1]), float(zs[at])

    first_head = len(fig.data)
    for run, end, (rows, path, zs) in zip(runs, ends, heads, strict=True):
        hx, hy, hz = head_at(0, rows, path, zs, end)
        fig.add_trace(go.Scatter3d(
            x=short_list([hx]), y=short_list([hy]), z=short_list([hz]), mode="markers",
            showlegend=False, legendgroup=run.label, name=f"{run.label} ·",
            marker=dict(size=HEAD_SIZE, color=run.colour, line=dict(width=2, color="white")),
            hovertemplate=f"{run.label}<br>(%{{x:.4g}}, %{{y:.4g}})<extra></extra>",
        ))
    head_traces = list(range(first_head, len(fig.data)))
    (x0, x1), (y0, y1) = landscape.bounds
    fig.update_layout(
        **CANVAS, height=height,
        margin=dict(l=0, r=0, t=40, b=70 if runs else 0),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, font=dict(size=13)),
        scene=dict(xaxis=dict(SCENE_AXIS, title=dict(text=text.x), range=[x0, x1],
                              exponentformat="power"),
                   yaxis=dict(SCENE_AXIS, title=dict(text=text.y), range=[y0, y1],
                              exponentformat="power"),
                   zaxis=dict(SCENE_AXIS, **zaxis),
                   aspectmode="manual", aspectratio=dict(x=1, y=1, z=0.6),
                   camera=CAMERA),
    )
    if not runs:
        return fig
    names = [str(int(r)) for r in frames_at]
    frames = []
    for k, name in enumerate(names):
        xyz = [head_at(k, rows, path, zs, end)
               for end, (rows, path, zs) in zip(ends, heads, strict=True)]
        frames.append(go.Frame(name=name, traces=head_traces, data=[
            go.Scatter3d(x=short_list([hx]), y=short_list([hy]), z=short_list([hz]))
            for hx, hy, hz in xyz]))
    fig.frames = frames
    frame_ms = int(np.clip(1000 * play_seconds / len(names), 40, 250))
    menus, sliders = animation_controls(names, frame_ms, text)
    fig.update_layout(updatemenus=_redrawing(menus), sliders=_redrawing(sliders))
    return fig
