"""The engine against an independent reference, rule by rule (optimizer-semantics.md).

``tests/reference_rules.py`` implements every rule of the semantics table for one trajectory,
one step at a time, in plain NumPy. Here ``optim.simulate`` (vectorised over a batch) must
reproduce it to rtol 1e-12 in float64, for every optimizer and the settings that exercise each
branch of its rule, and also with everything that acts around the rule (schedule, clipping
before/after, spikes, loss and gradient scales, bias correction off, noise). Batching is checked
bit for bit: a batch equals the same runs made one at a time, and a scalar hyperparameter equals
a (B,) array holding the same value.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from reference_rules import (
    CASES,
    DEFAULTS,
    LANDSCAPES,
    OPTIMIZER_NAMES,
    Quadratic,
    Rosen,
    case_id,
    reference_run,
    sched_cosine,
    sched_cosine_warm_restarts,
    sched_linear_warmup,
    sched_step_decay,
    sched_triangular,
)

from optim import OPTIMIZERS, simulate
from optim import schedules as sch

RTOL = 1e-12
ATOL = 1e-14
STEPS = 150


def assert_close(got, want, rtol=RTOL, atol=ATOL, msg=""):
    np.testing.assert_allclose(got, want, rtol=rtol, atol=atol, err_msg=msg)


def assert_matches_reference(traj, i, ref, rtol=RTOL, atol=ATOL, msg=""):
    """Trajectory i of ``traj`` equals the reference run: same fate (diverged_at, reason),
    positions and losses equal to rtol on the finite rows, NaN from the divergence on."""
    assert int(traj.diverged_at[i]) == ref.diverged_at, msg
    assert str(traj.reasons[i]) == ref.reason, msg
    k = ref.diverged_at if ref.diverged_at >= 0 else traj.positions.shape[0]
    assert_close(traj.positions[:k, i], ref.positions[:k], rtol, atol, msg)
    assert_close(traj.losses[:k, i], ref.losses[:k], rtol, atol, msg)
    assert np.isnan(traj.positions[k:, i]).all() and np.isnan(traj.losses[k:, i]).all(), msg


def solo(traj, i=0):
    """Trajectory i's positions as (steps + 1, 2)."""
    return traj.positions[:, i, :]


# --- registry ---------------------------------------------------------------------------------


def test_registry_names_and_defaults():
    """OPTIMIZERS iterates the 12 names; every default equals the semantics table's."""
    assert list(OPTIMIZERS) == list(OPTIMIZER_NAMES)
    for name in OPTIMIZER_NAMES:
        assert dict(OPTIMIZERS[name].hyperparams) == DEFAULTS[name], name


# --- every rule against the reference ---------------------------------------------------------


@pytest.mark.parametrize("land", sorted(LANDSCAPES))
@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_rule_matches_reference(case, land):
    """theta_t of the engine == theta_t of the table's rule, t = 0..150 (rtol 1e-12)."""
    name, hyper = case
    ls, start = LANDSCAPES[land]
    traj = simulate(ls, name, np.array(start), STEPS, **hyper)
    ref = reference_run(ls, name, start, STEPS, **hyper)
    assert traj.positions.shape == (STEPS + 1, 1, 2)
    assert traj.losses.shape == (STEPS + 1, 1)
    assert ref.diverged_at == -1
    assert traj.diverged_at.tolist() == [-1] and traj.reasons.tolist() == [""]
    np.testing.assert_array_equal(traj.positions[0, 0], start)
    assert_close(solo(traj), ref.positions)
    assert_close(traj.losses[:, 0], ref.losses)
    # the run really moved (a rule that never moves would pass trivially)
    assert np.linalg.norm(ref.positions[-1] - ref.positions[0]) > 1e-3


