"""The CSV export: tidy rows equal to the engine's arrays, no off-by-one, a reproducible header."""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from export.figure_html import figure_html
from export.metadata import app_version, csv_with_header, metadata_json
from export.runs_table import BASE_COLUMNS, runs_frame
from landscapes import get_landscape
from optim import simulate
from viz.animation import path_figure
from viz.text import FigureText

RECORD = {"grads", "state", "lr"}


@pytest.fixture(scope="module")
def runs():
    ls = get_landscape("rosenbrock")
    return [
        ("adam", simulate(ls, "adam", (-1.5, 2.0), 40, lr=0.01, record=RECORD)),
        ("sgd", simulate(ls, "sgd", (-1.5, 2.0), 40, lr=0.01, record=RECORD)),  # diverges
    ]


def read(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), comment="#")


def test_columns_and_rows(runs):
    frame = runs_frame(runs)
    assert list(frame.columns[: len(BASE_COLUMNS)]) == list(BASE_COLUMNS)
    assert {"m_x", "m_y", "v_x", "v_y", "eff_lr_x", "eff_lr_y"} <= set(frame.columns)
    adam = frame[frame.optimizer == "adam"]
    assert list(adam.step) == list(range(41))


def test_row_t_is_step_t(runs):
    frame = runs_frame(runs)
    adam = frame[frame.optimizer == "adam"].reset_index(drop=True)
    traj = runs[0][1]
    np.testing.assert_array_equal(adam[["x", "y"]].to_numpy(), traj.positions[:, 0])
    np.testing.assert_array_equal(adam.loss.to_numpy(), traj.losses[:, 0])
    # loss of row t is the loss at the position of row t (no shift)
    ls = get_landscape("rosenbrock")
    np.testing.assert_allclose(adam.loss, ls.value(adam[["x", "y"]].to_numpy()), rtol=1e-12)
    np.testing.assert_array_equal(adam.grad_x.to_numpy()[1:], traj.grads[1:, 0, 0])
    assert np.isnan(adam.grad_x[0]) and np.isnan(adam.lr[0])
    np.testing.assert_array_equal(adam.m_x.to_numpy(), traj.state["m"][:, 0, 0])


def test_diverged_run_keeps_rows_before_the_break(runs):
    traj = runs[1][1]
    k = int(traj.diverged_at[0])
    assert k > 0, "SGD at lr 0.01 should diverge on Rosenbrock from (-1.5, 2)"
    sgd = runs_frame(runs).query("optimizer == 'sgd'")
    assert list(sgd.step) == list(range(k))
    assert np.isfinite(sgd[["x", "y", "loss"]].to_numpy()).all()
    # SGD has no m or v: those cells are empty
    assert sgd.m_x.isna().all()


def test_csv_round_trips_exactly_and_has_a_header(runs):
    meta = {"landscape": "rosenbrock", "seed": 7, "runs": [{"optimizer": "adam", "lr": 0.01}]}
    text = csv_with_header(runs_frame(runs), meta)
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert f'# app_version: "{app_version()}"' in header
    assert '# landscape: "rosenbrock"' in header
    assert any(line.startswith("# rows:") for line in header)
    back = read(text)
    original = runs_frame(runs)
    np.testing.assert_array_equal(back[["x", "y", "loss"]].to_numpy(),
                                  original[["x", "y", "loss"]].to_numpy())


def test_metadata_json_is_plain(runs):
    meta = json.loads(metadata_json({"start": (np.float64(1.5), 2), "x": float("nan")}))
    assert meta["start"] == [1.5, 2] and meta["x"] == "nan"
    assert meta["app_version"] == app_version() != "unknown"


def test_html_is_standalone():
    fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]), frames=[go.Frame(name="a")])
    html = figure_html(fig, "A <title>")
    assert "<title>A &lt;title&gt;</title>" in html
    assert '<script src="http' not in html and 'src="https' not in html  # nothing to fetch
    assert len(html) > 1_000_000  # plotly.js is inlined


def test_html_export_has_heading_caption_and_no_click_hint():
    from viz.contour import CLICK_GRID_NAME

    fig = path_figure(get_landscape("bowl"), [("Adam", "#0072B2", np.zeros((3, 2)))])
    html = figure_html(fig, "Bowl", "Adam (lr = 0.05) <b>raw</b>")
    assert "<h1" in html and ">Bowl</h1>" in html
    assert "Adam (lr = 0.05) &lt;b&gt;raw&lt;/b&gt;</p>" in html  # the caption is plain text
    grid = next(t for t in fig.data if t.name == CLICK_GRID_NAME)
    assert "click" in grid.hovertemplate  # the app's figure keeps the hint ...
    assert FigureText().click_hint not in html  # ... the file does not
