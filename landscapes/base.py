"""The landscape record and the small numerical helpers the concrete landscapes share.

A landscape is a declarative record (in the spirit of BoTorch's synthetic test functions): the
formula, its exact gradient and Hessian, the default view, the known minima and saddles with their
values, and the constants used. The three ``*_xy`` functions are plain NumPy functions of two
arrays of equal shape, so the optimizer engine can call ``grad_xy`` on a contiguous batch of B
points in its hot loop; the ``value``/``grad``/``hessian`` methods wrap them for arrays of shape
``(..., 2)``.

Rules every landscape follows (the generic tests in ``tests/test_landscapes.py`` check them):

* only NumPy ufuncs and elementwise arithmetic (no Python loops over points, no ``math``), so a
  point gives bit-identical results whether it is evaluated alone or inside a batch of 4096;
* the gradient and Hessian are exact (analytic), except at the documented kinks of the Huber
  landscape;
* every listed minimum has zero gradient and a positive semidefinite Hessian, every listed saddle
  zero gradient and an indefinite Hessian.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]
Point = tuple[float, float]
Bounds = tuple[tuple[float, float], tuple[float, float]]
ValueFn = Callable[[Array, Array], Array]
GradFn = Callable[[Array, Array], tuple[Array, Array]]
HessFn = Callable[[Array, Array], tuple[Array, Array, Array]]

GROUPS = ("terrain", "test", "data")
LANGUAGES = ("en", "zh")


def _frozen_mapping(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


def _as_point(p: ArrayLike) -> Point:
    a = np.asarray(p, dtype=np.float64)
    return float(a[0]), float(a[1])


def _split(xy: ArrayLike) -> tuple[Array, Array]:
    arr = np.asarray(xy, dtype=np.float64)
    if arr.ndim == 0 or arr.shape[-1] != 2:
        raise ValueError(f"expected an array of shape (..., 2), got shape {arr.shape}")
    return arr[..., 0], arr[..., 1]


@dataclass(frozen=True, eq=False)
class Landscape:
    """One loss surface f(x, y) with everything the app needs to draw it and run on it.

    Fields:
        name: registry key (snake_case).
        group: "terrain" (hand-built teaching surfaces), "test" (classic optimisation test
            functions) or "data" (losses of a small seeded synthetic regression problem).
        title, description: one short line each, keys "en" and "zh".
        formula: LaTeX of f(x, y).
        value_xy, grad_xy, hessian_xy: f, (f_x, f_y) and (f_xx, f_xy, f_yy) on arrays of any
            equal shape; results always have that shape.
        bounds: default view ((xmin, xmax), (ymin, ymax)).
        starts: default start points; the first is the default start.
        minima, minima_values: known local/global minima and f there (same order).
        saddles: known saddle points (may be empty).
        log_colors: True where f spans decades over the view (log-scaled contours).
        params: the constants used (for reproducibility and export).
        factory, factory_kwargs: how to rebuild the landscape with other constants
            (see ``with_params``).
        kink_distance_xy: for piecewise-smooth landscapes only (Huber), the distance from (x, y)
            to the nearest kink, where the Hessian jumps; None for smooth landscapes.
    """

    name: str
    group: str
    title: Mapping[str, str]
    description: Mapping[str, str]
    formula: str
    value_xy: ValueFn = field(repr=False)
    grad_xy: GradFn = field(repr=False)
    hessian_xy: HessFn = field(repr=False)
    bounds: Bounds
    starts: tuple[Point, ...]
    minima: tuple[Point, ...]
    minima_values: tuple[float, ...]
    saddles: tuple[Point, ...] = ()
    log_colors: bool = False
    params: Mapping[str, float] = field(default_factory=dict)
    factory: Callable[..., Landscape] | None = field(default=None, repr=False)
    factory_kwargs: Mapping[str, Any] = field(default_factory=dict, repr=False)
    kink_distance_xy: Callable[[Array, Array], Array] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.group not in GROUPS:
            raise ValueError(f"group must be one of {GROUPS}, got {self.group!r}")
        if len(self.minima) != len(self.minima_values):
            raise ValueError(
                f"{self.name}: {len(self.minima)} minima but {len(self.minima_values)} values"
            )
        (x0, x1), (y0, y1) = self.bounds
        if not (x0 < x1 and y0 < y1):
            raise ValueError(f"{self.name}: malformed bounds {self.bounds}")
        if not self.starts:
            raise ValueError(f"{self.name}: at least one start point is required")
        as_point = _as_point
        set_ = object.__setattr__  # frozen dataclass: normalise the fields once, here
        set_(self, "title", _frozen_mapping(self.title))
        set_(self, "description", _frozen_mapping(self.description))
        set_(self, "params", _frozen_mapping({k: float(v) for k, v in self.params.items()}))
        set_(self, "factory_kwargs", _frozen_mapping(self.factory_kwargs))
        set_(self, "bounds", (tuple(map(float, self.bounds[0])), tuple(map(float, self.bounds[1]))))
        set_(self, "starts", tuple(as_point(p) for p in self.starts))
        set_(self, "minima", tuple(as_point(p) for p in self.minima))
        set_(self, "minima_values", tuple(float(v) for v in self.minima_values))
        set_(self, "saddles", tuple(as_point(p) for p in self.saddles))

    # Identity: two records are equal when they describe the same surface with the same constants.
    def _key(self) -> tuple[Any, ...]:
        return (self.name, tuple(sorted(self.params.items())), self.bounds, self.starts)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Landscape):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self) -> tuple[Any, ...]:
        # Closures do not pickle; a landscape is rebuilt from its factory and constants instead
        # (so pickle/copy work, and so do hashers that walk __reduce__).
        if self.factory is None:
            raise TypeError(f"landscape {self.name!r} has no factory and cannot be pickled")
        return (_rebuild, (self.factory, dict(self.factory_kwargs)))

    @property
    def start(self) -> Point:
        """The default start point (``starts[0]``)."""
        return self.starts[0]

    def value(self, xy: ArrayLike) -> Array:
        """f at points of shape (..., 2); returns shape (...)."""
        x, y = _split(xy)
        return np.asarray(self.value_xy(x, y))

    def grad(self, xy: ArrayLike) -> Array:
        """The gradient at points of shape (..., 2); returns shape (..., 2)."""
        x, y = _split(xy)
        gx, gy = self.grad_xy(x, y)
        return np.stack(np.broadcast_arrays(gx, gy), axis=-1)

    def hessian(self, xy: ArrayLike) -> Array:
        """The Hessian at points of shape (..., 2); returns shape (..., 2, 2), symmetric."""
        x, y = _split(xy)
        hxx, hxy, hyy = np.broadcast_arrays(*self.hessian_xy(x, y))
        row0 = np.stack([hxx, hxy], axis=-1)
        row1 = np.stack([hxy, hyy], axis=-1)
        return np.stack([row0, row1], axis=-2)

    def with_params(self, **changes: Any) -> Landscape:
        """Rebuild this landscape through its factory with some constants changed.

        ``get_landscape("plateau").with_params(tilt=0.0)`` is the same as calling the factory
        ``plateau(tilt=0.0)``. Unknown names raise ValueError listing the accepted ones.
        """
        if self.factory is None:
            raise ValueError(f"landscape {self.name!r} has no factory to rebuild it")
        unknown = sorted(set(changes) - set(self.factory_kwargs))
        if unknown:
            raise ValueError(
                f"{self.name}: unknown parameter(s) {unknown}; "
                f"accepted: {sorted(self.factory_kwargs)}"
            )
        return self.factory(**{**self.factory_kwargs, **changes})


def _rebuild(factory: Callable[..., Landscape], kwargs: dict[str, Any]) -> Landscape:
    return factory(**kwargs)


# ---------------------------------------------------------------------------------------------
# Helpers used when building landscapes (at import time, never in the hot loop).


def full_like(x: Array, value: float) -> Array:
    """A constant array of x's shape (for constant Hessian entries)."""
    return np.full(np.shape(x), value, dtype=np.float64)


