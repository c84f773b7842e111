"""Tests for the landscapes package: one generic suite every landscape must pass, then facts.

The generic suite computes each quantity two ways and compares (micrograd style): the analytic
gradient against central differences of the value, the analytic Hessian against central
differences of the analytic gradient, the batch code path against the one-point code path. The
specific tests check the closed forms and the tuning the lessons rely on (phenomena.md), with a
tiny reference loop of the PyTorch rules (optimizer-semantics.md) so they do not depend on optim/.
"""

from __future__ import annotations

import dataclasses
import pickle
import re

import numpy as np
import pytest

import landscapes
from landscapes import (
    LANDSCAPES,
    Landscape,
    get_landscape,
    huber,
    quadratic,
    regression_data,
    ridge,
)

NAMES = list(LANDSCAPES)
REQUIRED = {
    "bowl", "ravine", "ravine_axis", "plateau", "saddle", "rosenbrock", "beale", "himmelblau",
    "rastrigin", "u_valley", "slope", "two_basin", "lj_wall", "ridge", "huber",
    "least_squares_line",
}
FD_STEP = 1e-6


def _points(ls: Landscape, n: int, seed: int) -> np.ndarray:
    """n points drawn uniformly from the landscape's default view (seeded)."""
    rng = np.random.default_rng(seed)
    (x0, x1), (y0, y1) = ls.bounds
    return np.column_stack([rng.uniform(x0, x1, n), rng.uniform(y0, y1, n)])


def _smooth_points(ls: Landscape, n: int, seed: int) -> np.ndarray:
    """Like _points, minus points within 1e-4 of a kink (Huber), where f is not C^2."""
    pts = _points(ls, n, seed)
    if ls.kink_distance_xy is not None:
        pts = pts[ls.kink_distance_xy(pts[:, 0], pts[:, 1]) > 1e-4]
    return pts


def _steps(pts: np.ndarray) -> np.ndarray:
    return FD_STEP * np.maximum(1.0, np.abs(pts))


def _fd_grad(ls: Landscape, pts: np.ndarray) -> np.ndarray:
    h = _steps(pts)
    x, y = pts[:, 0], pts[:, 1]
    gx = (ls.value_xy(x + h[:, 0], y) - ls.value_xy(x - h[:, 0], y)) / (2 * h[:, 0])
    gy = (ls.value_xy(x, y + h[:, 1]) - ls.value_xy(x, y - h[:, 1])) / (2 * h[:, 1])
    return np.column_stack([gx, gy])


def _fd_hessian(ls: Landscape, pts: np.ndarray) -> np.ndarray:
    """Column j is the central difference of the analytic gradient along coordinate j."""
    h = _steps(pts)
    x, y = pts[:, 0], pts[:, 1]
    dx = (ls.grad(np.column_stack([x + h[:, 0], y])) - ls.grad(np.column_stack([x - h[:, 0], y])))
    dy = (ls.grad(np.column_stack([x, y + h[:, 1]])) - ls.grad(np.column_stack([x, y - h[:, 1]])))
    return np.stack([dx / (2 * h[:, :1]), dy / (2 * h[:, 1:])], axis=-1)


# ---------------------------------------------------------------------------------------------
# The generic suite.


def test_registry_has_every_required_landscape_in_group_order() -> None:
    """All required keys are registered under their own name, terrain then test then data."""
    assert REQUIRED <= set(NAMES)
    for key, ls in LANDSCAPES.items():
        assert ls.name == key
    order = [landscapes.GROUPS.index(ls.group) for ls in LANDSCAPES.values()]
    assert order == sorted(order)


@pytest.mark.parametrize("name", NAMES)
def test_gradient_matches_central_differences(name: str) -> None:
    """grad f = lim (f(p + h e_i) - f(p - h e_i)) / 2h at 50 random points of the view.

    Central differences are accurate to O(h^2 f''') plus rounding eps |f| / h ~ 2e-10 |f| for
    h = 1e-6, so the tolerance is 1e-5 relative to |grad f| plus 1e-7 max(1, |f|): a gradient
    off by 0.1 % anywhere fails.
    """
    ls = get_landscape(name)
    pts = _smooth_points(ls, 50, seed=1)
    assert len(pts) >= 40
    g = ls.grad(pts)
    fd = _fd_grad(ls, pts)
    f = np.abs(ls.value(pts))[:, None]
    tol = 1e-5 * np.abs(g) + 1e-7 * np.maximum(1.0, f)
    assert np.all(np.abs(g - fd) <= tol), np.max(np.abs(g - fd) - tol)


