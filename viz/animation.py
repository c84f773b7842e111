"""The race: every run's path on the map, animated with Play / Pause and a step slider.

Payload design (an animation whose every frame carried the path so far would grow with the
square of the step count): the full paths are drawn once, faintly, as static traces; the
frames (at most ``max_frames``, evenly spread over the steps) move one small trace, the
"comet": for each run ``TAIL_POINTS`` dots along its last few frames' worth of path, growing
into the head marker. Colours and sizes are set once on the base trace; a frame carries only
the dots' x and y (about 1 kB). The terrain and the click grid never appear in a frame; frames
are plain ``go.Scatter`` (Scattergl does not animate reliably) and do not redraw.
One trace for all runs keeps the build fast (Plotly validates every frame trace);
the cost is that hiding a run in the legend leaves its comet visible.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import plotly.graph_objects as go

from viz.colors import HALO_COLOUR
from viz.contour import AXIS_PX, LEGEND_PX, contour_figure
from viz.frames import with_raw_frames
from viz.runs import Run, as_runs, compact, frame_rows, last_row, short_list, thin_path
from viz.terrain import LandscapeLike, Terrain
from viz.text import FigureText

TAIL_FRAMES = 6
TAIL_POINTS = 10
DEFAULT_MAX_FRAMES = 60
REVEAL_FRAMES = 60
BUTTONS_PX = 42
CONTROLS_PX = BUTTONS_PX + 58
"""Below the x axis, in pixels (so at any figure height): the Play / Pause row, then the step
slider with its read-out; the legend comes after."""
REDRAW = False
"""Frames move scatter points only (``redraw: false``): smooth and cheap. The terrain is a
layout image (``viz.raster``), which animation frames never touch; a contour trace would be
removed by Plotly.js for as long as such an animation plays."""


def legend_label(run: Run, text: FigureText) -> str:
    """The run's label, plus 'diverged at step k (cause)' when it broke off."""
    if run.diverged_at >= 0:
        return f"{run.label} — {text.divergence(run.diverged_at, run.reason)}"
    return run.label


