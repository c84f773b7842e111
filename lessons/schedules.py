"""Schedules and stability: warm-up, restarts and cycles, clipping (phenomena 20-22).

The learning rate of step t is lr * schedule(t) (``optim.schedules``); every experiment here
shows lr(t) beside the path, so the moment something happens can be read off both.
"""

from __future__ import annotations

import numpy as np

from landscapes import get_landscape
from lessons.base import Control, Evidence, Experiment, Number, Preset, Series, first_step, run
from lessons.common import end_point, path, run_one
from lessons.inside_adam import AFTER, SPIKE_AT, recovery_steps, scar_run
from lessons.terrain import basin
from optim import schedules

THEME = "schedules"


# --- 20. warm-up ----------------------------------------------------------------------------------

WARM_START = (-1.5, 2.0)
WARM_LR = 0.3
WARM_STEPS = 400


def rise_after(losses: np.ndarray, w: int) -> float:
    """How far the loss climbs back after step ``w``: max over t >= w of L_t / min_{w<=s<=t} L_s.

    1 means the loss never rose again after the warm-up; 2 means it once doubled.
    """
    tail = np.asarray(losses[w:], dtype=float)
    return float(np.max(tail / np.minimum.accumulate(tail)))


def warmup_evidence(warmup: int) -> Evidence:
    """Adam at lr 0.3 from a steep spot of the Rosenbrock valley, with and without warm-up.

    Adam's first steps are about lr per coordinate whatever the curvature, because m_hat / sqrt(
    v_hat) = sign(g) at t = 1. From (-1.5, 2), on the steep wall above the curved floor, a
    full-size first step jumps across the valley and the loss shoots up (from 12.5 to 78.8). A
    linear warm-up (lr_t = lr * min(1, t / w)) makes the first steps small while Adam's moments
    learn the terrain: with w = 50 the loss never rises above its start, Adam is on the floor
    (|y - x^2| < 0.05) when the rate reaches its peak, from there the loss only falls, and the
    run ends far lower than the one without warm-up (checked with the engine for w = 50).
    """
    ls = get_landscape("rosenbrock")
    steps = WARM_STEPS
    sched = schedules.linear_warmup(warmup) if warmup > 0 else schedules.constant()
    const = run_one(ls, run("Adam", "adam", lr=WARM_LR), WARM_START, steps, record=("lr",))
    warm = run_one(ls, run("Adam + warm-up", "adam", {"schedule": sched}, lr=WARM_LR),
                   WARM_START, steps, record=("lr",))
    l0 = float(const.losses[0, 0])
    peak_c = float(np.nanmax(const.losses[1:51, 0]))
    peak_w = float(np.nanmax(warm.losses[1:51, 0]))
    w = max(warmup, 1)
    at_peak = path(warm)[w]
    end_c, end_w = float(const.losses[-1, 0]), float(warm.losses[-1, 0])
    rise = rise_after(warm.losses[:, 0], w)
    clean = peak_w <= l0 * 1.0001 and rise < 1.05
    x = np.arange(1, steps + 1)
    labels = ("Adam", "Adam + warm-up")
    return Evidence(
        landscape=ls, bounds=((-2.0, 2.0), (-1.0, 3.0)),
        paths={labels[0]: path(const), labels[1]: path(warm)},
        numbers={"start_loss": l0, "peak_const": peak_c, "peak_warm": peak_w,
                 "jump_const": float(const.losses[1, 0] / l0),
                 "end_const": end_c, "end_warm": end_w,
                 "floor_gap": float(abs(at_peak[1] - at_peak[0] ** 2)),
                 "rise_warm": rise},
        checks={"const_jumps": peak_c > 2 * l0, "warm_calm": peak_w <= l0 * 1.0001,
                "warm_ends_lower": end_w < end_c, "warm_no_rebound": rise < 1.05},
        variant="_none" if warmup == 0 else ("" if clean else "_rough"),
        optimizers={labels[0]: "adam", labels[1]: "adam"},
        series={"lr": Series(x, {k: tr.lrs[1:, 0] for k, tr in zip(labels, (const, warm),
                                                                     strict=True)},
                             y_key="lesson.axis.lr"),
                "loss": Series(np.arange(steps + 1),
                               {k: tr.losses[:, 0] for k, tr in zip(labels, (const, warm),
                                                                     strict=True)},
                               log_y=True, y_key="lesson.axis.loss")},
    )