@pytest.mark.parametrize("name", NAMES)
def test_hessian_matches_central_differences_of_gradient(name: str) -> None:
    """H_ij = d g_i / d x_j, by central differences of the analytic gradient at 50 points.

    Tolerance 1e-5 relative to the largest entry plus rounding 1e-7 max(1, |g|). The
    difference Hessian is also symmetric (d g_x / dy = d g_y / dx): the gradient field really is
    the gradient of something, which the analytic Hessian cannot show by itself.
    """
    ls = get_landscape(name)
    pts = _smooth_points(ls, 50, seed=2)
    hess = ls.hessian(pts)
    fd = _fd_hessian(ls, pts)
    scale = np.max(np.abs(hess), axis=(-2, -1))
    gmag = np.max(np.abs(ls.grad(pts)), axis=-1)
    tol = (1e-5 * scale + 1e-7 * np.maximum(1.0, gmag))[:, None, None]
    assert np.all(np.abs(hess - fd) <= tol), np.max(np.abs(hess - fd) - tol)
    asym = np.abs(fd[:, 0, 1] - fd[:, 1, 0])
    assert np.all(asym <= 2 * tol[:, 0, 0])


@pytest.mark.parametrize("name", NAMES)
def test_hessian_method_is_symmetric(name: str) -> None:
    """ls.hessian returns [[hxx, hxy], [hxy, hyy]] with exactly equal off-diagonal entries."""
    hess = get_landscape(name).hessian(_points(get_landscape(name), 20, seed=3))
    np.testing.assert_array_equal(hess, np.swapaxes(hess, -1, -2))


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("shape", [(), (7,), (3, 5)])
def test_wrappers_accept_any_leading_shape(name: str, shape: tuple[int, ...]) -> None:
    """value/grad/hessian on (..., 2) have shapes (...), (..., 2), (..., 2, 2) and equal the
    *_xy functions' outputs; the *_xy outputs have the shape of their inputs."""
    ls = get_landscape(name)
    n = int(np.prod(shape))
    xy = _points(ls, n, seed=4).reshape(*shape, 2)
    x, y = xy[..., 0], xy[..., 1]
    assert np.shape(ls.value(xy)) == shape
    assert ls.grad(xy).shape == (*shape, 2)
    assert ls.hessian(xy).shape == (*shape, 2, 2)
    np.testing.assert_array_equal(ls.value(xy), ls.value_xy(x, y))
    gx, gy = ls.grad_xy(x, y)
    assert np.shape(gx) == np.shape(gy) == shape
    np.testing.assert_array_equal(ls.grad(xy), np.stack([gx, gy], axis=-1))
    hxx, hxy, hyy = ls.hessian_xy(x, y)
    assert np.shape(hxx) == np.shape(hxy) == np.shape(hyy) == shape
    np.testing.assert_array_equal(ls.hessian(xy)[..., 0, 0], hxx)
    np.testing.assert_array_equal(ls.hessian(xy)[..., 0, 1], hxy)
    np.testing.assert_array_equal(ls.hessian(xy)[..., 1, 1], hyy)


@pytest.mark.parametrize("name", NAMES)
def test_listed_minima_are_minima(name: str) -> None:
    """At every listed minimum: |grad| < 1e-10, f equals the listed value (to 1e-12 relative),
    the Hessian is positive semidefinite, and no point on a ring of radius 1e-3 is lower."""
    ls = get_landscape(name)
    assert len(ls.minima) == len(ls.minima_values)
    ring = 1e-3 * np.column_stack(
        [np.cos(np.linspace(0, 2 * np.pi, 16, endpoint=False)),
         np.sin(np.linspace(0, 2 * np.pi, 16, endpoint=False))]
    )
    for m, v in zip(ls.minima, ls.minima_values, strict=True):
        p = np.array(m)
        assert np.max(np.abs(ls.grad(p))) < 1e-10, (m, ls.grad(p))
        assert abs(float(ls.value(p)) - v) <= 1e-12 * max(1.0, abs(v))
        eig = np.linalg.eigvalsh(ls.hessian(p))
        assert eig[0] >= -1e-9 * max(1.0, abs(eig[-1])), (m, eig)
        assert np.all(ls.value(p + ring) >= float(ls.value(p)) - 1e-12 * max(1.0, abs(v)))


