"""Bad arguments fail early with a ValueError naming them; broken runs report, never crash.

* Every kind of bad argument to ``simulate`` (and to the schedule builders) raises ValueError
  whose message contains the name of the offending argument; a value of the wrong type (a
  string, None, a complex number, an unhashable record...) too, never TypeError. Where a number
  is expected, True/False are refused.
* A run larger than ``optim.limits`` (``MAX_TRAJECTORY_CELLS`` cells ``(steps + 1) * B``,
  ``MAX_BATCH`` trajectories) is refused with ValueError before anything is allocated, and the
  cap keeps the worst case's memory to a few hundred MB.
* A ``Schedule`` checks itself however it is built (a zero period would hang or divide by 0).
* A run that breaks (0/0, overflow, a NaN gradient, an infinite loss, leaving |x| <= 1e6)
  reports the step and the reason, its rows from that step on are NaN, the rows before are the
  exact iterates, and nothing is raised or warned (warnings are turned into errors here).
"""

from __future__ import annotations

import re
import time
import tracemalloc
import warnings
from fractions import Fraction

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

from optim import MAX_BATCH, MAX_TRAJECTORY_CELLS, OPTIMIZERS, RunState, limits, schedules, simulate
from optim import arguments as args
from optim.schedules import Schedule

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
    # values of the wrong type: ValueError too, never TypeError
    ("record list of lists (unhashable)", "adam", {"record": [["grads"]]}, "record"),
    ("record dict", "adam", {"record": {"grads": True}}, "record"),
    ("record number", "adam", {"record": 5}, "record"),
    ("record mixed with a number", "adam", {"record": ("grads", 3, "x")}, "record"),
    ("record bytes", "adam", {"record": b"grads"}, "record"),
    ("lr complex", "adam", {"lr": 1 + 2j}, "lr"),
    ("lr numeric string", "adam", {"lr": "0.1"}, "lr"),
    ("lr list of strings", "adam", {"lr": ["0.1", "0.2"]}, "lr"),
    ("lr dict", "adam", {"lr": {"value": 0.1}}, "lr"),
    ("lr object", "adam", {"lr": object()}, "lr"),
    ("lr ragged list", "adam", {"lr": [[0.1], [0.1, 0.2]]}, "lr"),
    ("lr int beyond float64", "adam", {"lr": 10**400}, "lr"),
    ("lr bool array", "adam", {"lr": np.array([True, False])}, "lr"),
    ("beta1 complex array", "adam", {"beta1": np.array([0.9 + 0j, 0.8])}, "beta1"),
    ("eps None", "adam", {"eps": None}, "eps"),
    ("momentum set", "momentum", {"momentum": {0.9}}, "momentum"),
    ("weight_decay timedelta", "adamw", {"weight_decay": np.timedelta64(1, "s")}, "weight_decay"),
    ("centered None", "rmsprop", {"centered": None}, "centered"),
    ("centered list", "rmsprop", {"centered": [True]}, "centered"),
    ("schedule list", "adam", {"schedule": ["cosine"]}, "schedule"),
    ("schedule array", "adam", {"schedule": np.array([1.0, 2.0])}, "schedule"),
    ("schedule dict", "adam", {"schedule": {"kind": "cosine"}}, "schedule"),
    ("clip_norm string", "adam", {"clip_norm": "1"}, "clip_norm"),
    ("clip_norm bool", "adam", {"clip_norm": True}, "clip_norm"),
    ("clip_mode list (unhashable)", "adam", {"clip_norm": 1.0, "clip_mode": ["after"]},
     "clip_mode"),
    ("clip_mode None", "adam", {"clip_norm": 1.0, "clip_mode": None}, "clip_mode"),
    ("noise_sigma string", "sgd", {"noise_sigma": "0.1"}, "noise_sigma"),
    ("noise_sigma complex", "sgd", {"noise_sigma": 0.1j}, "noise_sigma"),
    ("seed string", "sgd", {"noise_sigma": 0.1, "seed": "3"}, "seed"),
    ("seed None", "sgd", {"noise_sigma": 0.1, "seed": None}, "seed"),
    ("seed bool", "sgd", {"noise_sigma": 0.1, "seed": True}, "seed"),
    ("seed empty", "sgd", {"noise_sigma": 0.1, "seed": np.array([], dtype=int)}, "seed"),
    ("seed beyond int64", "sgd", {"noise_sigma": 0.1, "seed": np.uint64(2**64 - 1)}, "seed"),
    ("seed list of lists", "sgd", {"noise_sigma": 0.1, "seed": [[1, 2]]}, "seed"),
    ("spikes array", "sgd", {"spikes": np.array([1.0, 2.0])}, "spikes"),
    ("spikes list", "sgd", {"spikes": []}, "spikes"),
    ("spikes step string", "sgd", {"spikes": {"2": 3.0}}, "spikes"),
    ("spikes factor None", "sgd", {"spikes": {2: None}}, "spikes"),
    ("spikes factor bool", "sgd", {"spikes": {2: True}}, "spikes"),
    ("loss_scale complex", "adam", {"loss_scale": 2j}, "loss_scale"),
    ("loss_scale bool", "adam", {"loss_scale": True}, "loss_scale"),
    ("grad_scale string", "adam", {"grad_scale": "big"}, "grad_scale"),
    ("grad_scale None", "adam", {"grad_scale": None}, "grad_scale"),
    ("grad_scale bool", "adam", {"grad_scale": True}, "grad_scale"),
    ("grad_scale strings", "adam", {"grad_scale": ("1", "2")}, "grad_scale"),
    ("bias_correction None", "adam", {"bias_correction": None}, "bias_correction"),
    ("bias_correction array", "adam", {"bias_correction": np.array([True])}, "bias_correction"),
    ("bound string", "adam", {"bound": "1e6"}, "bound"),
    ("bound None", "adam", {"bound": None}, "bound"),
    ("bound bool", "adam", {"bound": True}, "bound"),
    ("bound nan", "adam", {"bound": float("nan")}, "bound"),
    ("bound array", "adam", {"bound": np.array([1.0, 2.0])}, "bound"),
    ("bound int beyond float64", "adam", {"bound": 10**400}, "bound"),
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
    ("starts numeric strings", ["1", "2"], 5, "starts"),
    ("starts None", None, 5, "starts"),
    ("starts complex", np.array([1 + 1j, 0]), 5, "starts"),
    ("starts bools", [True, False], 5, "starts"),
    ("starts dict", {"x": 1.0, "y": 2.0}, 5, "starts"),
    ("steps None", START, None, "steps"),
    ("steps list", START, [5], "steps"),
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
    ("linear_warmup negative", lambda: schedules.linear_warmup(-3), "warmup_steps"),
    ("warm restarts T_0 negative", lambda: schedules.cosine_warm_restarts(-1), "t_0"),
    ("warm restarts T_mult float", lambda: schedules.cosine_warm_restarts(5, 1.5), "t_mult"),
    ("triangular negative", lambda: schedules.triangular(-2), "step_size"),
    ("cosine eta_min nan", lambda: schedules.cosine(10, eta_min=float("nan")), "eta_min"),
    ("cosine eta_min string", lambda: schedules.cosine(10, eta_min="0.1"), "eta_min"),
    ("cosine eta_min None", lambda: schedules.cosine(10, eta_min=None), "eta_min"),
    ("cosine eta_min complex", lambda: schedules.cosine(10, eta_min=0.1j), "eta_min"),
    ("step_decay gamma inf", lambda: schedules.step_decay(5, float("inf")), "gamma"),
    ("triangular min_mult list", lambda: schedules.triangular(5, [0.1]), "min_mult"),
    ("build kind unhashable", lambda: schedules.build(["cosine"], total_steps=5), "kind"),
    ("build kind None", lambda: schedules.build(None), "kind"),
]


