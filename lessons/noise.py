"""Noise and statistics: the stationary cloud, and losses built from data (phenomena 23-27).

Phenomenon 23 runs many seeded trajectories at once (one noise stream each) and compares the
cloud's measured variance with the formula of the linear recursion; 24-26 run on landscapes
that are the losses of a small synthetic regression data set (``lessons.data``).
"""

from __future__ import annotations

import numpy as np

from landscapes import get_landscape
from lessons.base import Control, Evidence, Experiment, Number, Preset, Series, run
from lessons.common import end_point, path, run_one
from optim import schedules, simulate

THEME = "noise"


# --- 23. the stationary cloud ---------------------------------------------------------------------

CLOUD_H = 2.0  # the library's bowl, f = x^2 + y^2 = h/2 |p|^2
CLOUD_RUNS = 200
CLOUD_STEPS = 600
CLOUD_BURN = 200


def cloud_variance(lr: float, sigma: float, h: float) -> float:
    """lr sigma^2 / (h (2 - lr h)): the stationary variance of x <- (1 - lr h) x - lr sigma z.

    From Var = (1 - lr h)^2 Var + lr^2 sigma^2, exact for this linear recursion.
    """
    return lr * sigma ** 2 / (h * (2.0 - lr * h))


def cloud_evidence(lr: float, sigma: float) -> Evidence:
    """SGD with gradient noise on the bowl f = h/2 (x^2 + y^2), h = 2: spread against the formula.

    200 seeded runs start at the minimum; after a burn-in of 200 steps every row of every run
    and both coordinates are pooled (each coordinate is its own 1-D recursion). Adam runs the
    same noise beside it; its cloud has no such closed form and is shown measured only.
    """
    ls = get_landscape("bowl")
    starts = np.zeros((CLOUD_RUNS, 2))
    seeds = np.arange(CLOUD_RUNS)
    sgd = simulate(ls, "sgd", starts, CLOUD_STEPS, lr=lr, noise_sigma=sigma, seed=seeds)
    adam = simulate(ls, "adam", starts, CLOUD_STEPS, lr=lr, noise_sigma=sigma,
                    seed=seeds + 10_000)
    tail_s = sgd.positions[CLOUD_BURN:]
    tail_a = adam.positions[CLOUD_BURN:]
    measured = float(np.var(tail_s))
    formula = cloud_variance(lr, sigma, CLOUD_H)
    spread = 3.0 * max(np.sqrt(formula), float(np.std(tail_a)), 1e-3)
    per_step = np.var(sgd.positions, axis=(1, 2))
    return Evidence(
        landscape=ls, bounds=((-spread, spread), (-spread, spread)),
        paths={"SGD": sgd.positions, "Adam": adam.positions},
        numbers={"measured": measured, "formula": formula,
                 "rel_error": measured / formula - 1.0,
                 "bias": float(np.abs(np.mean(tail_s, axis=(0, 1))).max()),
                 "adam_var": float(np.var(tail_a))},
        checks={"matches": abs(measured / formula - 1.0) < 0.1},
        optimizers={"SGD": "sgd", "Adam": "adam"},
        series={"var": Series(np.arange(CLOUD_STEPS + 1),
                              {"SGD": per_step,
                               "formula": np.full(CLOUD_STEPS + 1, formula)},
                              y_key="lesson.axis.variance")},
    )


CLOUD = Experiment(
    id=23, slug="cloud", theme=THEME,
    preset=Preset("bowl", (0.0, 0.0), CLOUD_STEPS,
                  (run("SGD", "sgd", {"noise_sigma": 1.0}, lr=0.1),
                   run("Adam", "adam", {"noise_sigma": 1.0}, lr=0.1))),
    controls=(Control("lr", 0.1, options=(0.01, 0.05, 0.1, 0.5), fmt="{:g}"),
              Control("sigma", 1.0, options=(0.1, 1.0, 3.0), fmt="{:g}")),
    numbers=(Number("measured", "{:.4g}"), Number("formula", "{:.4g}"),
             Number("rel_error", "{:+.1%}"), Number("adam_var", "{:.4g}")),
    evidence=cloud_evidence,
    formula=r"\operatorname{Var}[x_\infty] = \frac{\eta\,\sigma^2}{h\,(2-\eta h)}",
)


