"""The animated map: paths drawn once, small frames, divergence labelled, bounded payload."""

from __future__ import annotations

import base64
import json

import numpy as np
import plotly.io as pio
from viz_fakes import FakeRosenbrock, spiral_runs

from viz.animation import TAIL_POINTS, path_figure
from viz.contour import CLICK_GRID_NAME
from viz.runs import Run, frame_rows, minmax_decimate
from viz.text import FigureText

LAND = FakeRosenbrock()


def _decode(node):
    """Plotly sends numpy arrays as base64 typed arrays ({"dtype", "bdata"}); read them back."""
    if isinstance(node, dict):
        if set(node) >= {"dtype", "bdata"}:
            return np.frombuffer(base64.b64decode(node["bdata"]), dtype=node["dtype"]).tolist()
        return {k: _decode(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_decode(v) for v in node]
    return node


def spec(fig) -> dict:
    """The figure as the browser receives it, typed arrays decoded to lists."""
    return _decode(json.loads(pio.to_json(fig, validate=False)))


def comet_index(d: dict) -> int:
    return next(i for i, t in enumerate(d["data"]) if t.get("name") == "comet")


def test_frames_are_decimated_and_move_only_the_comet():
    """Each frame names every trace (Plotly.js recomputes them all but re-plots only the
    named ones: a trace left out loses its drawing, and a click on the map then fails), and
    only the comet's entry carries data."""
    fig = path_figure(LAND, spiral_runs(5000), max_frames=100)
    d = spec(fig)
    assert 2 <= len(d["frames"]) <= 100
    comet = comet_index(d)
    for frame in d["frames"]:
        assert frame["traces"] == list(range(len(d["data"])))
        assert len(frame["data"][comet]["x"]) == 6 * TAIL_POINTS
        still = [u for i, u in enumerate(frame["data"]) if i != comet]
        assert all(set(u) <= {"type"} for u in still)
    # the terrain is a layout image, which frames cannot touch
    assert d["layout"]["images"][0]["name"] == "terrain"
    assert all("layout" not in frame for frame in d["frames"])


def test_the_click_grid_draws_one_point_but_keeps_all_its_data():
    """maxdisplayed=1: re-plotting the grid on every frame costs nothing, hover and click
    still read the 41 x 41 points."""
    d = spec(path_figure(LAND, spiral_runs(50)))
    grid = next(t for t in d["data"] if t.get("name") == "click-grid")
    assert grid["marker"]["maxdisplayed"] == 1 and len(grid["x"]) == 41 * 41


def test_frames_follow_the_path():
    runs = spiral_runs(400, count=2)
    fig = path_figure(LAND, runs, max_frames=50)
    d = spec(fig)
    last = d["frames"][-1]["data"][comet_index(d)]
    head_of_first = (last["x"][TAIL_POINTS - 1], last["y"][TAIL_POINTS - 1])
    np.testing.assert_allclose(head_of_first, runs[0].positions[-1], rtol=1e-4)
    assert d["frames"][-1]["name"] == "400"
    assert d["layout"]["sliders"][0]["steps"][-1]["label"] == "400"


def test_diverged_run_stops_where_it_broke_and_says_so():
    runs = spiral_runs(300, count=3, diverge=120)
    text = FigureText(diverged="broke at {step}: {cause}", causes={"nonfinite_grad": "boom"})
    fig = path_figure(LAND, runs, text)
    names = [t.name for t in fig.data]
    assert "run2 — broke at 120: boom" in names
    broken = next(t for t in fig.data if t.name == "run2 — broke at 120: boom")
    assert len(broken.x) == 120  # rows 0..119, nothing after the break
    assert np.isfinite(np.asarray(broken.x, dtype=float)).all()
    d = spec(fig)
    comet = d["frames"][-1]["data"][comet_index(d)]
    tail = np.array(comet["x"][2 * TAIL_POINTS:])
    np.testing.assert_allclose(tail[-1], runs[2].positions[119, 0], rtol=1e-4)


def test_plain_tuples_are_accepted():
    pos = np.column_stack([np.linspace(-1, 1, 11), np.zeros(11)])
    fig = path_figure(LAND, [("a", "#E69F00", pos, -1, "")])
    assert any(t.name == "a" for t in fig.data)


def test_click_grid_is_invisible_but_present():
    fig = path_figure(LAND, spiral_runs(10, count=1))
    grid = next(t for t in fig.data if t.name == CLICK_GRID_NAME)
    assert grid.marker.opacity == 0
    assert len(grid.x) > 1000


def test_payload_stays_small_for_long_runs():
    size = len(pio.to_json(path_figure(LAND, spiral_runs(5000)), validate=False))
    assert size < 1_500_000


def test_frame_rows_cover_both_ends():
    rows = frame_rows(5000, 120)
    assert rows[0] == 0 and rows[-1] == 5000 and len(rows) <= 120
    assert list(frame_rows(3, 120)) == [0, 1, 2, 3]


def test_minmax_decimation_keeps_a_spike():
    values = np.ones(10_000)
    values[4321] = 1e6
    keep = minmax_decimate(values, 200)
    assert len(keep) <= 204
    assert 4321 in keep and 0 in keep and 9999 in keep


def test_run_fields():
    run = Run("a", "#000", np.zeros((3, 2)))
    assert run.diverged_at == -1 and run.reason == ""
