"""Properties of the rules that hold for whole families of inputs (hypothesis, bounded).

Each test states the identity it checks; they follow from the rules of
optimizer-semantics.md and from the phenomena the app teaches (phenomena.md 9-18).
"""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from reference_rules import OPTIMIZER_NAMES, Quadratic, Rosen, XOnly

from optim import simulate

FAST = settings(max_examples=25, deadline=None, derandomize=True)

coord = st.floats(-2.0, 2.0, allow_nan=False, allow_infinity=False)
starts = st.tuples(coord, coord)
log_scale = st.floats(-3.0, 3.0).map(lambda e: 10.0**e)
beta = st.floats(0.0, 0.999)
small_lr = st.floats(1e-4, 5e-2)

BOWL = Quadratic(a=1.0, b=8.0, c=1.5, center=(0.3, -0.2))
ROSEN = Rosen(1.0, 10.0)


def _nonzero_grad(ls, start, tol=1e-3):
    g = ls.grad(np.asarray(start, dtype=float))
    return bool(np.all(np.abs(g) > tol))


# --- scale invariance (phenomenon 12) ---------------------------------------------------------


@FAST
@given(start=starts, c=log_scale, lr=small_lr, land=st.sampled_from(["bowl", "rosen"]))
def test_adam_path_invariant_to_loss_scale(start, c, lr, land):
    """Loss times c (gradient times c): m -> c m, sqrt(v) -> c sqrt(v), so with eps = 0 Adam's
    step m_hat/sqrt(v_hat) and path are unchanged (rtol 1e-9 over 40 steps)."""
    ls = BOWL if land == "bowl" else ROSEN
    assume(_nonzero_grad(ls, start))
    base = simulate(ls, "adam", start, 40, lr=lr, eps=0.0)
    scaled = simulate(ls, "adam", start, 40, lr=lr, eps=0.0, loss_scale=c)
    assert base.diverged_at[0] == -1 and scaled.diverged_at[0] == -1
    np.testing.assert_allclose(scaled.positions, base.positions, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(scaled.losses, c * base.losses, rtol=1e-9, atol=1e-12 * c)


@FAST
@given(start=starts, c=st.sampled_from([1e-3, 0.01, 0.2, 5.0, 50.0]))
def test_gradient_descent_path_changes_with_loss_scale(start, c):
    """Plain GD's step is lr * c * g: scaling the loss changes the path (or makes it diverge)."""
    assume(_nonzero_grad(BOWL, start))
    base = simulate(BOWL, "sgd", start, 20, lr=0.05)
    scaled = simulate(BOWL, "sgd", start, 20, lr=0.05, loss_scale=c)
    d1 = base.positions[1, 0] - base.positions[0, 0]
    d1s = scaled.positions[1, 0] - scaled.positions[0, 0]
    np.testing.assert_allclose(d1s, c * d1, rtol=1e-9, atol=1e-15)
    assert not np.allclose(scaled.positions, base.positions, rtol=1e-6, equal_nan=True)


@FAST
@given(start=starts, sx=log_scale, sy=log_scale, lr=small_lr)
def test_adam_path_invariant_to_per_coordinate_grad_scale(start, sx, sy, lr):
    """grad_scale (sx, sy): each coordinate's m and sqrt(v) scale by its own factor, so with
    eps = 0 Adam's path is unchanged (rtol 1e-9)."""
    assume(_nonzero_grad(ROSEN, start))
    base = simulate(ROSEN, "adam", start, 40, lr=lr, eps=0.0)
    scaled = simulate(ROSEN, "adam", start, 40, lr=lr, eps=0.0, grad_scale=(sx, sy))
    np.testing.assert_allclose(scaled.positions, base.positions, rtol=1e-9, atol=1e-12)


# --- weight decay (phenomena 16-18) -----------------------------------------------------------


@FAST
@given(y0=st.floats(0.1, 5.0), lr=small_lr, lam=st.floats(0.0, 5.0), x0=coord)
def test_adamw_zero_gradient_coordinate_shrinks_geometrically(y0, lr, lam, x0):
    """AdamW, f = (x-1)^2 (y has zero gradient): y_t = y_0 (1 - lr*lambda)^t (rtol 1e-12)."""
    traj = simulate(XOnly(), "adamw", (x0, y0), 60, lr=lr, weight_decay=lam)
    y = traj.positions[:, 0, 1]
    np.testing.assert_allclose(y, y0 * (1.0 - lr * lam) ** np.arange(61), rtol=1e-12)


@FAST
@given(y0=st.floats(0.1, 5.0), lr=small_lr, lam=st.floats(0.01, 5.0))
def test_lr_lambda_law(y0, lr, lam):
    """Halving lr and doubling lambda keeps 1 - lr*lambda: AdamW's zero-gradient coordinate
    follows the same path, bit for bit (the products are equal exactly)."""
    a = simulate(XOnly(), "adamw", (0.0, y0), 50, lr=lr, weight_decay=lam)
    b = simulate(XOnly(), "adamw", (0.0, y0), 50, lr=lr / 2, weight_decay=lam * 2)
    np.testing.assert_array_equal(a.positions[:, 0, 1], b.positions[:, 0, 1])


@FAST
@given(y0=st.floats(0.5, 5.0), lam=st.floats(1e-3, 10.0), lr=st.floats(1e-3, 1e-2))
def test_adam_l2_moves_zero_gradient_coordinate_by_about_lr(y0, lam, lr):
    """Adam + coupled L2 on a zero-gradient coordinate: g = lambda*y, so the first step is
    lr * g/(|g| + eps), about lr whatever lambda is; plain Adam never moves it."""
    traj = simulate(XOnly(), "adam", (0.0, y0), 1, lr=lr, weight_decay=lam)
    g = lam * y0
    np.testing.assert_allclose(y0 - traj.positions[1, 0, 1], lr * g / (g + 1e-8), rtol=1e-12)
    plain = simulate(XOnly(), "adam", (0.0, y0), 30, lr=lr)
    assert (plain.positions[:, 0, 1] == y0).all()


# --- Adam's internals (phenomena 9, 10) -------------------------------------------------------


@FAST
@given(start=starts, b2=beta, lr=small_lr, eps=st.floats(1e-8, 1e-2),
       land=st.sampled_from(["bowl", "rosen"]))
def test_adam_beta1_zero_no_correction_is_rmsprop(start, b2, lr, eps, land):
    """Adam with beta1 = 0 and bias_correction=False: m = g, denom = sqrt(v) + eps, so it is
    RMSprop with alpha = beta2, same lr and eps (rtol 1e-10 over 50 steps)."""
    ls = BOWL if land == "bowl" else ROSEN
    adam = simulate(ls, "adam", start, 50, lr=lr, beta1=0.0, beta2=b2, eps=eps,
                    bias_correction=False)
    rms = simulate(ls, "rmsprop", start, 50, lr=lr, beta2=b2, eps=eps)
    assert adam.diverged_at[0] == rms.diverged_at[0] == -1
    np.testing.assert_allclose(adam.positions, rms.positions, rtol=1e-10, atol=1e-13)


@FAST
@given(start=starts, b1=beta, b2=beta, lr=small_lr, land=st.sampled_from(["bowl", "rosen"]))
def test_first_adam_step_is_lr_times_sign(start, b1, b2, lr, land):
    """Corrected: m_hat_1 = g, v_hat_1 = g^2, so step 1 = lr * g/(|g| + eps) = lr*sign(g) up to
    eps. Uncorrected, the ratio to it is (1 - beta1)/sqrt(1 - beta2) exactly when eps = 0."""
    ls = BOWL if land == "bowl" else ROSEN
    assume(_nonzero_grad(ls, start))
    g = ls.grad(np.asarray(start, dtype=float))
    on = simulate(ls, "adam", start, 1, lr=lr, beta1=b1, beta2=b2)
    step = on.positions[1, 0] - on.positions[0, 0]
    np.testing.assert_allclose(step, -lr * g / (np.abs(g) + 1e-8), rtol=1e-9)
    np.testing.assert_allclose(np.abs(step), lr, rtol=1e-5)
    on0 = simulate(ls, "adam", start, 1, lr=lr, beta1=b1, beta2=b2, eps=0.0)
    off0 = simulate(ls, "adam", start, 1, lr=lr, beta1=b1, beta2=b2, eps=0.0,
                    bias_correction=False)
    ratio = (off0.positions[1, 0] - off0.positions[0, 0]) / (on0.positions[1, 0] - start)
    np.testing.assert_allclose(ratio, (1 - b1) / np.sqrt(1 - b2), rtol=1e-9)


def test_bias_correction_ratio_for_defaults_is_3_162():
    """For beta1 = 0.9, beta2 = 0.999 the uncorrected first step is 3.162 times the corrected
    one (phenomenon 10: too large, not 0.316)."""
    on = simulate(BOWL, "adam", (1.0, 1.0), 1, lr=1e-3, eps=0.0)
    off = simulate(BOWL, "adam", (1.0, 1.0), 1, lr=1e-3, eps=0.0, bias_correction=False)
    ratio = (off.positions[1, 0] - off.positions[0, 0]) / (on.positions[1, 0] - on.positions[0, 0])
    np.testing.assert_allclose(ratio, [0.1 / np.sqrt(0.001)] * 2, rtol=1e-12)
    assert round(float(ratio[0]), 3) == 3.162


@FAST
@given(start=starts, mu=st.floats(0.0, 0.99), damp=st.floats(0.0, 1.0), lr=small_lr)
def test_momentum_first_buffer_is_raw_gradient(start, mu, damp, lr):
    """SGD momentum: b_1 = g_1 (no dampening on step 1), b_2 = mu*b_1 + (1-damp)*g_2."""
    assume(mu > 0)
    traj = simulate(BOWL, "momentum", start, 2, lr=lr, momentum=mu, dampening=damp,
                    record=("state", "grads"))
    g1, g2 = traj.grads[1, 0], traj.grads[2, 0]
    np.testing.assert_array_equal(g1, BOWL.grad(np.asarray(start, dtype=float)))
    np.testing.assert_array_equal(traj.state["m"][1, 0], g1)
    np.testing.assert_allclose(traj.positions[1, 0], np.asarray(start) - lr * g1, rtol=1e-15,
                               atol=1e-15)
    np.testing.assert_allclose(traj.state["m"][2, 0], mu * g1 + (1 - damp) * g2, rtol=1e-12,
                               atol=1e-14)


@FAST
@given(start=starts, lr=small_lr, b1=beta, b2=beta)
def test_lion_moves_exactly_lr_per_coordinate(start, lr, b1, b2):
    """Lion without decay: theta -= lr * sign(.), so every coordinate moves by exactly lr or 0."""
    traj = simulate(ROSEN, "lion", start, 30, lr=lr, beta1=b1, beta2=b2)
    d = np.abs(np.diff(traj.positions[:, 0], axis=0))
    assert np.all(np.isclose(d, lr, rtol=1e-9, atol=0) | (d == 0))


@FAST
@given(start=starts, lr=st.floats(1e-3, 0.5), iav=st.floats(0.0, 2.0))
def test_adagrad_accumulator_never_decreases(start, lr, iav):
    """Adagrad never forgets: s_t = s_{t-1} + g^2 is non-decreasing from its initial value, and
    the effective rate lr/(sqrt(s)+eps) never grows."""
    traj = simulate(ROSEN, "adagrad", start, 40, lr=lr, initial_accumulator_value=iav,
                    record=("state",))
    s = traj.state["v"][:, 0]
    ok = traj.diverged_at[0] if traj.diverged_at[0] >= 0 else s.shape[0]
    assert np.all(np.diff(s[:ok], axis=0) >= 0)
    np.testing.assert_array_equal(s[0], [iav, iav])


@FAST
@given(start=starts, b2=beta, lr=small_lr)
def test_amsgrad_vmax_is_running_max_of_v(start, b2, lr):
    """AMSGrad: v_max_t = max(v_max_{t-1}, v_t) >= v_t, non-decreasing."""
    traj = simulate(BOWL, "amsgrad", start, 40, lr=lr, beta2=b2, record=("state",))
    v, vmax = traj.state["v"][:, 0], traj.state["v_max"][:, 0]
    np.testing.assert_array_equal(vmax, np.maximum.accumulate(v, axis=0))


# --- batches ----------------------------------------------------------------------------------


@FAST
@given(name=st.sampled_from(OPTIMIZER_NAMES), perm=st.permutations(range(4)),
       seeds=st.lists(st.integers(0, 2**31), min_size=4, max_size=4))
def test_batch_permutation_equivariance(name, perm, seeds):
    """Permuting the trajectories of a batch (starts, per-trajectory lrs, seeds) permutes the
    result, bit for bit: no trajectory sees another."""
    rng = np.random.default_rng(0)
    st0 = rng.uniform(-1.5, 1.5, size=(4, 2))
    lrs = np.array([1e-3, 3e-3, 1e-2, 2e-2])
    sd = np.array(seeds)
    p = np.array(perm)
    a = simulate(ROSEN, name, st0, 30, lr=lrs, noise_sigma=0.5, seed=sd)
    b = simulate(ROSEN, name, st0[p], 30, lr=lrs[p], noise_sigma=0.5, seed=sd[p])
    np.testing.assert_array_equal(a.positions[:, p], b.positions)
    np.testing.assert_array_equal(a.losses[:, p], b.losses)


@FAST
@given(name=st.sampled_from(OPTIMIZER_NAMES), bad=st.integers(0, 3), start=starts)
def test_divergence_is_isolated(name, bad, start):
    """One trajectory given a huge lr on a steep bowl leaves the box (or goes non-finite); the
    others are bit-identical to their solo runs and stay finite; its rows from diverged_at on
    are NaN and the rows before are finite."""
    steep = Quadratic(a=50.0, b=80.0)
    assume(_nonzero_grad(steep, start, tol=1e-2))
    lrs = np.full(4, 1e-3)
    lrs[bad] = 1e7  # even a normalised step of about lr leaves the box |x| <= 1e6
    starts4 = np.array([start, (0.5, -0.5), (-1.0, 1.0), (1.5, 0.2)])
    traj = simulate(steep, name, starts4, 30, lr=lrs)
    k = int(traj.diverged_at[bad])
    assert k >= 1 and traj.reasons[bad] in (
        "nonfinite_grad", "nonfinite_update", "nonfinite_loss", "out_of_bounds")
    assert np.isnan(traj.positions[k:, bad]).all() and np.isnan(traj.losses[k:, bad]).all()
    assert np.isfinite(traj.positions[:k, bad]).all()
    for i in range(4):
        if i == bad:
            continue
        one = simulate(steep, name, starts4[i], 30, lr=lrs[i])
        assert traj.diverged_at[i] == -1 and traj.reasons[i] == ""
        np.testing.assert_array_equal(traj.positions[:, i], one.positions[:, 0])
        np.testing.assert_array_equal(traj.losses[:, i], one.losses[:, 0])
