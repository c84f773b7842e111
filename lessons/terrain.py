"""Terrain: how the shape of the loss decides who gets where (phenomena 1-6).

Ravines and canyons, plateaus, saddles, the plain bowl, sharp against flat minima, and a
repulsive wall. Each evidence function runs the real engine and returns the paths plus the few
numbers the lesson quotes.
"""

from __future__ import annotations

import numpy as np

from landscapes import get_landscape
from lessons.base import (
    Control,
    Evidence,
    Experiment,
    Number,
    Preset,
    first_step,
    run,
    sign_changes,
)
from lessons.common import (
    end_point,
    hessian_trace,
    optimizers_of,
    path,
    reasons_of,
    run_one,
    steps_to_reach,
)

THEME = "terrain"


# --- 1. narrow ravine -----------------------------------------------------------------------------

RAVINE_START = (-2.5, 0.5)
ROSEN_START = (-1.5, 2.0)


def ravine_scene(scene: str):
    """(landscape, start, GD lr, Adam lr, steps, cross-valley residual function) of a scene."""
    if scene == "rosenbrock":
        ls = get_landscape("rosenbrock")
        return ls, ROSEN_START, 0.0015, 0.05, 6000, lambda p: p[:, 1] - p[:, 0] ** 2
    return get_landscape("ravine_axis"), RAVINE_START, 0.18, 0.1, 1500, lambda p: p[:, 1]


def ravine_evidence(scene: str) -> Evidence:
    """GD zig-zags across a narrow valley; Adam's per-coordinate step goes along it.

    Quadratic scene (``ravine_axis``): f = (0.1 x^2 + 10 y^2) / 2. GD at lr 0.18 (just under
    2/10) flips y's sign every step and creeps along x at rate 1 - 0.1 lr; Adam takes steps of
    about lr in
    each coordinate. Rosenbrock scene: the same story in a curved canyon, the cross-valley
    coordinate being y - x^2. Reaching = within 0.1 of the minimum.
    """
    ls, start, lr_gd, lr_adam, steps, cross = ravine_scene(scene)
    gd = run_one(ls, run("GD", "sgd", lr=lr_gd), start, steps)
    adam = run_one(ls, run("Adam", "adam", lr=lr_adam), start, steps)
    target = ls.minima[0]
    n_gd, n_adam = steps_to_reach(path(gd), target, 0.1), steps_to_reach(path(adam), target, 0.1)
    bounce_gd = sign_changes(cross(path(gd))[:101])
    bounce_adam = sign_changes(cross(path(adam))[:101])
    return Evidence(
        landscape=ls, bounds=ls.bounds, paths={"GD": path(gd), "Adam": path(adam)},
        numbers={"gd_steps": n_gd, "adam_steps": n_adam, "gd_bounces": bounce_gd,
                 "adam_bounces": bounce_adam},
        checks={"gd_bounces": bounce_gd > 20 * max(bounce_adam, 1) / 10,
                "adam_sooner": 0 < n_adam and (n_gd < 0 or 2 * n_adam < n_gd)},
        optimizers={"GD": "sgd", "Adam": "adam"}, reasons=reasons_of({"GD": gd, "Adam": adam}),
    )


RAVINE_EXP = Experiment(
    id=1, slug="ravine", theme=THEME,
    preset=Preset("ravine_axis", RAVINE_START, 1500,
                  (run("GD", "sgd", lr=0.18), run("Adam", "adam", lr=0.1))),
    controls=(Control("scene", "quadratic", options=("quadratic", "rosenbrock"),
                      translate=True),),
    numbers=(Number("gd_bounces", "{:d}"), Number("adam_bounces", "{:d}"),
             Number("gd_steps", "{:d}", never=True), Number("adam_steps", "{:d}", never=True)),
    evidence=ravine_evidence,
    formula=r"\Delta\theta_i^{\mathrm{Adam}} = -\eta\,\frac{\hat m_i}{\sqrt{\hat v_i}+\epsilon}"
            r"\quad (i = x, y),\qquad \Delta\theta^{\mathrm{GD}} = -\eta\,g",
)


# --- 2. plateau -----------------------------------------------------------------------------------


