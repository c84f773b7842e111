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
screen-space width does not dip into a slope seen at a grazing angle. Each path is a thick line
over a white under-line (halo), like the map's, drawn a little above it (see ``LINE_GAP``).

The surface is opaque: Plotly.js does not sort transparent fragments by depth (plotly.js issues
#1267, #6536), so an ``opacity`` below 1 lets the far slopes bleed through the near ones (the
old 0.95 did), while every surface fragment in front of a line is still blended over it, so
hidden lines do not come forward either. The sheet gets a skirt down to the floor
(``with_skirt``), a solid block: a camera can no longer look under a high edge and see the
underside of the valleys behind it. What remains is genuine occlusion, a ridge or a pit's wall
between the camera and a path; on log terrain every run ends at the bottom of a steep pit. Two
things answer it:

* the camera is chosen for the paths (``choose_camera``): of a few views from the front, at
  three heights, the lowest that sees nearly as much of the paths as the best one, judged by
  marching the sight lines from points along the paths over the grid (``visible``);
* every run's head carries a thin pole up to the top of the box, above all the terrain: a
  sight line from the top of the pole to any camera above the box rises all the way, so it
  can cross no terrain, and the pole shows where a head is even in a pit seen from the side.

Animation
---------
As on the map, the full paths are static traces and the frames (at most ``MAX_FRAMES``,
``viz.runs.frame_rows``) move the run heads only, with Play / Pause and a step slider from
``viz.animation.animation_controls``. Plotly.js does not transition 3-D traces: a frame with
``redraw: false`` changes the data but never repaints the WebGL scene (checked in Chromium), so
the controls are switched to ``redraw: true``. A frame carries only one small trace, the heads'
x, y and z (well under 1 kB); the surface is never in a frame. A redraw still makes Plotly.js
rebuild the surface's mesh, so there are fewer frames than on the map.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go

from viz.animation import animation_controls, legend_label
from viz.colors import MINIMUM_COLOUR, TERRAIN_SCALE
from viz.contour import split_minima
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

MAX_FRAMES = 24
"""At most this many animation frames: each one redraws the whole WebGL scene (Plotly.js
rebuilds the surface's mesh on every redraw, about 0.5 s of script per frame in software
WebGL here), so far fewer, longer frames than on the map: a play of about 12 s there."""

LINE_GAP = 0.01
RUN_GAP = 0.003
"""The coloured line lies ``LINE_GAP`` of the height range above its white halo (plus
``RUN_GAP`` for each run before it, so later runs lie on top), the halo ``PATH_LIFT`` above
the surface: Plotly.js draws a thick line as flat screen-space strips, and at equal height the
wider halo wins the depth test over parts of the line (and one run's line over another's),
which would chop the lines into dashes."""
LINE_WIDTH = 6
HALO_WIDTH = 11
HEAD_SIZE = 7
PIN_SIZE = 5
GLOBAL_MARKER = dict(symbol="diamond", size=7, color=MINIMUM_COLOUR,
                     line=dict(width=1, color="#222222"))
LOCAL_MARKER = dict(symbol="circle", size=5, color="#ffffff", line=dict(width=2, color="#222222"))
"""Global minima as gold diamonds, local ones as small white rings (the map's star and ring:
Scatter3d has no star)."""
POLE_WIDTH = 3
CONTROLS_GAP = 6
BUTTONS_PX = 42
SLIDER_PX = 56
"""Below the scene, in pixels: a gap, the Play / Pause row, the step slider with its read-out."""
CONTOUR_COLOUR = "rgba(20, 20, 40, 0.45)"
ASPECT = dict(x=1.0, y=1.0, z=0.6)
EYE_DISTANCE = 2.3
"""The camera's distance from the centre of the box (Plotly's normalised scene units)."""
EYE_AZIMUTHS = (-50.0, -130.0, -90.0, -20.0, -160.0)
"""Directions the camera may look from, in degrees (-90: from the front, low y; -50: from
front right, the default). All are in front of the box, so x runs left to right and y away
from the viewer, as on the map."""
EYE_ELEVATIONS = (35.0, 50.0, 65.0)
"""How steeply the camera may look down, in degrees; lower first (more relief)."""
VIEW_TOLERANCE = 0.1
"""The camera is the first candidate (lowest elevation first) that sees at most this share of
the paths' points less than the best candidate: relief is worth a little visibility."""


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
    with np.errstate(invalid="ignore"):
        counts = np.where(np.isfinite(lo) & np.isfinite(hi), np.maximum(hi - lo + 1, 0), 0)
    counts = counts.astype(np.int64)
    lo = np.where(counts > 0, lo, 0.0)
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