WARMUP = Experiment(
    id=20, slug="warmup", theme=THEME,
    preset=Preset("rosenbrock", WARM_START, WARM_STEPS,
                  (run("Adam", "adam", lr=WARM_LR),
                   run("Adam + warm-up", "adam", {"schedule": schedules.linear_warmup(50)},
                       lr=WARM_LR))),
    controls=(Control("warmup", 50, options=(0, 10, 50, 100)),),
    numbers=(Number("start_loss", "{:.3g}"), Number("peak_const", "{:.3g}"),
             Number("peak_warm", "{:.3g}")),
    quoted=(Number("jump_const", "{:.1f}"), Number("end_const", "{:.2e}"),
            Number("end_warm", "{:.2e}"), Number("floor_gap", "{:.2f}"),
            Number("rise_warm", "{:.2f}")),
    evidence=warmup_evidence,
    variants=("", "_rough", "_none"),
    formula=r"\eta_t = \eta\,\min\!\Bigl(1, \frac{t}{w}\Bigr)",
)


# --- 21. restarts and cycles ----------------------------------------------------------------------

CYCLE_START = (-1.3, 0.3)
CYCLE_STEPS = 1200
CYCLE_LOW = 0.01


def cycle_runs(peak: float) -> dict[str, tuple[float, schedules.Schedule]]:
    """Label -> (base lr, schedule): a constant small lr and two schedules peaking at ``peak``.

    Both schedules bottom out at the same small lr (``CYCLE_LOW``) as the constant run.
    """
    floor = min(1.0, CYCLE_LOW / peak)
    return {
        "GD constant": (CYCLE_LOW, schedules.constant()),
        "GD cyclic": (peak, schedules.triangular(100, floor)),
        "GD cosine restarts": (peak, schedules.cosine_warm_restarts(200, 1, floor)),
    }


def stability_threshold(ls) -> float:
    """2 / (largest curvature at the sharp minimum): above it GD cannot stay in that well."""
    h = np.linalg.eigvalsh(ls.hessian(np.asarray(ls.minima[0])))
    return float(2.0 / h.max())


def cycles_evidence(peak: float) -> Evidence:
    """Gradient descent in ``two_basin``'s narrow well: only high-lr phases get it out.

    GD is unstable in a well of curvature h once lr > 2 / h (about 0.053 for the narrow well,
    whose curvature is about 37). A constant small lr stays there; a cyclic or restarted
    schedule whose peak is well above the threshold throws the iterate out, and its low phases
    let it settle in the wide well (curvature 1.2, stable for lr < 1.6). Passing the threshold
    is necessary, not sufficient: just above it the iterate may only rattle inside the well.
    """
    ls = get_landscape("two_basin")
    trs = {label: run_one(ls, run(label, "sgd", {"schedule": sch}, lr=lr), CYCLE_START,
                          CYCLE_STEPS, record=("lr",))
           for label, (lr, sch) in cycle_runs(peak).items()}
    escape = {k: first_step(path(tr)[:, 0] > 0.5) for k, tr in trs.items()}
    basins = {k: basin(ls, end_point(tr)) for k, tr in trs.items()}
    lr_at = {k: float(tr.lrs[escape[k], 0]) if escape[k] > 0 else float("nan")
             for k, tr in trs.items()}
    keys = list(trs)
    x = np.arange(1, CYCLE_STEPS + 1)
    return Evidence(
        landscape=ls, bounds=ls.bounds,
        paths={k: path(tr) for k, tr in trs.items()},
        numbers={"threshold": stability_threshold(ls),
                 "escape_const": escape[keys[0]], "escape_cyclic": escape[keys[1]],
                 "escape_restarts": escape[keys[2]],
                 "lr_cyclic": lr_at[keys[1]], "lr_restarts": lr_at[keys[2]]},
        checks={"const_stuck": basins[keys[0]] == "sharp",
                "cyclic_out": basins[keys[1]] == "flat",
                "restarts_out": basins[keys[2]] == "flat"},
        codes={"basin_const": basins[keys[0]], "basin_cyclic": basins[keys[1]],
               "basin_restarts": basins[keys[2]]},
        series={"lr": Series(x, {k: tr.lrs[1:, 0] for k, tr in trs.items()},
                             y_key="lesson.axis.lr")},
        optimizers={k: "sgd" for k in trs},
    )


