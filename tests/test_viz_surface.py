"""The 3-D view: paths above the surface Plotly.js draws, heads animated, terrain colours, size.

The drawn surface is rebuilt here from the figure's own surface trace, triangle by triangle as
gl-surface3d draws it (each grid cell split along its (x0, y1)-(x1, y0) diagonal), so these
tests do not trust ``viz.surface.drawn_height``.
"""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest
from viz_fakes import FakeRosenbrock, spiral_runs

import viz.surface as S  # noqa: N812
from viz.colors import TERRAIN_SCALE
from viz.runs import Run
from viz.surface import surface_figure
from viz.terrain import sample_terrain
from viz.text import FigureText

LAND = FakeRosenbrock()
COARSE = sample_terrain(LAND, 61, picture=False)  # fast, and its cells are wide: a hard case


def triangle_height(x: np.ndarray, y: np.ndarray, z: np.ndarray, px: float,
                    py: float) -> float:
    """The drawn surface at (px, py), from barycentric coordinates in the triangle holding it."""
    i = min(max(int(np.searchsorted(x, px, side="right")) - 1, 0), len(x) - 2)
    j = min(max(int(np.searchsorted(y, py, side="right")) - 1, 0), len(y) - 2)
    for tri in (((i, j), (i, j + 1), (i + 1, j)), ((i + 1, j + 1), (i + 1, j), (i, j + 1))):
        (xa, ya), (xb, yb), (xc, yc) = ((x[a], y[b]) for a, b in tri)
        det = (yb - yc) * (xa - xc) + (xc - xb) * (ya - yc)
        wa = ((yb - yc) * (px - xc) + (xc - xb) * (py - yc)) / det
        wb = ((yc - ya) * (px - xc) + (xa - xc) * (py - yc)) / det
        wc = 1 - wa - wb
        if min(wa, wb, wc) >= -1e-9:
            return float(sum(w * z[b, a] for w, (a, b) in zip((wa, wb, wc), tri, strict=True)))
    raise AssertionError(f"({px}, {py}) is in neither triangle of its cell")


def drawn_grid(fig) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The surface trace's grid without its skirt (the walls at the bounds)."""
    surface = fig.data[0]
    x, y = np.asarray(surface.x, dtype=float), np.asarray(surface.y, dtype=float)
    z = np.asarray(surface.z, dtype=float)
    return x[1:-1], y[1:-1], z[1:-1, 1:-1]


def path_traces(fig) -> list:
    return [t for t in fig.data if t.type == "scatter3d" and t.mode == "lines"]


def heads_trace(fig):
    (heads,) = [t for t in fig.data if t.name == "heads"]
    return heads


def lift_of(fig) -> float:
    _, _, z = drawn_grid(fig)
    return S.PATH_LIFT * float(np.nanmax(z) - np.nanmin(z))


def check_paths_clear_the_surface(fig, samples: int = 24) -> int:
    """Every point of every drawn path (halos too) over the surface, sampled densely along each
    segment, is at least the lift above it. Returns the number of points checked."""
    x, y, z = drawn_grid(fig)
    lift = lift_of(fig)
    checked = 0
    for trace in path_traces(fig):
        p = np.column_stack([np.asarray(trace.x, float), np.asarray(trace.y, float),
                             np.asarray(trace.z, float)])
        for a, b in itertools.pairwise(p):
            for t in np.linspace(0, 1, samples):
                q = a + t * (b - a)
                if not (x[0] <= q[0] <= x[-1] and y[0] <= q[1] <= y[-1]):
                    continue  # off the map: no surface under it (the spirals start outside)
                ground = triangle_height(x, y, z, q[0], q[1])
                assert q[2] - ground >= lift - 1e-5, (trace.name, q, ground, lift)
                checked += 1
    return checked


# --- paths on top ------------------------------------------------------------------------

def test_every_point_of_every_path_is_above_the_drawn_surface():
    fig = surface_figure(LAND, spiral_runs(120, count=3, diverge=70), terrain=COARSE)
    assert check_paths_clear_the_surface(fig) > 1000