@pytest.mark.parametrize("name", [n for n in NAMES if LANDSCAPES[n].saddles])
def test_listed_saddles_are_saddles(name: str) -> None:
    """At every listed saddle: |grad| < 1e-10 and the Hessian has eigenvalues of both signs."""
    ls = get_landscape(name)
    for s in ls.saddles:
        p = np.array(s)
        assert np.max(np.abs(ls.grad(p))) < 1e-10, (s, ls.grad(p))
        eig = np.linalg.eigvalsh(ls.hessian(p))
        assert eig[0] < -1e-6 < 1e-6 < eig[1], (s, eig)


@pytest.mark.parametrize("name", NAMES)
def test_record_is_well_formed(name: str) -> None:
    """Bounds ordered and finite; starts, minima and saddles inside the view; group valid; title,
    description in English and Chinese (with Chinese characters), formula non-empty; params are
    finite floats; the record is frozen."""
    ls = get_landscape(name)
    (x0, x1), (y0, y1) = ls.bounds
    assert np.isfinite([x0, x1, y0, y1]).all() and x0 < x1 and y0 < y1
    for p in (*ls.starts, *ls.minima, *ls.saddles):
        assert x0 <= p[0] <= x1 and y0 <= p[1] <= y1, p
    assert ls.start == ls.starts[0]
    assert ls.group in landscapes.GROUPS
    for field in (ls.title, ls.description):
        assert set(field) >= {"en", "zh"}
        assert field["en"].strip() and field["zh"].strip()
        assert re.search(r"[\u4e00-\u9fff]", field["zh"]), field["zh"]
        assert "\n" not in field["en"] + field["zh"]
    assert ls.formula.startswith("f(")
    assert all(isinstance(v, float) and np.isfinite(v) for v in ls.params.values())
    assert isinstance(ls.log_colors, bool)
    with pytest.raises(dataclasses.FrozenInstanceError):
        ls.name = "other"  # type: ignore[misc]


@pytest.mark.parametrize("name", NAMES)
def test_batch_and_single_point_are_bit_identical(name: str) -> None:
    """grad_xy (and value_xy) on a contiguous batch of 4096 points equal, element by element,
    the same functions on each point as a length-1 array (the engine relies on this)."""
    ls = get_landscape(name)
    pts = _points(ls, 4096, seed=5)
    x, y = np.ascontiguousarray(pts[:, 0]), np.ascontiguousarray(pts[:, 1])
    gx, gy = ls.grad_xy(x, y)
    f = ls.value_xy(x, y)
    one = [ls.grad_xy(x[i : i + 1], y[i : i + 1]) for i in range(len(x))]
    np.testing.assert_array_equal(gx, np.concatenate([o[0] for o in one]))
    np.testing.assert_array_equal(gy, np.concatenate([o[1] for o in one]))
    f1 = np.concatenate([ls.value_xy(x[i : i + 1], y[i : i + 1]) for i in range(len(x))])
    np.testing.assert_array_equal(f, f1)


@pytest.mark.parametrize("name", NAMES)
def test_factory_rebuilds_the_same_landscape(name: str) -> None:
    """with_params() with no change rebuilds an equal record with identical minima and values;
    an unknown parameter is refused with the accepted names; pickling round-trips (through
    the factory) to a landscape with the same gradients."""
    ls = get_landscape(name)
    again = ls.with_params()
    assert again == ls and hash(again) == hash(ls)
    assert again.minima == ls.minima and again.minima_values == ls.minima_values
    with pytest.raises(ValueError, match="accepted"):
        ls.with_params(no_such_parameter=1.0)
    clone = pickle.loads(pickle.dumps(ls))
    assert clone == ls
    pts = _points(ls, 10, seed=10)
    np.testing.assert_array_equal(clone.grad(pts), ls.grad(pts))


def test_get_landscape_unknown_name_lists_valid_names() -> None:
    with pytest.raises(ValueError) as info:
        get_landscape("no_such_landscape")
    for key in LANDSCAPES:
        assert key in str(info.value)


