"""viz.frames: a figure whose frames stay dicts sends exactly what Plotly would send."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

from landscapes import get_landscape
from viz.animation import path_figure
from viz.frames import FramedFigure, with_raw_frames
from viz.runs import Run


def _frames() -> list[dict]:
    x = np.linspace(0, 1, 7, dtype=np.float32)
    return [dict(name=str(k), traces=[0, 1], data=[{}, dict(x=x * k, y=x)]) for k in range(3)]


def _plain(frames: list[dict]) -> go.Figure:
    fig = go.Figure([go.Scatter(x=[0, 1], y=[1, 0]), go.Scatter(x=[0], y=[0])])
    fig.frames = frames
    return fig


def test_raw_frames_serialise_exactly_as_plotly_frames():
    """to_dict / to_json of raw frames == those of the same frames validated by Plotly (same
    typed-array encoding, same keys, same order): the browser cannot tell them apart."""
    raw = with_raw_frames(go.Figure([go.Scatter(x=[0, 1], y=[1, 0]), go.Scatter(x=[0], y=[0])]),
                          _frames())
    plain = _plain(_frames())
    assert raw.to_dict() == plain.to_dict()
    assert json.loads(pio.to_json(raw, validate=False)) == json.loads(
        pio.to_json(plain, validate=False))


def test_reading_frames_builds_plotly_frames_once_and_keeps_the_json():
    """``fig.frames`` gives go.Frame objects (for readers and copies); afterwards the figure
    serialises the same as before."""
    raw = with_raw_frames(go.Figure([go.Scatter(x=[0, 1], y=[1, 0]), go.Scatter(x=[0], y=[0])]),
                          _frames())
    before = raw.to_dict()
    frames = raw.frames
    assert [type(f) for f in frames] == [go.Frame] * 3
    assert frames[2].data[1].x[-1] == np.float32(2.0)
    assert raw.to_dict() == before
    assert go.Figure(raw).to_dict() == before  # a copy carries the frames


def test_setting_frames_replaces_the_raw_ones():
    raw = with_raw_frames(go.Figure([go.Scatter(x=[0, 1], y=[1, 0]), go.Scatter(x=[0], y=[0])]),
                          _frames())
    raw.frames = []
    assert isinstance(raw, FramedFigure) and "frames" not in raw.to_dict()


def test_the_map_sends_every_frame_naming_every_trace():
    """The map's frames as sent (to_dict, raw) name every trace (the click-after-play fix)."""
    path = np.column_stack([np.linspace(1, 0, 101), np.linspace(1, 0, 101) ** 2])
    fig = path_figure(get_landscape("bowl"), [Run("A", "#d62728", path, -1, "")])
    spec = fig.to_dict()
    assert len(spec["frames"]) > 10
    for frame in spec["frames"]:
        assert frame["traces"] == list(range(len(spec["data"])))
        assert len(frame["data"]) == len(spec["data"])
