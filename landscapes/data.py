"""Losses of a small regression problem (group "data"): the weights (w1, w2) are the app's (x, y).

The data set is synthetic and seeded (``numpy.random.default_rng``), generated at import, never
downloaded: n points a_i ~ U(0, 3) with targets b_i = w1_true a_i + w2_true + noise, optionally
with a few gross outliers (the highest-leverage points pushed up by ``outlier_shift``). The model
is the line b = w1 a + w2, so the residual of point i at (x, y) = (w1, w2) is r_i = a_i x + y - b_i.

Bit-identity: the squared losses are stored as the coefficients of their quadratic form (plain
floats), and the Huber loss sums over the data along the last axis of an (..., n) array, which
NumPy reduces row by row, so a point gives the same bits alone or in a batch.
"""

from __future__ import annotations

import numpy as np

from .base import Array, Landscape, full_like, value_at

DATA_SEED = 20240607
N_POINTS = 40
TRUE_W = (2.0, -1.0)
NOISE = 0.3


def regression_data(
    n: int = N_POINTS,
    seed: int = DATA_SEED,
    true_w1: float = TRUE_W[0],
    true_w2: float = TRUE_W[1],
    noise: float = NOISE,
    n_outliers: int = 0,
    outlier_shift: float = 8.0,
) -> tuple[Array, Array]:
    """The synthetic data set (a, b): a_i ~ U(0, 3), b_i = w1 a_i + w2 + noise N(0, 1).

    With ``n_outliers`` > 0 the targets of the points with the largest a_i (the ones with most
    leverage on the slope) are raised by ``outlier_shift``. Same arguments, same arrays.
    """
    rng = np.random.default_rng(seed)
    a = rng.uniform(0.0, 3.0, size=n)
    b = true_w1 * a + true_w2 + noise * rng.standard_normal(n)
    if n_outliers:
        idx = np.argsort(a)[-n_outliers:]
        b[idx] += outlier_shift
    return a, b


def _data_bounds(*points: tuple[float, float], margin: float = 1.5) -> tuple[
    tuple[float, float], tuple[float, float]
]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (
        (float(np.floor(min(xs) - margin)), float(np.ceil(max(xs) + margin))),
        (float(np.floor(min(ys) - margin)), float(np.ceil(max(ys) + margin))),
    )


def _least_squares(a: Array, b: Array, lam: float) -> tuple[float, float]:
    """Minimiser of mean((a w1 + w2 - b)^2) + lam/2 |w|^2 via the normal equations."""
    design = np.column_stack([a, np.ones_like(a)])
    n = len(a)
    h = (2.0 / n) * design.T @ design + lam * np.eye(2)
    g = (2.0 / n) * design.T @ b
    w = np.linalg.solve(h, g)
    return float(w[0]), float(w[1])


def ridge(
    lam: float = 0.1,
    n: int = N_POINTS,
    seed: int = DATA_SEED,
    true_w1: float = TRUE_W[0],
    true_w2: float = TRUE_W[1],
    noise: float = NOISE,
    n_outliers: int = 0,
    outlier_shift: float = 8.0,
) -> Landscape:
    """Ridge regression on the synthetic line data (lesson 24).

    f(w1, w2) = (1/n) sum_i (w1 a_i + w2 - b_i)^2 + lam/2 (w1^2 + w2^2).

    A quadratic: Hessian H = (2/n) A^T A + lam I (A = [a, 1]), minimiser the closed form
    w* = H^{-1} (2/n) A^T b, computed with numpy.linalg.solve at import and listed as the minimum.
    With the defaults (true weights (2, -1), 40 points) H has condition number ~18, so the
    level sets are tilted ellipses. Adam from (0, 0) reaches w* (lesson 24).
    ``ridge(lam=0, n_outliers=4)`` is the plain squared loss on the Huber lesson's data.
    """
    a, b = regression_data(n, seed, true_w1, true_w2, noise, n_outliers, outlier_shift)
    inv_n = 1.0 / n
    hxx = 2.0 * inv_n * float(np.sum(a * a)) + lam
    hxy = 2.0 * inv_n * float(np.sum(a))
    hyy = 2.0 + lam
    gx0 = 2.0 * inv_n * float(np.sum(a * b))
    gy0 = 2.0 * inv_n * float(np.sum(b))
    c0 = inv_n * float(np.sum(b * b))

    def grad_xy(x: Array, y: Array) -> tuple[Array, Array]:
        return hxx * x + hxy * y - gx0, hxy * x + hyy * y - gy0

    def value_xy(x: Array, y: Array) -> Array:
        gx, gy = grad_xy(x, y)
        return 0.5 * (x * (gx - gx0) + y * (gy - gy0)) + c0

    def hessian_xy(x: Array, y: Array) -> tuple[Array, Array, Array]:
        return full_like(x, hxx), full_like(x, hxy), full_like(x, hyy)

    w_star = _least_squares(a, b, lam)
    kwargs = {
        "lam": lam, "n": n, "seed": seed, "true_w1": true_w1, "true_w2": true_w2,
        "noise": noise, "n_outliers": n_outliers, "outlier_shift": outlier_shift,
    }
    return Landscape(
        name="ridge",
        group="data",
        title={"en": "Ridge regression", "zh": "岭回归"},
        description={
            "en": "Squared error of a line fit plus an L2 penalty; the minimum is in closed form.",
            "zh": "直线拟合的均方误差加上 L2 正则项，最优解有闭式解，正好拿来核对优化结果。",
        },
        formula=(
            "f(w_1, w_2) = \\frac{1}{n}\\sum_{i=1}^{n}(w_1 a_i + w_2 - b_i)^2"
            f" + \\frac{{{lam:g}}}{{2}}(w_1^2 + w_2^2),\\quad n = {n},\\ (x, y) = (w_1, w_2)"
        ),
        value_xy=value_xy,
        grad_xy=grad_xy,
        hessian_xy=hessian_xy,
        bounds=_data_bounds((0.0, 0.0), w_star, (true_w1, true_w2)),
        starts=((0.0, 0.0), (-0.5, 1.5)),
        minima=(w_star,),
        minima_values=(value_at(value_xy, w_star),),
        params=kwargs,
        factory=ridge,
        factory_kwargs=kwargs,
    )