def plateau_evidence(momentum: float) -> Evidence:
    """On a nearly flat shelf: GD crawls, momentum accumulates, Adam walks at about lr per step.

    With a tiny constant gradient g, GD moves lr * g per step, heavy-ball momentum up to
    lr * g / (1 - mu), and Adam lr * m_hat / sqrt(v_hat) = lr (the size of g cancels).
    """
    ls = get_landscape("plateau")
    start = ls.start
    steps = 400
    lr = 0.02
    runs = (run("GD", "sgd", lr=lr), run(f"Momentum μ={momentum:g}", "momentum", lr=lr,
                                         momentum=momentum),
            run("Adam", "adam", lr=lr))
    trs = {r.label: run_one(ls, r, start, steps) for r in runs}
    dist = {k: float(np.linalg.norm(path(tr)[-1] - path(tr)[0])) for k, tr in trs.items()}
    labels = [r.label for r in runs]
    adam_steps = np.abs(np.diff(path(trs["Adam"])[:51], axis=0)).max(axis=1)
    g0 = float(np.linalg.norm(ls.grad(np.asarray(start))))
    return Evidence(
        landscape=ls, bounds=ls.bounds, paths={k: path(tr) for k, tr in trs.items()},
        numbers={"gd": dist["GD"], "momentum": dist[labels[1]], "adam": dist["Adam"],
                 "adam_step": float(np.mean(adam_steps) / lr), "grad": g0},
        checks={"gd_crawls": dist["GD"] < 0.05 * dist["Adam"],
                "adam_about_lr": bool(0.9 < np.mean(adam_steps) / lr < 1.1)},
        optimizers=optimizers_of(runs), reasons=reasons_of(trs),
        map_caption="lesson.plateau.caption",
    )


PLATEAU = Experiment(
    id=2, slug="plateau", theme=THEME,
    preset=Preset("plateau", (-4.0, 3.0), 400,
                  (run("GD", "sgd", lr=0.02), run("Momentum", "momentum", lr=0.02, momentum=0.9),
                   run("Adam", "adam", lr=0.02))),
    controls=(Control("momentum", 0.9, options=(0.0, 0.5, 0.9, 0.99), fmt="{:g}"),),
    numbers=(Number("grad", "{:.2g}"), Number("gd", "{:#.3g}"), Number("momentum", "{:#.3g}"),
             Number("adam", "{:#.3g}"), Number("adam_step", "{:.2f}")),
    evidence=plateau_evidence,
    formula=r"|\Delta\theta^{\mathrm{GD}}| = \eta|g|,\quad |\Delta\theta^{\mathrm{mom}}| \to"
            r" \frac{\eta|g|}{1-\mu},\quad |\Delta\theta_i^{\mathrm{Adam}}| \approx \eta",
)


# --- 3. saddle ------------------------------------------------------------------------------------

SADDLE_STEPS = 1000


def saddle_evidence(y0: float, sigma: float) -> Evidence:
    """Leaving the saddle of f = x^2 - y^2 + y^4 / 4 from (1, y0) at lr 0.01.

    Escape = the first step t with |y_t| > 0.5 (row t of the trajectory is the position after
    step t). GD multiplies y by about 1 + 2 lr = 1.02 per step, so from 1e-6 it needs some
    ln(5e5) / ln(1.02) ~ 660 steps; Adam's step is about lr whatever |y| is. From y0 = 0 the
    y-gradient is exactly 0 for both; gradient noise (sigma) breaks the tie.
    """
    ls = get_landscape("saddle")
    start = (1.0, y0)
    opts = {"noise_sigma": sigma, "seed": 7} if sigma > 0 else {}
    gd = run_one(ls, run("GD", "sgd", opts, lr=0.01), start, SADDLE_STEPS)
    adam = run_one(ls, run("Adam", "adam", opts, lr=0.01), start, SADDLE_STEPS)
    esc_gd = first_step(np.abs(path(gd)[:, 1]) > 0.5)
    esc_adam = first_step(np.abs(path(adam)[:, 1]) > 0.5)
    return Evidence(
        landscape=ls, bounds=ls.bounds, paths={"GD": path(gd), "Adam": path(adam)},
        numbers={"adam": esc_adam, "gd": esc_gd},
        checks={},
        variant="_stuck" if esc_gd < 0 and esc_adam < 0 else "",
        optimizers={"GD": "sgd", "Adam": "adam"}, reasons=reasons_of({"GD": gd, "Adam": adam}),
    )