CYCLES = Experiment(
    id=21, slug="cycles", theme=THEME,
    preset=Preset("two_basin", CYCLE_START, CYCLE_STEPS,
                  tuple(run(k, "sgd", {"schedule": s}, lr=lr)
                        for k, (lr, s) in reversed(cycle_runs(0.5).items()))),
    controls=(Control("peak", 0.5, options=(0.05, 0.1, 0.2, 0.5, 1.0), fmt="{:g}"),),
    numbers=(Number("threshold", "{:.3f}"), Number("escape_cyclic", "{:d}", never=True),
             Number("escape_restarts", "{:d}", never=True),
             Number("escape_const", "{:d}", never=True)),
    quoted=(Number("lr_cyclic", "{:.4f}"), Number("lr_restarts", "{:.4f}")),
    evidence=cycles_evidence,
    formula=r"x_{t+1} - x^\ast = (1 - \eta h)(x_t - x^\ast),\qquad |1 - \eta h| > 1"
            r" \iff \eta > \frac{2}{h}",
)


# --- 22. clipping before or after the moments -----------------------------------------------------


def clipping_evidence(mode: str) -> Evidence:
    """A 1000x spike under three regimes: no clipping, clip the raw gradient, clip the step.

    Clipping the raw gradient (norm <= 2, the normal gradient has norm 1.41) keeps the spike
    out of m and v, so nothing is scarred. Clipping only the step (norm <= 2 lr) bounds that
    step but v has already taken the spike in: 500 steps later the effective lr is as small as
    without any clipping.
    """
    lr = 0.001
    runs = {"none": scar_run(0.999, 1000.0),
            "before": scar_run(0.999, 1000.0, clip_norm=2.0, clip_mode="before"),
            "after": scar_run(0.999, 1000.0, clip_norm=2 * lr * np.sqrt(2.0),
                              clip_mode="after")}
    ratios = {k: float(e[SPIKE_AT - 1] / e[SPIKE_AT + AFTER]) for k, (e, _, _) in runs.items()}
    steps = {k: float(np.abs(u[SPIKE_AT]) / lr) for k, (_, u, _) in runs.items()}
    x = np.arange(SPIKE_AT - 100, SPIKE_AT + AFTER + 201)
    shown = ("none", mode)
    return Evidence(
        landscape=None, bounds=((0.0, 1.0), (0.0, 1.0)),
        numbers={"ratio_none": ratios["none"], "ratio_before": ratios["before"],
                 "ratio_after": ratios["after"], "step_none": steps["none"],
                 "step_before": steps["before"], "step_after": steps["after"],
                 "recovery_after": recovery_steps(runs["after"][0])},
        checks={"before_clean": abs(ratios["before"] - 1) < 0.01,
                "after_scarred": ratios["after"] > 20,
                "after_bounded": steps["after"] <= 2.0 + 1e-9},
        series={"eff_lr": Series(x - SPIKE_AT,
                                 {k: runs[k][0][x] / runs[k][0][SPIKE_AT - 1] for k in shown},
                                 log_y=True, y_key="lesson.axis.eff_lr_rel", marks=(0, AFTER))},
    )


CLIPPING = Experiment(
    id=22, slug="clipping", theme=THEME,
    preset=Preset("linear", (0.0, 0.0), SPIKE_AT + AFTER + 200,
                  (run("Adam", "adam", {"spikes": {SPIKE_AT: 1000.0}, "clip_norm": 2.0,
                                        "clip_mode": "before"}, lr=0.001),)),
    controls=(Control("mode", "before", options=("before", "after"),
                      translate=True),),
    numbers=(Number("ratio_none", "{:.1f}"), Number("ratio_before", "{:.2f}"),
             Number("ratio_after", "{:.1f}"), Number("step_after", "{:.2f}")),
    quoted=(Number("step_none", "{:.2f}"), Number("step_before", "{:.2f}")),
    evidence=clipping_evidence,
    formula=r"g \leftarrow g\,\min\!\Bigl(1, \frac{c}{\lVert g\rVert + 10^{-6}}\Bigr)",
)