# ---------------------------------------------------------------------------------------------
# Specific facts.


def test_saddle_formula() -> None:
    """f = x^2 - y^2 + y^4/4: hand-computed values, gradient and Hessian; minima (0, ±√2) = -1."""
    ls = get_landscape("saddle")
    pts = np.array([[1.0, 2.0], [0.5, -1.0], [0.0, 0.0], [-2.0, 0.5]])
    np.testing.assert_allclose(ls.value(pts), [1.0, 0.25 - 1 + 0.25, 0.0, 4 - 0.25 + 0.015625])
    np.testing.assert_allclose(ls.grad(pts), [[2, 4], [1, 1], [0, 0], [-4, 0.125 - 1]])
    np.testing.assert_allclose(ls.hessian(np.array([0.3, 2.0])), [[2, 0], [0, 10]])
    assert set(ls.minima) == {(0.0, np.sqrt(2.0)), (0.0, -np.sqrt(2.0))}
    assert ls.minima_values == (-1.0, -1.0)
    assert ls.saddles == ((0.0, 0.0),)
    assert ls.start == (1.0, 1e-6)


def test_ridge_minimum_is_the_closed_form() -> None:
    """The listed minimum equals the ridge solution computed another way: least squares on the
    augmented system [A; sqrt(n lam/2) I] w = [b; 0]; the listed value equals the loss
    written directly from the data."""
    ls = get_landscape("ridge")
    p = ls.params
    a, b = regression_data(int(p["n"]), int(p["seed"]), p["true_w1"], p["true_w2"], p["noise"])
    n, lam = len(a), p["lam"]
    design = np.column_stack([a, np.ones(n)])
    aug = np.vstack([design, np.sqrt(n * lam / 2) * np.eye(2)])
    w, *_ = np.linalg.lstsq(aug, np.concatenate([b, [0.0, 0.0]]), rcond=None)
    np.testing.assert_allclose(ls.minima[0], w, rtol=1e-12, atol=1e-12)
    direct = np.mean((design @ w - b) ** 2) + lam / 2 * (w @ w)
    assert ls.minima_values[0] == pytest.approx(direct, rel=1e-12)
    pts = _points(ls, 20, seed=6)
    direct_f = np.mean((pts @ design.T - b) ** 2, axis=1) + lam / 2 * np.sum(pts**2, axis=1)
    np.testing.assert_allclose(ls.value(pts), direct_f, rtol=1e-12)


def test_huber_against_a_loop_over_the_data() -> None:
    """The Huber value and gradient equal a plain loop over the data points, and the listed
    minimum has zero gradient by that loop too."""
    ls = get_landscape("huber")
    p = ls.params
    a, b = regression_data(int(p["n"]), int(p["seed"]), p["true_w1"], p["true_w2"], p["noise"],
                           int(p["n_outliers"]), p["outlier_shift"])
    delta = p["delta"]

    def loop(w1: float, w2: float) -> tuple[float, float, float]:
        f = g1 = g2 = 0.0
        for ai, bi in zip(a, b, strict=True):
            r = w1 * ai + w2 - bi
            f += 0.5 * r * r if abs(r) <= delta else delta * (abs(r) - 0.5 * delta)
            psi = min(max(r, -delta), delta)
            g1 += psi * ai
            g2 += psi
        return f / len(a), g1 / len(a), g2 / len(a)

    for q in [*_points(ls, 10, seed=7), np.array(ls.minima[0])]:
        f, g1, g2 = loop(*q)
        assert float(ls.value(q)) == pytest.approx(f, rel=1e-12)
        np.testing.assert_allclose(ls.grad(q), [g1, g2], rtol=1e-10, atol=1e-13)
    assert max(abs(v) for v in loop(*ls.minima[0])[1:]) < 1e-12


