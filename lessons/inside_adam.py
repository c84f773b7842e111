"""Inside Adam: what the moments do (phenomena 7-15 of phenomena.md).

Each experiment runs the engine and reads back the recorded state (``record={"state"}``):
m, v, their corrected forms m_hat = m / (1 - beta1^t), v_hat = v / (1 - beta2^t), and the
effective learning rate ``eff_lr = lr / (sqrt(v_hat) + eps)`` by which Adam multiplies m_hat.
"""

from __future__ import annotations

import numpy as np

from landscapes import get_landscape
from lessons.base import Control, Evidence, Experiment, Number, Panel, Preset, Series, run
from lessons.common import end_point, optimizers_of, path, reasons_of, run_one
from lessons.custom import Linear

THEME = "inside_adam"
BETA2_OPTIONS = (0.9, 0.99, 0.999)


# --- 7. oscillating gradients ---------------------------------------------------------------------

OSC_STEPS = 3000
OSC_ROWS = (1, 2, 3, 4, 5, 6, 10, 50, 100, 1000, 3000)


def alternating_spikes(steps: int) -> dict[int, float]:
    """A factor -1 on every even step: a constant gradient +g becomes +g, -g, +g, ..."""
    return {t: -1.0 for t in range(2, steps + 1, 2)}


def oscillation_evidence(beta1: float) -> Evidence:
    """Gradients +10, -10, +10, ...: m hovers near 0 while v_hat is 100 from the first step.

    In steady state m alternates between +-10 (1 - beta1) / (1 + beta1) (0.53 for 0.9), so
    Adam barely moves; v = 100 (1 - beta2^t) climbs to 100 and v_hat = 100 exactly.
    """
    ls = Linear(10.0, 0.0)
    r = run("Adam", "adam", {"spikes": alternating_spikes(OSC_STEPS)}, lr=0.01, beta1=beta1)
    tr = run_one(ls, r, (0.0, 0.0), OSC_STEPS, record=("state", "grads"))
    s = {k: tr.state[k][:, 0, 0] for k in ("m", "v", "m_hat", "v_hat")}
    g = tr.grads[:, 0, 0]
    table = tuple(
        {"t": t, "g": g[t], "m": s["m"][t], "v": s["v"][t], "m_hat": s["m_hat"][t],
         "v_hat": s["v_hat"][t]}
        for t in OSC_ROWS
    )
    tail = slice(OSC_STEPS - 100, OSC_STEPS + 1)
    p = path(tr)
    steady = 10.0 * (1 - beta1) / (1 + beta1)
    steps = np.arange(OSC_STEPS + 1)
    return Evidence(
        landscape=None, bounds=((-1.0, 1.0), (-1.0, 1.0)),  # no map: a constant slope
        numbers={
            "m_late": float(np.max(np.abs(s["m"][tail]))),
            "m_formula": steady,
            "v_hat_late": float(s["v_hat"][-1]),
            "v_late": float(s["v"][-1]),
            "moved": float(np.max(np.abs(p[:, 0]))),
        },
        checks={"m_small": bool(np.max(np.abs(s["m"][tail])) < 0.1 * 10),
                "v_hat_100": bool(abs(s["v_hat"][-1] - 100.0) < 1e-6)},
        series={"g": Series(np.arange(1, 41), {"g": g[1:41]}, y_key="lesson.axis.g"),
                "m": Series(np.arange(1, 201), {"m": s["m"][1:201]}, y_key="lesson.axis.m_osc"),
                "v": Series(steps[1:], {"v": s["v"][1:], "v̂": s["v_hat"][1:]},
                            y_key="lesson.axis.v")},
        table=table,
    )


OSCILLATION = Experiment(
    id=7, slug="oscillation", theme=THEME,
    preset=Preset("linear", (0.0, 0.0), OSC_STEPS, (run("Adam", "adam", lr=0.01),)),
    controls=(Control("beta1", 0.9, options=(0.0, 0.5, 0.9, 0.99)),),
    numbers=(Number("m_late", "{:.3f}"), Number("m_formula", "{:.3f}"),
             Number("v_hat_late", "{:.1f}"), Number("v_late", "{:.1f}")),
    evidence=oscillation_evidence,
    formula=r"|m| \to 10\,\frac{1-\beta_1}{1+\beta_1},\qquad \hat v_t = 100",
)