def test_radam_uses_both_branches_and_first_step_is_lr_times_g():
    """RAdam (beta2 = 0.999): rho_t <= 5 for the first steps, so theta_1 = theta_0 - lr * g_0
    (m_hat_1 = g_0); later rho_t > 5 and the rectified adaptive step is taken."""
    b2 = 0.999
    rho_inf = 2 / (1 - b2) - 1
    rho = [rho_inf - 2 * t * b2**t / (1 - b2**t) for t in range(1, 31)]
    assert rho[0] <= 5 and rho[-1] > 5
    ls = Quadratic(1.0, 20.0, 3.0)
    start = np.array([2.0, 1.5])
    traj = simulate(ls, "radam", start, 30, lr=0.01)
    assert_close(traj.positions[1, 0], start - 0.01 * ls.grad(start))
    assert_close(solo(traj), reference_run(ls, "radam", start, 30, lr=0.01).positions)


# --- around the rule --------------------------------------------------------------------------


SCHEDULES = [
    ("linear_warmup", lambda: sch.linear_warmup(20), lambda t: sched_linear_warmup(t, 20)),
    ("cosine", lambda: sch.cosine(60, eta_min=0.1), lambda t: sched_cosine(t, 60, 0.1)),
    ("cosine0", lambda: sch.cosine(40), lambda t: sched_cosine(t, 40)),
    ("warm_restarts", lambda: sch.cosine_warm_restarts(10, 2, eta_min=0.05),
     lambda t: sched_cosine_warm_restarts(t, 10, 2, 0.05)),
    ("warm_restarts1", lambda: sch.cosine_warm_restarts(15),
     lambda t: sched_cosine_warm_restarts(t, 15)),
    ("triangular", lambda: sch.triangular(8, min_mult=0.2), lambda t: sched_triangular(t, 8, 0.2)),
    ("step_decay", lambda: sch.step_decay(25, 0.5), lambda t: sched_step_decay(t, 25, 0.5)),
    ("constant", lambda: sch.constant(), lambda t: 1.0),
]


@pytest.mark.parametrize("label,make,formula", SCHEDULES, ids=[s[0] for s in SCHEDULES])
def test_schedule_multipliers(label, make, formula):
    """Each schedule m(t), t = 1..150, equals the PyTorch-scheduler formula of step t (epoch
    t - 1, as optim/schedules.py documents) to 1e-14; warm-up is min(1, t/w)."""
    t = np.arange(1, STEPS + 1)
    want = np.array([formula(int(k)) for k in t])
    got = np.asarray(make()(t), dtype=float)
    assert got.shape == t.shape
    assert_close(got, want, rtol=1e-14, atol=1e-15, msg=label)
    for k in (1, 7, 40, 61):  # scalar t works too
        assert_close(float(np.asarray(make()(k))), formula(k), rtol=1e-14, atol=1e-15)


def test_schedule_landmarks():
    """Landmarks by hand: warm-up min(1, t/w); cosine(T): 1 at t=1, eta_min from t = T+1 on
    (step T+1 is epoch T); warm restarts jump back to 1 at t = T_0 + 1; triangular peaks at
    t = step_size + 1 and is min_mult at t = 1; step decay gamma**k after k*step_size steps."""
    assert_close(sch.linear_warmup(10)(np.array([1, 5, 10, 11, 100])), [0.1, 0.5, 1, 1, 1])
    c = sch.cosine(50, eta_min=0.2)
    assert_close(c(np.array([1, 26, 51, 80])), [1.0, 0.6, 0.2, 0.2])
    w = sch.cosine_warm_restarts(10, 2)
    assert_close(w(np.array([1, 11, 21, 31])), [1.0, 1.0, 0.5, 1.0])
    tri = sch.triangular(5, min_mult=0.1)
    assert_close(tri(np.array([1, 6, 11, 16])), [0.1, 1.0, 0.1, 1.0])
    sd = sch.step_decay(10, 0.5)
    assert_close(sd(np.array([1, 10, 11, 21])), [1.0, 1.0, 0.5, 0.25])