def test_paths_clear_the_surface_at_the_full_resolution_too():
    runs = spiral_runs(60, count=2)
    fig = surface_figure(LAND, runs)
    assert len(drawn_grid(fig)[0]) == S.SURFACE_RESOLUTION
    check_paths_clear_the_surface(fig, samples=6)


def test_the_true_loss_plus_a_margin_would_sink_into_the_surface():
    # why the heights come from the drawn surface: across a trench narrower than a cell the
    # flat triangles lie far above the function (this is what hid the paths before)
    fig = surface_figure(LAND, spiral_runs(120, count=1), terrain=COARSE)
    x, y, z = drawn_grid(fig)
    line = next(t for t in path_traces(fig) if t.showlegend)
    p = np.column_stack([np.asarray(line.x, float), np.asarray(line.y, float)])
    p = p[(np.abs(p[:, 0]) <= 2) & (p[:, 1] >= -1) & (p[:, 1] <= 3)]  # over the map
    true = np.log10(LAND.value(p) - COARSE.floor + S.surface_delta(COARSE))
    ground = np.array([triangle_height(x, y, z, *q) for q in p])
    assert (true + lift_of(fig) < ground).any()


def test_line_lies_above_its_halo_and_later_runs_above_earlier_ones():
    runs = spiral_runs(40, count=3)
    fig = surface_figure(LAND, runs, terrain=COARSE)
    halos = [t for t in path_traces(fig) if not t.showlegend]
    lines = [t for t in path_traces(fig) if t.showlegend]
    assert len(halos) == len(lines) == 3
    assert all(h.line.color == "white" and h.line.width > line.line.width
               for h, line in zip(halos, lines, strict=True))
    gaps = [np.asarray(line.z, float) - np.asarray(h.z, float)
            for h, line in zip(halos, lines, strict=True)]
    assert all(g.min() > 0 for g in gaps)
    assert gaps[0].mean() < gaps[1].mean() < gaps[2].mean()


def test_minimum_markers_sit_on_the_drawn_surface():
    fig = surface_figure(LAND, [], terrain=COARSE)
    x, y, z = drawn_grid(fig)
    (minimum,) = [t for t in fig.data if t.name == FigureText().minimum]
    ground = triangle_height(x, y, z, minimum.x[0], minimum.y[0])
    assert minimum.z[0] == pytest.approx(ground + lift_of(fig), abs=1e-5)


def test_drawn_height_and_segment_peaks_match_the_triangles():
    rng = np.random.default_rng(3)
    x, y = np.linspace(-2, 2, 9), np.linspace(-1, 3, 7)
    z = rng.normal(size=(7, 9))
    points = np.column_stack([rng.uniform(-2, 2, 200), rng.uniform(-1, 3, 200)])
    expected = [triangle_height(x, y, z, *p) for p in points]
    np.testing.assert_allclose(S.drawn_height(x, y, z, points), expected, atol=1e-12)
    path = np.column_stack([rng.uniform(-2, 2, 30), rng.uniform(-1, 3, 30)])
    peaks = S.segment_peaks(x, y, z, path)
    for k, (a, b) in enumerate(itertools.pairwise(path)):
        dense = max(triangle_height(x, y, z, *(a + t * (b - a)))
                    for t in np.linspace(0, 1, 2001))
        assert dense <= peaks[k] + 1e-12  # the peak is the true maximum ...
        assert peaks[k] - dense < 0.05  # ... not a loose bound


def test_surface_is_opaque_and_a_solid_block():
    fig = surface_figure(LAND, spiral_runs(20, count=1), terrain=COARSE)
    surface = fig.data[0]
    assert surface.opacity == 1  # Plotly.js does not depth-sort transparent surfaces
    z = np.asarray(surface.z, dtype=float)
    floor = float(np.nanmin(z))
    border = np.concatenate([z[0], z[-1], z[:, 0], z[:, -1]])
    assert np.all(border == floor)
    assert fig.layout.scene.zaxis.range[0] == pytest.approx(floor)