def with_skirt(x: np.ndarray, y: np.ndarray, z: np.ndarray,
               floor: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The grid with a vertical wall from each edge down to ``floor``: a solid block, so no
    camera looks under a high edge at the underside of the sheet (a deep pit near the edge
    would show as a spike hanging below it). The walls are zero-width cells at the bounds."""
    xs = np.concatenate([x[:1], x, x[-1:]])
    ys = np.concatenate([y[:1], y, y[-1:]])
    zs = np.full((len(y) + 2, len(x) + 2), floor, dtype=z.dtype)
    zs[1:-1, 1:-1] = z
    return xs, ys, zs


# --- the camera ---------------------------------------------------------------------------

def _normalised(points: np.ndarray, ranges: Sequence[tuple[float, float]]) -> np.ndarray:
    """Data (..., 3) in Plotly's scene units: each axis centred and scaled to its aspect."""
    out = np.empty(points.shape, dtype=np.float64)
    for k, (axis, (lo, hi)) in enumerate(zip("xyz", ranges, strict=True)):
        out[..., k] = ASPECT[axis] * (points[..., k] - (lo + hi) / 2) / ((hi - lo) or 1.0)
    return out


def _blocks(z: np.ndarray, size: int) -> np.ndarray:
    """The highest height in each ``size`` x ``size`` block of the grid (NaN as -inf)."""
    m, n = z.shape
    pad = np.full((-(-m // size) * size, -(-n // size) * size), -np.inf)
    pad[:m, :n] = np.where(np.isfinite(z), z, -np.inf)
    return pad.reshape(pad.shape[0] // size, size, -1, size).max(axis=(1, 3))


def visible(x: np.ndarray, y: np.ndarray, z: np.ndarray, points: np.ndarray,
            eye: Sequence[float], ranges: Sequence[tuple[float, float]],
            block: int = 3) -> np.ndarray:
    """Which of ``points`` (N, 3) a camera at ``eye`` (scene units) sees over the
    surface ``x`` (n,), ``y`` (m,), ``z`` (m, n): a point counts as hidden when, on the straight
    way from it to the eye, the surface (its highest height per ``block`` x ``block`` cells, so
    a little pessimistic) rises above the sight line. The block and a half around the point
    itself is not looked at (the point's own slope)."""
    if len(points) == 0:
        return np.zeros(0, dtype=bool)
    top = _blocks(np.asarray(z, dtype=np.float64), block)
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    start = _normalised(np.asarray(points, dtype=np.float64), ranges)
    eye = np.asarray(eye, dtype=np.float64)
    rise = eye[2] - start[:, 2]
    ok = rise > 1e-9
    s_top = np.where(ok, (ASPECT["z"] / 2 - start[:, 2]) / np.where(ok, rise, 1.0), 0.0)
    s = np.linspace(0, 1, 2 * max(top.shape) + 1)[1:][None, :] * np.clip(s_top, 0, 1)[:, None]
    ray = start[:, None, :] + s[..., None] * (eye - start)[:, None, :]  # (N, S, 3)
    corner = _normalised(np.array([x[0], y[0], 0.0]), ranges)
    far = _normalised(np.array([x[-1], y[-1], 0.0]), ranges)
    col = np.floor((ray[..., 0] - corner[0]) / (far[0] - corner[0]) * (len(x) - 1) / block)
    row = np.floor((ray[..., 1] - corner[1]) / (far[1] - corner[1]) * (len(y) - 1) / block)
    inside = (col >= 0) & (col < top.shape[1]) & (row >= 0) & (row < top.shape[0])
    ground = top[np.clip(row, 0, top.shape[0] - 1).astype(np.int64),
                 np.clip(col, 0, top.shape[1] - 1).astype(np.int64)]
    (z0, z1) = ranges[2]
    ground_n = ASPECT["z"] * (ground - (z0 + z1) / 2) / ((z1 - z0) or 1.0)
    cell = 1.5 * block * (far[0] - corner[0]) / (len(x) - 1)
    away = np.hypot(ray[..., 0] - start[:, None, 0], ray[..., 1] - start[:, None, 1]) > cell
    return ~(inside & away & (ground_n > ray[..., 2])).any(axis=1)


def camera_eye(azimuth: float, elevation: float) -> dict[str, float]:
    """Plotly's ``camera.eye`` at ``EYE_DISTANCE`` from the centre, from the given direction
    (degrees; azimuth 0 = from +x, -90 = from -y) and height above the horizon."""
    a, e = math.radians(azimuth), math.radians(elevation)
    return dict(x=round(EYE_DISTANCE * math.cos(e) * math.cos(a), 4),
                y=round(EYE_DISTANCE * math.cos(e) * math.sin(a), 4),
                z=round(EYE_DISTANCE * math.sin(e), 4))


def along_path(path: np.ndarray, count: int) -> np.ndarray:
    """``count`` points of ``path`` (T, k) evenly spread along its length in x, y (a run that
    has settled spends most of its steps on one spot; by steps, that spot would be all)."""
    path = path[np.isfinite(path).all(axis=1)]
    if len(path) <= 1:
        return path
    length = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(path[:, :2], axis=0).T))])
    if length[-1] <= 0:
        return path[:1]
    rows = np.searchsorted(length, np.linspace(0, length[-1], count))
    return path[np.unique(np.clip(rows, 0, len(path) - 1))]


def choose_camera(x: np.ndarray, y: np.ndarray, z: np.ndarray,
                  paths: Sequence[np.ndarray], ranges: Sequence[tuple[float, float]],
                  points_per_path: int = 40) -> dict[str, float]:
    """The camera that sees the paths best (``visible``): of the candidates ``EYE_ELEVATIONS``
    x ``EYE_AZIMUTHS`` (in that order), the first that sees at most ``VIEW_TOLERANCE`` less of
    them than the best one; ``points_per_path`` points spread along each path, every run
    weighted alike. Without paths: the first candidate."""
    candidates = [camera_eye(a, e) for e in EYE_ELEVATIONS for a in EYE_AZIMUTHS]
    picks = [along_path(np.asarray(p, dtype=np.float64), points_per_path) for p in paths]
    picks = [p for p in picks if len(p)]
    if not picks:
        return candidates[0]
    points = np.concatenate(picks)
    weights = np.concatenate([np.full(len(p), 1.0 / len(p)) for p in picks]) / len(picks)
    shares = [float(np.sum(weights * visible(x, y, z, points, list(eye.values()), ranges)))
              for eye in candidates]
    best = max(shares)
    return next(eye for eye, share in zip(candidates, shares, strict=True)
                if share >= best - VIEW_TOLERANCE - 1e-9)


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


def _for_the_scene(controls: Any) -> Any:
    """``controls`` (``animation_controls``' layout) as a 3-D scene needs them: every
    ``redraw`` on (3-D traces repaint only on a redraw) and every transition cut to 0 ms (3-D
    traces cannot glide; a transition would only hold each redraw back)."""
    if isinstance(controls, dict):
        out = {k: _for_the_scene(v) for k, v in controls.items()}
        if "redraw" in out:
            out["redraw"] = True
        if "transition" in out and isinstance(out["transition"], dict):
            out["transition"] = dict(out["transition"], duration=0)
        return out
    if isinstance(controls, list | tuple):
        return [_for_the_scene(v) for v in controls]
    return controls


def _placed(menus: list, sliders: list) -> tuple[list, list]:
    """The Play / Pause row just below the scene and the slider under it, whole width (a scene
    has no x axis below it to make room for, unlike the map)."""
    menus = [dict(m, x=0, y=0, xanchor="left", yanchor="top", pad=dict(t=CONTROLS_GAP, r=10))
             for m in menus]
    sliders = [dict(s, x=0, len=1.0, y=0, xanchor="left", yanchor="top",
                    pad=dict(t=CONTROLS_GAP + BUTTONS_PX, b=0, l=0, r=0)) for s in sliders]
    return menus, sliders


def _line(run: Run, text: FigureText, path: np.ndarray, zs: np.ndarray,
          halo: bool) -> go.Scatter3d:
    """A run's path at heights ``zs``: the coloured line in the legend, or the white halo
    drawn under it."""
    return go.Scatter3d(
        x=compact(path[:, 0]), y=compact(path[:, 1]), z=compact(zs), mode="lines",
        name=None if halo else legend_label(run, text), showlegend=not halo,
        legendgroup=run.label, hoverinfo="skip",
        line=(dict(color="white", width=HALO_WIDTH) if halo
              else dict(color=run.colour, width=LINE_WIDTH, dash=run.dash)),
    )


def _break_marker(run: Run, text: FigureText, point: np.ndarray, z: float) -> go.Scatter3d:
    """An x where a diverged run broke off (as on the map)."""
    return go.Scatter3d(
        x=[float(point[0])], y=[float(point[1])], z=[z], mode="markers", showlegend=False,
        legendgroup=run.label, marker=dict(symbol="x", size=7, color=run.colour),
        hovertemplate=f"{run.label}: {text.divergence(run.diverged_at, run.reason)}"
                      "<extra></extra>",
    )


def _heads(drawn: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray]], ends: Sequence[int],
           row: int, ceiling: float) -> dict[str, list]:
    """x, y, z of the heads trace (or of its frame) at step ``row``: per run its head, on the
    vertex of its line at that step (a broken run's stays where it broke), the top of its pole
    at ``ceiling``, and a gap."""
    xs, ys, zs = [], [], []
    for end, (rows, path, heights) in zip(ends, drawn, strict=True):
        at = int(np.searchsorted(rows, min(row, end)))
        hx, hy = short_list(path[at, :2])
        hz, = short_list(heights[at:at + 1])
        xs += [hx, hx, None]
        ys += [hy, hy, None]
        zs += [hz, ceiling, None]
    return dict(x=xs, y=ys, z=zs)