@pytest.mark.parametrize("name", ["sgd", "momentum", "adam", "adamw", "adagrad", "lion"])
@pytest.mark.parametrize("label,make,formula", SCHEDULES[:6], ids=[s[0] for s in SCHEDULES[:6]])
def test_schedule_in_run(name, label, make, formula):
    """lr_t = lr * m(t) drives the rule (and AdamW/Lion's decoupled decay, 1 - lr_t*wd)."""
    hyper = {"lr": 0.02, "weight_decay": 0.1} if name in ("adamw", "lion") else {"lr": 0.02}
    ls, start = LANDSCAPES["rosen"]
    traj = simulate(ls, name, start, 100, schedule=make(), record=("lr",), **hyper)
    ref = reference_run(ls, name, start, 100, schedule=formula, **hyper)
    assert_close(solo(traj), ref.positions)
    assert np.isnan(traj.lrs[0, 0])
    assert_close(traj.lrs[1:, 0], ref.lrs[1:], rtol=1e-14)


def test_schedule_none_and_constant_equal_no_schedule():
    """schedule=None, "constant" and constant() all run the base lr: identical bits."""
    ls, start = LANDSCAPES["quad"]
    base = simulate(ls, "adam", start, 40, lr=0.05).positions
    for s in (None, sch.constant()):
        np.testing.assert_array_equal(simulate(ls, "adam", start, 40, lr=0.05,
                                               schedule=s).positions, base)


def test_schedule_string_constant_is_accepted():
    """The issue's API: ``schedule`` is None, "constant" or a schedules object."""
    ls, start = LANDSCAPES["quad"]
    base = simulate(ls, "adam", start, 40, lr=0.05).positions
    np.testing.assert_array_equal(
        simulate(ls, "adam", start, 40, lr=0.05, schedule="constant").positions, base)


AROUND = [
    ("clip_before", {"clip_norm": 1.0, "clip_mode": "before"}),
    ("clip_after", {"clip_norm": 0.01, "clip_mode": "after"}),
    ("spikes", {"spikes": {5: 100.0, 12: (1.0, -50.0), 30: (0.0, 3.0)}}),
    ("loss_scale", {"loss_scale": 7.5}),
    ("grad_scale", {"grad_scale": (1.0, 0.1)}),
    ("scales_spike_clip", {"loss_scale": 3.0, "grad_scale": (2.0, 0.5), "spikes": {3: 40.0},
                           "clip_norm": 5.0}),
]
AROUND_CASES = [
    ("sgd", {"lr": 0.002}),
    ("momentum", {"lr": 0.002, "dampening": 0.2, "weight_decay": 0.05}),
    ("nesterov", {"lr": 0.002}),
    ("adagrad", {"lr": 0.1}),
    ("rmsprop", {"lr": 0.01, "centered": True, "momentum": 0.3}),
    ("adam", {"lr": 0.02, "weight_decay": 0.05}),
    ("adamw", {"lr": 0.02, "weight_decay": 0.3}),
    ("amsgrad", {"lr": 0.02}),
    ("nadam", {"lr": 0.02}),
    ("radam", {"lr": 0.02}),
    ("adamax", {"lr": 0.02}),
    ("lion", {"lr": 0.005, "weight_decay": 0.2}),
]


@pytest.mark.parametrize("label,extra", AROUND, ids=[a[0] for a in AROUND])
@pytest.mark.parametrize("case", AROUND_CASES, ids=case_id)
def test_around_the_rule(case, label, extra):
    """Clipping g*min(1, c/(||g||+1e-6)) before the moments or on the step theta_new - theta
    after; spike factors at step t; loss_scale c (loss and gradient times c) and per-coordinate
    grad_scale: the engine's path equals the reference's (rtol 1e-12)."""
    name, hyper = case
    ls, start = Rosen(1.0, 10.0), (-1.5, 2.0)  # gradient norm ~ 30 at the start: clipping acts
    traj = simulate(ls, name, start, 80, **hyper, **extra)
    ref = reference_run(ls, name, start, 80, **hyper, **extra)
    assert_matches_reference(traj, 0, ref)