# --- 8. Adagrad never forgets ---------------------------------------------------------------------


def adagrad_evidence(steps: int) -> Evidence:
    """Adagrad's step lr / sqrt(sum g^2) = lr / sqrt(t) on a constant gradient; RMSProp's stays lr.

    On f = x + y (g = (1, 1) everywhere) Adagrad's accumulator is s_t = t, so its step at t is
    lr / sqrt(t): after 10 000 steps a hundredth of the first. RMSProp's v forgets
    (v = 1 - alpha^t -> 1), so its step stays about lr.
    """
    ls = Linear(1.0, 1.0, bounds=((-60.0, 5.0), (-60.0, 5.0)))
    runs = (run("Adagrad", "adagrad", lr=0.01), run("RMSProp", "rmsprop", lr=0.01))
    trs = {r.label: run_one(ls, r, (0.0, 0.0), steps, record=("state",)) for r in runs}
    step = {k: np.abs(tr.state["update"][:, 0, 0]) for k, tr in trs.items()}
    last = slice(steps - steps // 10 + 1, steps + 1)
    first = slice(1, steps // 10 + 1)
    x = np.arange(steps + 1)
    return Evidence(
        landscape=ls, bounds=ls.bounds, paths={k: path(tr) for k, tr in trs.items()},
        numbers={
            "adagrad_first": float(step["Adagrad"][1]),
            "adagrad_last": float(step["Adagrad"][-1]),
            "rmsprop_last": float(step["RMSProp"][-1]),
            "adagrad_share": float(step["Adagrad"][last].sum() / step["Adagrad"][first].sum()),
            "rmsprop_share": float(step["RMSProp"][last].sum() / step["RMSProp"][first].sum()),
        },
        checks={"adagrad_dies": bool(step["Adagrad"][-1] < 0.1 * step["Adagrad"][1]),
                "rmsprop_alive": bool(step["RMSProp"][-1] > 0.9 * 0.01)},
        series={"step": Series(x[1:], {k: v[1:] for k, v in step.items()}, log_y=True,
                               y_key="lesson.axis.step_length")},
        optimizers=optimizers_of(runs), reasons=reasons_of(trs),
    )


ADAGRAD = Experiment(
    id=8, slug="adagrad", theme=THEME,
    preset=Preset("linear", (0.0, 0.0), 5000,
                  (run("Adagrad", "adagrad", lr=0.01), run("RMSProp", "rmsprop", lr=0.01))),
    controls=(Control("steps", 5000, options=(1000, 5000, 10000)),),
    numbers=(Number("adagrad_first", "{:.4f}"), Number("adagrad_last", "{:.5f}"),
             Number("rmsprop_last", "{:.4f}"), Number("adagrad_share", "{:.2f}")),
    quoted=(Number("rmsprop_share", "{:.2f}"),),
    evidence=adagrad_evidence,
    formula=r"s_t = \sum_{k\le t} g_k^2 = t\,g^2 \;\Rightarrow\; |\Delta\theta_t| = "
            r"\frac{\eta}{\sqrt{t}},\qquad v_t = \alpha v_{t-1} + (1-\alpha) g_t^2 \to g^2",
)


# --- 9. Adam(beta1 = 0, no bias correction) is RMSProp --------------------------------------------


def rmsprop_identity_evidence(beta2: float) -> Evidence:
    """Adam with beta1 = 0 and bias correction off runs exactly RMSProp with alpha = beta2.

    m = g when beta1 = 0, and with the corrections set to 1 Adam's denominator is
    sqrt(v) + eps, RMSProp's too: the two rules are the same arithmetic.
    """
    ls = get_landscape("rosenbrock")
    start = (-1.5, 2.0)
    a = run_one(ls, run("Adam", "adam", lr=0.01, beta1=0.0, beta2=beta2), start, 1000,
                bias_correction=False)
    r = run_one(ls, run("RMSProp", "rmsprop", lr=0.01, beta2=beta2), start, 1000)
    pa, pr = path(a), path(r)
    diff = float(np.nanmax(np.abs(pa - pr)))
    return Evidence(
        landscape=ls, bounds=ls.bounds,
        paths={"Adam β1=0, no bias corr.": pa, f"RMSProp α={beta2:g}": pr},
        numbers={"max_diff": diff, "length": float(np.nansum(np.linalg.norm(np.diff(pa, axis=0),
                                                                             axis=1)))},
        checks={"identical": diff <= 1e-12},
        optimizers={"Adam β1=0, no bias corr.": "adam", f"RMSProp α={beta2:g}": "rmsprop"},
        dashes={f"RMSProp α={beta2:g}": "dash"},  # on top of Adam's identical path
    )


RMSPROP_IDENTITY = Experiment(
    id=9, slug="rmsprop_identity", theme=THEME,
    preset=Preset("rosenbrock", (-1.5, 2.0), 1000,
                  (run("Adam", "adam", lr=0.01, beta1=0.0, beta2=0.99),
                   run("RMSProp", "rmsprop", lr=0.01, beta2=0.99))),
    controls=(Control("beta2", 0.99, options=BETA2_OPTIONS),),
    numbers=(Number("max_diff", "{:.1e}"), Number("length", "{:.2f}")),
    evidence=rmsprop_identity_evidence,
    formula=r"\beta_1 = 0,\ 1-\beta^t \to 1:\quad \theta_t = \theta_{t-1}"
            r" - \eta\,\frac{g_t}{\sqrt{v_t}+\epsilon},\quad v_t = \beta_2 v_{t-1}"
            r" + (1-\beta_2) g_t^2",
)


# --- 10. bias correction: the first step ----------------------------------------------------------


def bias_correction_evidence(beta1: float, beta2: float) -> Evidence:
    """The first Adam step with and without bias correction, measured.

    Without correction m_1 = (1 - beta1) g and v_1 = (1 - beta2) g^2, so the first step is
    lr (1 - beta1) / sqrt(1 - beta2) per coordinate: 3.162 lr for (0.9, 0.999). With it,
    m_hat_1 = g and v_hat_1 = g^2, and the step is lr (times the sign of g).
    """
    ls = get_landscape("ravine_axis")
    start = (-2.5, 0.5)
    lr = 0.05
    r = run("Adam", "adam", lr=lr, beta1=beta1, beta2=beta2)
    on = run_one(ls, r, start, 100, record=("state",))
    off = run_one(ls, r, start, 100, record=("state",), bias_correction=False)
    step_on = float(np.max(np.abs(on.state["update"][1, 0])))
    step_off = float(np.max(np.abs(off.state["update"][1, 0])))
    formula = (1 - beta1) / np.sqrt(1 - beta2)
    m_hat_1 = on.state["m_hat"][1, 0]
    g_1 = ls.grad(np.asarray(start))
    return Evidence(
        landscape=ls, bounds=ls.bounds,
        paths={"Adam": path(on), "Adam, no bias corr.": path(off)},
        numbers={"step_on": step_on / lr, "step_off": step_off / lr,
                 "ratio": step_off / step_on, "formula": float(formula),
                 "book": float(np.sqrt(1 - beta2) / (1 - beta1)) if beta1 < 1 else np.nan},
        checks={"ratio_matches": bool(abs(step_off / step_on - formula) < 1e-6 * formula),
                "m_hat_is_g": bool(np.allclose(m_hat_1, g_1, rtol=1e-12, atol=0))},
        optimizers={"Adam": "adam", "Adam, no bias corr.": "adam"},
    )


BIAS_CORRECTION = Experiment(
    id=10, slug="bias_correction", theme=THEME,
    preset=Preset("ravine_axis", (-2.5, 0.5), 100, (run("Adam", "adam", lr=0.05),)),
    controls=(Control("beta1", 0.9, options=(0.5, 0.8, 0.9, 0.95)),
              Control("beta2", 0.999, options=BETA2_OPTIONS)),
    numbers=(Number("step_off", "{:.3f}"), Number("step_on", "{:.3f}"),
             Number("formula", "{:.3f}")),
    quoted=(Number("ratio", "{:.3f}"), Number("book", "{:.3f}")),
    evidence=bias_correction_evidence,
    formula=r"\frac{(1-\beta_1)\,g_1 \,/\, \sqrt{(1-\beta_2)\,g_1^2}}{g_1 \,/\, \sqrt{g_1^2}}"
            r" = \frac{1-\beta_1}{\sqrt{1-\beta_2}} = \frac{0.1}{\sqrt{0.001}} \approx 3.162",
    note_key="lesson.bias_correction.erratum",
)


# --- 11. epsilon ----------------------------------------------------------------------------------


def epsilon_evidence(eps: float) -> Evidence:
    """Adam started where the gradient is exactly zero: eps decides between 0 and 0/0.

    At the bowl's centre g = 0, so m = v = 0 and the step is lr * 0 / (0 + eps): zero when
    eps > 0, and 0/0 = NaN when eps = 0, which the engine reports as a stop at step 1.
    """
    ls = get_landscape("bowl")
    tr = run_one(ls, run("Adam", "adam", lr=0.01, eps=eps), (0.0, 0.0), 20)
    stopped = int(tr.diverged_at[0])
    moved = float(np.nanmax(np.abs(path(tr)))) if stopped < 0 else float("nan")
    return Evidence(
        landscape=ls, bounds=((-1.0, 1.0), (-1.0, 1.0)), paths={f"Adam ε={eps:g}": path(tr)},
        numbers={"stopped": stopped, "moved": moved},
        checks={"reported": stopped == 1 if eps == 0 else stopped < 0},
        codes={"reason": str(tr.reasons[0])},
        variant="_broke" if stopped > 0 else "_ok",
        optimizers={f"Adam ε={eps:g}": "adam"}, reasons=reasons_of({f"Adam ε={eps:g}": tr}),
        stops=("nonfinite_update",) if eps == 0 else (),  # g = 0 and eps = 0: the step is 0/0
    )


EPSILON = Experiment(
    id=11, slug="epsilon", theme=THEME,
    preset=Preset("bowl", (0.0, 0.0), 20, (run("Adam", "adam", lr=0.01, eps=1e-8),)),
    controls=(Control("eps", 0.0, options=(0.0, 1e-8)),),
    numbers=(Number("stopped", "{:d}", never=True),),
    evidence=epsilon_evidence,
    variants=("_broke", "_ok"),
    formula=r"\Delta\theta_1 = -\eta\,\frac{\hat m_1}{\sqrt{\hat v_1}+\epsilon}"
            r" = -\eta\,\frac{0}{0+\epsilon}",
)


# --- 12. scale invariance -------------------------------------------------------------------------


def scale_evidence(c: float, s: float) -> Evidence:
    """Loss times c and the x-gradient times s: Adam's path stays, gradient descent's does not.

    Adam's step m_hat / sqrt(v_hat) is unchanged when every gradient is multiplied by a
    constant (the c^1 of m cancels the sqrt(c^2) of v), only eps breaks the tie. Any other
    power p in m / v^p would leave a factor c^(1 - 2p).
    """
    ls = get_landscape("ravine_axis")
    start = (-2.5, 0.5)
    steps = 300
    opts = {"loss_scale": c, "grad_scale": (s, 1.0)}
    base_a = run_one(ls, run("Adam", "adam", lr=0.02), start, steps)
    adam = run_one(ls, run("Adam", "adam", lr=0.02), start, steps, **opts)
    base_g = run_one(ls, run("GD", "sgd", lr=0.1), start, steps)
    gd = run_one(ls, run("GD", "sgd", lr=0.1), start, steps, **opts)
    dev_a = float(np.nanmax(np.abs(path(adam) - path(base_a))))
    finite = np.isfinite(path(gd)).all(axis=1)
    dev_g = float(np.max(np.abs(path(gd)[finite] - path(base_g)[finite])))
    return Evidence(
        landscape=ls, bounds=ls.bounds,
        paths={"Adam (×1)": path(base_a), f"Adam (c={c:g}, s={s:g})": path(adam),
               "GD (×1)": path(base_g), f"GD (c={c:g}, s={s:g})": path(gd)},
        numbers={"adam_dev": dev_a, "gd_dev": dev_g, "gd_stopped": int(gd.diverged_at[0])},
        checks={"adam_same": dev_a < 1e-4},
        variant="" if gd.diverged_at[0] > 0 else "_finite",
        optimizers={"Adam (×1)": "adam", f"Adam (c={c:g}, s={s:g})": "adam",
                    "GD (×1)": "sgd", f"GD (c={c:g}, s={s:g})": "sgd"},
        reasons=reasons_of({f"GD (c={c:g}, s={s:g})": gd}),
    )


SCALE = Experiment(
    id=12, slug="scale", theme=THEME,
    preset=Preset("ravine_axis", (-2.5, 0.5), 300,
                  (run("Adam", "adam", lr=0.02), run("GD", "sgd", lr=0.1))),
    controls=(Control("c", 1000.0, options=(1e-3, 1e-2, 0.1, 1.0, 10.0, 100.0, 1000.0),
                      fmt="{:g}"),
              Control("s", 1.0, options=(1.0, 10.0, 100.0), fmt="{:g}")),
    numbers=(Number("adam_dev", "{:.1e}"), Number("gd_dev", "{:.3g}"),
             Number("gd_stopped", "{:d}", never=True)),
    evidence=scale_evidence,
    variants=("", "_finite"),
    formula=r"g \to c\,g:\quad \frac{c\,\hat m}{\sqrt{c^2\,\hat v}} = \frac{\hat m}{\sqrt{\hat v}}"
            r",\qquad \frac{c\,\hat m}{(c^2 \hat v)^p} = c^{1-2p}\,\frac{\hat m}{\hat v^p}",
)


# --- 13. momentum memory --------------------------------------------------------------------------

MEMORY_LR = 0.1
MEMORY_STEPS = 400


def memory_evidence(beta1: float) -> Evidence:
    """Adam that ran down a slope, dropped at a valley's bottom with its state, overshoots.

    Part 1: ``slope`` (f = x + y^2 / 2) from (4, 0); with g_x = 1 always, Adam moves lr per step
    and reaches the origin after 4 / lr = 40 steps with m_x ~ 1 and v_x ~ 1 (its state says
    "downhill is -x"). Part 2: continued with that state (``init_state``) on ``u_valley``, whose
    bottom is the origin: g = 0 there, but m is not, so Adam carries on to -x, its steps shrinking
    about as beta1^k, and coasts roughly lr / (1 - beta1) past the bottom before turning. A fresh
    Adam at the bottom has g = 0, m = 0 and never moves.
    """
    slope, valley = get_landscape("slope"), get_landscape("u_valley")
    r = run("Adam", "adam", lr=MEMORY_LR, beta1=beta1)
    steps_down = round(4 / MEMORY_LR)
    down = run_one(slope, r, (4.0, 0.0), steps_down)
    bottom = end_point(down)
    carried = run_one(valley, r, bottom, MEMORY_STEPS, init_state=down.final_state)
    fresh = run_one(valley, r, (0.0, 0.0), MEMORY_STEPS)
    pc, pf = path(carried), path(fresh)
    far = np.linalg.norm(pc, axis=1)
    return Evidence(
        landscape=valley, bounds=((-1.5, 1.5), (-1.0, 1.0)),  # close in: the overshoot is small
        paths={"Adam, state kept": pc, "Adam, fresh": pf},
        panels=(Panel(slope, slope.bounds, {"Adam, down the slope": path(down)},
                      "lesson.memory.caption_slope"),),
        map_caption="lesson.memory.caption_valley",
        optimizers={"Adam, down the slope": "adam", "Adam, state kept": "adam",
                    "Adam, fresh": "adam"},
        dashes={"Adam, down the slope": "solid", "Adam, state kept": "solid",
                "Adam, fresh": "dot"},
        numbers={"flung": float(far.max()), "flung_at": int(far.argmax()),
                 "estimate": MEMORY_LR / (1 - beta1), "fresh": float(np.abs(pf).max()),
                 "m_x": float(down.final_state.slots.m[0, 0])},
        checks={"flung": float(far.max()) > 3 * MEMORY_LR,
                "fresh_still": float(np.abs(pf).max()) == 0},
    )


MEMORY = Experiment(
    id=13, slug="memory", theme=THEME,
    preset=Preset("slope", (4.0, 0.0), 40, (run("Adam", "adam", lr=MEMORY_LR),)),
    controls=(Control("beta1", 0.9, options=(0.5, 0.9, 0.99)),),
    numbers=(Number("flung", "{:.2f}"), Number("estimate", "{:.2f}"), Number("flung_at", "{:d}"),
             Number("fresh", "{:.2g}")),
    evidence=memory_evidence,
    formula=r"g = 0,\ m_0 \ne 0 \;\Rightarrow\; \Delta\theta_1 = -\eta\,"
            r"\frac{\hat m_1}{\sqrt{\hat v_1}+\epsilon} \ne 0",
)


# --- 14. one huge gradient leaves a scar ----------------------------------------------------------

SPIKE_AT = 3000
AFTER = 500


def scar_run(beta2: float, factor: float, clip_norm: float | None = None,
             clip_mode: str = "before") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Adam on a constant gradient (1, 1) with one spike of ``factor`` at step SPIKE_AT.

    Returns (eff_lr of x per row, update of x per row, m of x per row). The spike comes late
    (step 3000) so that 1 - beta2^t is close to 1 and the scar is the spike's own:
    v_hat grows by about (1 - beta2) factor^2 g^2 and decays as beta2^k.
    """
    ls = Linear(1.0, 1.0)
    opts: dict = {"spikes": {SPIKE_AT: factor}}
    if clip_norm is not None:
        opts.update(clip_norm=clip_norm, clip_mode=clip_mode)
    r = run("Adam", "adam", opts, lr=0.001, beta2=beta2)
    tr = run_one(ls, r, (0.0, 0.0), SPIKE_AT + AFTER + 200, record=("state",))
    return (tr.state["eff_lr"][:, 0, 0], tr.state["update"][:, 0, 0], tr.state["m"][:, 0, 0])


def recovery_steps(eff_lr: np.ndarray, at: int = SPIKE_AT, within: float = 0.9) -> int:
    """Steps after the spike until the effective lr is back to ``within`` of its value before."""
    before = eff_lr[at - 1]
    later = np.flatnonzero(eff_lr[at:] >= within * before)
    return int(later[0]) if later.size else -1


def scar_evidence(beta2: float, factor: float) -> Evidence:
    """The effective lr of Adam before a 1000x spike, right after it, and 500 steps later.

    v_hat jumps to about 1 + (1 - beta2)(factor^2 - 1) times its old value and decays by beta2
    each step: 500 steps later (beta2 = 0.999) sqrt(1 + 999 * 0.999^500) ~ 25 times smaller.
    A wrong-way spike (factor < 0) also flips m, and the path walks back until m's memory of it
    (beta1^k times about factor (1 - beta1)) fades below the normal gradient.
    """
    eff, upd, m = scar_run(beta2, factor)
    ratio = float(eff[SPIKE_AT - 1] / eff[SPIKE_AT + AFTER])
    back = np.flatnonzero(upd[SPIKE_AT:] > 0)  # normal steps go to -x
    wrong = int(back[-1] + 1) if back.size and back[0] == 0 else 0
    x = np.arange(SPIKE_AT - 100, SPIKE_AT + AFTER + 201)
    rel = eff[x] / eff[SPIKE_AT - 1]
    return Evidence(
        landscape=None, bounds=((-4.0, 0.5), (-4.0, 0.5)),  # no map: the charts tell it
        numbers={"ratio_500": ratio, "recovery": recovery_steps(eff),
                 "drop": float(eff[SPIKE_AT - 1] / eff[SPIKE_AT]), "wrong_way": wrong,
                 "formula": float(np.sqrt(1 + (1 - beta2) * (factor ** 2 - 1) * beta2 ** AFTER))},
        checks={},
        variant="_back" if recovery_steps(eff) >= 0 else "",
        series={"eff_lr": Series(x - SPIKE_AT, {f"β2={beta2:g}": rel}, log_y=True,
                                 y_key="lesson.axis.eff_lr_rel", marks=(0, AFTER)),
                "m": Series(x - SPIKE_AT, {"m": m[x]}, y_key="lesson.axis.m")},
    )


SCAR = Experiment(
    id=14, slug="scar", theme=THEME,
    preset=Preset("linear", (0.0, 0.0), SPIKE_AT + AFTER + 200,
                  (run("Adam", "adam", {"spikes": {SPIKE_AT: 1000.0}}, lr=0.001),)),
    controls=(Control("beta2", 0.999, options=BETA2_OPTIONS),
              Control("factor", 1000.0, options=(1000.0, -1000.0, 100.0), fmt="{:+g}")),
    numbers=(Number("drop", "{:.1f}"), Number("ratio_500", "{:.1f}"),
             Number("recovery", "{:d}", never=True), Number("wrong_way", "{:d}")),
    evidence=scar_evidence,
    variants=("", "_back"),
    formula=r"\hat v \approx g^2\,\bigl(1 + (1-\beta_2)(k^2-1)\,\beta_2^{\,n}\bigr)"
            r",\qquad 0.999^{500} \approx 0.61",
)


# --- 15. implicit bias ----------------------------------------------------------------------------


def implicit_bias_evidence(lr: float) -> Evidence:
    """On f = (w1 + 2 w2 - 1)^2 from 0, GD ends at (0.2, 0.4) and Adam at (1/3, 1/3).

    Every gradient is a multiple of (1, 2), so gradient descent never leaves that direction
    and stops at the minimum-norm solution. Adam divides each coordinate by its own history,
    which is the same multiple in both coordinates, so its steps are along (1, 1).
    """
    ls = get_landscape("least_squares_line")
    start = (0.0, 0.0)
    gd = run_one(ls, run("GD", "sgd", lr=lr), start, 3000)
    adam = run_one(ls, run("Adam", "adam", lr=lr), start, 3000)
    e_gd, e_adam = end_point(gd), end_point(adam)
    return Evidence(
        landscape=ls, bounds=((-0.2, 0.8), (-0.2, 0.6)),
        paths={"GD": path(gd), "Adam": path(adam)},
        numbers={"gd_x": e_gd[0], "gd_y": e_gd[1], "adam_x": e_adam[0], "adam_y": e_adam[1]},
        checks={"gd_min_norm": bool(np.allclose(e_gd, (0.2, 0.4), atol=1e-3)),
                "adam_diagonal": bool(np.allclose(e_adam, (1 / 3, 1 / 3), atol=1e-3))},
        markers={"(0.2, 0.4)": (0.2, 0.4), "(1/3, 1/3)": (1 / 3, 1 / 3)},
        optimizers={"GD": "sgd", "Adam": "adam"}, axes=("w₁", "w₂"),
    )


IMPLICIT_BIAS = Experiment(
    id=15, slug="implicit_bias", theme=THEME,
    preset=Preset("least_squares_line", (0.0, 0.0), 3000,
                  (run("GD", "sgd", lr=0.01), run("Adam", "adam", lr=0.01))),
    controls=(Control("lr", 0.01, options=(0.003, 0.01, 0.03)),),
    numbers=(Number("gd_x", "{:.3f}"), Number("gd_y", "{:.3f}"), Number("adam_x", "{:.3f}"),
             Number("adam_y", "{:.3f}")),
    evidence=implicit_bias_evidence,
    formula=r"f(w) = (w_1 + 2 w_2 - 1)^2,\quad w_{GD} = \tfrac{(1,2)}{5},"
            r"\quad w_{Adam} = (\tfrac13, \tfrac13)",
)
