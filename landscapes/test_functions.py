"""Classic optimisation test functions (group "test"), with their known minima and saddles.

Minima without a closed form are refined with Newton's method at import from textbook
approximations, so every listed point has a gradient at rounding level.
"""

from __future__ import annotations

import numpy as np

from .base import Array, Landscape, full_like, newton_stationary, value_at

TWO_PI = 2.0 * np.pi


def rosenbrock(a: float = 1.0, b: float = 100.0) -> Landscape:
    """Rosenbrock's banana valley f = (a - x)^2 + b (y - x^2)^2; minimum (a, a^2), value 0.

    Lesson 1 (curved canyon): from (-1.5, 2), gradient descent at lr 1e-3 (about its stability
    limit there: the largest curvature at the start is ~1900) is still short of (1, 1) after
    5000 steps (ends near (0.92, 0.84)); heavy-ball momentum 0.9 at lr 5e-4 gets within 0.05 at
    step ~1550; Adam reaches within 0.05 at step ~1300 (lr 0.03) or ~680 (lr 0.1).
    """

    def value_xy(x: Array, y: Array) -> Array:
        u = a - x
        w = y - x * x
        return u * u + b * (w * w)

    def grad_xy(x: Array, y: Array) -> tuple[Array, Array]:
        w = y - x * x
        return -2.0 * (a - x) - (4.0 * b) * x * w, (2.0 * b) * w

    def hessian_xy(x: Array, y: Array) -> tuple[Array, Array, Array]:
        return (
            2.0 - (4.0 * b) * y + (12.0 * b) * (x * x),
            (-4.0 * b) * x,
            full_like(x, 2.0 * b),
        )

    kwargs = {"a": a, "b": b}
    return Landscape(
        name="rosenbrock",
        group="test",
        title={"en": "Rosenbrock's banana valley", "zh": "Rosenbrock 香蕉谷"},
        description={
            "en": "A long, curved, nearly flat valley floor between steep walls; minimum (1, 1).",
            "zh": "两侧陡峭、谷底平缓又弯曲的长峡谷，最低点在 (1, 1)。",
        },
        formula=f"f(x, y) = ({a:g} - x)^2 + {b:g}\\,(y - x^2)^2",
        value_xy=value_xy,
        grad_xy=grad_xy,
        hessian_xy=hessian_xy,
        bounds=((-2.0, 2.0), (-1.0, 3.0)),
        starts=((-1.5, 2.0), (-1.2, 1.0), (0.0, 2.5)),
        minima=((a, a * a),),
        minima_values=(0.0,),
        log_colors=True,
        params=kwargs,
        factory=rosenbrock,
        factory_kwargs=kwargs,
    )