def test_clipping_really_acts():
    """Sanity of the fixture: with clip after at c = 0.05 every step has norm <= 0.05 (+tiny),
    and with clip before at c = 1 SGD's first step is lr * g/||g|| (norm lr)."""
    ls, start = Rosen(1.0, 10.0), np.array([-1.5, 2.0])
    t = simulate(ls, "adam", start, 50, lr=0.5, clip_norm=0.05, clip_mode="after")
    steps = np.linalg.norm(np.diff(solo(t), axis=0), axis=1)
    assert steps.max() <= 0.05 + 1e-12 and steps.max() > 0.04
    t = simulate(ls, "sgd", start, 1, lr=0.1, clip_norm=1.0, clip_mode="before")
    g = ls.grad(start)
    assert_close(t.positions[1, 0], start - 0.1 * g / (np.linalg.norm(g) + 1e-6))


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_clip_after_bounds_the_whole_step(name):
    """clip_mode="after" clips the step theta_t - theta_{t-1} itself (decoupled decay
    included: the semantics file's "the step itself (theta_new - theta)"), so every step has
    norm <= c; and the path equals the reference's."""
    c = 0.003
    hyper = {"lr": 0.02}
    if "weight_decay" in DEFAULTS[name]:
        hyper["weight_decay"] = 0.5
    ls, start = Rosen(1.0, 10.0), (-1.5, 2.0)
    traj = simulate(ls, name, start, 60, clip_norm=c, clip_mode="after", **hyper)
    steps = np.linalg.norm(np.diff(solo(traj), axis=0), axis=1)
    assert steps.max() <= c * (1 + 1e-9), f"largest step {steps.max():.6g} > clip_norm {c}"
    ref = reference_run(ls, name, start, 60, clip_norm=c, clip_mode="after", **hyper)
    assert_matches_reference(traj, 0, ref)


@pytest.mark.parametrize("name", ["adam", "adamw", "amsgrad", "nadam", "adamax"])
def test_bias_correction_off(name):
    """bias_correction=False sets bc1 = bc2 = 1 in the rule (reference with bc off)."""
    hyper = {"lr": 0.01}
    ls, start = LANDSCAPES["quad"]
    traj = simulate(ls, name, start, 100, bias_correction=False, **hyper)
    ref = reference_run(ls, name, start, 100, bias_correction=False, **hyper)
    assert_close(solo(traj), ref.positions)
    on = reference_run(ls, name, start, 100, **hyper)
    assert not np.allclose(on.positions, ref.positions)  # the switch matters


@pytest.mark.parametrize("name", ["sgd", "adam", "lion", "rmsprop"])
def test_noise_matches_reference_draw_order(name):
    """g += sigma * z_t, z_t = row t-1 of default_rng(seed).standard_normal((steps, 2))."""
    ls, start = LANDSCAPES["quad"]
    hyper = {"lr": 0.01}
    sigma = 30.0 if name == "lion" else 0.7  # Lion only sees the sign: make the noise flip it
    traj = simulate(ls, name, start, 60, noise_sigma=sigma, seed=1234, **hyper)
    ref = reference_run(ls, name, start, 60, noise_sigma=sigma, seed=1234, **hyper)
    assert_close(solo(traj), ref.positions)
    clean = reference_run(ls, name, start, 60, **hyper)
    assert not np.allclose(clean.positions, ref.positions)


# --- batching: bit for bit --------------------------------------------------------------------

