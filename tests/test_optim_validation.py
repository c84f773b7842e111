"""Bad arguments fail early with a ValueError naming them; broken runs report, never crash.

* Every kind of bad argument to ``simulate`` (and to the schedule builders) raises ValueError
  whose message contains the name of the offending argument.
* A run that breaks (0/0, overflow, a NaN gradient, an infinite loss, leaving |x| <= 1e6)
  reports the step and the reason, its rows from that step on are NaN, the rows before are the
  exact iterates, and nothing is raised or warned (warnings are turned into errors here).
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pytest
from reference_rules import (
    OPTIMIZER_NAMES,
    Flat,
    InfGradBeyond,
    InfLossBeyond,
    NaNGradBeyond,
    Quadratic,
    reference_run,
)

from optim import schedules, simulate

BOWL = Quadratic(a=1.0, b=2.0)
START = np.array([1.0, -0.5])


def _adam_state():
    return simulate(BOWL, "adam", START, 3).final_state


BAD_CALLS = [
    # (label, optimizer, keyword arguments beyond (BOWL, optimizer, START, 5), argument name)
    ("unknown optimizer", "adamm", {}, "optimizer"),
    ("optimizer not a str", 3, {}, "optimizer"),
    ("unknown keyword", "adam", {"betas": (0.9, 0.99)}, "betas"),
    ("unknown keyword 2", "sgd", {"learning_rate": 0.1}, "learning_rate"),
    ("sgd beta1", "sgd", {"beta1": 0.9}, "beta1"),
    ("sgd eps", "sgd", {"eps": 1e-8}, "eps"),
    ("adam momentum", "adam", {"momentum": 0.9}, "momentum"),
    ("adam centered", "adam", {"centered": True}, "centered"),
    ("rmsprop dampening", "rmsprop", {"dampening": 0.1}, "dampening"),
    ("rmsprop beta1", "rmsprop", {"beta1": 0.9}, "beta1"),
    ("adagrad beta2", "adagrad", {"beta2": 0.9}, "beta2"),
    ("adagrad momentum_decay", "adagrad", {"momentum_decay": 0.1}, "momentum_decay"),
    ("lion eps", "lion", {"eps": 1e-8}, "eps"),
    ("adamw lr_decay", "adamw", {"lr_decay": 0.1}, "lr_decay"),
    ("nadam initial_accumulator_value", "nadam", {"initial_accumulator_value": 0.1},
     "initial_accumulator_value"),
    ("momentum beta2", "momentum", {"beta2": 0.9}, "beta2"),
    ("radam momentum_decay", "radam", {"momentum_decay": 0.1}, "momentum_decay"),
    ("adamax centered", "adamax", {"centered": True}, "centered"),
    ("beta1 = 1", "adam", {"beta1": 1.0}, "beta1"),
    ("beta1 < 0", "adam", {"beta1": -0.1}, "beta1"),
    ("beta2 = 1", "adam", {"beta2": 1.0}, "beta2"),
    ("beta2 > 1", "nadam", {"beta2": 1.5}, "beta2"),
    ("rmsprop alpha = 1", "rmsprop", {"beta2": 1.0}, "beta2"),
    ("lion beta1 = 1", "lion", {"beta1": 1.0}, "beta1"),
    ("beta1 array with one bad", "adam", {"beta1": np.array([0.9, 1.0])}, "beta1"),
    ("negative lr", "sgd", {"lr": -0.1}, "lr"),
    ("negative lr array", "adam", {"lr": np.array([0.1, -0.1])}, "lr"),
    ("negative eps", "adam", {"eps": -1e-8}, "eps"),
    ("negative weight_decay", "adamw", {"weight_decay": -0.01}, "weight_decay"),
    ("negative momentum", "momentum", {"momentum": -0.5}, "momentum"),
    ("negative dampening", "momentum", {"dampening": -0.5}, "dampening"),
    ("negative lr_decay", "adagrad", {"lr_decay": -0.1}, "lr_decay"),
    ("negative initial accumulator", "adagrad", {"initial_accumulator_value": -1.0},
     "initial_accumulator_value"),
    ("negative momentum_decay", "nadam", {"momentum_decay": -0.1}, "momentum_decay"),
    ("nan lr", "adam", {"lr": float("nan")}, "lr"),
    ("inf lr", "sgd", {"lr": float("inf")}, "lr"),
    ("nan beta2", "adam", {"beta2": float("nan")}, "beta2"),
    ("inf eps", "adam", {"eps": float("inf")}, "eps"),
    ("nan in lr array", "adam", {"lr": np.array([0.1, np.nan])}, "lr"),
    ("lr 2-d", "adam", {"lr": np.ones((2, 2))}, "lr"),
    ("lr empty", "adam", {"lr": np.array([])}, "lr"),
    ("lr string", "adam", {"lr": "fast"}, "lr"),
    ("lr None", "adam", {"lr": None}, "lr"),
    ("lr bool", "sgd", {"lr": True}, "lr"),
    ("centered not bool", "rmsprop", {"centered": "yes"}, "centered"),
    ("schedule string", "adam", {"schedule": "cosine"}, "schedule"),
    ("schedule number", "adam", {"schedule": 3}, "schedule"),
    ("clip_norm negative", "adam", {"clip_norm": -1.0}, "clip_norm"),
    ("clip_norm zero", "adam", {"clip_norm": 0.0}, "clip_norm"),
    ("clip_norm nan", "adam", {"clip_norm": float("nan")}, "clip_norm"),
    ("clip_norm 2-d", "adam", {"clip_norm": np.ones((2, 2))}, "clip_norm"),
    ("clip_mode", "adam", {"clip_norm": 1.0, "clip_mode": "middle"}, "clip_mode"),
    ("noise_sigma negative", "sgd", {"noise_sigma": -0.1}, "noise_sigma"),
    ("noise_sigma nan", "sgd", {"noise_sigma": float("nan")}, "noise_sigma"),
    ("seed negative", "sgd", {"noise_sigma": 0.1, "seed": -1}, "seed"),
    ("seed float", "sgd", {"noise_sigma": 0.1, "seed": 1.5}, "seed"),
    ("spikes step 0", "sgd", {"spikes": {0: 2.0}}, "spikes"),
    ("spikes factor text", "sgd", {"spikes": {2: "big"}}, "spikes"),
    ("spikes factor triple", "sgd", {"spikes": {2: (1.0, 2.0, 3.0)}}, "spikes"),
    ("spikes factor nan", "sgd", {"spikes": {2: float("nan")}}, "spikes"),
    ("spikes not a mapping", "sgd", {"spikes": [(2, 3.0)]}, "spikes"),
    ("loss_scale zero", "adam", {"loss_scale": 0.0}, "loss_scale"),
    ("loss_scale negative", "adam", {"loss_scale": -2.0}, "loss_scale"),
    ("loss_scale nan", "adam", {"loss_scale": float("nan")}, "loss_scale"),
    ("grad_scale triple", "adam", {"grad_scale": (1.0, 2.0, 3.0)}, "grad_scale"),
    ("grad_scale inf", "adam", {"grad_scale": (1.0, float("inf"))}, "grad_scale"),
    ("bias_correction not bool", "adam", {"bias_correction": "no"}, "bias_correction"),
    ("bias_correction for sgd", "sgd", {"bias_correction": False}, "bias_correction"),
    ("record unknown", "adam", {"record": ("grads", "hessian")}, "record"),
    ("bound negative", "adam", {"bound": -1.0}, "bound"),
    ("init_state of another optimizer", "sgd", {"init_state": "ADAM_STATE"}, "init_state"),
    ("init_state not a state", "adam", {"init_state": {"m": 0}}, "init_state"),
]


@pytest.mark.parametrize("label,optimizer,kwargs,argname", BAD_CALLS,
                         ids=[c[0] for c in BAD_CALLS])
def test_bad_argument_raises_value_error_naming_it(label, optimizer, kwargs, argname):
    """simulate(...) with one bad argument -> ValueError whose message names that argument."""
    kwargs = dict(kwargs)
    if kwargs.get("init_state") == "ADAM_STATE":
        kwargs["init_state"] = _adam_state()
    with pytest.raises(ValueError, match=re.escape(argname)):
        simulate(BOWL, optimizer, START, 5, **kwargs)


BAD_SHAPES = [
    ("starts (3,)", np.zeros(3), 5, "starts"),
    ("starts (2, 3)", np.zeros((2, 3)), 5, "starts"),
    ("starts (0, 2)", np.zeros((0, 2)), 5, "starts"),
    ("starts (2, 2, 2)", np.zeros((2, 2, 2)), 5, "starts"),
    ("starts nan", np.array([np.nan, 0.0]), 5, "starts"),
    ("starts inf", np.array([[0.0, 0.0], [np.inf, 1.0]]), 5, "starts"),
    ("starts text", "origin", 5, "starts"),
    ("steps negative", START, -1, "steps"),
    ("steps float", START, 2.5, "steps"),
    ("steps text", START, "10", "steps"),
    ("steps bool", START, True, "steps"),
]


@pytest.mark.parametrize("label,starts,steps,argname", BAD_SHAPES,
                         ids=[c[0] for c in BAD_SHAPES])
def test_bad_starts_or_steps(label, starts, steps, argname):
    """Bad starts shape/values or a bad step count -> ValueError naming it."""
    with pytest.raises(ValueError, match=re.escape(argname)):
        simulate(BOWL, "adam", starts, steps)


def test_batch_size_mismatch_names_the_arguments():
    """starts of B = 3 with an lr array of length 2 -> ValueError naming lr."""
    with pytest.raises(ValueError, match="lr"):
        simulate(BOWL, "adam", np.zeros((3, 2)), 5, lr=np.array([0.1, 0.2]))
    with pytest.raises(ValueError, match="noise_sigma"):
        simulate(BOWL, "adam", np.zeros((3, 2)), 5, noise_sigma=np.array([0.1, 0.2]))


def test_init_state_batch_mismatch():
    """A final_state of B = 1 continued with B = 3 starts -> ValueError naming init_state."""
    with pytest.raises(ValueError, match="init_state"):
        simulate(BOWL, "adam", np.zeros((3, 2)), 5, init_state=_adam_state())


BAD_SCHEDULES = [
    ("linear_warmup 0", lambda: schedules.linear_warmup(0), "warmup_steps"),
    ("linear_warmup float", lambda: schedules.linear_warmup(2.5), "warmup_steps"),
    ("cosine 0", lambda: schedules.cosine(0), "total_steps"),
    ("cosine eta_min > 1", lambda: schedules.cosine(10, eta_min=2.0), "eta_min"),
    ("cosine eta_min < 0", lambda: schedules.cosine(10, eta_min=-0.1), "eta_min"),
    ("warm restarts T_0 = 0", lambda: schedules.cosine_warm_restarts(0), "t_0"),
    ("warm restarts T_mult = 0", lambda: schedules.cosine_warm_restarts(5, 0), "t_mult"),
    ("triangular 0", lambda: schedules.triangular(0), "step_size"),
    ("triangular min_mult", lambda: schedules.triangular(5, min_mult=1.5), "min_mult"),
    ("step_decay 0", lambda: schedules.step_decay(0, 0.5), "step_size"),
    ("step_decay gamma", lambda: schedules.step_decay(5, -0.5), "gamma"),
]


@pytest.mark.parametrize("label,make,argname", BAD_SCHEDULES, ids=[c[0] for c in BAD_SCHEDULES])
def test_bad_schedule_arguments(label, make, argname):
    """Schedule builders reject bad arguments with a ValueError naming them."""
    with pytest.raises(ValueError, match=re.escape(argname)):
        make()


def test_steps_zero_is_just_the_start():
    """steps = 0: one row, the start and its loss; nothing diverged."""
    traj = simulate(BOWL, "adam", START, 0)
    assert traj.positions.shape == (1, 1, 2) and traj.losses.shape == (1, 1)
    np.testing.assert_array_equal(traj.positions[0, 0], START)
    assert traj.diverged_at.tolist() == [-1] and traj.reasons.tolist() == [""]


# --- broken runs report, they do not crash ----------------------------------------------------


def _quiet_simulate(*args, **kwargs):
    """simulate with every warning turned into an error (no RuntimeWarning may escape)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(all="warn"):
            return simulate(*args, **kwargs)