def _huber_minimise(a: Array, b: Array, delta: float, start: tuple[float, float]) -> np.ndarray:
    """Minimise (1/n) sum huber_delta(a_i w1 + w2 - b_i) by damped Newton on the exact gradient.

    The loss is piecewise quadratic, so Newton with the active-set Hessian is exact within one
    piece and the backtracking (halving) keeps every step a descent step. Converges to a
    gradient max-norm below 1e-12 (checked; raises otherwise).
    """
    design = np.column_stack([a, np.ones_like(a)])
    n = len(a)

    def loss(w: np.ndarray) -> float:
        ar = np.abs(design @ w - b)
        q = np.minimum(ar, delta)
        return float(np.sum(q * (ar - 0.5 * q)) / n)

    w = np.array(start, dtype=np.float64)
    for _ in range(200):
        r = design @ w - b
        g = design.T @ np.clip(r, -delta, delta) / n
        if np.max(np.abs(g)) < 1e-12:
            return w
        inside = (np.abs(r) < delta).astype(np.float64)
        h = (design.T * inside) @ design / n + 1e-12 * np.eye(2)
        step = np.linalg.solve(h, g)
        f0, t = loss(w), 1.0
        while loss(w - t * step) > f0 and t > 1e-12:
            t *= 0.5
        w = w - t * step
    raise RuntimeError("Huber minimisation did not converge")