BATCH_ARRAYS = {
    "sgd": {"lr": [0.001, 0.003, 0.002, 0.004], "weight_decay": [0.0, 0.1, 0.0, 0.3]},
    "momentum": {"momentum": [0.9, 0.5, 0.0, 0.99], "dampening": [0.0, 0.5, 0.2, 0.1]},
    "nesterov": {"momentum": [0.9, 0.5, 0.3, 0.99], "lr": [0.001, 0.002, 0.003, 0.0005]},
    "adagrad": {"lr_decay": [0.0, 0.01, 0.1, 0.0], "initial_accumulator_value": [0, 0.1, 1, 2]},
    "rmsprop": {"beta2": [0.99, 0.9, 0.5, 0.0], "momentum": [0.0, 0.5, 0.9, 0.2]},
    "adam": {"beta1": [0.9, 0.0, 0.5, 0.99], "beta2": [0.999, 0.9, 0.0, 0.5],
             "eps": [1e-8, 1e-3, 0.0, 1.0]},
    "adamw": {"weight_decay": [0.01, 0.0, 1.0, 5.0], "lr": [0.001, 0.01, 0.02, 0.05]},
    "amsgrad": {"beta2": [0.999, 0.9, 0.5, 0.1], "weight_decay": [0.0, 0.1, 0.0, 0.5]},
    "nadam": {"momentum_decay": [4e-3, 0.0, 0.1, 1.0], "beta1": [0.9, 0.5, 0.0, 0.95]},
    "radam": {"beta2": [0.999, 0.9, 0.99, 0.5], "beta1": [0.9, 0.0, 0.5, 0.8]},
    "adamax": {"beta2": [0.999, 0.9, 0.5, 0.0], "eps": [1e-8, 1e-3, 0.1, 1e-8]},
    "lion": {"beta1": [0.9, 0.0, 0.5, 0.99], "weight_decay": [0.0, 0.1, 1.0, 0.5]},
}
BATCH_STARTS = np.array([[-1.2, 1.0], [0.3, -0.7], [2.0, 2.0], [-0.5, 0.25]])


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_batch_equals_runs_one_at_a_time_bit_for_bit(name):
    """Different starts, per-trajectory hyperparameter arrays, noise sigmas and seeds, clip
    thresholds: trajectory i of the batch == the solo run with the i-th values (array_equal),
    and == the reference to 1e-12."""
    ls = Rosen(1.0, 10.0)
    arrays = {k: np.array(v, dtype=float) for k, v in BATCH_ARRAYS[name].items()}
    extra = {
        "noise_sigma": np.array([0.0, 0.5, 1.0, 2.0]),
        "seed": np.array([7, 8, 7, 123]),
        "clip_norm": np.array([100.0, 1.0, 5.0, 1e9]),
    }
    steps = 60
    batch = simulate(ls, name, BATCH_STARTS, steps, **arrays, **extra)
    assert batch.positions.shape == (steps + 1, 4, 2)
    for i in range(4):
        kw_i = {k: v[i] for k, v in arrays.items()}
        ex_i = {k: v[i] for k, v in extra.items()}
        one = simulate(ls, name, BATCH_STARTS[i], steps, **kw_i, **ex_i)
        np.testing.assert_array_equal(batch.positions[:, i], one.positions[:, 0], err_msg=str(i))
        np.testing.assert_array_equal(batch.losses[:, i], one.losses[:, 0])
        assert batch.diverged_at[i] == one.diverged_at[0]
        ref = reference_run(ls, name, BATCH_STARTS[i], steps,
                            **{k: float(v) for k, v in kw_i.items()},
                            noise_sigma=float(ex_i["noise_sigma"]), seed=int(ex_i["seed"]),
                            clip_norm=float(ex_i["clip_norm"]))
        assert_matches_reference(batch, i, ref, msg=str(i))


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_scalar_equals_array_of_same_value(name):
    """Every hyperparameter as a scalar vs as a (B,) array of that value: identical bits."""
    ls = Rosen(1.0, 10.0)
    hyper = {k: v for k, v in DEFAULTS[name].items() if not isinstance(v, bool)}
    hyper["lr"] = 0.01
    if "weight_decay" in hyper:
        hyper["weight_decay"] = 0.05
    if name == "nesterov":
        hyper.pop("dampening")
    scal = simulate(ls, name, BATCH_STARTS, 50, noise_sigma=0.3, seed=5, clip_norm=3.0, **hyper)
    arr = simulate(ls, name, BATCH_STARTS, 50, noise_sigma=np.full(4, 0.3),
                   seed=np.full(4, 5), clip_norm=np.full(4, 3.0),
                   **{k: np.full(4, v) for k, v in hyper.items()})
    np.testing.assert_array_equal(scal.positions, arr.positions)
    np.testing.assert_array_equal(scal.losses, arr.losses)