SADDLE = Experiment(
    id=3, slug="saddle", theme=THEME,
    preset=Preset("saddle", (1.0, 1e-6), SADDLE_STEPS,
                  (run("GD", "sgd", lr=0.01), run("Adam", "adam", lr=0.01))),
    controls=(Control("y0", 1e-6, options=(0.0, 1e-9, 1e-6, 1e-3), fmt="{:g}"),
              Control("sigma", 0.0, options=(0.0, 0.01, 0.1), fmt="{:g}")),
    numbers=(Number("adam", "{:d}", never=True), Number("gd", "{:d}", never=True)),
    evidence=saddle_evidence,
    variants=("", "_stuck"),
    formula=r"f = x^2 - y^2 + \tfrac14 y^4,\qquad y_t^{\mathrm{GD}} \approx (1 + 2\eta)^t\,y_0",
)


# --- 4. bowl --------------------------------------------------------------------------------------

BOWL = get_landscape("bowl")
BOWL_OPTIMIZERS = (("SGD", "sgd"), ("Momentum", "momentum"), ("RMSProp", "rmsprop"),
                   ("Adam", "adam"), ("AdamW", "adamw"))


def bowl_evidence(lr: float) -> Evidence:
    """On the round bowl f = x^2 + y^2 every method gets to the minimum: the baseline.

    Reaching = within 0.01 of the centre; 1000 steps.
    """
    start = (-2.5, 2.0)
    trs = {label: run_one(BOWL, run(label, name, lr=lr), start, 1000)
           for label, name in BOWL_OPTIMIZERS}
    reach = {k: steps_to_reach(path(tr), (0.0, 0.0), 0.01) for k, tr in trs.items()}
    ends = {k: float(np.linalg.norm(end_point(tr))) for k, tr in trs.items()}
    return Evidence(
        landscape=BOWL, bounds=((-3.0, 3.0), (-3.0, 3.0)),
        paths={k: path(tr) for k, tr in trs.items()},
        numbers={**{f"reach_{k.lower()}": v for k, v in reach.items()},
                 "worst_end": max(ends.values())},
        checks={"all_converge": max(ends.values()) < 0.05},
        optimizers=dict(BOWL_OPTIMIZERS), reasons=reasons_of(trs),
    )


BOWL_EXP = Experiment(
    id=4, slug="bowl", theme=THEME,
    preset=Preset("bowl", (-2.5, 2.0), 1000,
                  tuple(run(label, name, lr=0.05) for label, name in BOWL_OPTIMIZERS)),
    controls=(Control("lr", 0.05, options=(0.01, 0.05, 0.1), fmt="{:g}"),),
    numbers=tuple(Number(f"reach_{label.lower()}", "{:d}", never=True)
                  for label, _ in BOWL_OPTIMIZERS),
    quoted=(Number("worst_end", "{:.1e}"),),
    evidence=bowl_evidence,
)


# --- 5. sharp versus flat minimum -----------------------------------------------------------------

FLAT_START = (-3.0, -1.0)


def basin(ls, point: tuple[float, float]) -> str:
    """"sharp" or "flat": which of ``two_basin``'s minima (listed sharp first) is nearer."""
    d = [np.hypot(point[0] - m[0], point[1] - m[1]) for m in ls.minima]
    return "sharp" if d[0] < d[1] else "flat"