# --- colours and contours -------------------------------------------------------------------

def test_terrain_uses_the_app_scale_with_visible_contours():
    fig = surface_figure(LAND, spiral_runs(20, count=1), terrain=COARSE)
    surface = fig.data[0]
    assert [[float(v), c.lower()] for v, c in surface.colorscale] == [
        [float(v), c.lower()] for v, c in TERRAIN_SCALE]
    contours = surface.contours.z
    assert contours.show and contours.size > 0 and contours.width >= 1
    alpha = float(contours.color.rstrip(")").split(",")[-1])
    assert alpha >= 0.3
    _, _, z = drawn_grid(fig)
    levels = np.arange(contours.start, contours.end + 1e-9, contours.size)
    assert len(levels) >= 4 and levels.min() >= np.nanmin(z) and levels.max() <= np.nanmax(z)


# --- animation --------------------------------------------------------------------------------

def test_frames_move_only_the_heads_along_their_paths():
    runs = spiral_runs(300, count=3, diverge=120)
    text = FigureText(play="播放", pause="暂停", step_format="第 {step} 步")
    fig = surface_figure(LAND, runs, text, terrain=COARSE)
    heads = heads_trace(fig)
    index = list(fig.data).index(heads)
    frames = fig.frames
    assert 2 <= len(frames) <= min(S.MAX_FRAMES, 60)
    lines = [t for t in path_traces(fig) if t.showlegend]
    previous = None
    for frame in frames:
        assert list(frame.traces) == [index]
        (data,) = frame.data
        assert set(data.to_plotly_json()) == {"type", "x", "y", "z"}
        assert len(json.dumps(data.to_plotly_json())) < 600  # tiny: a full redraw follows
        step = int(frame.name)
        xyz = np.array([data.x, data.y, data.z], dtype=float).T.reshape(len(runs), 3, 3)
        for run, line, (head, top, gap) in zip(runs, lines, xyz, strict=True):
            row = min(step, run.diverged_at - 1 if run.diverged_at >= 0 else step)
            np.testing.assert_allclose(head[:2], run.positions[row], rtol=1e-4, atol=1e-4)
            vertices = np.column_stack([line.x, line.y, line.z]).astype(float)
            assert np.abs(vertices - head).max(axis=1).min() < 1e-3  # on its line's vertex
            assert top[:2] == pytest.approx(head[:2]) and top[2] >= head[2]
            assert np.isnan(gap).all()
        if previous is not None:
            assert int(frame.name) > previous
        previous = int(frame.name)
    assert frames[-1].name == str(max(len(r.positions) - 1 for r in runs))
    # the base trace starts where the first frame is
    assert list(heads.x) == list(frames[0].data[0].x)


def test_play_pause_and_slider_redraw_the_scene():
    fig = surface_figure(LAND, spiral_runs(200, count=2), FigureText(step_format="第 {step} 步"),
                         terrain=COARSE)
    (menu,) = fig.layout.updatemenus
    play, pause = menu.buttons
    assert (play.label, pause.label) == (FigureText().play, FigureText().pause)
    (slider,) = fig.layout.sliders
    assert [s.args[0][0] for s in slider.steps] == [f.name for f in fig.frames]
    assert (slider.currentvalue.prefix, slider.currentvalue.suffix) == ("第 ", " 步")
    # 3-D traces repaint only on a redraw (redraw: false leaves the WebGL scene as it was)
    options = [play.args[1], pause.args[1], *(s.args[1] for s in slider.steps)]
    assert all(o["frame"]["redraw"] is True for o in options)
    assert all(o["transition"]["duration"] == 0 for o in options)  # nothing can glide in 3-D
    # the buttons, then the slider, below the scene and inside the figure
    assert menu.y == slider.y == 0 and menu.yanchor == slider.yanchor == "top"
    assert menu.pad.t < slider.pad.t < fig.layout.margin.b - 40