def test_single_start_broadcasts_over_hyperparameter_array():
    """(2,) starts with a (B,) lr: B trajectories from the same start, each its own lr."""
    ls, start = LANDSCAPES["quad"]
    lrs = np.array([0.001, 0.01, 0.05])
    traj = simulate(ls, "adam", np.array(start), 30, lr=lrs)
    assert traj.positions.shape == (31, 3, 2)
    for i, lr in enumerate(lrs):
        np.testing.assert_array_equal(traj.positions[:, i],
                                      simulate(ls, "adam", start, 30, lr=lr).positions[:, 0])


# --- what is recorded -------------------------------------------------------------------------


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_losses_are_the_value_at_each_row(name):
    """losses[t] == ls.value(positions[t]) for every row (no off-by-one), bit for bit."""
    ls = Rosen(1.0, 10.0)
    traj = simulate(ls, name, BATCH_STARTS, 40, lr=0.01)
    np.testing.assert_array_equal(traj.losses, ls.value(traj.positions))


def test_loss_scale_scales_the_reported_loss():
    """loss_scale c: the loss is c * f (and the gradient c * grad f)."""
    ls, start = LANDSCAPES["quad"]
    traj = simulate(ls, "adam", start, 20, lr=0.01, loss_scale=4.0)
    assert_close(traj.losses[:, 0], 4.0 * ls.value(traj.positions[:, 0]))


@pytest.mark.parametrize("case", [c for c in CASES if c[1]], ids=case_id)
def test_recorded_rows(case):
    """record=("grads", "state", "lr"): grads[t] is the gradient the rule used at step t (after
    coupled weight decay), lrs[t] the lr of step t, both NaN in row 0; state[name][0] is the
    initial state and state[name][t] the state after step t; update[t] = theta_t - theta_{t-1}.
    All equal the reference's rows (rtol 1e-12)."""
    name, hyper = case
    ls, start = LANDSCAPES["rosen"]
    steps = 40
    traj = simulate(ls, name, start, steps, record=("grads", "state", "lr"), **hyper)
    ref = reference_run(ls, name, start, steps, **hyper)
    assert traj.grads.shape == (steps + 1, 1, 2)
    assert traj.lrs.shape == (steps + 1, 1)
    assert np.isnan(traj.grads[0]).all() and np.isnan(traj.lrs[0]).all()
    assert_close(traj.grads[1:, 0], ref.grads[1:])
    assert_close(traj.lrs[1:, 0], ref.lrs[1:], rtol=1e-15)
    assert set(traj.state) == set(OPTIMIZERS[name].state_names)
    for key, arr in traj.state.items():
        assert arr.shape == (steps + 1, 1, 2), key
    for key, want in ref.state.items():
        if key in traj.state:
            rows = slice(0, None) if not np.isnan(want[0]).any() else slice(1, None)
            assert_close(traj.state[key][rows, 0], want[rows], msg=key)
    assert_close(traj.state["update"][1:, 0], np.diff(ref.positions, axis=0), rtol=1e-9,
                 atol=1e-15)


def test_recorded_state_meaning_adam():
    """Adam, no decay: m_hat = m/bc1, v_hat = v/bc2, update = -eff_lr * m_hat, and the
    initial state row is all zeros."""
    ls, start = LANDSCAPES["rosen"]
    traj = simulate(ls, "adam", start, 30, lr=0.02, record=("state",))
    s = {k: v[:, 0] for k, v in traj.state.items()}
    t = np.arange(1, 31)[:, None]
    assert (s["m"][0] == 0).all() and (s["v"][0] == 0).all()
    assert_close(s["m_hat"][1:], s["m"][1:] / (1 - 0.9**t))
    assert_close(s["v_hat"][1:], s["v"][1:] / (1 - 0.999**t))
    assert_close(s["update"][1:], -s["eff_lr"][1:] * s["m_hat"][1:], rtol=1e-9)
    traj = simulate(ls, "sgd", start, 5, lr=0.02, record=("state",))
    assert_close(traj.state["eff_lr"][1:, 0], np.full((5, 2), 0.02))


