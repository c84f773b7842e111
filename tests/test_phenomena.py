"""One test per phenomenon of phenomena.md: run the engine on the lesson's preset, assert the claim.

Every test goes through the experiment's own evidence function (``lessons``), so what is
asserted here is what the page shows. Tolerances are stated in each test. Step counts use the
engine's row convention: row t of a trajectory is the position after step t.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from lessons import EXPERIMENTS, inspector, terrain
from lessons.base import Experiment


def ev(pid: int, **values):
    return EXPERIMENTS[pid].run(**values)


# --- generic --------------------------------------------------------------------------------------


@pytest.mark.parametrize("pid", sorted(p for p, e in EXPERIMENTS.items() if e.evidence))
def test_default_preset_passes_its_own_checks(pid: int) -> None:
    """Every verdict an experiment computes holds for its default controls."""
    e: Experiment = EXPERIMENTS[pid]
    result = e.run()
    failed = [k for k, ok in result.checks.items() if not ok]
    assert not failed, f"phenomenon {pid} ({e.slug}): checks failed {failed}"
    missing = [n.key for n in e.numbers if n.key not in result.numbers]
    assert not missing, f"phenomenon {pid}: numbers not produced {missing}"


def test_every_phenomenon_has_an_experiment() -> None:
    """1-27 are lessons (28 is the inspector page); 19 and 27 are text only."""
    assert sorted(EXPERIMENTS) == list(range(1, 28))
    assert {p for p, e in EXPERIMENTS.items() if e.evidence is None} == {19, 27}


# --- Terrain --------------------------------------------------------------------------------------


@pytest.mark.parametrize("scene", ["quadratic", "rosenbrock"])
def test_01_ravine(scene: str) -> None:
    """GD bounces across the floor; Adam reaches the minimum (within 0.1) at least 2x sooner."""
    n = ev(1, scene=scene).numbers
    assert n["gd_bounces"] > 3 * n["adam_bounces"]
    assert 0 < n["adam_steps"] and 2 * n["adam_steps"] < n["gd_steps"]
    if scene == "quadratic":
        assert n["gd_bounces"] == 100  # y flips sign on every one of the first 100 steps


def test_02_plateau() -> None:
    """GD crawls (< 5% of Adam's distance); momentum 0.9 goes > 5x further; Adam ~ lr per step."""
    n = ev(2, momentum=0.9).numbers
    assert n["grad"] < 0.02
    assert n["gd"] < 0.05 * n["adam"]
    assert n["momentum"] > 5 * n["gd"]
    assert n["adam_step"] == pytest.approx(1.0, abs=0.1)


def test_03_saddle_escape_steps() -> None:
    """From (1, 1e-6) at lr 0.01: |y_t| > 0.5 first at t = 44 (Adam) and t = 666 (GD). Exact."""
    n = ev(3, y0=1e-6, sigma=0.0).numbers
    assert (n["adam"], n["gd"]) == (44, 666)


def test_03_saddle_on_the_line_and_noise() -> None:
    """From y = 0 neither run leaves (g_y == 0 exactly); gradient noise (sigma 0.01) frees both."""
    stuck = ev(3, y0=0.0, sigma=0.0)
    assert (stuck.numbers["adam"], stuck.numbers["gd"]) == (-1, -1)
    assert stuck.variant == "_stuck"
    noisy = ev(3, y0=0.0, sigma=0.01).numbers
    assert noisy["adam"] > 0 and noisy["gd"] > 0


@pytest.mark.parametrize("lr", [0.01, 0.05, 0.1])
def test_04_bowl_everyone_converges(lr: float) -> None:
    """All five optimizers end within 0.05 of the bowl's minimum after 1000 steps."""
    result = ev(4, lr=lr)
    assert result.numbers["worst_end"] < 0.05
    assert all(v > 0 for k, v in result.numbers.items() if k.startswith("reach_"))


def test_05_sharp_versus_flat() -> None:
    """GD and Adam end in the narrow well (tr H ~ 75); momentum 0.9 in the wide one (tr H 2.4)."""
    result = ev(5, momentum=0.9)
    n = result.numbers
    assert n["trace_gd"] == pytest.approx(74.8, abs=0.1)
    assert n["trace_adam"] == pytest.approx(74.8, abs=0.1)
    assert n["trace_heavy"] == pytest.approx(2.4, abs=0.01)
    assert dict(result.codes) == {"basin_gd": "sharp", "basin_adam": "sharp",
                                  "basin_heavy": "flat"}
    assert ev(5, momentum=0.5).codes["basin_heavy"] == "sharp"  # too little momentum


def test_06_wall() -> None:
    """At lr 0.01 GD's first step (lr |g| ~ 8e6) leaves the 1e6 box at step 1; Adam and
    clipped GD stay within 2 of the start."""
    n = ev(6, lr=0.01).numbers
    assert n["grad"] > 1e8
    assert n["gd_stopped"] == 1
    assert n["adam_far"] < 2 and n["clip_far"] < 2


# --- Inside Adam ----------------------------------------------------------------------------------


def test_07_oscillating_gradient() -> None:
    """g = +10, -10, ...: |m| <= 10 (1 - b1)/(1 + b1) late (1e-9); v_hat = 100 (1e-9)."""
    result = ev(7, beta1=0.9)
    n = result.numbers
    assert n["m_late"] <= n["m_formula"] + 1e-9
    assert n["m_formula"] == pytest.approx(10 * 0.1 / 1.9)
    assert n["v_hat_late"] == pytest.approx(100.0, abs=1e-9)
    rows = {row["t"]: row for row in result.table}
    assert rows[1]["g"] == 10 and rows[2]["g"] == -10
    assert rows[1]["m"] == pytest.approx(1.0) and rows[2]["m"] == pytest.approx(-0.1)
    assert rows[1]["v_hat"] == pytest.approx(100.0) and rows[3000]["v"] == pytest.approx(
        100 * (1 - 0.999 ** 3000))


def test_08_adagrad_never_forgets() -> None:
    """Adagrad's step on a constant gradient is lr / sqrt(t) (rel. 1e-6); RMSProp's stays lr
    (within 1%)."""
    n = ev(8, steps=5000).numbers
    assert n["adagrad_first"] == pytest.approx(0.01, rel=1e-6)
    assert n["adagrad_last"] == pytest.approx(0.01 / math.sqrt(5000), rel=1e-6)
    assert n["rmsprop_last"] == pytest.approx(0.01, rel=0.01)
    assert n["adagrad_share"] < 0.25 < 0.75 < n["rmsprop_share"]


@pytest.mark.parametrize("beta2", [0.9, 0.99, 0.999])
def test_09_adam_beta1_zero_is_rmsprop(beta2: float) -> None:
    """Adam(beta1=0, no bias correction) and RMSProp(alpha=beta2): same path within 1e-12."""
    assert ev(9, beta2=beta2).numbers["max_diff"] <= 1e-12


def test_10_bias_correction_first_step() -> None:
    """First step: lr with correction, 3.162 lr without (rel. 1e-6); the book's 0.316 is wrong."""
    result = ev(10, beta1=0.9, beta2=0.999)
    n = result.numbers
    assert n["step_on"] == pytest.approx(1.0, rel=1e-6)
    assert n["step_off"] == pytest.approx(0.1 / math.sqrt(0.001), rel=1e-6)
    assert n["ratio"] == pytest.approx(3.162, abs=5e-4)
    assert abs(n["ratio"] - 0.316) > 2.5  # the chapter's number is the reciprocal
    assert result.checks["m_hat_is_g"]


def test_11_epsilon_zero_breaks_at_step_one() -> None:
    """At a zero gradient: eps = 0 stops at step 1 as 0/0; eps = 1e-8 stays put exactly."""
    broke = ev(11, eps=0.0)
    assert broke.numbers["stopped"] == 1
    assert broke.codes["reason"] == "nonfinite_update"
    ok = ev(11, eps=1e-8)
    assert ok.numbers["stopped"] == -1 and ok.numbers["moved"] == 0.0


@pytest.mark.parametrize("c", [1e-3, 1.0, 1e3])
@pytest.mark.parametrize("s", [1.0, 100.0])
def test_12_scale_invariance(c: float, s: float) -> None:
    """Adam's path moves by < 1e-3 under loss x c and x-gradient x s (only eps breaks the tie);
    GD's path changes by > 0.1 or blows up."""
    n = ev(12, c=c, s=s).numbers
    assert n["adam_dev"] < 1e-3
    if (c, s) != (1.0, 1.0):
        assert n["gd_dev"] > 0.1 or n["gd_stopped"] > 0
    if c == 1e3:
        assert n["gd_stopped"] > 0


def test_13_momentum_memory() -> None:
    """Carried state: Adam overshoots the valley's bottom by > 0.5 (beta1 0.9); fresh: exactly 0."""
    n = ev(13, beta1=0.9).numbers
    assert n["flung"] > 0.5
    assert n["fresh"] == 0.0
    assert ev(13, beta1=0.99).numbers["flung"] > 3 * n["flung"]


def test_14_scar() -> None:
    """A 1000x spike: 500 steps later the effective lr is still ~25x smaller (beta2 0.999,
    within 10%); 0.999^500 = 0.61; with beta2 = 0.9 it is back within 10% in <= 150 steps;
    a wrong-way spike walks the path back for ~44 steps (40..48)."""
    assert 0.999 ** 500 == pytest.approx(0.61, abs=0.005)
    slow = ev(14, beta2=0.999, factor=1000.0).numbers
    assert slow["ratio_500"] == pytest.approx(25.0, rel=0.1)
    assert slow["recovery"] == -1
    fast = ev(14, beta2=0.9, factor=1000.0).numbers
    assert 0 < fast["recovery"] <= 150
    back = ev(14, beta2=0.999, factor=-1000.0).numbers
    assert 40 <= back["wrong_way"] <= 48


@pytest.mark.parametrize("lr", [0.003, 0.01, 0.03])
def test_15_implicit_bias(lr: float) -> None:
    """GD ends at (0.2, 0.4), Adam at (1/3, 1/3), both within 1e-3."""
    n = ev(15, lr=lr).numbers
    assert (n["gd_x"], n["gd_y"]) == pytest.approx((0.2, 0.4), abs=1e-3)
    assert (n["adam_x"], n["adam_y"]) == pytest.approx((1 / 3, 1 / 3), abs=1e-3)


# --- Weight decay ---------------------------------------------------------------------------------


@pytest.mark.parametrize("wd", [0.01, 0.1, 1.0, 10.0])
def test_16_coupled_versus_decoupled(wd: float) -> None:
    """Zero-gradient y: Adam never moves it; Adam + L2 moves it ~lr per step whatever lambda
    (5%); AdamW multiplies it by exactly 1 - lr lambda (1e-12)."""
    result = ev(16, wd=wd)
    n = result.numbers
    assert n["adam_moved"] == 0.0
    assert n["l2_step"] == pytest.approx(1.0, abs=0.05)
    assert result.checks["adamw_exact"]
    assert n["adamw_factor"] == pytest.approx(1 - 0.01 * wd, abs=1e-12)


@pytest.mark.parametrize(("wd", "end"), [(0.5, 2.0), (1.0, 1.0), (2.0, 0.5)])
def test_17_adamw_end_point(wd: float, end: float) -> None:
    """Bowl centred at (5, 5), lr 0.01: AdamW ends at (1/lambda, 1/lambda) within 0.01."""
    n = ev(17, wd=wd).numbers
    assert (n["x"], n["y"]) == pytest.approx((end, end), abs=0.01)
    assert n["adam_x"] == pytest.approx(5.0, abs=1e-3)


@pytest.mark.parametrize("k", [2.0, 4.0, 10.0])
def test_18_lr_times_lambda(k: float) -> None:
    """(lr / k, k lambda): the zero-gradient y path is the same (1e-12); x's is not (> 0.1)."""
    n = ev(18, k=k).numbers
    assert n["y_diff"] <= 1e-12
    assert n["x_diff"] > 0.1


def test_19_bayes_l2_is_a_gaussian_prior() -> None:
    """Text only in the app; the identity it states, checked numerically:
    -log N(w; 0, s^2 I) = |w|^2 / (2 s^2) + const, so lambda = 1 / s^2 for (lambda/2)|w|^2."""
    rng = np.random.default_rng(0)
    sigma = 0.7
    w = rng.normal(size=(5, 2))
    neg_log = -np.sum(-0.5 * np.log(2 * np.pi * sigma ** 2) - w ** 2 / (2 * sigma ** 2), axis=1)
    const = np.log(2 * np.pi * sigma ** 2)  # two coordinates x 1/2
    lam = 1 / sigma ** 2
    np.testing.assert_allclose(neg_log - const, lam / 2 * np.sum(w ** 2, axis=1), rtol=1e-12)
    assert EXPERIMENTS[19].evidence is None


# --- Schedules and stability ----------------------------------------------------------------------


def test_20_warmup() -> None:
    """Adam at lr 0.3 on Rosenbrock from (-1.5, 2), what the page claims:

    without warm-up the loss jumps (x6 after one step, from 12.5 to 78.8); with a 50-step
    warm-up it never exceeds the start, Adam is on the valley floor (|y - x^2| < 0.1) when
    the rate reaches its peak, the loss does not climb back after that (no step more than 5%
    above the best so far) and the run ends at least 10x lower than the one without warm-up.
    """
    e = ev(20, warmup=50)
    n = e.numbers
    assert n["start_loss"] == pytest.approx(12.5)
    assert n["peak_const"] > 2 * n["start_loss"]
    assert n["jump_const"] > 3
    assert n["peak_warm"] <= n["start_loss"] * (1 + 1e-9)
    assert n["floor_gap"] < 0.1
    assert n["rise_warm"] < 1.05
    assert n["end_warm"] * 10 < n["end_const"]
    warm = e.paths["Adam + warm-up"]
    losses = (1 - warm[:, 0]) ** 2 + 100 * (warm[:, 1] - warm[:, 0] ** 2) ** 2
    tail = losses[50:]
    assert np.all(tail <= np.minimum.accumulate(tail) * 1.05)  # no spike after the warm-up


def test_21_restarts_and_cycles() -> None:
    """Peak lr 0.5: constant lr 0.01 stays in the narrow well, triangular and warm restarts
    leave it (at an lr above 2/h) and end in the wide well."""
    result = ev(21, peak=0.5)
    n = result.numbers
    assert n["escape_const"] == -1
    assert n["escape_cyclic"] > 0 and n["escape_restarts"] > 0
    assert n["lr_cyclic"] > n["threshold"] and n["lr_restarts"] > n["threshold"]
    assert dict(result.codes) == {"basin_const": "sharp", "basin_cyclic": "flat",
                                  "basin_restarts": "flat"}
    assert ev(21, peak=0.05).codes["basin_cyclic"] == "sharp"  # never above 2/h


def test_22_clipping_before_or_after() -> None:
    """Clip the raw gradient: no scar (ratio within 1% of 1). Clip the step: the step is bounded
    (<= 2 lr) but the scar is as deep as without clipping (ratio > 20)."""
    n = ev(22, mode="before").numbers
    assert n["ratio_before"] == pytest.approx(1.0, abs=0.01)
    assert n["ratio_after"] > 20
    assert n["ratio_after"] == pytest.approx(n["ratio_none"], rel=1e-6)
    assert n["step_after"] <= 2.0 + 1e-9 < n["step_none"]


# --- Noise and statistics -------------------------------------------------------------------------


@pytest.mark.parametrize(("lr", "sigma"), [(0.1, 1.0), (0.5, 1.0), (0.05, 3.0)])
def test_23_noise_cloud_variance(lr: float, sigma: float) -> None:
    """On the bowl (h = 2) SGD's stationary variance matches lr sigma^2 / (h (2 - lr h)) within
    5% (200 seeded runs, 400 rows each after burn-in)."""
    n = ev(23, lr=lr, sigma=sigma).numbers
    assert n["formula"] == pytest.approx(lr * sigma ** 2 / (2 * (2 - 2 * lr)))
    assert n["measured"] == pytest.approx(n["formula"], rel=0.05)


@pytest.mark.parametrize("lam", [0.0, 0.1, 1.0, 5.0])
def test_24_ridge_closed_form(lam: float) -> None:
    """Adam (cosine schedule) ends within 1e-6 of the closed-form ridge solution."""
    assert ev(24, lam=lam).numbers["error"] < 1e-6


def test_25_huber_outliers() -> None:
    """With 4 outliers the Huber fit is > 3x closer to the true weights than the squared-loss
    fit; Adam finds both exact minima within 1e-6."""
    n = ev(25, outliers=4).numbers
    assert n["err_huber"] * 3 < n["err_sq"]
    assert n["adam_vs_exact"] < 1e-6


def test_26_train_versus_validation() -> None:
    """Validation loss bottoms out early (step < 300 of 600) and ends above the training loss."""
    n = ev(26, lr=0.05).numbers
    assert 0 < n["best_gd"] < 300 and 0 < n["best_adam"] < 300
    assert n["gap_gd"] > 0 and n["gap_adam"] > 0


def test_27_imbalance_is_text_only() -> None:
    """Skipped as an experiment on purpose: a two-weight landscape cannot represent class
    frequencies honestly, so the lesson is text (checked for presence in test_lessons_strings)."""
    assert EXPERIMENTS[27].evidence is None


# --- Hands-on: the step inspector (28) ------------------------------------------------------------


@pytest.mark.parametrize("optimizer", inspector.OPTIMIZERS)
def test_28_inspector_numbers_reproduce_the_step(optimizer: str) -> None:
    """The quantities the inspector fills into the formula give back the engine's step (1e-12)."""
    scene = inspector.SCENES["ravine"]
    wd = 0.1 if optimizer == "adamw" else 0.0
    rec = inspector.record_run(scene, optimizer,
                               inspector.hyper_for(optimizer, 0.1, 0.9, 0.999, 1e-8, wd))
    for t in (1, 2, 50, scene.steps):
        n = inspector.numbers_at(rec, t)
        if optimizer in ("adam", "amsgrad"):
            want = -n["eff_lr"] * n["m_hat"]
        elif optimizer == "adamw":
            want = -n["lr_t"] * wd * n["theta_prev"] - n["eff_lr"] * n["m_hat"]
        elif optimizer in ("rmsprop", "adagrad"):
            want = -n["eff_lr"] * n["g"]
        elif optimizer == "momentum":
            want = -n["lr_t"] * n["m"]
        else:
            want = -n["lr_t"] * n["g"]
        np.testing.assert_allclose(n["update"], want, rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(n["theta"] - n["theta_prev"], n["update"], atol=1e-12)
        assert len(inspector.formula_lines(rec, t, 0)) >= 2


def test_28_inspector_shows_scar_and_dying_step() -> None:
    """Scar scene: eff_lr right after the spike is > 20x smaller. Adagrad scene: eff_lr at step t
    is lr / sqrt(t) on the even slope (x coordinate, rel. 1e-6)."""
    scar = inspector.record_run(inspector.SCENES["scar"], "adam",
                                inspector.hyper_for("adam", 0.01, 0.9, 0.999, 1e-8, 0.0))
    eff = scar.state["eff_lr"][:, 0]
    assert eff[99] / eff[100] > 20
    ada = inspector.record_run(inspector.SCENES["adagrad"], "adagrad",
                               inspector.hyper_for("adagrad", 0.1, 0.9, 0.999, 1e-8, 0.0))
    t = np.array([1, 10, 100, 2000])
    np.testing.assert_allclose(ada.state["eff_lr"][t, 0], 0.1 / np.sqrt(t), rtol=1e-6)


def test_basin_helper() -> None:
    """``terrain.basin`` names the nearer of two_basin's minima."""
    from landscapes import get_landscape

    ls = get_landscape("two_basin")
    assert terrain.basin(ls, ls.minima[0]) == "sharp"
    assert terrain.basin(ls, ls.minima[1]) == "flat"
