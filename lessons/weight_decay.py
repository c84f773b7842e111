"""Weight decay: Adam + L2 (coupled) against AdamW (decoupled), phenomena 16-19.

Coupled L2 adds lambda * theta to the gradient before Adam normalises it, so the
normalisation divides lambda away; AdamW multiplies theta by (1 - lr * lambda) outside the
normalisation, so the decay is exactly what it says.
"""

from __future__ import annotations

import numpy as np

from landscapes import quadratic
from lessons.base import Control, Evidence, Experiment, Number, Preset, Series, run
from lessons.common import end_point, path, run_one

THEME = "weight_decay"


# --- 16. coupled versus decoupled on a zero-gradient coordinate -----------------------------------


def coupled_evidence(wd: float) -> Evidence:
    """y has no loss gradient (f = x^2 / 2): who moves it, and by how much per step?

    Plain Adam: g_y = 0 so y never moves. Adam + L2: g_y = lambda * y, and Adam divides by
    sqrt(v_hat) ~ |lambda * y|, so y drops by about lr per step whatever lambda is. AdamW:
    y_t = (1 - lr * lambda) y_{t-1} exactly.
    """
    ls = quadratic(1.0, 0.0)
    start = (2.0, 2.0)
    lr = 0.01
    steps = 150
    runs = {
        "Adam": run("Adam", "adam", lr=lr),
        "Adam + L2": run("Adam + L2", "adam", lr=lr, weight_decay=wd),
        "AdamW": run("AdamW", "adamw", lr=lr, weight_decay=wd),
    }
    ys = {k: path(run_one(ls, r, start, steps))[:, 1] for k, r in runs.items()}
    l2_step = float(np.mean(-np.diff(ys["Adam + L2"][:51])) / lr)
    factor = ys["AdamW"][1:] / ys["AdamW"][:-1]
    return Evidence(
        landscape=ls, bounds=((-2.5, 2.5), (-0.5, 2.5)),
        paths={k: path(run_one(ls, r, start, steps)) for k, r in runs.items()},
        numbers={"adam_moved": float(np.max(np.abs(ys["Adam"] - start[1]))),
                 "l2_step": l2_step,
                 "adamw_factor": float(np.mean(factor)), "expected_factor": 1 - lr * wd,
                 "l2_y": float(ys["Adam + L2"][-1]), "adamw_y": float(ys["AdamW"][-1])},
        checks={"adam_still": bool(np.all(ys["Adam"] == start[1])),
                "l2_about_lr": bool(abs(l2_step - 1.0) < 0.05),
                "adamw_exact": bool(np.allclose(factor, 1 - lr * wd, rtol=0, atol=1e-12))},
        optimizers={k: r.optimizer for k, r in runs.items()},
    )


COUPLED = Experiment(
    id=16, slug="coupled", theme=THEME,
    preset=Preset("quadratic", (2.0, 2.0), 150,
                  (run("Adam", "adam", lr=0.01),
                   run("Adam + L2", "adam", lr=0.01, weight_decay=0.1),
                   run("AdamW", "adamw", lr=0.01, weight_decay=0.1))),
    controls=(Control("wd", 0.1, options=(0.01, 0.1, 1.0, 10.0), fmt="{:g}"),),
    numbers=(Number("adam_moved", "{:.3g}"), Number("l2_step", "{:.3f}"),
             Number("adamw_factor", "{:.6f}")),
    quoted=(Number("expected_factor", "{:.6f}"),),
    evidence=coupled_evidence,
    formula=r"\mathrm{L2}:\ \Delta y \approx -\eta\,\frac{\lambda y}{|\lambda y|} = -\eta"
            r"\qquad \mathrm{AdamW}:\ y_t = (1-\eta\lambda)\,y_{t-1}",
)


# --- 17. AdamW settles near 1/lambda --------------------------------------------------------------


ENDPOINT_STEPS = 8000


def endpoint_evidence(wd: float) -> Evidence:
    """AdamW on a bowl centred at (5, 5), lr 0.01: it stops at about 1/lambda per coordinate.

    At rest the decay lr * lambda * theta must cancel Adam's step lr * m_hat / sqrt(v_hat);
    while the gradient keeps one sign that ratio is 1, so theta = 1 / lambda: the loss's
    minimum matters only through the gradient's sign. The last approach is slow: v_hat still
    remembers the larger gradients met on the way (beta2 = 0.999 averages over ~1000 steps),
    which holds the ratio a little below 1, so the run is 8000 steps long.
    """
    ls = quadratic(2.0, 2.0, center=(5.0, 5.0))
    start = (0.0, 0.0)
    aw = run_one(ls, run("AdamW", "adamw", lr=0.01, weight_decay=wd), start, ENDPOINT_STEPS)
    a = run_one(ls, run("Adam", "adam", lr=0.01), start, ENDPOINT_STEPS)
    ex, ey = end_point(aw)
    return Evidence(
        landscape=ls, bounds=((-0.5, 6.0), (-0.5, 6.0)),
        paths={"Adam": path(a), f"AdamW λ={wd:g}": path(aw)},
        numbers={"x": ex, "y": ey, "target": 1 / wd, "adam_x": end_point(a)[0]},
        checks={"at_inverse_lambda": bool(np.allclose((ex, ey), 1 / wd, atol=0.02))},
        markers={"1/λ": (1 / wd, 1 / wd), "min": (5.0, 5.0)},
        optimizers={"Adam": "adam", f"AdamW λ={wd:g}": "adamw"},
    )