EFF_LR_DIRECTION = {
    # optimizer -> the direction that eff_lr multiplies (update = -eff_lr * direction)
    "sgd": lambda tr: tr.grads,
    "momentum": lambda tr: tr.state["m"],
    "adagrad": lambda tr: tr.grads,
    "rmsprop": lambda tr: tr.grads,
    "adam": lambda tr: tr.state["m_hat"],
    "amsgrad": lambda tr: tr.state["m_hat"],
    "radam": lambda tr: tr.state["m_hat"],
    "adamax": lambda tr: tr.state["m_hat"],
}


@pytest.mark.parametrize("name", sorted(EFF_LR_DIRECTION))
def test_eff_lr_is_the_multiplier_on_the_direction(name):
    """docs/engine-api.md: update = -eff_lr * direction (g for SGD/Adagrad/RMSprop, the buffer
    for momentum, m_hat for the Adam family and RAdam, both RAdam branches included)."""
    ls, start = LANDSCAPES["rosen"]
    traj = simulate(ls, name, start, 30, lr=0.01, record=("grads", "state"))
    direction = EFF_LR_DIRECTION[name](traj)[1:]
    assert_close(traj.state["update"][1:], -traj.state["eff_lr"][1:] * direction, rtol=1e-9,
                 atol=1e-15)


def test_adagrad_initial_state_row_is_the_initial_accumulator():
    """Adagrad's s starts at initial_accumulator_value (row 0 of the recorded state)."""
    ls, start = LANDSCAPES["quad"]
    traj = simulate(ls, "adagrad", start, 3, initial_accumulator_value=0.25, record=("state",))
    np.testing.assert_array_equal(traj.state["v"][0, 0], [0.25, 0.25])
    g = ls.grad(np.array(start))
    assert_close(traj.state["v"][1, 0], 0.25 + g * g)


def test_record_nothing_by_default():
    """Without record, grads and lrs are None and state is empty (a sweep pays for nothing)."""
    ls, start = LANDSCAPES["quad"]
    traj = simulate(ls, "adam", start, 5)
    assert traj.grads is None and traj.lrs is None and not traj.state


# --- continuing a run -------------------------------------------------------------------------


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_init_state_continuation_bit_for_bit(name):
    """50 steps, then 50 more from (last position, final_state) == 100 steps in one go, bit
    for bit: the step counter (bias corrections, schedule, NAdam's mu product, noise stream)
    and the moments carry over."""
    ls = Rosen(1.0, 10.0)
    kw = {"lr": 0.005, "schedule": sch.cosine_warm_restarts(30, 2, 0.1), "noise_sigma": 0.2,
          "seed": np.array([3, 4, 5, 6])}
    whole = simulate(ls, name, BATCH_STARTS, 100, **kw)
    first = simulate(ls, name, BATCH_STARTS, 50, **kw)
    np.testing.assert_array_equal(first.positions, whole.positions[:51])
    assert first.final_state.t == 50
    second = simulate(ls, name, first.positions[-1], 50, init_state=first.final_state, **kw)
    np.testing.assert_array_equal(second.positions, whole.positions[50:])
    np.testing.assert_array_equal(second.losses, whole.losses[50:])
    assert second.final_state.t == 100