def sharp_flat_evidence(momentum: float) -> Evidence:
    """Plain GD (and Adam) stay in the narrow well; heavy momentum overshoots it into the wide one.

    Flatness is read off the Hessian trace at each end point: about 75 in the narrow (sharp)
    well, 2.4 in the wide (flat) one. Landscape: ``two_basin``, lr 0.05, 3000 steps.
    """
    ls = get_landscape("two_basin")
    lr = 0.05
    runs = (run("GD", "sgd", lr=lr), run("Adam", "adam", lr=lr),
            run(f"Momentum μ={momentum:g}", "momentum", lr=lr, momentum=momentum))
    trs = {r.label: run_one(ls, r, FLAT_START, 3000) for r in runs}
    ends = [end_point(trs[r.label]) for r in runs]
    return Evidence(
        landscape=ls, bounds=ls.bounds, paths={k: path(tr) for k, tr in trs.items()},
        numbers={"trace_gd": hessian_trace(ls, ends[0]),
                 "trace_adam": hessian_trace(ls, ends[1]),
                 "trace_heavy": hessian_trace(ls, ends[2]),
                 "loss_gd": float(ls.value(np.asarray(ends[0]))),
                 "loss_heavy": float(ls.value(np.asarray(ends[2])))},
        checks={"gd_sharp": basin(ls, ends[0]) == "sharp",
                "heavy_flat": basin(ls, ends[2]) == "flat"},
        codes={"basin_gd": basin(ls, ends[0]), "basin_adam": basin(ls, ends[1]),
               "basin_heavy": basin(ls, ends[2])},
        optimizers=optimizers_of(runs), reasons=reasons_of(trs),
    )


SHARP_FLAT = Experiment(
    id=5, slug="sharp_flat", theme=THEME,
    preset=Preset("two_basin", FLAT_START, 3000,
                  (run("GD", "sgd", lr=0.05), run("Adam", "adam", lr=0.05),
                   run("Momentum", "momentum", lr=0.05, momentum=0.9))),
    controls=(Control("momentum", 0.9, options=(0.0, 0.5, 0.8, 0.9, 0.97), fmt="{:g}"),),
    numbers=(Number("trace_gd", "{:.1f}"), Number("trace_adam", "{:.1f}"),
             Number("trace_heavy", "{:.1f}")),
    evidence=sharp_flat_evidence,
    formula=r"\operatorname{tr} H = \lambda_1 + \lambda_2",
)


# --- 6. repulsive wall ----------------------------------------------------------------------------


def wall_evidence(lr: float) -> Evidence:
    """Near a Lennard-Jones-like wall the gradient explodes; GD is thrown away, Adam is not.

    GD's first step is lr * g, and g near the wall is huge; Adam's first step is lr per
    coordinate; clipping the gradient to norm 1 bounds GD's step to lr.
    """
    ls = get_landscape("lj_wall")
    start = ls.start
    steps = 300
    runs = (run("GD", "sgd", lr=lr), run("Adam", "adam", lr=lr),
            run("GD + clip 1", "sgd", {"clip_norm": 1.0}, lr=lr))
    trs = {r.label: run_one(ls, r, start, steps) for r in runs}
    far = {k: float(np.nanmax(np.linalg.norm(path(tr) - np.asarray(start), axis=1)))
           for k, tr in trs.items()}
    g0 = float(np.linalg.norm(ls.grad(np.asarray(start))))
    return Evidence(
        landscape=ls, bounds=ls.bounds, paths={k: path(tr) for k, tr in trs.items()},
        numbers={"grad": g0, "gd_jump": lr * g0, "adam_far": far["Adam"],
                 "clip_far": far["GD + clip 1"], "gd_stopped": int(trs["GD"].diverged_at[0])},
        checks={"gd_thrown": bool(far["GD"] > 100 or trs["GD"].diverged_at[0] > 0),
                "adam_finite": trs["Adam"].diverged_at[0] < 0 and far["Adam"] < 10,
                "clip_finite": trs["GD + clip 1"].diverged_at[0] < 0 and far["GD + clip 1"] < 10},
        optimizers=optimizers_of(runs), reasons=reasons_of(trs),
    )


WALL = Experiment(
    id=6, slug="wall", theme=THEME,
    preset=Preset("lj_wall", (0.25, 1.0), 300,
                  (run("GD", "sgd", lr=0.01), run("Adam", "adam", lr=0.01),
                   run("GD + clip", "sgd", {"clip_norm": 1.0}, lr=0.01))),
    controls=(Control("lr", 0.01, options=(0.001, 0.01, 0.05), fmt="{:g}"),),
    numbers=(Number("grad", "{:.3g}"), Number("gd_jump", "{:.3g}"), Number("adam_far", "{:.3g}"),
             Number("clip_far", "{:.3g}"), Number("gd_stopped", "{:d}", never=True)),
    evidence=wall_evidence,
    formula=r"\lVert\Delta\theta\rVert_{GD} = \eta\lVert g\rVert,\qquad"
            r"|\Delta\theta_i|_{Adam} \lesssim \eta",
)