def beale() -> Landscape:
    """Beale's function; global minimum (3, 0.5) with value 0, a saddle at (0, 1).

    f = (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2: flat in the middle, very
    steep at the corners. From (1, 1.5) gradient descent (lr 1e-2), momentum and Adam all reach
    the minimum; from (-2, 2) gradient descent at lr 1e-2 diverges and Adam drifts off along the
    flat valley towards negative x.
    """

    def value_xy(x: Array, y: Array) -> Array:
        xy = x * y
        xy2 = xy * y
        t1 = 1.5 - x + xy
        t2 = 2.25 - x + xy2
        t3 = 2.625 - x + xy2 * y
        return t1 * t1 + t2 * t2 + t3 * t3

    def grad_xy(x: Array, y: Array) -> tuple[Array, Array]:
        y2 = y * y
        y3 = y2 * y
        t1 = 1.5 - x + x * y
        t2 = 2.25 - x + x * y2
        t3 = 2.625 - x + x * y3
        gx = 2.0 * (t1 * (y - 1.0) + t2 * (y2 - 1.0) + t3 * (y3 - 1.0))
        gy = 2.0 * x * (t1 + 2.0 * t2 * y + 3.0 * t3 * y2)
        return gx, gy

    def hessian_xy(x: Array, y: Array) -> tuple[Array, Array, Array]:
        y2 = y * y
        y3 = y2 * y
        t1 = 1.5 - x + x * y
        t2 = 2.25 - x + x * y2
        t3 = 2.625 - x + x * y3
        a1, a2, a3 = y - 1.0, y2 - 1.0, y3 - 1.0
        b1, b2, b3 = x, 2.0 * x * y, 3.0 * x * y2
        hxx = 2.0 * (a1 * a1 + a2 * a2 + a3 * a3)
        hxy = 2.0 * (a1 * b1 + a2 * b2 + a3 * b3 + t1 + 2.0 * t2 * y + 3.0 * t3 * y2)
        hyy = 2.0 * (b1 * b1 + b2 * b2 + b3 * b3 + 2.0 * t2 * x + 6.0 * t3 * x * y)
        return hxx, hxy, hyy

    return Landscape(
        name="beale",
        group="test",
        title={"en": "Beale's function", "zh": "Beale 函数"},
        description={
            "en": "Flat in the middle and very steep at the corners; minimum at (3, 0.5).",
            "zh": "中间平坦、四角极陡的经典测试函数，最低点在 (3, 0.5)。",
        },
        formula=(
            "f(x, y) = (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2"
        ),
        value_xy=value_xy,
        grad_xy=grad_xy,
        hessian_xy=hessian_xy,
        bounds=((-4.5, 4.5), (-4.5, 4.5)),
        starts=((1.0, 1.5), (-2.0, 2.0), (2.0, -1.0)),
        minima=((3.0, 0.5),),
        minima_values=(0.0,),
        saddles=((0.0, 1.0),),
        log_colors=True,
        params={},
        factory=beale,
        factory_kwargs={},
    )


# Textbook approximations, refined by Newton at import.
_HIMMELBLAU_MINIMA = ((3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186),
                      (3.584428, -1.848126))
_HIMMELBLAU_SADDLES = ((0.086677, 2.884254), (-3.073026, -0.081353), (3.385154, 0.073852),
                       (-0.127961, -1.953715))


def himmelblau() -> Landscape:
    """Himmelblau's function f = (x^2 + y - 11)^2 + (x + y^2 - 7)^2.

    Four minima, all with value 0: (3, 2) exactly and three irrational ones (refined by Newton);
    four saddles; a local maximum near (-0.2708, -0.9230). From the default start (-0.3, -0.9),
    next to the maximum, gradient descent and momentum (lr 1e-3 to 1e-2) end at
    (-3.78, -3.28) while Adam (lr 0.01 to 0.1) ends at (-2.81, 3.13): which minimum you reach
    depends on the optimizer.
    """

    def value_xy(x: Array, y: Array) -> Array:
        a = x * x + y - 11.0
        b = x + y * y - 7.0
        return a * a + b * b

    def grad_xy(x: Array, y: Array) -> tuple[Array, Array]:
        a = x * x + y - 11.0
        b = x + y * y - 7.0
        return 4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b

    def hessian_xy(x: Array, y: Array) -> tuple[Array, Array, Array]:
        a = x * x + y - 11.0
        b = x + y * y - 7.0
        return 4.0 * a + 8.0 * (x * x) + 2.0, 4.0 * (x + y), 4.0 * b + 8.0 * (y * y) + 2.0

    minima = tuple(newton_stationary(grad_xy, hessian_xy, p) for p in _HIMMELBLAU_MINIMA)
    saddles = tuple(newton_stationary(grad_xy, hessian_xy, p) for p in _HIMMELBLAU_SADDLES)
    return Landscape(
        name="himmelblau",
        group="test",
        title={"en": "Himmelblau's function", "zh": "Himmelblau 函数"},
        description={
            "en": "Four equally deep minima: where you end up depends on the start and the method.",
            "zh": "四个一样深的最低点，最后落进哪一个，要看起点和所用的方法。",
        },
        formula="f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2",
        value_xy=value_xy,
        grad_xy=grad_xy,
        hessian_xy=hessian_xy,
        bounds=((-5.0, 5.0), (-5.0, 5.0)),
        starts=((-0.3, -0.9), (0.0, 0.0), (0.5, -0.5)),
        minima=minima,
        minima_values=(0.0, 0.0, 0.0, 0.0),
        saddles=saddles,
        log_colors=True,
        params={},
        factory=himmelblau,
        factory_kwargs={},
    )