def test_init_state_keeps_momentum():
    """Adam's state carried to a new landscape keeps pushing (phenomenon 13): from the valley
    bottom with the slope's state the first step is large; a fresh Adam there does not move."""
    class Slope:
        def value(self, xy):
            return -np.asarray(xy)[..., 0]

        def grad(self, xy):
            xy = np.asarray(xy)
            return np.stack([-np.ones(xy.shape[:-1]), np.zeros(xy.shape[:-1])], axis=-1)

    bowl = Quadratic(a=1.0, b=1.0)
    run = simulate(Slope(), "adam", [0.0, 0.0], 200, lr=0.01)
    carried = simulate(bowl, "adam", [0.0, 0.0], 1, lr=0.01, init_state=run.final_state)
    fresh = simulate(bowl, "adam", [0.0, 0.0], 1, lr=0.01)
    np.testing.assert_array_equal(fresh.positions[1, 0], [0.0, 0.0])
    assert carried.positions[1, 0, 0] > 0.009
    # the carried step is the rule with t = 201 and the carried m, v (reference continuation)
    ref_first = reference_run(Slope(), "adam", [0.0, 0.0], 200, lr=0.01)
    ref = reference_run(bowl, "adam", [0.0, 0.0], 1, lr=0.01, init=ref_first.final)
    assert_close(carried.positions[1, 0], ref.positions[1])
    assert math.isfinite(carried.losses[1, 0])


# --- numbers marked "checked" in phenomena.md -------------------------------------------------


class _Saddle:
    """f = x^2 - y^2 + y^4/4."""

    def value(self, xy):
        xy = np.asarray(xy)
        x, y = xy[..., 0], xy[..., 1]
        return x * x - y * y + y**4 / 4

    def grad(self, xy):
        xy = np.asarray(xy)
        x, y = xy[..., 0], xy[..., 1]
        return np.stack([2 * x, -2 * y + y**3], axis=-1)


class _Line:
    """f = (w1 + 2 w2 - 1)^2: a valley of minima along a line."""

    def value(self, xy):
        xy = np.asarray(xy)
        return (xy[..., 0] + 2 * xy[..., 1] - 1) ** 2

    def grad(self, xy):
        xy = np.asarray(xy)
        r = xy[..., 0] + 2 * xy[..., 1] - 1
        return np.stack([2 * r, 4 * r], axis=-1)


def test_checked_saddle_escape_steps():
    """Phenomenon 3: from (1, 1e-6), lr 0.01, Adam first has |y| > 0.5 at step 44 and gradient
    descent at step 666 (the reference agrees)."""
    first = {}
    for name in ("adam", "sgd"):
        traj = simulate(_Saddle(), name, (1.0, 1e-6), 800, lr=0.01)
        first[name] = int(np.argmax(np.abs(traj.positions[:, 0, 1]) > 0.5))
    assert first == {"adam": 44, "sgd": 666}


def test_checked_implicit_bias():
    """Phenomenon 15: on (w1 + 2 w2 - 1)^2 from the origin, GD ends at the minimum-norm point
    (0.2, 0.4) and Adam at (1/3, 1/3)."""
    gd = simulate(_Line(), "sgd", (0.0, 0.0), 3000, lr=0.01)
    adam = simulate(_Line(), "adam", (0.0, 0.0), 5000, lr=0.01)
    assert_close(gd.positions[-1, 0], [0.2, 0.4], rtol=0, atol=1e-9)
    assert_close(adam.positions[-1, 0], [1 / 3, 1 / 3], rtol=0, atol=1e-6)


def test_checked_adamw_settles_near_one_over_lambda():
    """Phenomenon 17: AdamW on the bowl (x-5)^2 + (y-5)^2, lr 0.01, lambda 0.5, 1, 2 ends near
    (2, 2), (1, 1), (0.5, 0.5): one batch with a (B,) weight_decay array."""
    lam = np.array([0.5, 1.0, 2.0])
    traj = simulate(Quadratic(2.0, 2.0, 0.0, (5.0, 5.0)), "adamw", (0.0, 0.0), 5000, lr=0.01,
                    weight_decay=lam)
    assert_close(traj.positions[-1], np.stack([1 / lam, 1 / lam], axis=1), rtol=2e-2, atol=0)