def _radam_first_rectified_step(beta2: float) -> int:
    rho_inf = 2 / (1 - beta2) - 1
    t = 1
    while rho_inf - 2 * t * beta2**t / (1 - beta2**t) <= 5:
        t += 1
    return t


EPS_ZERO_EXPECTED = {
    "adam": 1, "adamw": 1, "amsgrad": 1, "nadam": 1, "adamax": 1, "rmsprop": 1, "adagrad": 1,
    "radam": _radam_first_rectified_step(0.999),
}


@pytest.mark.parametrize("name", sorted(EPS_ZERO_EXPECTED))
def test_eps_zero_with_zero_gradient_reports_nonfinite_update(name):
    """eps = 0 where the gradient is exactly 0: the step is 0/0. The run reports
    diverged_at = that step (1; RAdam: the first step with rho_t > 5, since before it the step
    is m_hat*lr = 0) with reason "nonfinite_update", rows from it on are NaN, and nothing is
    raised or warned. With the default eps > 0 (and no decay) the same run stays put."""
    k = EPS_ZERO_EXPECTED[name]
    starts = np.array([[0.3, -0.2], [1.0, 2.0]])
    traj = _quiet_simulate(Flat(), name, starts, 10, eps=0.0, record=("grads", "state", "lr"))
    assert traj.diverged_at.tolist() == [k, k]
    assert traj.reasons.tolist() == ["nonfinite_update"] * 2
    np.testing.assert_array_equal(traj.positions[:k], np.broadcast_to(starts, (k, 2, 2)))
    assert np.isnan(traj.positions[k:]).all() and np.isnan(traj.losses[k:]).all()
    assert np.isfinite(traj.losses[:k]).all()
    assert np.isnan(traj.grads[k:]).all() and np.isnan(traj.lrs[k:]).all()
    for key, arr in traj.state.items():
        assert np.isnan(arr[k:]).all(), key
    no_decay = {"weight_decay": 0.0} if name == "adamw" else {}
    ok = _quiet_simulate(Flat(), name, starts, 10, **no_decay)
    assert ok.diverged_at.tolist() == [-1, -1]
    np.testing.assert_array_equal(ok.positions, np.broadcast_to(starts, (11, 2, 2)))