def _tail(positions: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """Rows lo..hi of a path as exactly TAIL_POINTS points (ends kept, rows may repeat): a
    fixed count lets Plotly glide each point to its next place between frames."""
    rows = np.linspace(lo, hi, TAIL_POINTS).round().astype(int)
    return positions[rows]


PATH_WIDTH = 4.0
HALO_WIDTH = 8.0
"""Paths are drawn thick enough to follow from the back of a classroom, each over a white
halo (its own trace, in the run's legend group) that keeps it visible on any terrain."""


def _static_path(run: Run, text: FigureText, end: int,
                 tolerance: float = 0.0) -> list[go.Scatter]:
    """The run's path up to ``end`` (thinned to one point per ``tolerance`` of arc length):
    the white halo, then the coloured line (the legend entry; hiding it hides the halo)."""
    path = run.positions[: end + 1]
    if tolerance > 0:
        path = path[thin_path(path, tolerance)]
    x, y = compact(path[:, 0]), compact(path[:, 1])
    halo = go.Scatter(x=x, y=y, mode="lines", showlegend=False, legendgroup=run.label,
                      line=dict(color=HALO_COLOUR, width=HALO_WIDTH), hoverinfo="skip")
    line = go.Scatter(
        x=x, y=y, mode="lines", name=legend_label(run, text), legendgroup=run.label,
        line=dict(color=run.colour, width=PATH_WIDTH, dash=run.dash), hoverinfo="skip",
    )
    return [halo, line]


def exit_point(positions: np.ndarray, end: int,
               bounds: tuple[tuple[float, float], tuple[float, float]]) -> np.ndarray:
    """Where the path first leaves the plot box: the crossing of the box's edge by the first
    segment that goes out, or the point at ``end`` if the path stays inside up to there."""
    (x0, x1), (y0, y1) = bounds
    path = positions[: end + 1]
    inside = ((path[:, 0] >= x0) & (path[:, 0] <= x1) & (path[:, 1] >= y0)
              & (path[:, 1] <= y1))
    out = np.flatnonzero(~inside)
    if out.size == 0 or out[0] == 0:
        return path[end] if out.size == 0 else path[0]
    a, b = path[out[0] - 1], path[out[0]]
    d = b - a
    share = 1.0
    for k, (lo, hi) in enumerate(((x0, x1), (y0, y1))):
        if d[k] > 0 and b[k] > hi:
            share = min(share, (hi - a[k]) / d[k])
        elif d[k] < 0 and b[k] < lo:
            share = min(share, (lo - a[k]) / d[k])
    return a + max(0.0, share) * d


def _break_marker(run: Run, text: FigureText, end: int,
                  bounds: tuple[tuple[float, float], tuple[float, float]]) -> go.Scatter:
    """A cross, labelled with the run's name, where a diverged run left the map (or broke off
    inside it); its hover says at which step and why."""
    x, y = exit_point(run.positions, end, bounds)
    (x0, x1), (y0, y1) = bounds
    vertical = "bottom" if y < (y0 + y1) / 2 else "top"
    horizontal = "right" if x < (x0 + x1) / 2 else "left"
    return go.Scatter(
        x=[float(x)], y=[float(y)], mode="markers+text", showlegend=False,
        legendgroup=run.label, text=[f"<b>{run.label}</b>"], cliponaxis=False,
        textposition=f"{'top' if vertical == 'bottom' else 'bottom'} "
                     f"{'right' if horizontal == 'right' else 'left'}",
        textfont=dict(size=14, color=run.colour),
        marker=dict(symbol="x", size=16, color=run.colour, line=dict(width=1.5,
                                                                     color="white")),
        hovertemplate=f"{run.label}: {text.divergence(run.diverged_at, run.reason)}"
                      "<extra></extra>",
        unselected=dict(marker=dict(opacity=1)),
    )


def _comet_style(runs: Sequence[Run]) -> dict:
    """Per-dot colours and sizes of the comet trace: each run's TAIL_POINTS dots grow from a
    small trail dot to the head marker (the last one, outlined in white)."""
    sizes = np.linspace(3, 8, TAIL_POINTS).round(1).tolist()
    sizes[-1] = 14
    widths = [0] * (TAIL_POINTS - 1) + [2]
    return dict(color=[r.colour for r in runs for _ in range(TAIL_POINTS)],
                size=sizes * len(runs), line=dict(color="white", width=widths * len(runs)),
                opacity=1)


def _comet_trace(runs: Sequence[Run], xy: np.ndarray, text: FigureText) -> go.Scatter:
    labels = [r.label for r in runs for _ in range(TAIL_POINTS)]
    return go.Scatter(
        x=short_list(xy[:, 0]), y=short_list(xy[:, 1]), mode="markers", showlegend=False,
        name="comet", marker=_comet_style(runs), text=labels,
        hovertemplate="%{text}<br>(%{x:.4g}, %{y:.4g})<extra></extra>",
        unselected=dict(marker=dict(opacity=1)),
    )


def _comet_points(runs: Sequence[Run], ends: Sequence[int], rows: np.ndarray,
                  k: int) -> np.ndarray:
    """Every run's tail at frame k, stacked: (runs * TAIL_POINTS, 2)."""
    return np.concatenate([_frame_tail(run, rows, k, end)
                           for run, end in zip(runs, ends, strict=True)])


def _start_trace(runs: Sequence[Run], text: FigureText) -> go.Scatter:
    starts = np.unique(np.array([r.positions[0] for r in runs], dtype=float), axis=0)
    return go.Scatter(
        x=starts[:, 0], y=starts[:, 1], mode="markers", name=text.start,
        marker=dict(symbol="circle", size=15, color="rgba(255,255,255,0.35)",
                    line=dict(width=3, color="#111111")),
        hovertemplate=f"{text.start}<br>(%{{x:.4g}}, %{{y:.4g}})<extra></extra>",
        unselected=dict(marker=dict(opacity=1)),
    )


def _frame_tail(run: Run, rows: np.ndarray, k: int, end: int) -> np.ndarray:
    """The tail of ``run`` at frame k, ending at its head (a broken run stays where it broke)."""
    row = min(int(rows[k]), end)
    lo = min(int(rows[max(0, k - TAIL_FRAMES)]), row)
    return _tail(run.positions, lo, row)


def animation_controls(frame_names: Sequence[str], frame_ms: int,
                       text: FigureText) -> tuple[list, list]:
    """Play / Pause buttons and, on a row of its own below them (so on a phone the buttons
    never cover it), a step slider, in Plotly's layout form. While playing, each frame
    glides into the next (a linear transition as long as the frame), so the markers move at
    the screen's frame rate, not at the rate of frames."""
    play = dict(label=text.play, method="animate",
                args=[None, dict(frame=dict(duration=frame_ms, redraw=REDRAW), fromcurrent=True,
                                 transition=dict(duration=frame_ms, easing="linear"),
                                 mode="immediate")])
    pause = dict(label=text.pause, method="animate",
                 args=[[None], dict(frame=dict(duration=0, redraw=REDRAW),
                                    transition=dict(duration=0), mode="immediate")])
    prefix, _, suffix = text.step_format.partition("{step}")
    menus = [dict(type="buttons", direction="left", showactive=False, x=0, y=0,
                  xanchor="left", yanchor="top", pad=dict(t=AXIS_PX, r=10),
                  buttons=[play, pause],
                  font=dict(size=15), bgcolor="#f3f3f3", bordercolor="#bbbbbb")]
    slider = dict(
        active=0, x=0, len=1.0, y=0, yanchor="top", xanchor="left",
        pad=dict(t=AXIS_PX + BUTTONS_PX, b=0, l=0, r=0),
        currentvalue=dict(prefix=prefix, suffix=suffix, visible=True, xanchor="right",
                          offset=4, font=dict(size=14, color="#222222")),
        font=dict(size=1, color="rgba(0,0,0,0)"), ticklen=0, tickcolor="rgba(0,0,0,0)",
        transition=dict(duration=0),
        steps=[dict(method="animate", label=name,
                    args=[[name], dict(frame=dict(duration=0, redraw=REDRAW), mode="immediate",
                                       transition=dict(duration=0))])
               for name in frame_names],
    )
    return menus, [slider]


PIXELS = 1500
"""The finest detail drawn: 1/PIXELS of the box (a map is at most ~900 px wide on screen)."""


def path_tolerance(bounds: tuple[tuple[float, float], tuple[float, float]]) -> float:
    """Arc length below which path points are merged: a fraction of the box's smaller side."""
    (x0, x1), (y0, y1) = bounds
    return min(x1 - x0, y1 - y0) / PIXELS


def _trail(run: Run, rows: np.ndarray, k: int, end: int, last: bool) -> np.ndarray:
    """The path drawn so far at frame k when paths are revealed: the frame rows up to the
    head (the exact path, every step, at the last frame)."""
    if last:
        return run.positions[: end + 1]
    head = min(int(rows[k]), end)
    kept = rows[rows <= head]
    return run.positions[np.append(kept, head) if kept[-1] != head else kept]


def _every_trace(count: int, moving: Sequence[int], data: Sequence[dict]) -> dict:
    """A frame's ``traces`` and ``data`` naming every trace, the still ones with an empty
    update. Plotly.js recomputes every trace on each frame but re-plots only the named ones;
    a trace left out loses its drawing handle (``node3``), and the next click on the map then
    fails in the select step (``Cannot read properties of undefined (reading 'selectAll')``)
    instead of picking a start."""
    updates = [{} for _ in range(count)]
    for index, update in zip(moving, data, strict=True):
        updates[index] = update
    return dict(traces=list(range(count)), data=updates)


def path_figure(landscape: LandscapeLike, runs: Iterable[Sequence | Run],
                text: FigureText | None = None, *, terrain: Terrain | None = None,
                max_frames: int = DEFAULT_MAX_FRAMES, play_seconds: float = 8.0,
                click_grid: bool = True, height: int = 600, reveal: bool = False,
                base: go.Figure | None = None) -> go.Figure:
    """The map with every run's path, animated together.

    ``runs``: ``viz.runs.Run`` records (or tuples label, colour, positions (T+1, 2),
    diverged_at, reason). All runs share the step axis; the animation plays in about
    ``play_seconds`` whatever the number of steps.

    ``reveal``: the paths are not shown in advance but drawn as the runs race (each frame
    carries every run's path so far at frame resolution, the last one the exact paths; at
    most ``REVEAL_FRAMES`` frames, so the payload stays near 150 kB for six runs).

    ``base``: this landscape's ``contour_figure`` with the same text, terrain, click grid and
    height, built once and drawn on by copy (not changed): it costs as much as the rest of the
    map and depends on nothing a run changes.
    """
    text = text or FigureText()
    runs = as_runs(runs)
    fig = (go.Figure(base) if base is not None else
           contour_figure(landscape, text, terrain=terrain, click_grid=click_grid,
                          height=height))
    if not runs:
        return fig
    steps = max(len(r.positions) - 1 for r in runs)
    ends = [last_row(r) for r in runs]
    rows = frame_rows(steps, min(max_frames, REVEAL_FRAMES) if reveal else max_frames)
    tolerance = path_tolerance(landscape.bounds)
    trails = []
    for run, end in zip(runs, ends, strict=True):
        halo, line = _static_path(run, text, 0 if reveal else end, tolerance)
        if reveal:
            fig.add_trace(line)
            trails.append(len(fig.data) - 1)
        else:
            fig.add_traces([halo, line])
    for run, end in zip(runs, ends, strict=True):
        if run.diverged_at >= 0:
            fig.add_trace(_break_marker(run, text, end, landscape.bounds))
    fig.add_trace(_comet_trace(runs, _comet_points(runs, ends, rows, 0), text))
    moving = [len(fig.data) - 1, *trails]
    # the start ring above the comet heads (which sit on it at step 0): it looks like its
    # legend entry, not like whichever head was drawn last
    fig.add_trace(_start_trace(runs, text))
    names = [str(int(r)) for r in rows]
    frames = []
    for k, name in enumerate(names):
        xy = _comet_points(runs, ends, rows, k)
        data = [dict(x=compact(xy[:, 0]), y=compact(xy[:, 1]))]
        for run, end in zip(runs, ends, strict=True) if reveal else ():
            path = _trail(run, rows, k, end, last=k == len(names) - 1)
            path = path[thin_path(path, tolerance)]
            data.append(dict(x=compact(path[:, 0]), y=compact(path[:, 1])))
        frames.append(dict(name=name, **_every_trace(len(fig.data), moving, data)))
    with_raw_frames(fig, frames)
    frame_ms = int(np.clip(1000 * play_seconds / len(rows), 20, 120))
    menus, sliders = animation_controls(names, frame_ms, text)
    fig.update_layout(updatemenus=menus, sliders=sliders)
    fig.update_layout(margin=dict(b=AXIS_PX + CONTROLS_PX + LEGEND_PX))
    return fig