def test_poles_rise_above_all_the_terrain():
    fig = surface_figure(LAND, spiral_runs(100, count=2), terrain=COARSE)
    _, _, z = drawn_grid(fig)
    for frame in fig.frames:
        tops = np.asarray(frame.data[0].z, dtype=float)[1::3]
        assert tops.min() >= np.nanmax(z)
        assert tops.max() <= fig.layout.scene.zaxis.range[1]


def test_no_runs_gives_a_still_surface():
    fig = surface_figure(LAND, [], terrain=COARSE)
    assert not fig.frames and not fig.layout.updatemenus
    assert fig.data[0].type == "surface"


# --- the camera -------------------------------------------------------------------------------

def test_visibility_sees_over_flat_ground_and_not_through_a_ridge():
    x = y = np.linspace(-1, 1, 61)
    xx, _ = np.meshgrid(x, y)
    ridge = 3 * np.exp(-((xx - 0.3) / 0.08) ** 2)  # a wall along y at x = 0.3
    ranges = ((-1, 1), (-1, 1), (0, 3.1))
    behind = np.array([[0.0, py, 0.1] for py in np.linspace(-0.6, 0.6, 9)])  # just left of it
    from_right = list(S.camera_eye(-20, 35).values())
    from_left = list(S.camera_eye(-160, 35).values())
    assert S.visible(x, y, np.zeros_like(xx), behind, from_right, ranges).all()
    assert not S.visible(x, y, ridge, behind, from_right, ranges).any()
    assert S.visible(x, y, ridge, behind, from_left, ranges).all()
    # so the camera goes where the path is seen
    eye = S.choose_camera(x, y, ridge, [behind], ranges)
    assert S.visible(x, y, ridge, behind, list(eye.values()), ranges).mean() > 0.9


def test_the_figure_camera_is_one_of_the_candidates():
    fig = surface_figure(LAND, spiral_runs(100, count=2), terrain=COARSE)
    eye = fig.layout.scene.camera.eye
    candidates = [S.camera_eye(a, e) for e in S.EYE_ELEVATIONS for a in S.EYE_AZIMUTHS]
    assert dict(x=eye.x, y=eye.y, z=eye.z) in candidates
    assert all(c["y"] < 0 for c in candidates)  # always from the front: x runs left to right


# --- payload and the tests moved here from test_viz_figures -----------------------------------

def test_json_stays_small_for_six_long_runs():
    from landscapes import get_landscape
    from optim import simulate
    from viz.colors import optimizer_style

    landscape = get_landscape("rosenbrock")
    runs = []
    for name, lr in (("adam", 0.05), ("sgd", 1e-3), ("momentum", 5e-4), ("rmsprop", 0.01),
                     ("lion", 0.01), ("nadam", 0.05)):
        traj = simulate(landscape, name, (-1.5, 2.0), 1000, lr=lr)
        colour, dash = optimizer_style(name)
        runs.append(Run(name, colour, traj.positions[:, 0], int(traj.diverged_at[0]),
                        str(traj.reasons[0]), dash, traj.losses[:, 0]))
    fig = surface_figure(landscape, runs)
    assert len(fig.to_json()) < 1_200_000
    assert len(fig.frames) <= S.MAX_FRAMES


def test_surface_has_every_run_and_the_minimum():
    runs = spiral_runs(200, count=3, diverge=50)
    fig = surface_figure(LAND, runs)
    names = [t.name for t in fig.data if t.showlegend is not False]
    assert sum(1 for n in names if n and n.startswith("run")) == 3
    assert fig.data[0].type == "surface"
    assert FigureText().minimum in names


def test_surface_is_fine_and_its_height_ticks_do_not_bunch_up():
    assert S.SURFACE_RESOLUTION >= 161
    fig = surface_figure(LAND, spiral_runs(1))
    ticks = list(fig.layout.scene.zaxis.tickvals)
    assert all(b - a > 0.5 for a, b in itertools.pairwise(ticks))
    assert fig.layout.scene.zaxis.exponentformat == "power"