@pytest.mark.parametrize("label,make,argname", BAD_SCHEDULES, ids=[c[0] for c in BAD_SCHEDULES])
def test_bad_schedule_arguments(label, make, argname):
    """Schedule builders reject bad arguments with a ValueError naming them."""
    with pytest.raises(ValueError, match=re.escape(argname)):
        make()


# --- the size cap ------------------------------------------------------------------------------

ALL_RECORDS = ("grads", "state", "lr")


def _refusal(*args_, **kwargs):
    """simulate(...)'s ValueError message, the seconds it took and the peak bytes it traced."""
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        with pytest.raises(ValueError) as info:
            simulate(*args_, **kwargs)
        return str(info.value), time.perf_counter() - t0, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("starts,steps", [
    (START, 10**9),                      # the ~15 GiB request that raised MemoryError
    (START, 10**40),                     # beyond any integer type: exact Python arithmetic
    (np.zeros((1000, 2)), MAX_TRAJECTORY_CELLS // 1000),  # one row too many
], ids=["1e9 steps", "1e40 steps", "one row over"])
def test_too_many_cells_is_refused_before_allocating(starts, steps):
    """(steps + 1) * B > MAX_TRAJECTORY_CELLS -> ValueError naming steps, the cell count and the
    limit, within 0.5 s and with under 1 MB allocated (every record asked for, so a late check
    would have allocated gigabytes or raised MemoryError)."""
    message, seconds, peak = _refusal(BOWL, "amsgrad", starts, steps, record=ALL_RECORDS,
                                      schedule=schedules.cosine(10), noise_sigma=0.1)
    cells = (steps + 1) * len(np.atleast_2d(starts))
    assert "steps" in message and "MAX_TRAJECTORY_CELLS" in message
    assert f"{cells:,}" in message and f"{MAX_TRAJECTORY_CELLS:,}" in message
    assert seconds < 0.5
    assert peak < 1_000_000


def test_too_large_a_batch_is_refused_before_allocating():
    """B > MAX_BATCH, from the starts or from a (B,) hyperparameter, with 0 steps -> ValueError
    naming MAX_BATCH and B, quickly and with (beyond the starts' own copy) little allocated."""
    b = MAX_BATCH + 1
    message, seconds, peak = _refusal(BOWL, "adam", np.zeros((b, 2)), 0, record=ALL_RECORDS)
    assert "MAX_BATCH" in message and f"{b:,}" in message and seconds < 0.5
    assert peak < 16 * b + 1_000_000  # the (B, 2) float64 copy of the starts only
    message, _, peak = _refusal(BOWL, "adam", START, 0, lr=np.full(b, 0.1))
    assert "MAX_BATCH" in message and peak < 1_000_000


def test_the_cap_counts_rows_times_trajectories():
    """The boundary is exact: (steps + 1) * B == MAX_TRAJECTORY_CELLS passes the check, one row
    more does not (checked on the check itself, so nothing of that size is run here); a full
    MAX_BATCH of 0 steps runs."""
    for b in (1, 7, 1000, MAX_BATCH):
        steps = MAX_TRAJECTORY_CELLS // b - 1
        assert limits.trajectory_cells(steps, b) <= MAX_TRAJECTORY_CELLS
        args.check_size(steps, b)
        with pytest.raises(ValueError, match="MAX_TRAJECTORY_CELLS"):
            args.check_size(steps + 1, b)
    with pytest.raises(ValueError, match="MAX_BATCH"):
        args.check_size(0, MAX_BATCH + 1)
    traj = simulate(BOWL, "sgd", np.zeros((MAX_BATCH, 2)), 0)
    assert traj.positions.shape == (1, MAX_BATCH, 2)


def test_the_caps_are_public_and_declared_once():
    """The app reads the caps from optim; they are the values optim.limits declares."""
    import optim

    assert optim.MAX_TRAJECTORY_CELLS is limits.MAX_TRAJECTORY_CELLS == MAX_TRAJECTORY_CELLS
    assert optim.MAX_BATCH is limits.MAX_BATCH
    assert "MAX_TRAJECTORY_CELLS" in optim.__all__ and "MAX_BATCH" in optim.__all__
    assert MAX_BATCH <= MAX_TRAJECTORY_CELLS


def test_worst_case_memory_at_the_cap_is_a_few_hundred_mb():
    """The optimizer with the most state names, every record, a schedule, decay, clipping: what
    a run keeps is at most 160 B per cell and its traced peak at most 200 B per cell (measured on
    a 100 x 1000 run), so a run at MAX_TRAJECTORY_CELLS keeps <= 340 MB and peaks <= 420 MB
    (the budget optim/limits.py documents; this fails if a record or the cap grows)."""
    worst = max(OPTIMIZERS, key=lambda name: len(OPTIMIZERS[name].state_names))
    b, steps = 100, 999
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        traj = simulate(BOWL, worst, np.tile(START, (b, 1)), steps, lr=np.full(b, 1e-3),
                        record=ALL_RECORDS, schedule=schedules.cosine_warm_restarts(7, 2),
                        weight_decay=0.01, clip_norm=1.0, clip_mode="after")
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    cells = (steps + 1) * b
    kept = sum(a.nbytes for a in (traj.positions, traj.losses, traj.grads, traj.lrs,
                                  *traj.state.values()))
    assert kept / cells <= 160
    assert peak / cells <= 200
    assert 160 * MAX_TRAJECTORY_CELLS <= 340e6 and 200 * MAX_TRAJECTORY_CELLS <= 420e6


# --- every Schedule checks itself ------------------------------------------------------------

BAD_DIRECT_SCHEDULES = [
    # (label, keyword arguments of Schedule(...), field named in the message)
    ("kind unknown", dict(kind="bogus"), "kind"),
    ("kind unhashable", dict(kind=["cosine"]), "kind"),
    ("kind None", dict(kind=None), "kind"),
    ("kind number", dict(kind=3), "kind"),
    ("warmup default 0", dict(kind="linear_warmup"), "warmup_steps"),
    ("warmup negative", dict(kind="linear_warmup", warmup_steps=-5), "warmup_steps"),
    ("warmup float", dict(kind="linear_warmup", warmup_steps=5.0), "warmup_steps"),
    ("warmup inf", dict(kind="linear_warmup", warmup_steps=float("inf")), "warmup_steps"),
    ("warmup bool", dict(kind="linear_warmup", warmup_steps=True), "warmup_steps"),
    ("warmup beyond 2**53", dict(kind="linear_warmup", warmup_steps=2**53 + 1), "warmup_steps"),
    ("cosine total 0", dict(kind="cosine"), "total_steps"),
    ("cosine total negative", dict(kind="cosine", total_steps=-10), "total_steps"),
    ("cosine eta_min nan", dict(kind="cosine", total_steps=10, eta_min=float("nan")), "eta_min"),
    ("cosine eta_min inf", dict(kind="cosine", total_steps=10, eta_min=float("inf")), "eta_min"),
    ("cosine eta_min > 1", dict(kind="cosine", total_steps=10, eta_min=1.5), "eta_min"),
    ("cosine eta_min string", dict(kind="cosine", total_steps=10, eta_min="0.1"), "eta_min"),
    ("restarts t_0 = 0 (hangs today)", dict(kind="cosine_warm_restarts", t_0=0), "t_0"),
    ("restarts t_0 negative", dict(kind="cosine_warm_restarts", t_0=-3), "t_0"),
    ("restarts t_0 nan", dict(kind="cosine_warm_restarts", t_0=float("nan")), "t_0"),
    ("restarts t_mult 0", dict(kind="cosine_warm_restarts", t_0=5, t_mult=0), "t_mult"),
    ("restarts t_mult < 1", dict(kind="cosine_warm_restarts", t_0=5, t_mult=-2), "t_mult"),
    ("restarts t_mult fraction", dict(kind="cosine_warm_restarts", t_0=5, t_mult=0.5), "t_mult"),
    ("restarts eta_min < 0", dict(kind="cosine_warm_restarts", t_0=5, eta_min=-0.1), "eta_min"),
    ("triangular step_size 0", dict(kind="triangular"), "step_size"),
    ("triangular step_size negative", dict(kind="triangular", step_size=-4), "step_size"),
    ("triangular min_mult nan", dict(kind="triangular", step_size=4, min_mult=float("nan")),
     "min_mult"),
    ("triangular min_mult > 1", dict(kind="triangular", step_size=4, min_mult=2.0), "min_mult"),
    ("step_decay step_size 0", dict(kind="step_decay"), "step_size"),
    ("step_decay step_size negative", dict(kind="step_decay", step_size=-1), "step_size"),
    ("step_decay gamma inf", dict(kind="step_decay", step_size=5, gamma=float("inf")), "gamma"),
    ("step_decay gamma negative", dict(kind="step_decay", step_size=5, gamma=-0.5), "gamma"),
    ("step_decay gamma None", dict(kind="step_decay", step_size=5, gamma=None), "gamma"),
    ("step_decay gamma complex", dict(kind="step_decay", step_size=5, gamma=0.5j), "gamma"),
    # a field the kind does not use must keep its default (it would be silently ignored)
    ("cosine with t_0", dict(kind="cosine", total_steps=10, t_0=5), "t_0"),
    ("constant with gamma", dict(kind="constant", gamma=0.5), "gamma"),
    ("step_decay with eta_min", dict(kind="step_decay", step_size=5, eta_min=0.1), "eta_min"),
    ("warmup with step_size nan", dict(kind="linear_warmup", warmup_steps=5,
                                       step_size=float("nan")), "step_size"),
]


@pytest.mark.parametrize("label,fields,argname", BAD_DIRECT_SCHEDULES,
                         ids=[c[0] for c in BAD_DIRECT_SCHEDULES])
def test_schedule_built_directly_is_checked(label, fields, argname):
    """Schedule(...) itself (not only the builders) refuses a zero/negative/non-whole period,
    a non-finite or out-of-range multiplier, an unknown or unhashable kind, and a field its kind
    does not use: ValueError naming the field, raised at construction (so no run ever loops on
    a zero period)."""
    with pytest.raises(ValueError, match=re.escape(argname)):
        Schedule(**fields)


def test_valid_direct_schedules_equal_the_builders_and_hash():
    """Schedule(...) with in-range values (NumPy scalars too) equals the builder's schedule,
    stores plain int/float, hashes equal and evaluates to finite multipliers."""
    pairs = [
        (Schedule("constant"), schedules.constant()),
        (Schedule("linear_warmup", warmup_steps=np.int64(10)), schedules.linear_warmup(10)),
        (Schedule("cosine", total_steps=50, eta_min=np.float32(0.5)), schedules.cosine(50, 0.5)),
        (Schedule("cosine_warm_restarts", t_0=7, t_mult=2, eta_min=Fraction(1, 4)),
         schedules.cosine_warm_restarts(7, 2, 0.25)),
        (Schedule("triangular", step_size=5, min_mult=0.1), schedules.triangular(5, 0.1)),
        (Schedule("step_decay", step_size=3, gamma=0.5), schedules.step_decay(3, 0.5)),
        (Schedule("linear_warmup", warmup_steps=2**53), schedules.linear_warmup(2**53)),
    ]
    for direct, built in pairs:
        assert direct == built and hash(direct) == hash(built)
        assert all(type(getattr(direct, f)) in (int, float) for f in
                   ("warmup_steps", "total_steps", "eta_min", "t_0", "t_mult", "step_size",
                    "min_mult", "gamma"))
        assert np.isfinite(direct(np.arange(1, 200))).all()


# --- wrong types never raise TypeError ---------------------------------------------------------

WEIRD_VALUES = ["fast", "0.1", b"0.1", None, 1 + 2j, [["a"]], ["0.1", "0.2"], {"a": 1},
                {0.1}, object(), np.array(["x"]), np.array([1 + 1j]), [0.1, "a"]]
KEYWORDS = ["lr", "beta1", "beta2", "eps", "weight_decay", "schedule", "clip_norm", "clip_mode",
            "noise_sigma", "seed", "spikes", "loss_scale", "grad_scale", "bias_correction",
            "init_state", "record", "bound"]


@pytest.mark.parametrize("keyword", KEYWORDS)
def test_no_wrong_type_raises_type_error(keyword):
    """Each keyword of simulate, given each of a dozen values of the wrong type (strings, None,
    complex, nested or unhashable lists, dicts, sets, arbitrary objects, string and complex
    arrays): a ValueError naming the keyword, never a TypeError (or a run that silently
    accepts it). None is skipped where it means "off" (schedule, clip_norm, spikes, init_state,
    record)."""
    for value in WEIRD_VALUES:
        if value is None and keyword in ("schedule", "clip_norm", "spikes", "init_state",
                                         "record"):
            continue
        kwargs = {keyword: value}
        if keyword == "clip_mode":
            kwargs["clip_norm"] = 1.0
        if keyword == "seed":
            kwargs["noise_sigma"] = 0.1
        with pytest.raises(ValueError, match=re.escape(keyword)):
            simulate(BOWL, "adamw", START, 3, **kwargs)


@pytest.mark.parametrize("value", WEIRD_VALUES[:10], ids=repr)
def test_no_wrong_type_reaches_the_builders_as_type_error(value):
    """The schedule builders and schedules.build: a wrong-type value -> ValueError."""
    for make in (lambda: schedules.cosine(10, eta_min=value),
                 lambda: schedules.cosine_warm_restarts(value),
                 lambda: schedules.step_decay(5, gamma=value),
                 lambda: schedules.build(value)):
        with pytest.raises(ValueError):
            make()


BOOL_WHERE_A_NUMBER_GOES = [
    ("lr", {"lr": True}), ("lr array", {"lr": np.array([True])}), ("eps", {"eps": np.True_}),
    ("weight_decay", {"weight_decay": False}), ("clip_norm", {"clip_norm": True}),
    ("noise_sigma", {"noise_sigma": True}), ("seed", {"noise_sigma": 0.1, "seed": False}),
    ("spikes", {"spikes": {2: True}}), ("loss_scale", {"loss_scale": True}),
    ("grad_scale", {"grad_scale": (True, 1.0)}), ("bound", {"bound": True}),
]


@pytest.mark.parametrize("argname,kwargs", BOOL_WHERE_A_NUMBER_GOES,
                         ids=[c[0] for c in BOOL_WHERE_A_NUMBER_GOES])
def test_bool_is_not_a_number(argname, kwargs):
    """Decided: True/False where a number goes is a slip (lr=True is not "lr = 1"), refused
    with ValueError naming the argument, in scalars, arrays and tuples alike."""
    with pytest.raises(ValueError, match=re.escape(argname.split()[0])):
        simulate(BOWL, "adamw", START, 3, **kwargs)


def test_bool_is_not_a_start_or_a_schedule_number():
    """The same decision for the starts and the schedules' fields."""
    with pytest.raises(ValueError, match="starts"):
        simulate(BOWL, "adamw", [True, False], 3)
    with pytest.raises(ValueError, match="eta_min"):
        schedules.cosine(10, eta_min=True)
    with pytest.raises(ValueError, match="t_0"):
        Schedule("cosine_warm_restarts", t_0=True)


def test_real_numbers_of_any_numeric_type_are_accepted():
    """NumPy integer and float scalars, Fractions and int arrays are numbers: they run and give
    the same path as the plain floats."""
    plain = simulate(BOWL, "adam", START, 5, lr=0.25, eps=1e-8, bound=1e6)
    for lr, bound in ((np.float32(0.25), np.int64(10**6)), (Fraction(1, 4), 10**6),
                      (np.array([0.25]), np.float64(1e6))):
        traj = simulate(BOWL, "adam", START, 5, lr=lr, bound=bound)
        np.testing.assert_array_equal(traj.positions, plain.positions)
    assert simulate(BOWL, "sgd", np.array([1, -1]), 2, lr=1).diverged_at.tolist() == [-1]


def test_init_state_of_the_wrong_type_or_t():
    """An init_state whose t is not a whole number >= 0 (or would pass 2**53), or whose slots
    hold non-numbers -> ValueError naming init_state, never TypeError."""
    good = _adam_state()
    bad_states = [
        good._replace(t=-1), good._replace(t="3"), good._replace(t=None), good._replace(t=2.5),
        good._replace(t=2**53), good._replace(optimizer=["adam"]),
        good._replace(slots=good.slots._replace(m=None)),
        good._replace(slots=good.slots._replace(v=[["a", "b"]])),
    ]
    for state in bad_states:
        with pytest.raises(ValueError, match="init_state"):
            simulate(BOWL, "adam", START, 5, init_state=state)
    assert isinstance(good, RunState)
    simulate(BOWL, "adam", START, 5, init_state=good)


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