ENDPOINT = Experiment(
    id=17, slug="endpoint", theme=THEME,
    preset=Preset("quadratic", (0.0, 0.0), ENDPOINT_STEPS,
                  (run("Adam", "adam", lr=0.01), run("AdamW", "adamw", lr=0.01,
                                                      weight_decay=1.0))),
    controls=(Control("wd", 1.0, options=(0.5, 1.0, 2.0), fmt="{:g}"),),
    numbers=(Number("x", "{:.3f}"), Number("y", "{:.3f}"), Number("target", "{:.3f}")),
    quoted=(Number("adam_x", "{:.3f}"),),
    evidence=endpoint_evidence,
    formula=r"\eta\lambda\,\theta^\ast = \eta\,\frac{\hat m}{\sqrt{\hat v}} \approx \eta"
            r"\;\Rightarrow\; \theta^\ast \approx \frac{1}{\lambda}",
)


# --- 18. the lr * lambda law ----------------------------------------------------------------------


def product_evidence(k: float) -> Evidence:
    """AdamW with (lr, lambda) and with (lr / k, k * lambda): the zero-gradient y is the same.

    y only ever sees the factor (1 - lr * lambda), and that product is unchanged; x, which has
    a loss gradient, moves lr-sized steps and so takes a different path.
    """
    ls = quadratic(1.0, 0.0)
    start = (2.0, 2.0)
    base = run_one(ls, run("AdamW", "adamw", lr=0.02, weight_decay=0.5), start, 300)
    other = run_one(ls, run("AdamW'", "adamw", lr=0.02 / k, weight_decay=0.5 * k), start, 300)
    pb, po = path(base), path(other)
    labels = ("AdamW lr=0.02 λ=0.5", f"AdamW lr={0.02 / k:g} λ={0.5 * k:g}")
    return Evidence(
        landscape=ls, bounds=((-2.5, 2.5), (-0.5, 2.5)),
        paths={labels[0]: pb, labels[1]: po},
        optimizers={labels[0]: "adamw", labels[1]: "adamw"},
        series={"y": Series(np.arange(len(pb)), {labels[0]: pb[:, 1], labels[1]: po[:, 1]},
                            y_key="lesson.axis.y"),
                "x": Series(np.arange(len(pb)), {labels[0]: pb[:, 0], labels[1]: po[:, 0]},
                            y_key="lesson.axis.x")},
        numbers={"y_diff": float(np.max(np.abs(pb[:, 1] - po[:, 1]))),
                 "x_diff": float(np.max(np.abs(pb[:, 0] - po[:, 0]))),
                 "factor": 1 - 0.02 * 0.5},
        checks={"same_y": bool(np.max(np.abs(pb[:, 1] - po[:, 1])) < 1e-12)},
    )


PRODUCT = Experiment(
    id=18, slug="product", theme=THEME,
    preset=Preset("quadratic", (2.0, 2.0), 300,
                  (run("AdamW", "adamw", lr=0.02, weight_decay=0.5),
                   run("AdamW'", "adamw", lr=0.01, weight_decay=1.0))),
    controls=(Control("k", 2.0, options=(2.0, 4.0, 10.0), fmt="{:g}"),),
    numbers=(Number("y_diff", "{:.1e}"), Number("x_diff", "{:.3f}"), Number("factor", "{:.3f}")),
    evidence=product_evidence,
    formula=r"(1 - \eta\lambda) = \Bigl(1 - \frac{\eta}{k}\cdot k\lambda\Bigr)",
)


# --- 19. the Bayesian view (text only) ------------------------------------------------------------

BAYES = Experiment(
    id=19, slug="bayes", theme=THEME, preset=None,
    formula=r"-\log p(w \mid D) = L(w) + \frac{\lVert w\rVert^2}{2\sigma^2} + C"
            r" = L(w) + \frac{\lambda}{2}\lVert w\rVert^2 + C,\qquad \lambda = \frac{1}{\sigma^2}",
)