def test_eps_zero_only_breaks_the_zero_gradient_trajectory():
    """Adam eps=0 in a batch: the trajectory sitting at the bowl's centre (g = 0) breaks at
    step 1; the other is bit-identical to its solo run."""
    starts = np.array([[0.0, 0.0], [1.0, -0.5]])
    traj = _quiet_simulate(BOWL, "adam", starts, 20, eps=0.0)
    assert traj.diverged_at.tolist() == [1, -1]
    assert traj.reasons.tolist() == ["nonfinite_update", ""]
    one = _quiet_simulate(BOWL, "adam", starts[1], 20, eps=0.0)
    np.testing.assert_array_equal(traj.positions[:, 1], one.positions[:, 0])


def test_huge_lr_gradient_descent_leaves_the_box_at_step_4():
    """GD, f = 50(x^2 + y^2), lr = 1: theta_t = (-99)^t theta_0 exactly. |(-99)^3| = 970299
    stays inside |x| <= 1e6, (-99)^4 = 96059601 does not: diverged_at = 4, "out_of_bounds",
    rows 0..3 are the exact iterates, rows 4.. NaN."""
    steep = Quadratic(a=100.0, b=100.0)
    traj = _quiet_simulate(steep, "sgd", np.array([1.0, 1.0]), 10, lr=1.0)
    assert traj.diverged_at.tolist() == [4]
    assert traj.reasons.tolist() == ["out_of_bounds"]
    want = (-99.0) ** np.arange(4)
    np.testing.assert_array_equal(traj.positions[:4, 0], np.stack([want, want], axis=1))
    np.testing.assert_array_equal(traj.losses[:4, 0], steep.value(traj.positions[:4, 0]))
    assert np.isnan(traj.positions[4:]).all() and np.isnan(traj.losses[4:]).all()
    ref = reference_run(steep, "sgd", (1.0, 1.0), 10, lr=1.0)
    assert (ref.diverged_at, ref.reason) == (4, "out_of_bounds")