def test_huber_minimiser_is_closer_to_truth_than_least_squares() -> None:
    """Lesson 25: with outliers, argmin Huber is nearer the true weights than argmin squared
    loss; the stored squared-loss minimiser is the OLS solution of the same data, and it is the
    minimum of ridge(lam=0) on the same data."""
    ls = get_landscape("huber")
    p = ls.params
    truth = np.array([p["true_w1"], p["true_w2"]])
    ols = np.array([p["ols_w1"], p["ols_w2"]])
    a, b = regression_data(int(p["n"]), int(p["seed"]), p["true_w1"], p["true_w2"], p["noise"],
                           int(p["n_outliers"]), p["outlier_shift"])
    w, *_ = np.linalg.lstsq(np.column_stack([a, np.ones_like(a)]), b, rcond=None)
    np.testing.assert_allclose(ols, w, rtol=1e-10)
    d_huber = np.linalg.norm(np.array(ls.minima[0]) - truth)
    d_ols = np.linalg.norm(ols - truth)
    assert d_huber < 0.5 * d_ols, (d_huber, d_ols)
    sq = ridge(lam=0.0, n_outliers=int(p["n_outliers"]), outlier_shift=p["outlier_shift"])
    np.testing.assert_allclose(sq.minima[0], ols, rtol=1e-10)
    # A huge delta turns Huber into half the squared loss, minimised at OLS.
    np.testing.assert_allclose(huber(delta=1e6).minima[0], ols, rtol=1e-8)


def test_huber_hessian_is_exact_away_from_kinks_and_jumps_across_them() -> None:
    """Away from |r_i| = delta the Hessian is constant on a piece; crossing a kink changes it."""
    ls = get_landscape("huber")
    m = np.array(ls.minima[0])
    kd = float(ls.kink_distance_xy(m[0:1], m[1:2])[0])
    assert kd > 0
    inside = m + np.array([0.5 * kd, 0.0])
    np.testing.assert_array_equal(ls.hessian(m), ls.hessian(inside))


def test_least_squares_line() -> None:
    """f = (x + 2y - 1)^2: both listed minima lie on x + 2y = 1 with f = 0; (0.2, 0.4) is the
    pseudo-inverse (minimum-norm) solution and no point of the line is shorter; the Hessian is
    the singular [[2, 4], [4, 8]]."""
    ls = get_landscape("least_squares_line")
    assert ls.minima[0] == (0.2, 0.4)
    assert ls.minima[1] == pytest.approx((1 / 3, 1 / 3), abs=1e-15)
    for m in ls.minima:
        assert m[0] + 2 * m[1] == pytest.approx(1.0, abs=1e-15)
    np.testing.assert_allclose(np.linalg.pinv(np.array([[1.0, 2.0]])) @ [1.0], ls.minima[0])
    t = np.linspace(-3, 3, 6001)
    line = np.column_stack([1 - 2 * t, t])
    assert np.all(np.linalg.norm(line, axis=1) >= np.hypot(0.2, 0.4) - 1e-15)
    np.testing.assert_allclose(ls.value(line), 0.0, atol=1e-24)
    h = ls.hessian(np.array(ls.minima[0]))
    np.testing.assert_array_equal(h, [[2.0, 4.0], [4.0, 8.0]])
    assert abs(np.linalg.det(h)) < 1e-12
    assert ls.start == (0.0, 0.0)


def test_quadratic_factory() -> None:
    """quadratic(hx, hy, angle, center): Hessian eigenpairs (hx along the angle, hy across),
    minimum at the centre with f = 0, and the special cases the lessons use."""
    q = quadratic(3.0, 0.5, angle_deg=40.0, center=(1.0, -2.0))
    h = q.hessian(np.array([0.3, 0.7]))
    th = np.deg2rad(40.0)
    u = np.array([np.cos(th), np.sin(th)])
    v = np.array([-np.sin(th), np.cos(th)])
    np.testing.assert_allclose(h @ u, 3.0 * u, atol=1e-14)
    np.testing.assert_allclose(h @ v, 0.5 * v, atol=1e-14)
    assert q.minima == ((1.0, -2.0),) and q.value(np.array([1.0, -2.0])) == 0.0
    d = np.array([0.4, -0.3])
    assert float(q.value(np.array([1.0, -2.0]) + d)) == pytest.approx(0.5 * d @ h @ d, rel=1e-14)

    # Lesson 16 and 23: f = h/2 x^2, and the y-gradient is exactly zero everywhere.
    flat_y = quadratic(2.5, 0.0)
    pts = _points(flat_y, 100, seed=8)
    assert np.all(flat_y.grad(pts)[:, 1] == 0.0)
    np.testing.assert_allclose(flat_y.value(pts), 1.25 * pts[:, 0] ** 2, rtol=1e-15)

    # Lesson 17: a bowl centred at (5, 5) whose view contains the origin.
    b55 = quadratic(2.0, 2.0, center=(5.0, 5.0))
    np.testing.assert_allclose(b55.grad(np.array([0.0, 0.0])), [-10.0, -10.0])
    (x0, x1), (y0, y1) = b55.bounds
    assert x0 < 0 < 5 < x1 and y0 < 0 < 5 < y1

    # The registry's quadratics.
    bowl, ravine, axis = (get_landscape(k) for k in ("bowl", "ravine", "ravine_axis"))
    assert bowl.value(np.array([1.0, 2.0])) == 5.0
    for r in (ravine, axis):
        eig = np.linalg.eigvalsh(r.hessian(np.zeros(2)))
        assert 50 <= eig[1] / eig[0] <= 100
    assert 30 <= ravine.params["angle_deg"] <= 45 and axis.params["angle_deg"] == 0
    np.testing.assert_allclose(axis.grad(np.array([1.0, 1.0])), [0.1, 10.0])

    assert quadratic(1, 1).with_params(center=(2.0, 3.0)).minima == ((2.0, 3.0),)
    with pytest.raises(ValueError, match="hy"):
        quadratic(1.0, -1.0)