# --- 24. ridge regression -------------------------------------------------------------------------

DATA_STEPS = 2000


def ridge_evidence(lam: float) -> Evidence:
    """Adam on the ridge loss of the library's line data ends at the closed-form solution.

    f(w) = 1/n |A w - b|^2 + lam/2 |w|^2 (``landscapes.ridge``), minimum listed in closed form.
    A cosine schedule takes Adam's step down to zero at the end, so it settles on the minimum
    instead of hovering within about lr of it.
    """
    ls = get_landscape("ridge").with_params(lam=lam)
    exact = ls.minima[0]
    ols = get_landscape("ridge").with_params(lam=0.0).minima[0]
    r = run("Adam", "adam", {"schedule": schedules.cosine(DATA_STEPS)}, lr=0.05)
    adam = run_one(ls, r, (0.0, 0.0), DATA_STEPS)
    e = end_point(adam)
    err = float(np.hypot(e[0] - exact[0], e[1] - exact[1]))
    return Evidence(
        landscape=ls, bounds=ls.bounds, paths={"Adam": path(adam)},
        numbers={"adam_w1": e[0], "adam_w2": e[1], "exact_w1": exact[0], "exact_w2": exact[1],
                 "error": err},
        checks={"reaches": err < 1e-3},
        markers={"λ=0": ols},
        optimizers={"Adam": "adam"}, axes=("w₁", "w₂"),
    )


RIDGE = Experiment(
    id=24, slug="ridge", theme=THEME,
    preset=Preset("ridge", (0.0, 0.0), DATA_STEPS,
                  (run("Adam", "adam", {"schedule": schedules.cosine(DATA_STEPS)}, lr=0.05),)),
    controls=(Control("lam", 0.1, options=(0.0, 0.1, 1.0, 5.0), fmt="{:g}"),),
    numbers=(Number("adam_w1", "{:.4f}"), Number("adam_w2", "{:.4f}"),
             Number("exact_w1", "{:.4f}"), Number("exact_w2", "{:.4f}")),
    quoted=(Number("error", "{:.1e}"),),
    evidence=ridge_evidence,
    formula=r"w^\ast = \Bigl(\tfrac2n A^\top A + \lambda I\Bigr)^{-1} \tfrac2n A^\top b",
)


# --- 25. Huber loss with outliers -----------------------------------------------------------------


def huber_evidence(outliers: int) -> Evidence:
    """Squared loss against Huber loss on the same data with a few gross outliers.

    The squared loss lets a point pull in proportion to its residual; Huber caps each pull at
    delta, so its minimiser stays nearer the true weights (2, -1). Adam (cosine schedule) finds
    both minimisers; each is checked against the library's exact one.
    """
    hub = get_landscape("huber").with_params(n_outliers=outliers)
    sq = get_landscape("ridge").with_params(lam=0.0, n_outliers=outliers)
    r = run("Adam", "adam", {"schedule": schedules.cosine(DATA_STEPS)}, lr=0.05)
    e_sq = end_point(run_one(sq, r, (0.0, 0.0), DATA_STEPS))
    a_hub = run_one(hub, r, (0.0, 0.0), DATA_STEPS)
    e_hub = end_point(a_hub)
    true = (hub.params["true_w1"], hub.params["true_w2"])

    def dist(p, q) -> float:
        return float(np.hypot(p[0] - q[0], p[1] - q[1]))

    return Evidence(
        landscape=hub, bounds=hub.bounds,
        paths={"Adam, Huber": path(a_hub)},
        numbers={"err_sq": dist(e_sq, true), "err_huber": dist(e_hub, true),
                 "adam_vs_exact": max(dist(e_sq, sq.minima[0]), dist(e_hub, hub.minima[0]))},
        checks={"huber_closer": dist(e_hub, true) < dist(e_sq, true) if outliers else True,
                "adam_solves": max(dist(e_sq, sq.minima[0]), dist(e_hub, hub.minima[0])) < 1e-3},
        markers={"true w": true, "squared": e_sq},
        optimizers={"Adam, Huber": "adam"}, axes=("w₁", "w₂"),
    )