def test_bound_keyword_moves_the_box():
    """bound = 100: the same run leaves the box at step 2 (99^2 = 9801 > 100)."""
    steep = Quadratic(a=100.0, b=100.0)
    traj = _quiet_simulate(steep, "sgd", np.array([1.0, 1.0]), 10, lr=1.0, bound=100.0)
    assert traj.diverged_at.tolist() == [2] and traj.reasons.tolist() == ["out_of_bounds"]


def test_overflow_to_inf_reports_and_stays_quiet():
    """GD with an absurd lr overflows to inf within a step or two: reported, no warning."""
    steep = Quadratic(a=1e200, b=1e200)
    traj = _quiet_simulate(steep, "sgd", np.array([1.0, 1.0]), 5, lr=1e200)
    assert traj.diverged_at[0] == 1
    assert traj.reasons[0] in ("nonfinite_update", "out_of_bounds", "nonfinite_loss")
    assert np.isnan(traj.positions[1:]).all()


def test_nan_gradient_reports_nonfinite_grad():
    """f = x^2 + y^2 with NaN gradient beyond x > 1, GD lr = 1.5: x_t = (-2)^t * 0.4 gives
    0.4, -0.8, 1.6; the gradient at 1.6 (used by step 3) is NaN: diverged_at = 3,
    "nonfinite_grad"; rows 0..2 kept."""
    ls = NaNGradBeyond(edge=1.0)
    traj = _quiet_simulate(ls, "sgd", np.array([[0.4, 0.0], [0.1, 0.0]]), 6, lr=1.5)
    assert traj.diverged_at.tolist() == [3, 5]
    assert traj.reasons.tolist() == ["nonfinite_grad"] * 2
    np.testing.assert_allclose(traj.positions[:3, 0, 0], [0.4, -0.8, 1.6], rtol=1e-15)
    assert np.isnan(traj.positions[3:, 0]).all()
    ref = reference_run(ls, "sgd", (0.4, 0.0), 6, lr=1.5)
    assert (ref.diverged_at, ref.reason) == (3, "nonfinite_grad")