def _rastrigin_1d_stationary(a: float, guess: float) -> float:
    """Newton on the 1-D derivative 2x + 2 pi A sin(2 pi x) = 0, from ``guess``."""
    x = guess
    for _ in range(60):
        g = 2.0 * x + TWO_PI * a * np.sin(TWO_PI * x)
        h = 2.0 + TWO_PI * TWO_PI * a * np.cos(TWO_PI * x)
        step = g / h
        x -= step
        if abs(step) < 1e-16:
            break
    return float(x)


def rastrigin(a: float = 10.0) -> Landscape:
    """Rastrigin's function (2-D): f = 2A + sum over x, y of (t^2 - A cos(2 pi t)), A = 10.

    Global minimum (0, 0), value 0, and a local minimum near every integer point; the nine
    nearest (the global one and the eight around it, near (+-0.995, 0), (+-0.995, +-0.995), ...)
    are listed, refined by Newton. The four saddles between the origin and its axis
    neighbours (near (+-0.503, 0), (0, +-0.503)) are listed too. From (3.2, 2.7) gradient
    descent, momentum and Adam at lr <= 0.5 all stop in the local minimum near (2.98, 2.98).
    """
    a = float(a)
    two_a = 2.0 * a
    k1 = TWO_PI * a
    k2 = TWO_PI * TWO_PI * a

    def value_xy(x: Array, y: Array) -> Array:
        return two_a + x * x + y * y - a * (np.cos(TWO_PI * x) + np.cos(TWO_PI * y))

    def grad_xy(x: Array, y: Array) -> tuple[Array, Array]:
        return 2.0 * x + k1 * np.sin(TWO_PI * x), 2.0 * y + k1 * np.sin(TWO_PI * y)

    def hessian_xy(x: Array, y: Array) -> tuple[Array, Array, Array]:
        return (
            2.0 + k2 * np.cos(TWO_PI * x),
            full_like(x, 0.0),
            2.0 + k2 * np.cos(TWO_PI * y),
        )

    m1 = _rastrigin_1d_stationary(a, 1.0)  # 1-D local minimum near 1
    top = _rastrigin_1d_stationary(a, 0.5)  # 1-D local maximum near 0.5
    ones = (0.0, m1, -m1)
    minima = tuple(
        sorted(((px, py) for px in ones for py in ones), key=lambda p: (p[0] ** 2 + p[1] ** 2))
    )
    saddles = ((top, 0.0), (-top, 0.0), (0.0, top), (0.0, -top))
    return Landscape(
        name="rastrigin",
        group="test",
        title={"en": "Rastrigin's function", "zh": "Rastrigin 函数"},
        description={
            "en": "A bowl covered in ripples: a local minimum near every integer point.",
            "zh": "碗形曲面上叠满了起伏，几乎每个整点附近都有一个局部极小点，全局最小在原点。",
        },
        formula=(
            f"f(x, y) = {two_a:g} + x^2 - {a:g}\\cos(2\\pi x) + y^2 - {a:g}\\cos(2\\pi y)"
        ),
        value_xy=value_xy,
        grad_xy=grad_xy,
        hessian_xy=hessian_xy,
        bounds=((-5.12, 5.12), (-5.12, 5.12)),
        starts=((3.2, 2.7), (2.5, 2.5), (-2.8, 1.8)),
        minima=minima,
        minima_values=tuple(value_at(value_xy, p) for p in minima),
        saddles=saddles,
        params={"a": a},
        factory=rastrigin,
        factory_kwargs={"a": a},
    )
