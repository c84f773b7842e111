"""Sampling a landscape on a grid, and the colour value (linear or log) of a loss.

Where the loss spans decades (``Landscape.log_colors``) a linear colour scale paints
everything but the rim one colour, so the colour value is

    c(f) = log10(f - f0 + delta),   f0 = lowest loss seen (grid or known minima),
                                    delta = 1e-6 * (max - f0)   (keeps the log finite at f0)

and the colour bar is labelled with real losses at ``f0 + 10**k``. The 3-D surface uses the
same c(f) as height, so both views agree.
"""

from __future__ import annotations

import math
from typing import NamedTuple, Protocol

import numpy as np

from viz.colors import TERRAIN_SCALE
from viz.raster import BANDS, banded_rgb, data_uri, png_bytes


class LandscapeLike(Protocol):
    """The part of ``landscapes.Landscape`` the figures read."""

    bounds: tuple[tuple[float, float], tuple[float, float]]
    minima: tuple[tuple[float, float], ...]
    minima_values: tuple[float, ...]
    saddles: tuple[tuple[float, float], ...]
    log_colors: bool

    def value(self, xy: np.ndarray) -> np.ndarray: ...


class Terrain(NamedTuple):
    x: np.ndarray        # (n,)
    y: np.ndarray        # (n,)
    loss: np.ndarray     # (n, n): loss[i, j] = f(x[j], y[i])
    colour: np.ndarray   # (n, n): c(loss)
    log: bool
    floor: float         # f0
    delta: float
    tickvals: tuple[float, ...]
    ticktext: tuple[str, ...]
    image: str = ""      # the banded picture of the map (data URI), when sampled for a map


def colour_value(loss: np.ndarray, log: bool, floor: float, delta: float) -> np.ndarray:
    """c(f): the loss itself, or log10(f - f0 + delta) on log terrain."""
    loss = np.asarray(loss, dtype=np.float64)
    if not log:
        return loss
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.log10(np.maximum(loss - floor, 0.0) + delta)


def _log_ticks(floor: float, delta: float, cmin: float, cmax: float) -> tuple[tuple, tuple]:
    vals, text = [], []
    for k in range(math.floor(cmin), math.ceil(cmax) + 1):
        tick = math.log10(10.0**k + delta)
        if cmin - 1e-9 <= tick <= cmax + 1e-9:
            vals.append(tick)
            text.append(format(floor + 10.0**k, ".3g"))
    return tuple(vals), tuple(text)


def sample_terrain(landscape: LandscapeLike, resolution: int = 361,
                   picture: bool = True) -> Terrain:
    """The landscape on a ``resolution`` x ``resolution`` grid over its bounds, with the map's
    picture of it (``picture``; made once here, so a cached terrain never encodes it again)."""
    (x0, x1), (y0, y1) = landscape.bounds
    x = np.linspace(x0, x1, resolution)
    y = np.linspace(y0, y1, resolution)
    xx, yy = np.meshgrid(x, y)
    loss = np.asarray(landscape.value(np.stack([xx, yy], axis=-1)), dtype=np.float64)
    finite = loss[np.isfinite(loss)]
    lo = float(finite.min()) if finite.size else 0.0
    hi = float(finite.max()) if finite.size else 1.0
    if landscape.minima_values:
        lo = min(lo, min(landscape.minima_values))
    log = bool(landscape.log_colors)
    delta = max((hi - lo) * 1e-6, 1e-12)
    colour = colour_value(loss, log, lo, delta)
    if log:
        cfin = colour[np.isfinite(colour)]
        tickvals, ticktext = _log_ticks(lo, delta, float(cfin.min()), float(cfin.max()))
    else:
        tickvals, ticktext = (), ()
    terrain = Terrain(x, y, loss, colour, log, lo, delta, tickvals, ticktext)
    return terrain._replace(image=terrain_picture(terrain)) if picture else terrain


def colour_range(terrain: Terrain) -> tuple[float, float]:
    """The lowest and highest finite colour value (the colour bar's ends)."""
    finite = terrain.colour[np.isfinite(terrain.colour)]
    return (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)


def terrain_picture(terrain: Terrain) -> str:
    """The terrain as banded colours, a PNG data URI (see ``viz.raster``)."""
    cmin, cmax = colour_range(terrain)
    rgb = banded_rgb(terrain.colour, TERRAIN_SCALE, BANDS, cmin, cmax)
    return data_uri(png_bytes(rgb))
