"""Cached simulation and figures of a scene, in the session's language.

The caches (``ui.memo``) are keyed on the frozen ``Scene`` and the language: a rerun caused by
anything else (a view switch, a download) gets the identical, sealed figure object, so
Streamlit sends the same spec, cheaply, and the animation in the browser does not restart.
The figures are shared read-only between sessions (nothing session-specific goes in them).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import plotly.graph_objects as go

from landscapes import LANDSCAPES, get_landscape
from optim import OPTIMIZERS, Trajectory, simulate
from ui.i18n import tr
from ui.memo import memo, sealed
from ui.scene import Catalog, Scene, catalog_from_engine
from ui.simulation import engine_kwargs
from ui.strings import TABLES
from viz.animation import path_figure
from viz.colors import optimizer_style
from viz.contour import contour_figure
from viz.curves import distance_figure, loss_figure
from viz.runs import Run
from viz.surface import surface_figure
from viz.terrain import Terrain, sample_terrain
from viz.text import FigureText


@memo("catalog", None)
def catalog() -> Catalog:
    """The engine's landscapes and optimizers (fixed for the life of the server)."""
    return catalog_from_engine()


def optimizer_title(name: str, lang: str, fallback: str | None = None) -> str:
    """An optimizer's display name in ``lang``: the string table's ``pg.opt.<name>`` where the
    language has its own word (动量法, Nesterov 动量), else the engine's title (Adam, SGD)."""
    own = TABLES.get(lang, {}).get(f"pg.opt.{name}")
    if own:
        return own
    return fallback if fallback is not None else OPTIMIZERS[name].title


def distance_label(landscape: Any, lang: str) -> str:
    """What the distance chart measures: to the global minimum where the landscape lists only
    that one, else to the nearest of the listed minima (there may be others)."""
    key = "pg.fig.distance_global" if len(landscape.minima) == 1 else "pg.fig.distance"
    return tr(key, lang)


def figure_text(lang: str, landscape: Any = None) -> FigureText:
    """The figure words in ``lang``."""
    causes = {code: tr(f"pg.cause.{code}", lang)
              for code in ("nonfinite_grad", "nonfinite_update", "nonfinite_loss",
                           "out_of_bounds")}
    return FigureText(
        x=tr("pg.fig.x", lang), y=tr("pg.fig.y", lang), loss=tr("pg.fig.loss", lang),
        loss_gap=tr("pg.fig.loss_gap", lang), step=tr("pg.fig.step", lang),
        distance=(distance_label(landscape, lang) if landscape is not None
                  else tr("pg.fig.distance", lang)),
        play=tr("pg.fig.play", lang),
        pause=tr("pg.fig.pause", lang), minimum=tr("pg.fig.minimum", lang),
        local_minimum=tr("pg.fig.local_minimum", lang),
        saddle=tr("pg.fig.saddle", lang), start=tr("pg.fig.start", lang),
        diverged=tr("pg.fig.diverged", lang), click_hint=tr("pg.fig.click_hint", lang),
        causes=causes, step_format=tr("pg.fig.step_format", lang),
    )


@memo("trajectories", 32)
def trajectories(scene: Scene, record: bool = False) -> list[tuple[str, Trajectory]]:
    """(optimizer, trajectory) per optimizer; ``record`` adds gradients, lr and state (the
    CSV needs them, the figures do not, and recording costs about half again as much).

    A resource cache (no copy per call: the summary, the figures and the export all read the
    same arrays, and nobody writes to them)."""
    return [(name, _trajectory(_alone(scene, name), record)) for name in scene.optimizers]


def _alone(scene: Scene, name: str) -> Scene:
    """The part of ``scene`` one optimizer's run depends on (its own values as the shared
    set), so changing Adam's learning rate reruns Adam only."""
    return replace(scene, optimizers=(name,), shared=scene.hyper_for(name),
                   per_optimizer=False, own=())


@memo("trajectory", 256)
def _trajectory(scene: Scene, record: bool) -> Trajectory:
    """One optimizer's run (``scene`` holds exactly one, see ``_alone``)."""
    name = scene.optimizers[0]
    kwargs = engine_kwargs(scene, name)
    if not record:
        kwargs.pop("record")
    return simulate(get_landscape(scene.landscape), name, scene.start, scene.steps, **kwargs)


@memo("terrain", 16)
def terrain(landscape: str) -> Terrain:
    """The landscape sampled for the map (shared by every scene on it)."""
    return sample_terrain(LANDSCAPES[landscape])


def runs_of(scene: Scene, lang: str = "en") -> list[Run]:
    """The figures' run records, each optimizer in its fixed colour (``viz.colors``)."""
    runs = []
    for index, (name, traj) in enumerate(trajectories(scene)):
        colour, dash = optimizer_style(name, index)
        runs.append(Run(optimizer_title(name, lang), colour, traj.positions[:, 0],
                        int(traj.diverged_at[0]), str(traj.reasons[0]), dash,
                        traj.losses[:, 0]))
    return runs


@memo("contour", 32)
def contour_base(landscape: str, lang: str) -> go.Figure:
    """The map of ``landscape`` without runs (terrain, click grid, minima), in ``lang``: the
    same for every scene on it, so built once and copied by each map."""
    spec = get_landscape(landscape)
    return contour_figure(spec, figure_text(lang, spec), terrain=terrain(landscape))


@memo("map", 32, build=True)
def map_figure(scene: Scene, lang: str, reveal: bool = False) -> go.Figure:
    """The animated map of ``scene`` (``reveal`` draws the paths as they race)."""
    landscape = get_landscape(scene.landscape)
    return sealed(path_figure(landscape, runs_of(scene, lang), figure_text(lang, landscape),
                              reveal=reveal, base=contour_base(scene.landscape, lang)))


CURVES = {"loss": loss_figure, "distance": distance_figure}
"""The charts beside the map, one shown at a time (each built only when shown)."""


@memo("curve", 32, build=True)
def curve_figure(scene: Scene, lang: str, kind: str) -> go.Figure:
    """The ``kind`` chart of ``scene`` over the steps (a key of ``CURVES``)."""
    landscape = get_landscape(scene.landscape)
    return sealed(CURVES[kind](landscape, runs_of(scene, lang), figure_text(lang, landscape)))


@memo("surface", 8, build=True)
def surface(scene: Scene, lang: str) -> go.Figure:
    """The 3-D view (built only when asked for)."""
    landscape = get_landscape(scene.landscape)
    return sealed(surface_figure(landscape, runs_of(scene, lang), figure_text(lang, landscape)))


def start_from_selection(selection: Any) -> tuple[float, float] | None:
    """The (x, y) a click on the map picked, from ``st.plotly_chart``'s selection state."""
    try:
        points = selection["selection"]["points"]
    except (KeyError, TypeError):
        return None
    for point in points or ():
        x, y = point.get("x"), point.get("y")
        if isinstance(x, int | float) and isinstance(y, int | float):
            if np.isfinite(x) and np.isfinite(y):
                return float(x), float(y)
    return None