def huber(
    delta: float = 1.0,
    n: int = N_POINTS,
    seed: int = DATA_SEED,
    true_w1: float = TRUE_W[0],
    true_w2: float = TRUE_W[1],
    noise: float = NOISE,
    n_outliers: int = 4,
    outlier_shift: float = 8.0,
) -> Landscape:
    """Huber regression on the line data with gross outliers (lesson 25).

    f(w1, w2) = (1/n) sum_i rho(w1 a_i + w2 - b_i),
    rho(r) = r^2/2 for |r| <= delta, delta (|r| - delta/2) otherwise.

    The gradient (1/n) sum clip(r_i, -delta, delta) (a_i, 1) is exact everywhere; the Hessian
    (1/n) sum_{|r_i| < delta} (a_i, 1)(a_i, 1)^T is exact away from the kinks |r_i| = delta
    (lines in the plane; ``kink_distance_xy`` gives the distance to the nearest one) and jumps
    across them. The minimum is found at import by damped Newton from the squared-loss solution,
    to gradient < 1e-12. ``params`` also holds the squared-loss (OLS) minimiser on the same data
    (ols_w1, ols_w2) and the true weights: with the defaults the Huber minimiser is about
    4x closer to the truth than OLS (distance 0.56 against 2.47), which
    the 4 outliers drag away.
    With a huge delta the loss is half the mean squared error, minimised at OLS.
    """
    a, b = regression_data(n, seed, true_w1, true_w2, noise, n_outliers, outlier_shift)
    inv_n = 1.0 / n
    a_row = a.copy()
    b_row = b.copy()
    a2_row = a * a
    norms = np.sqrt(a * a + 1.0)

    def residual(x: Array, y: Array) -> Array:
        # r[..., i] = (a_i x + y) - b_i as a fresh (..., n) array the callers may overwrite;
        # in-place updates keep the hot loop to one large temporary.
        r = np.multiply(np.asarray(x, dtype=np.float64)[..., None], a_row)
        r += np.asarray(y, dtype=np.float64)[..., None]
        r -= b_row
        return r

    def value_xy(x: Array, y: Array) -> Array:
        ar = np.abs(residual(x, y))
        q = np.minimum(ar, delta)
        ar -= 0.5 * q
        ar *= q
        return np.sum(ar, axis=-1) * inv_n

    def grad_xy(x: Array, y: Array) -> tuple[Array, Array]:
        psi = residual(x, y)
        np.clip(psi, -delta, delta, out=psi)
        gy = np.sum(psi, axis=-1) * inv_n
        psi *= a_row
        return np.sum(psi, axis=-1) * inv_n, gy

    def hessian_xy(x: Array, y: Array) -> tuple[Array, Array, Array]:
        inside = (np.abs(residual(x, y)) < delta).astype(np.float64)
        return (
            np.sum(inside * a2_row, axis=-1) * inv_n,
            np.sum(inside * a_row, axis=-1) * inv_n,
            np.sum(inside, axis=-1) * inv_n,
        )

    def kink_distance_xy(x: Array, y: Array) -> Array:
        return np.min(np.abs(np.abs(residual(x, y)) - delta) / norms, axis=-1)

    ols = _least_squares(a, b, 0.0)
    w_h = _huber_minimise(a, b, delta, ols)
    w_star = (float(w_h[0]), float(w_h[1]))
    kwargs = {
        "delta": delta, "n": n, "seed": seed, "true_w1": true_w1, "true_w2": true_w2,
        "noise": noise, "n_outliers": n_outliers, "outlier_shift": outlier_shift,
    }
    return Landscape(
        name="huber",
        group="data",
        title={"en": "Huber regression with outliers", "zh": "带离群点的 Huber 回归"},
        description={
            "en": "A line fit with a few gross outliers; Huber loss lets them pull only linearly.",
            "zh": "数据里混进了几个离群点；Huber 损失对大残差只按线性计，被离群点带偏得少得多。",
        },
        formula=(
            "f(w_1, w_2) = \\frac{1}{n}\\sum_{i=1}^{n}\\rho(w_1 a_i + w_2 - b_i),\\ "
            "\\rho(r) = \\begin{cases} r^2/2 & |r| \\le \\delta \\\\ "
            "\\delta(|r| - \\delta/2) & |r| > \\delta \\end{cases},"
            f"\\quad \\delta = {delta:g},\\ n = {n},\\ (x, y) = (w_1, w_2)"
        ),
        value_xy=value_xy,
        grad_xy=grad_xy,
        hessian_xy=hessian_xy,
        bounds=_data_bounds((0.0, 0.0), w_star, ols, (true_w1, true_w2)),
        starts=((0.0, 0.0), (-0.5, 1.5)),
        minima=(w_star,),
        minima_values=(value_at(value_xy, w_star),),
        params={**kwargs, "ols_w1": ols[0], "ols_w2": ols[1]},
        factory=huber,
        factory_kwargs=kwargs,
        kink_distance_xy=kink_distance_xy,
    )


def least_squares_line() -> Landscape:
    """One equation, two unknowns: f = (x + 2y - 1)^2 (lesson 15, implicit bias).

    Every point of the line x + 2y = 1 is a minimum (value 0); the Hessian [[2, 4], [4, 8]] is
    singular. Listed: the minimum-norm solution (0.2, 0.4), where gradient descent from the
    origin ends (its steps are all multiples of (1, 2)), and (1/3, 1/3), where Adam from the
    origin ends (its first-moment/second-moment ratio is the same in both coordinates, so it
    moves along the diagonal).
    """

    def value_xy(x: Array, y: Array) -> Array:
        r = x + 2.0 * y - 1.0
        return r * r

    def grad_xy(x: Array, y: Array) -> tuple[Array, Array]:
        g = 2.0 * (x + 2.0 * y - 1.0)
        return g, 2.0 * g

    def hessian_xy(x: Array, y: Array) -> tuple[Array, Array, Array]:
        return full_like(x, 2.0), full_like(x, 4.0), full_like(x, 8.0)

    return Landscape(
        name="least_squares_line",
        group="data",
        title={"en": "A line of minima", "zh": "一整条线上的最小值"},
        description={
            "en": "Every point of x + 2y = 1 is a minimum; (0.2, 0.4) is nearest the origin.",
            "zh": (
                "直线 x + 2y = 1 上处处都是最小值；离原点最近的是 (0.2, 0.4)，"
                "(1/3, 1/3) 也在这条线上。"
            ),
        },
        formula="f(w_1, w_2) = (w_1 + 2 w_2 - 1)^2,\\quad (x, y) = (w_1, w_2)",
        value_xy=value_xy,
        grad_xy=grad_xy,
        hessian_xy=hessian_xy,
        bounds=((-0.5, 1.0), (-0.5, 1.0)),
        starts=((0.0, 0.0), (0.8, -0.3)),
        minima=((0.2, 0.4), (1.0 / 3.0, 1.0 / 3.0)),
        minima_values=(0.0, 0.0),
        params={},
        factory=least_squares_line,
        factory_kwargs={},
    )
