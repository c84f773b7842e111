"""A Plotly figure whose animation frames stay plain dicts until something reads them.

Plotly.py turns every frame into validated objects: a frame that names all 17 traces of the
map (``viz.animation._every_trace``) becomes 17 ``go.Scatter`` objects, so 60 frames cost
about 20 ms to build and as much again to copy in ``to_dict``, although the browser needs only
their JSON. ``FramedFigure`` keeps the frames as given (dicts of numbers and NumPy arrays),
writes them straight into ``to_dict`` (arrays as Plotly's typed-array specs, as ``to_dict``
does for every other array), and builds ``go.Frame`` objects only when ``frames`` is read
(tests, ``go.Figure(fig)`` copies), after which the figure is an ordinary one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go
from _plotly_utils.utils import convert_to_base64

DEFAULT_TYPE = "scatter"
"""The trace type Plotly.py gives a frame's trace update that names none (so the JSON is the
same as a validated frame's)."""


class FramedFigure(go.Figure):
    """A ``go.Figure`` with raw frames (see the module docstring)."""

    @property
    def frames(self) -> tuple[go.Frame, ...]:
        raw = self.__dict__.pop("_raw_frames", None)
        if raw is not None:
            go.Figure.frames.fset(self, raw)
        return go.Figure.frames.fget(self)

    @frames.setter
    def frames(self, value: Any) -> None:
        self.__dict__.pop("_raw_frames", None)
        go.Figure.frames.fset(self, value)

    def to_dict(self) -> dict[str, Any]:
        spec = super().to_dict()
        raw = self.__dict__.get("_raw_frames")
        if raw is not None:
            frames = [{**frame, "data": [{"type": DEFAULT_TYPE, **update}
                                         for update in frame.get("data", ())]}
                      for frame in raw]
            convert_to_base64(frames)
            spec["frames"] = frames
        return spec


def with_raw_frames(fig: go.Figure, frames: Sequence[dict[str, Any]]) -> go.Figure:
    """``fig`` itself, given ``frames`` as plain dicts (``name``, ``traces``, ``data``: a list
    of per-trace updates whose arrays may be NumPy arrays); returns it for chaining."""
    if not isinstance(fig, FramedFigure):
        fig.__class__ = FramedFigure
    go.Figure.frames.fset(fig, ())
    fig.__dict__["_raw_frames"] = list(frames)
    return fig