def newton_stationary(
    grad_xy: GradFn, hessian_xy: HessFn, start: Point, *, tol: float = 1e-13, max_iter: int = 100
) -> Point:
    """Refine a stationary point of a smooth function with Newton's method on its gradient.

    Used at import to pin down minima and saddles that have no closed form (Himmelblau,
    Rastrigin, the two-basin wells). Raises RuntimeError if it does not converge, so a badly
    tuned landscape fails loudly instead of listing a wrong minimum.
    """
    p = np.array(start, dtype=np.float64)
    for _ in range(max_iter):
        gx, gy = grad_xy(p[0:1], p[1:2])
        g = np.array([gx[0], gy[0]])
        if np.max(np.abs(g)) < tol:
            return float(p[0]), float(p[1])
        hxx, hxy, hyy = hessian_xy(p[0:1], p[1:2])
        h = np.array([[hxx[0], hxy[0]], [hxy[0], hyy[0]]])
        p = p - np.linalg.solve(h, g)
    gx, gy = grad_xy(p[0:1], p[1:2])
    if max(abs(gx[0]), abs(gy[0])) < 1e3 * tol:
        return float(p[0]), float(p[1])
    raise RuntimeError(f"Newton did not converge from {start}: at {tuple(p)} grad {gx, gy}")


def value_at(value_xy: ValueFn, p: Point) -> float:
    """f at one point, evaluated exactly as the batch code path does (length-1 arrays)."""
    return float(value_xy(np.array([p[0]]), np.array([p[1]]))[0])