def _heads_trace(runs: Sequence[Run], heads: dict[str, list]) -> go.Scatter3d:
    """One trace for every run's head and pole (one trace keeps the frames few to validate;
    the cost, as on the map, is that hiding a run in the legend leaves its head)."""
    colours = [c for r in runs for c in (r.colour, r.colour, r.colour)]
    labels = [lab for r in runs for lab in (r.label, r.label, "")]
    return go.Scatter3d(
        **heads, mode="lines+markers", showlegend=False, name="heads", text=labels,
        line=dict(color=colours, width=POLE_WIDTH),
        marker=dict(size=[HEAD_SIZE, PIN_SIZE, 0] * len(runs), color=colours,
                    line=dict(width=2, color="white")),
        hovertemplate="%{text}<br>(%{x:.4g}, %{y:.4g})<extra></extra>", connectgaps=False,
    )


def surface_figure(landscape: LandscapeLike, runs: Iterable[Sequence | Run],
                   text: FigureText | None = None, *, terrain: Terrain | None = None,
                   max_points: int = 1500, height: int = 640, max_frames: int = MAX_FRAMES,
                   play_seconds: float = 8.0) -> go.Figure:
    """The loss surface with every run drawn on it, its head animated along the path.

    ``runs``: ``viz.runs.Run`` records (or plain tuples, see ``Run``). Each path is thinned to
    at most ``max_points`` points (plus the frames' rows); the animation has at most
    ``max_frames`` frames and plays in about ``play_seconds``. Traces, in order: the surface;
    every run's halo, then every run's line; break markers; the global and the local
    minima; the heads.
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
    span = (zmax - zmin) or 1.0
    lift = PATH_LIFT * span

    def on_surface(points: np.ndarray, loss: np.ndarray) -> np.ndarray:
        own = colour_value(loss, terrain.log, terrain.floor, delta)
        return lifted_heights(gx, gy, gz, points, lift, fallback=own)

    steps = max((len(r.positions) - 1 for r in runs), default=0)
    frames_at = frame_rows(steps, max_frames)
    ends = [last_row(r) for r in runs]
    drawn, halos = [], []  # per run: (rows drawn, their x y, the line's heights); halo heights
    for k, (run, end) in enumerate(zip(runs, ends, strict=True)):
        rows = _path_rows(end, max_points, frames_at)
        path = run.positions[rows]
        halos.append(on_surface(path, landscape.value(path)))
        drawn.append((rows, path, halos[-1] + (LINE_GAP + RUN_GAP * k) * span))
    landmarks = []  # (name, x y of the minima, their heights, marker): global, then local
    for points, name, marker in zip(split_minima(landscape), (text.minimum, text.local_minimum),
                                    (GLOBAL_MARKER, LOCAL_MARKER), strict=True):
        if points:
            xyv = np.array(points, dtype=float)
            heights = np.concatenate([on_surface(p[None, :2], p[2:]) for p in xyv])
            landmarks.append((name, xyv[:, :2], heights, marker))
    marks_z = [z for _, _, heights, _ in landmarks for z in heights if np.isfinite(z)]
    tallest = max([zmax, *(float(np.nanmax(zs)) for _, _, zs in drawn if np.isfinite(zs).any()),
                   *marks_z])
    ceiling = float(f"{tallest + 0.01 * span:.5g}")  # the poles' tops: above all the terrain
    (x0, x1), (y0, y1) = landscape.bounds
    ranges = ((x0, x1), (y0, y1), (zmin, max(ceiling, tallest + 0.01 * span)))
    camera = choose_camera(gx, gy, gz, [np.column_stack([p, zs]) for _, p, zs in drawn],
                           ranges)

    colorbar = dict(title=dict(text=text.loss, side="right"), thickness=14, len=0.75,
                    exponentformat="power")
    zaxis = dict(title=dict(text=text.loss), exponentformat="power", range=list(ranges[2]),
                 autorange=False)
    if terrain.log and finite.size:
        tickvals, ticktext = surface_ticks(terrain.floor, delta, zmin, zmax)
        colorbar.update(tickvals=tickvals, ticktext=ticktext)
        zaxis.update(tickvals=tickvals, ticktext=ticktext)
    sx, sy, sz = with_skirt(gx, gy, gz, np.float32(zmin))
    fig = go.Figure(go.Surface(
        x=sx, y=sy, z=sz, colorscale=TERRAIN_SCALE, cmin=zmin, cmax=zmax, colorbar=colorbar,
        opacity=1, showlegend=False, hoverinfo="skip", contours=_contours(zmin, zmax, terrain.log),
        lighting=dict(ambient=0.8, diffuse=0.5, specular=0.05, roughness=0.9, fresnel=0.05),
    ))
    for halo in (True, False):  # every halo first: no run's halo covers another's line
        for run, (_, path, zs), under in zip(runs, drawn, halos, strict=True):
            fig.add_trace(_line(run, text, path, under if halo else zs, halo))
    for run, (_, path, zs) in zip(runs, drawn, strict=True):
        if run.diverged_at >= 0:
            fig.add_trace(_break_marker(run, text, path[-1], float(zs[-1])))
    for name, xy, heights, marker in landmarks:
        fig.add_trace(go.Scatter3d(
            x=xy[:, 0], y=xy[:, 1], z=heights, mode="markers", name=name, marker=marker,
            hovertemplate=f"{name}<br>(%{{x:.4g}}, %{{y:.4g}})<extra></extra>",
        ))
    if runs:
        fig.add_trace(_heads_trace(runs, _heads(drawn, ends, int(frames_at[0]), ceiling)))
    fig.update_layout(
        **CANVAS, height=height,
        margin=dict(l=0, r=0, t=40, b=CONTROLS_GAP + BUTTONS_PX + SLIDER_PX if runs else 0),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, font=dict(size=13)),
        scene=dict(xaxis=dict(SCENE_AXIS, title=dict(text=text.x), range=[x0, x1],
                              exponentformat="power"),
                   yaxis=dict(SCENE_AXIS, title=dict(text=text.y), range=[y0, y1],
                              exponentformat="power"),
                   zaxis=dict(SCENE_AXIS, **zaxis),
                   aspectmode="manual", aspectratio=ASPECT, camera=dict(eye=camera)),
    )
    if not runs:
        return fig
    heads = [len(fig.data) - 1]
    names = [str(int(r)) for r in frames_at]
    fig.frames = [go.Frame(name=name, traces=heads,
                           data=[go.Scatter3d(**_heads(drawn, ends, int(row), ceiling))])
                  for name, row in zip(names, frames_at, strict=True)]
    frame_ms = int(np.clip(1000 * play_seconds / len(names), 40, 250))
    menus, sliders = _placed(*_for_the_scene(animation_controls(names, frame_ms, text)))
    fig.update_layout(updatemenus=menus, sliders=sliders)
    return fig
