"""Hand-built teaching surfaces ("terrain"): each exists to show one phenomenon.

Lesson numbers refer to phenomena.md (the list of lessons). The behaviour quoted in each docstring
was checked with a plain NumPy loop following the PyTorch rules in optimizer-semantics.md
(float64) and again with optim.simulate.
Every function here is a factory: calling it with other constants builds a tuned variant, and the
registry's instance is the call with the defaults.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from .base import Array, Bounds, Landscape, Point, full_like, newton_stationary, value_at


def _fmt(v: float) -> str:
    return f"{v:g}"


def _shifted(var: str, c: float) -> str:
    if c == 0:
        return var
    return f"({var} - {_fmt(c)})" if c > 0 else f"({var} + {_fmt(-c)})"


def _term(coef: float, body: str) -> str:
    if coef == 0:
        return ""
    return (body if coef == 1 else f"{_fmt(coef)}\\,{body}")


# ---------------------------------------------------------------------------------------------
# Quadratics: bowl, ravine, ravine_axis and every tuned variant a lesson needs.


def quadratic(
    hx: float,
    hy: float,
    angle_deg: float = 0.0,
    center: Point = (0.0, 0.0),
    *,
    name: str = "quadratic",
    title: Mapping[str, str] | None = None,
    description: Mapping[str, str] | None = None,
    bounds: Bounds | None = None,
    starts: tuple[Point, ...] | None = None,
    log_colors: bool = False,
) -> Landscape:
    """A quadratic with principal curvatures ``hx`` and ``hy``, rotated by ``angle_deg``.

    f(x, y) = 1/2 (hx u^2 + hy v^2) with (dx, dy) = (x - cx, y - cy),
    u = cos(a) dx + sin(a) dy, v = -sin(a) dx + cos(a) dy,
    so the Hessian is constant with eigenvalues hx (along the direction at angle a) and hy.
    The minimum is the centre, value 0; with hy = 0 (or hx = 0) the minima form a line through
    the centre and the gradient along the flat direction is exactly zero (for angle 0 the
    y-gradient is the float 0.0 everywhere: lesson 16's zero-gradient coordinate).

    Checked (lesson 1, ``ravine_axis`` = quadratic(0.1, 10) from (-2.5, 0.5), steps until within
    0.05 of the minimum): gradient descent at lr 0.15 / 0.19 flips the cross-valley coordinate
    every step and needs 259 / 204 steps; heavy-ball 0.9 at lr 0.02 needs 161; Adam at lr 0.1 /
    0.2 needs 31 / 37. On the 30-degree ``ravine`` from (-2.4, -0.8) gradient descent is the
    same (rotation-invariant) but Adam's per-coordinate scaling helps less: 188 / 102 steps.
    GD bounces for 1/hy < lr < 2/hy (0.1..0.2) and diverges above. ``bowl`` = quadratic(2, 2),
    f = x^2 + y^2 (lesson 4): sgd, momentum, nesterov, adagrad, rmsprop, adam(w), amsgrad,
    nadam, radam, adamax and lion all converge from (-2.5, 2) at moderate lr.
    Lesson 17: quadratic(2, 2, center=(5, 5)), AdamW lr 0.01 from the origin ends at
    (1.98, 1.98), (0.9993, 0.9993), (0.49996, 0.49996) for lambda 0.5, 1, 2 after 5000 steps.

    Uses: ``bowl`` (lesson 4), ``ravine``/``ravine_axis`` (lesson 1), a bowl centred at (5, 5)
    for lesson 17 (``quadratic(2, 2, center=(5, 5))``), ``quadratic(h, 0)`` = h/2 x^2 for
    lessons 16 and 23. ``quadratic(0, 0)`` is the flat plane (gradient exactly zero, lesson 11).

    Default view: the centre +- 3, widened to contain the origin (where weight decay pulls);
    default start: centre + (-2.5, 2).
    """
    hx, hy, angle = float(hx), float(hy), float(angle_deg)
    if not (np.isfinite(hx) and np.isfinite(hy) and hx >= 0 and hy >= 0):
        raise ValueError(f"curvatures must be finite and >= 0, got hx={hx}, hy={hy}")
    cx, cy = float(center[0]), float(center[1])
    if angle % 180.0 == 0.0:
        a, b, d = hx, 0.0, hy
    else:
        th = np.deg2rad(angle)
        c, s = float(np.cos(th)), float(np.sin(th))
        a, b, d = hx * c * c + hy * s * s, (hx - hy) * c * s, hx * s * s + hy * c * c

    if b == 0.0:

        def grad_xy(x: Array, y: Array) -> tuple[Array, Array]:
            return a * (x - cx), d * (y - cy)

    else:

        def grad_xy(x: Array, y: Array) -> tuple[Array, Array]:
            dx = x - cx
            dy = y - cy
            return a * dx + b * dy, b * dx + d * dy

    def value_xy(x: Array, y: Array) -> Array:
        gx, gy = grad_xy(x, y)
        return 0.5 * ((x - cx) * gx + (y - cy) * gy)

    def hessian_xy(x: Array, y: Array) -> tuple[Array, Array, Array]:
        return full_like(x, a), full_like(x, b), full_like(x, d)

    if angle % 180.0 == 0.0:
        terms = (_term(hx / 2, f"{_shifted('x', cx)}^2"), _term(hy / 2, f"{_shifted('y', cy)}^2"))
        body = " + ".join(t for t in terms if t)
        formula = f"f(x, y) = {body or '0'}"
    else:
        body = " + ".join(t for t in (_term(hx / 2, "u^2"), _term(hy / 2, "v^2")) if t)
        dx, dy = _shifted("x", cx), _shifted("y", cy)
        formula = (
            f"f(x, y) = {body or '0'},\\quad u = {dx}\\cos\\theta + {dy}\\sin\\theta,\\ "
            f"v = -{dx}\\sin\\theta + {dy}\\cos\\theta,\\ \\theta = {_fmt(angle)}^\\circ"
        )

    kwargs = {
        "hx": hx, "hy": hy, "angle_deg": angle, "center": (cx, cy), "name": name,
        "title": title, "description": description, "bounds": bounds, "starts": starts,
        "log_colors": log_colors,
    }
    if bounds is None:
        half = 3.0
        bounds = (
            (min(cx - half, -0.5), max(cx + half, 0.5)),
            (min(cy - half, -0.5), max(cy + half, 0.5)),
        )
    if starts is None:
        starts = ((cx - 2.5, cy + 2.0),)
    return Landscape(
        name=name,
        group="terrain",
        title=title or {"en": f"Quadratic (curvatures {hx:g} and {hy:g})",
                        "zh": f"二次函数（两个方向曲率为 {hx:g} 和 {hy:g}）"},
        description=description or {
            "en": "A quadratic: the same curvature everywhere, the minimum at the centre.",
            "zh": "二次函数：各处曲率都一样，最低点就在中心。",
        },
        formula=formula,
        value_xy=value_xy,
        grad_xy=grad_xy,
        hessian_xy=hessian_xy,
        bounds=bounds,
        starts=starts,
        minima=((cx, cy),),
        minima_values=(0.0,),
        log_colors=log_colors,
        params={"hx": hx, "hy": hy, "angle_deg": angle, "cx": cx, "cy": cy},
        factory=quadratic,
        factory_kwargs=kwargs,
    )


# ---------------------------------------------------------------------------------------------
# Plateau (lesson 2).


def plateau(width: float = 1.0, depth: float = 1.0, tilt: float = 0.002) -> Landscape:
    """A Gaussian well in a wide, almost flat plain (lesson 2).

    f(x, y) = depth (1 - exp(-r^2 / (2 width^2))) + tilt/2 r^2,   r^2 = x^2 + y^2.

    The well (minimum (0, 0), value 0) is narrow; outside r ~ 3 width the Gaussian has died away
    and only the faint ``tilt`` bowl is left, whose gradient tilt*r is the small, persistent push
    the lesson is about. f has no other stationary point (f'(r) > 0 for r > 0).

    Checked from the default start (-4, 3) (|grad| = 0.010), counting steps until r < 0.5:
    lr 0.1: gradient descent never (r = 4.07 after 1000 steps, steps of ~1e-3), momentum 0.9
    at step 218, Adam at step 33 (~0.1 per coordinate per step, as the lesson says);
    lr 0.05: never / 411 / 57; lr 0.3: 631 / 85 / 14. With tilt = 0 the start is so flat
    (|grad| = 2e-5) that momentum does not cross either; only Adam does.
    """
    w2 = width * width
    inv = 1.0 / (2.0 * w2)

    def value_xy(x: Array, y: Array) -> Array:
        r2 = x * x + y * y
        return depth * (1.0 - np.exp(-r2 * inv)) + (0.5 * tilt) * r2

    def grad_xy(x: Array, y: Array) -> tuple[Array, Array]:
        k = (depth / w2) * np.exp(-(x * x + y * y) * inv) + tilt
        return k * x, k * y

    def hessian_xy(x: Array, y: Array) -> tuple[Array, Array, Array]:
        q = (depth / w2) * np.exp(-(x * x + y * y) * inv)
        k = q + tilt
        qw = q / w2
        return k - qw * x * x, -qw * x * y, k - qw * y * y

    return Landscape(
        name="plateau",
        group="terrain",
        title={"en": "Plateau", "zh": "高原"},
        description={
            "en": "A narrow well far from the start across an almost flat plain with a faint tilt.",
            "zh": "起点在一大片几乎平坦的高地上，坑在远处；坡度极小，梯度下降几乎挪不动。",
        },
        formula=(
            f"f(x, y) = {_term(depth, '')}\\left(1 - e^{{-(x^2 + y^2)/{_fmt(2 * w2)}}}\\right)"
            f" + {_fmt(tilt / 2)}\\,(x^2 + y^2)"
        ),
        value_xy=value_xy,
        grad_xy=grad_xy,
        hessian_xy=hessian_xy,
        bounds=((-5.0, 5.0), (-5.0, 5.0)),
        starts=((-4.0, 3.0), (4.0, -1.0), (0.0, 4.5)),
        minima=((0.0, 0.0),),
        minima_values=(0.0,),
        params={"width": width, "depth": depth, "tilt": tilt},
        factory=plateau,
        factory_kwargs={"width": width, "depth": depth, "tilt": tilt},
    )


# ---------------------------------------------------------------------------------------------
# Saddle (lesson 3).


def saddle() -> Landscape:
    """f(x, y) = x^2 - y^2 + y^4/4: a saddle at the origin, minima (0, +-sqrt 2) with f = -1.

    Lesson 3: from (1, 1e-6) at lr 0.01, Adam leaves the saddle (|y| > 0.5) at step 44 and
    gradient descent at step 666; from (1, 0) the y-gradient is exactly 0 forever and gradient
    descent never leaves.
    """

    def value_xy(x: Array, y: Array) -> Array:
        y2 = y * y
        return x * x - y2 + 0.25 * (y2 * y2)

    def grad_xy(x: Array, y: Array) -> tuple[Array, Array]:
        return 2.0 * x, y * (y * y - 2.0)

    def hessian_xy(x: Array, y: Array) -> tuple[Array, Array, Array]:
        return full_like(x, 2.0), full_like(x, 0.0), 3.0 * (y * y) - 2.0

    r2 = float(np.sqrt(2.0))
    return Landscape(
        name="saddle",
        group="terrain",
        title={"en": "Saddle point", "zh": "鞍点"},
        description={
            "en": "The origin curves up along x and down along y; the minima are (0, ±√2).",
            "zh": "原点沿 x 方向往上弯、沿 y 方向往下弯；两个最低点在 (0, ±√2)，函数值是 −1。",
        },
        formula="f(x, y) = x^2 - y^2 + \\tfrac{1}{4}y^4",
        value_xy=value_xy,
        grad_xy=grad_xy,
        hessian_xy=hessian_xy,
        bounds=((-1.5, 1.5), (-2.0, 2.0)),
        starts=((1.0, 1e-6), (1.0, 0.0), (-1.2, -0.3)),
        minima=((0.0, r2), (0.0, -r2)),
        minima_values=(-1.0, -1.0),
        saddles=((0.0, 0.0),),
        params={},
        factory=saddle,
        factory_kwargs={},
    )


# ---------------------------------------------------------------------------------------------
# Two basins: sharp versus flat minimum (lesson 5).


def two_basin(
    kappa: float = 0.2,
    sharp_depth: float = 1.5,
    sharp_width: float = 0.2,
    sharp_x: float = -1.0,
    flat_depth: float = 1.0,
    flat_width: float = 1.0,
    flat_x: float = 2.0,
    bowl_x: float = 2.0,
) -> Landscape:
    """A narrow Gaussian well and a wide one on the slope of a gentle bowl (lesson 5).

    f(x, y) = kappa/2 ((x - x_b)^2 + y^2) - A_s e_s - A_f e_f,
    e_i = exp(-((x - x_i)^2 + y^2) / (2 s_i^2)),
    with the sharp well (A_s, s_s) at (x_s, 0) = (-1, 0), the flat one (A_f, s_f) at (2, 0) and
    the bowl centred under the flat well (x_b = 2), so the path from the start runs downhill
    through the sharp well towards the flat one. The minima and the saddle between them are
    found with Newton's method at import; the Hessian is exact, so trace(H) at an end point
    measures how sharp that minimum is. Defaults: sharp minimum (-0.983, 0), f = -0.616,
    trace(H) = 74.8; flat minimum (2, 0), f = -1, trace(H) = 2.40; saddle (-0.47, 0).

    Checked from the default start (-3, -1), 3000 steps: gradient descent stops in the sharp
    minimum for every lr in 0.002..0.05 (it is stable there up to lr ~ 0.053); heavy-ball
    momentum 0.5 too; momentum 0.9 overshoots it and settles in the flat one for lr >= 0.006
    (0.8 for lr >= 0.024; 0.95 for all of them); Nesterov 0.9 for lr >= 0.008. Adam stops in
    (or still rattles around) the sharp one for lr <= 0.36 and reaches the flat one for
    lr >= 0.38. From (-3.5, 0.5) momentum 0.9 needs lr >= 0.02.
    """
    wells = ((sharp_depth, sharp_width, sharp_x), (flat_depth, flat_width, flat_x))
    (a1, s1, c1), (a2, s2, c2) = wells
    i1, i2 = 1.0 / (2.0 * s1 * s1), 1.0 / (2.0 * s2 * s2)
    k1, k2 = a1 / (s1 * s1), a2 / (s2 * s2)
    j1, j2 = 1.0 / (s1 * s1), 1.0 / (s2 * s2)

    def value_xy(x: Array, y: Array) -> Array:
        y2 = y * y
        d1 = x - c1
        d2 = x - c2
        e1 = np.exp(-(d1 * d1 + y2) * i1)
        e2 = np.exp(-(d2 * d2 + y2) * i2)
        xb = x - bowl_x
        return (0.5 * kappa) * (xb * xb + y2) - a1 * e1 - a2 * e2

    def grad_xy(x: Array, y: Array) -> tuple[Array, Array]:
        y2 = y * y
        d1 = x - c1
        d2 = x - c2
        q1 = k1 * np.exp(-(d1 * d1 + y2) * i1)
        q2 = k2 * np.exp(-(d2 * d2 + y2) * i2)
        return kappa * (x - bowl_x) + q1 * d1 + q2 * d2, (kappa + q1 + q2) * y

    def hessian_xy(x: Array, y: Array) -> tuple[Array, Array, Array]:
        y2 = y * y
        d1 = x - c1
        d2 = x - c2
        q1 = k1 * np.exp(-(d1 * d1 + y2) * i1)
        q2 = k2 * np.exp(-(d2 * d2 + y2) * i2)
        base = kappa + q1 + q2
        p1 = q1 * j1
        p2 = q2 * j2
        hxx = base - p1 * d1 * d1 - p2 * d2 * d2
        hxy = -(p1 * d1 + p2 * d2) * y
        hyy = base - (p1 + p2) * y2
        return hxx, hxy, hyy

    sharp_min = newton_stationary(grad_xy, hessian_xy, (c1, 0.0))
    flat_min = newton_stationary(grad_xy, hessian_xy, (c2, 0.0))
    xs = np.linspace(sharp_min[0], flat_min[0], 2001)
    top = float(xs[np.argmax(value_xy(xs, np.zeros_like(xs)))])
    ridge = newton_stationary(grad_xy, hessian_xy, (top, 0.0))
    minima = (sharp_min, flat_min)
    kwargs = {
        "kappa": kappa, "sharp_depth": a1, "sharp_width": s1, "sharp_x": c1,
        "flat_depth": a2, "flat_width": s2, "flat_x": c2, "bowl_x": bowl_x,
    }
    return Landscape(
        name="two_basin",
        group="terrain",
        title={"en": "Sharp and flat minimum", "zh": "尖谷与宽谷"},
        description={
            "en": "A narrow steep well and a wide gentle one; strong momentum skips the narrow.",
            "zh": "一个又窄又陡的坑，一个又宽又缓的坑；动量够大时会冲过窄坑，落进宽坑。",
        },
        formula=(
            f"f(x, y) = {_fmt(kappa / 2)}\\,({_shifted('x', bowl_x)}^2 + y^2)"
            f" - {_term(a1, '')}e^{{-({_shifted('x', c1)}^2 + y^2)/{_fmt(2 * s1 * s1)}}}"
            f" - {_term(a2, '')}e^{{-({_shifted('x', c2)}^2 + y^2)/{_fmt(2 * s2 * s2)}}}"
        ),
        value_xy=value_xy,
        grad_xy=grad_xy,
        hessian_xy=hessian_xy,
        bounds=((-4.0, 5.0), (-3.0, 3.0)),
        starts=((-3.0, -1.0), (-3.5, 0.5), (4.5, 2.0)),
        minima=minima,
        minima_values=tuple(value_at(value_xy, p) for p in minima),
        saddles=(ridge,),
        params=kwargs,
        factory=two_basin,
        factory_kwargs=kwargs,
    )


# ---------------------------------------------------------------------------------------------
# Lennard-Jones-like wall (lesson 6).


def lj_wall(sigma: float = 1.0, epsilon: float = 1.0, ky: float = 1.0) -> Landscape:
    """A Lennard-Jones-shaped repulsive wall at x = 0 (lesson 6).

    f(x, y) = epsilon ((sigma/x)^12 - 2 (sigma/x)^6) + ky/2 y^2.

    Minimum (sigma, 0), value -epsilon. Undefined at x = 0 (division by zero: inf/nan with a
    NumPy warning); the formula is even in x, but only x > 0 is meant and shown. Near the wall
    the gradient grows like 12 epsilon sigma^12 / x^13: at x = 0.25 sigma it is about 8e8, so one
    gradient-descent step at lr >= 2e-3 throws the iterate beyond x = 1e6.

    Checked from the default start (0.25, 1) (f = 1.7e7, the start is up the wall): gradient
    descent leaves |x| <= 1e6 at step 1 for lr >= 2e-3 (at lr 1e-3 it is thrown to x = 8e5 and
    stays there: the tail is flat); Adam stays finite for every lr (x = 0.45 after 500 steps at
    lr 0.01: the one huge first gradient inflates v, which then slows it, the lesson-14 scar);
    gradient descent with clip_norm 1 at lr 0.01 reaches the minimum. The contours need
    log_colors (f spans -1 to 2e8 over the view).
    """
    s6 = sigma**6

    def value_xy(x: Array, y: Array) -> Array:
        r2 = 1.0 / (x * x)
        r6 = s6 * (r2 * r2 * r2)
        return epsilon * (r6 * (r6 - 2.0)) + (0.5 * ky) * (y * y)

    def grad_xy(x: Array, y: Array) -> tuple[Array, Array]:
        r2 = 1.0 / (x * x)
        r6 = s6 * (r2 * r2 * r2)
        return (12.0 * epsilon) * (r6 * (1.0 - r6)) / x, ky * y

    def hessian_xy(x: Array, y: Array) -> tuple[Array, Array, Array]:
        r2 = 1.0 / (x * x)
        r6 = s6 * (r2 * r2 * r2)
        return epsilon * (r6 * (156.0 * r6 - 84.0)) * r2, full_like(x, 0.0), full_like(x, ky)

    kwargs = {"sigma": sigma, "epsilon": epsilon, "ky": ky}
    return Landscape(
        name="lj_wall",
        group="terrain",
        title={"en": "Repulsive wall", "zh": "排斥墙"},
        description={
            "en": "A Lennard-Jones-like wall at x = 0: the gradient explodes as you approach it.",
            "zh": "仿照 Lennard-Jones 势造的一堵墙，越靠近 x = 0 梯度越大；x ≤ 0 不在定义范围内。",
        },
        formula=(
            f"f(x, y) = {_term(epsilon, '')}\\left[\\left("
            f"\\tfrac{{{_fmt(sigma)}}}{{x}}\\right)^{{12}}"

            f" - 2\\left(\\tfrac{{{_fmt(sigma)}}}{{x}}\\right)^{{6}}\\right]"
            f" + {_fmt(ky / 2)}\\,y^2,\\quad x > 0"
        ),
        value_xy=value_xy,
        grad_xy=grad_xy,
        hessian_xy=hessian_xy,
        bounds=((0.2 * sigma, 3.0 * sigma), (-1.5, 1.5)),
        starts=((0.25 * sigma, 1.0), (0.6 * sigma, -1.0), (2.5 * sigma, 1.0)),
        minima=((sigma, 0.0),),
        minima_values=(-epsilon,),
        log_colors=True,
        params=kwargs,
        factory=lj_wall,
        factory_kwargs=kwargs,
    )


# ---------------------------------------------------------------------------------------------
# Slope and U-shaped valley (lesson 13).


def slope(c: float = 1.0, ky: float = 1.0) -> Landscape:
    """A long uniform slope f(x, y) = c x + ky/2 y^2, descending towards -x (lesson 13, part 1).

    The x-gradient is the constant c, so Adam (bias-corrected) moves exactly lr * c/(c + eps)
    per step: from the default start (4, 0) it reaches the origin, the bottom of ``u_valley``,
    after 4/lr steps (40 at lr 0.1), with m_hat = c and v_hat = c^2. No minimum (f is unbounded
    below as x -> -inf).
    """

    def value_xy(x: Array, y: Array) -> Array:
        return c * x + (0.5 * ky) * (y * y)

    def grad_xy(x: Array, y: Array) -> tuple[Array, Array]:
        return full_like(x, c), ky * y

    def hessian_xy(x: Array, y: Array) -> tuple[Array, Array, Array]:
        return full_like(x, 0.0), full_like(x, 0.0), full_like(x, ky)

    kwargs = {"c": c, "ky": ky}
    return Landscape(
        name="slope",
        group="terrain",
        title={"en": "Long slope", "zh": "长斜坡"},
        description={
            "en": "An even slope down towards the origin; the gradient is the same everywhere.",
            "zh": "一段坡度均匀的长斜坡，处处梯度都一样；先在这里让 Adam 把动量攒足。",
        },
        formula=f"f(x, y) = {_term(c, 'x')} + {_fmt(ky / 2)}\\,y^2",
        value_xy=value_xy,
        grad_xy=grad_xy,
        hessian_xy=hessian_xy,
        bounds=((-3.0, 5.0), (-2.0, 2.0)),
        starts=((4.0, 0.0), (4.0, 1.0)),
        minima=(),
        minima_values=(),
        params=kwargs,
        factory=slope,
        factory_kwargs=kwargs,
    )


def u_valley(c: float = 1.0, width: float = 2.0, ky: float = 1.0) -> Landscape:
    """A smooth |x|-like U valley with its bottom at the origin (lesson 13, part 2).

    f(x, y) = c width log cosh(x / width) + ky/2 y^2,
    computed as c width (|z| + log1p(exp(-2|z|)) - log 2) with z = x/width (no overflow).
    The walls have slope c (the same as ``slope``), the floor is rounded over |x| < ~width.
    Minimum (0, 0), value 0; the gradient there is exactly (0, 0), so a fresh Adam started at the
    bottom never moves, while an Adam arriving with the state of a run down ``slope`` is carried
    past the bottom by its first moment.

    Checked: Adam run on ``slope`` from (4, 0) for 4/lr steps arrives at x = 4e-8, then on this
    valley with its state kept it swings to x = -0.61 (step 15) at lr 0.1 and x = -0.35
    (step 19) at lr 0.05 before settling back at 0; a fresh Adam at (0, 0) stays exactly there.
    From the default start (4, 0) Adam runs down the wall and overshoots the same way.
    """
    ln2 = float(np.log(2.0))
    cw = c * width
    inv = 1.0 / width
    cw_inv = c * inv

    def value_xy(x: Array, y: Array) -> Array:
        z = np.abs(x) * inv
        return cw * (z + np.log1p(np.exp(-2.0 * z)) - ln2) + (0.5 * ky) * (y * y)

    def grad_xy(x: Array, y: Array) -> tuple[Array, Array]:
        return c * np.tanh(x * inv), ky * y

    def hessian_xy(x: Array, y: Array) -> tuple[Array, Array, Array]:
        e = np.exp(-2.0 * np.abs(x) * inv)
        one_e = 1.0 + e
        return (4.0 * cw_inv) * e / (one_e * one_e), full_like(x, 0.0), full_like(x, ky)

    kwargs = {"c": c, "width": width, "ky": ky}
    return Landscape(
        name="u_valley",
        group="terrain",
        title={"en": "U-shaped valley", "zh": "U 形谷"},
        description={
            "en": "A U-shaped valley, bottom at the origin, walls as steep as the long slope.",
            "zh": "谷底在原点的 U 形谷，谷壁和长斜坡一样陡；带着动量冲进来的 Adam 会冲过谷底。",
        },
        formula=(
            f"f(x, y) = {_term(cw, '')}\\log\\cosh({_term(inv, 'x')}) + {_fmt(ky / 2)}\\,y^2"
        ),
        value_xy=value_xy,
        grad_xy=grad_xy,
        hessian_xy=hessian_xy,
        bounds=((-3.0, 5.0), (-2.0, 2.0)),
        starts=((4.0, 0.0), (0.0, 0.0)),
        minima=((0.0, 0.0),),
        minima_values=(0.0,),
        params=kwargs,
        factory=u_valley,
        factory_kwargs=kwargs,
    )