def test_infinite_loss_reports_nonfinite_loss():
    """f = -x (gradient (-1, 0)) but f = +inf beyond x > 0.5, GD lr = 0.2 from 0: x_3 = 0.6
    has an infinite loss: diverged_at = 3, "nonfinite_loss"; rows 0..2 kept."""
    ls = InfLossBeyond(edge=0.5)
    traj = _quiet_simulate(ls, "sgd", np.array([0.0, 0.0]), 6, lr=0.2)
    assert traj.diverged_at.tolist() == [3]
    assert traj.reasons.tolist() == ["nonfinite_loss"]
    np.testing.assert_allclose(traj.positions[:3, 0, 0], [0.0, 0.2, 0.4])
    assert np.isnan(traj.positions[3:]).all() and np.isnan(traj.losses[3:]).all()
    ref = reference_run(ls, "sgd", (0.0, 0.0), 6, lr=0.2)
    assert (ref.diverged_at, ref.reason) == (3, "nonfinite_loss")


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_every_optimizer_reports_a_huge_lr_quietly(name):
    """lr = 1e7 on a steep bowl: every optimizer leaves the box (or breaks) at a step >= 1,
    reports why, and raises/warns nothing; the small-lr neighbour in the batch stays finite."""
    steep = Quadratic(a=50.0, b=80.0)
    traj = _quiet_simulate(steep, name, np.array([[1.0, 1.0], [1.0, 1.0]]), 20,
                           lr=np.array([1e7, 1e-3]))
    assert traj.diverged_at[0] >= 1 and traj.reasons[0] != ""
    assert traj.diverged_at[1] == -1 and traj.reasons[1] == ""
    assert np.isfinite(traj.positions[:, 1]).all()


@pytest.mark.parametrize("bad", [-np.inf, np.nan], ids=["inf", "nan"])
@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_every_optimizer_stops_at_a_nonfinite_gradient(name, bad):
    """f = -x, gradient (-1, 0) but (-inf or NaN, 0) beyond x > 0.5, lr = 0.2 from the origin.
    The run stops at its first non-finite gradient, whatever the rule would make of it (Lion's
    sign(-inf) = -1 is a finite step, but the gradient was not finite): diverged_at is the
    step whose gradient (at theta_{t-1}) is inf/NaN, reason "nonfinite_grad", rows before it
    as the reference, rows from it NaN; nothing warned."""
    ls = InfGradBeyond(0.5, bad=bad)
    start = np.array([0.0, 0.3])
    ref = reference_run(ls, name, start, 30, lr=0.2)
    assert ref.reason == "nonfinite_grad", "fixture: the reference must meet the bad gradient"
    traj = _quiet_simulate(ls, name, start, 30, lr=0.2)
    assert (int(traj.diverged_at[0]), str(traj.reasons[0])) == (ref.diverged_at, ref.reason)
    k = ref.diverged_at
    np.testing.assert_allclose(traj.positions[:k, 0], ref.positions[:k], rtol=1e-12)
    assert np.isnan(traj.positions[k:]).all() and np.isnan(traj.losses[k:]).all()