HUBER = Experiment(
    id=25, slug="huber", theme=THEME,
    preset=Preset("huber", (0.0, 0.0), DATA_STEPS,
                  (run("Adam", "adam", {"schedule": schedules.cosine(DATA_STEPS)}, lr=0.05),)),
    controls=(Control("outliers", 4, options=(0, 1, 4, 8)),),
    numbers=(Number("err_sq", "{:.3f}"), Number("err_huber", "{:.3f}"),
             Number("adam_vs_exact", "{:.1e}")),
    evidence=huber_evidence,
    formula=r"\rho_\delta(r) = \begin{cases} \tfrac12 r^2 & |r|\le\delta \\"
            r" \delta\,(|r| - \tfrac12\delta) & |r|>\delta \end{cases}",
)


# --- 26. train versus validation loss -------------------------------------------------------------

SPLIT_START = (-1.0, 1.5)
SPLIT_STEPS = 600


def split_sets(train_seed: int = 5, val_seed: int = 101):
    """Train: the squared loss on 8 noisy points; validation: 40 other points of the same line."""
    base = get_landscape("ridge")
    train = base.with_params(lam=0.0, n=8, seed=train_seed, noise=1.0)
    val = base.with_params(lam=0.0, n=40, seed=val_seed, noise=1.0)
    return train, val


def split_evidence(lr: float) -> Evidence:
    """Train loss (the landscape) and held-out loss along GD's and Adam's paths.

    The two losses have different minima, so the validation loss is lowest somewhere along the
    way and rises again as the optimizer homes in on the training minimum: that step is where
    early stopping would stop.
    """
    train, val = split_sets()
    trs = {"GD": run_one(train, run("GD", "sgd", lr=lr), SPLIT_START, SPLIT_STEPS),
           "Adam": run_one(train, run("Adam", "adam", lr=lr), SPLIT_START, SPLIT_STEPS)}
    ys: dict[str, np.ndarray] = {}
    numbers: dict[str, float] = {}
    for k, tr in trs.items():
        ys[f"{k} train"] = tr.losses[:, 0]
        ys[f"{k} val"] = val.value(path(tr))
        numbers[f"best_{k.lower()}"] = int(np.nanargmin(ys[f"{k} val"]))
        numbers[f"gap_{k.lower()}"] = float(ys[f"{k} val"][-1] - ys[f"{k} train"][-1])
    return Evidence(
        landscape=train, bounds=train.bounds, paths={k: path(tr) for k, tr in trs.items()},
        numbers=numbers,
        checks={"gap": numbers["gap_adam"] > 0 and numbers["gap_gd"] > 0,
                "early": max(numbers["best_gd"], numbers["best_adam"]) < SPLIT_STEPS // 2},
        series={"loss": Series(np.arange(SPLIT_STEPS + 1), ys, log_y=True,
                               y_key="lesson.axis.loss")},
        markers={"val min": val.minima[0]},
        optimizers={"GD": "sgd", "Adam": "adam", "GD train": "sgd", "GD val": "sgd",
                    "Adam train": "adam", "Adam val": "adam"},
        dashes={"GD train": "solid", "Adam train": "solid", "GD val": "dash",
                "Adam val": "dash"},
        axes=("w₁", "w₂"),
    )


SPLIT = Experiment(
    id=26, slug="split", theme=THEME,
    preset=Preset("split", SPLIT_START, SPLIT_STEPS,
                  (run("GD", "sgd", lr=0.05), run("Adam", "adam", lr=0.05))),
    controls=(Control("lr", 0.05, options=(0.01, 0.05, 0.1), fmt="{:g}"),),
    numbers=(Number("best_gd", "{:d}"), Number("best_adam", "{:d}"),
             Number("gap_adam", "{:.3f}")),
    quoted=(Number("gap_gd", "{:.3f}"),),
    evidence=split_evidence,
)


# --- 27. class imbalance and uniform decay (text only) --------------------------------------------

IMBALANCE = Experiment(id=27, slug="imbalance", theme=THEME, preset=None)