def test_two_basin_has_a_sharp_and_a_flat_minimum() -> None:
    """Lesson 5 needs two minima whose Hessian traces differ a lot (sharp vs flat) and a saddle
    on the ridge between them."""
    ls = get_landscape("two_basin")
    sharp, flat = (np.trace(ls.hessian(np.array(m))) for m in ls.minima)
    assert sharp > 20 * flat > 0
    assert ls.minima[0][0] < ls.saddles[0][0] < ls.minima[1][0]


def test_lj_wall_explodes_near_the_wall() -> None:
    """Lesson 6: one gradient step at lr 2e-3 from the default start lands beyond x = 1e6; the
    minimum is (sigma, 0) with value -epsilon; f is not finite at x = 0."""
    ls = get_landscape("lj_wall")
    g = ls.grad(np.array(ls.start))
    assert ls.start[0] - 2e-3 * g[0] > 1e6
    assert ls.minima == ((1.0, 0.0),) and ls.minima_values == (-1.0,)
    with np.errstate(divide="ignore", invalid="ignore"):
        assert not np.isfinite(ls.value(np.array([0.0, 0.0])))


def test_slope_and_u_valley_fit_together() -> None:
    """Lesson 13: the slope's x-gradient is the constant c everywhere; the valley bottom is the
    origin with gradient exactly (0, 0); the valley walls approach the slope's gradient."""
    sl, uv = get_landscape("slope"), get_landscape("u_valley")
    pts = _points(sl, 50, seed=9)
    assert np.all(sl.grad(pts)[:, 0] == sl.params["c"])
    assert np.all(uv.grad(np.zeros(2)) == 0.0)
    assert uv.minima == ((0.0, 0.0),)
    far = uv.grad(np.array([40.0, 0.0]))[0]
    assert far == pytest.approx(sl.params["c"], rel=1e-12)
    assert sl.start[0] > 0 and sl.start[1] == 0.0
    # log cosh written without overflow: finite far out on the wall.
    assert np.isfinite(uv.value(np.array([1e4, 0.0])))


def test_plateau_is_nearly_flat_at_the_start() -> None:
    """Lesson 2: at the default start the gradient is ~100x smaller than the well's curvature
    scale, and the only minimum is the origin."""
    ls = get_landscape("plateau")
    assert np.linalg.norm(ls.grad(np.array(ls.start))) < 0.02
    assert np.linalg.eigvalsh(ls.hessian(np.zeros(2)))[0] > 0.9
    assert ls.minima == ((0.0, 0.0),)


def test_rastrigin_and_himmelblau_minima() -> None:
    """Rastrigin lists the global minimum (0, 0) = 0 and the 8 around it, all higher; Himmelblau
    lists 4 distinct zeros including (3, 2)."""
    r = get_landscape("rastrigin")
    assert len(r.minima) == 9 and r.minima[0] == (0.0, 0.0) and r.minima_values[0] == 0.0
    assert all(v > 0.9 for v in r.minima_values[1:])
    hm = get_landscape("himmelblau")
    assert len(set(hm.minima)) == 4 and (3.0, 2.0) in hm.minima
    assert len(hm.saddles) == 4
