"""A landscape built for the lessons where the library has nothing that fits.

``simulate`` accepts any object with ``value(xy)`` and ``grad(xy)`` on ``(..., 2)`` arrays;
``Linear`` also gives ``hessian(xy)``, ``bounds`` (the default view) and ``minima`` (none).
The library's ``slope`` has a constant gradient in x only (its y part is a parabola); the
lessons on Adam's state need the same gradient in both coordinates, or a chosen one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

Bounds = tuple[tuple[float, float], tuple[float, float]]


@dataclass(frozen=True)
class Linear:
    """f(x, y) = gx * x + gy * y: the same gradient (gx, gy) everywhere.

    A constant gradient makes the optimizer's state easy to read: with g fixed, v_hat = g^2
    exactly, so any change in Adam's effective step comes from the lesson's intervention (a
    sign flip each step in phenomenon 7, one spike in 14 and 22), never from the terrain.
    """

    gx: float = 1.0
    gy: float = 1.0
    bounds: Bounds = ((-5.0, 5.0), (-5.0, 5.0))
    minima: tuple[tuple[float, float], ...] = ()

    def value(self, xy: ArrayLike) -> np.ndarray:
        a = np.asarray(xy, dtype=float)
        return self.gx * a[..., 0] + self.gy * a[..., 1]

    def grad(self, xy: ArrayLike) -> np.ndarray:
        a = np.asarray(xy, dtype=float)
        return np.broadcast_to(np.array([self.gx, self.gy]), a.shape).copy()

    def hessian(self, xy: ArrayLike) -> np.ndarray:
        a = np.asarray(xy, dtype=float)
        return np.zeros((*a.shape[:-1], 2, 2))
