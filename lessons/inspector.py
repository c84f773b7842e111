"""The step inspector (phenomenon 28): one run, recorded in full, read back at any step t.

``record_run`` runs the engine with ``record={"state", "grads", "lr"}``; ``numbers_at`` picks
the numbers of step t (row t is the step that moves theta_{t-1} to theta_t); ``formula_lines``
writes the optimizer's update rule with those numbers filled in, one coordinate at a time, as
the chapters ask learners to do by hand. Pure Python: the page only renders the results.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from landscapes import get_landscape
from lessons.custom import Linear
from lessons.inside_adam import alternating_spikes
from optim import simulate

OPTIMIZERS = ("adam", "adamw", "amsgrad", "rmsprop", "adagrad", "momentum", "sgd")
ADAM_LIKE = frozenset({"adam", "adamw", "amsgrad"})


@dataclass(frozen=True)
class Scene:
    """A prepared run for the inspector: terrain, start, steps and what to look for.

    ``spikes`` multiplies the gradient at given steps (the scar of phenomenon 14, the
    alternating gradient of phenomenon 7); ``mark`` is the step the inspector opens on.
    """

    name: str
    landscape: str
    start: tuple[float, float]
    steps: int
    optimizer: str
    lr: float
    mark: int
    spikes: tuple[tuple[int, float], ...] = ()


SCENES: dict[str, Scene] = {
    s.name: s for s in (
        Scene("ravine", "ravine_axis", (-2.5, 0.5), 200, "adam", 0.1, 8),
        Scene("scar", "linear", (0.0, 0.0), 600, "adam", 0.01, 100, ((100, 1000.0),)),
        Scene("adagrad", "slope", (4.0, 1.0), 2000, "adagrad", 0.1, 2000),
        Scene("oscillation", "linear10", (0.0, 0.0), 300, "adam", 0.01, 6,
              tuple(alternating_spikes(300).items())),
        Scene("saddle", "saddle", (1.0, 1e-6), 200, "adam", 0.01, 44),
    )
}


def scene_landscape(scene: Scene) -> Any:
    """The landscape object of a scene (library, or a constant-gradient plane)."""
    if scene.landscape == "linear":
        return Linear(1.0, 1.0, bounds=((-7.0, 1.0), (-7.0, 1.0)))
    if scene.landscape == "linear10":
        return Linear(10.0, 0.0, bounds=((-0.5, 0.5), (-0.5, 0.5)))
    return get_landscape(scene.landscape)


@dataclass(frozen=True)
class Recording:
    """A run with everything recorded: arrays indexed by row t (0 = the start)."""

    optimizer: str
    hyper: tuple[tuple[str, float], ...]
    positions: np.ndarray  # (T + 1, 2)
    grads: np.ndarray  # (T + 1, 2), row 0 NaN
    lrs: np.ndarray  # (T + 1,)
    state: dict[str, np.ndarray]  # name -> (T + 1, 2)
    diverged_at: int
    reason: str

    @property
    def steps(self) -> int:
        return self.positions.shape[0] - 1

    def param(self, name: str, default: float = 0.0) -> float:
        return float(dict(self.hyper).get(name, default))


def hyper_for(optimizer: str, lr: float, beta1: float, beta2: float, eps: float,
              weight_decay: float) -> dict[str, float]:
    """The keywords ``optimizer`` accepts, from the inspector's shared settings."""
    if optimizer in ADAM_LIKE:
        return {"lr": lr, "beta1": beta1, "beta2": beta2, "eps": eps,
                "weight_decay": weight_decay}
    if optimizer == "rmsprop":
        return {"lr": lr, "beta2": beta2, "eps": eps, "weight_decay": weight_decay}
    if optimizer == "adagrad":
        return {"lr": lr, "eps": eps, "weight_decay": weight_decay}
    if optimizer == "momentum":
        return {"lr": lr, "momentum": beta1, "weight_decay": weight_decay}
    return {"lr": lr, "weight_decay": weight_decay}


def record_run(scene: Scene, optimizer: str, hyper: dict[str, float]) -> Recording:
    """Run ``optimizer`` on the scene with every state recorded."""
    ls = scene_landscape(scene)
    tr = simulate(ls, optimizer, np.asarray([scene.start]), scene.steps,
                  spikes=dict(scene.spikes) or None, record={"state", "grads", "lr"}, **hyper)
    return Recording(
        optimizer=optimizer, hyper=tuple(sorted(hyper.items())),
        positions=tr.positions[:, 0, :], grads=tr.grads[:, 0, :], lrs=tr.lrs[:, 0],
        state={k: v[:, 0, :] for k, v in tr.state.items()},
        diverged_at=int(tr.diverged_at[0]), reason=str(tr.reasons[0]),
    )


def numbers_at(rec: Recording, t: int) -> dict[str, np.ndarray | float]:
    """Every quantity of step t (1 <= t <= steps): per-coordinate arrays and scalars.

    ``prev_*`` is the state before the step (row t - 1), the rest is after it (row t);
    ``bc1`` and ``bc2`` are the bias corrections 1 - beta^t of this step.
    """
    if not 1 <= t <= rec.steps:
        raise ValueError(f"step {t} is outside 1..{rec.steps}")
    out: dict[str, np.ndarray | float] = {
        "t": t, "theta_prev": rec.positions[t - 1], "theta": rec.positions[t],
        "g": rec.grads[t], "lr_t": float(rec.lrs[t]),
    }
    for name, arr in rec.state.items():
        out[name] = arr[t]
        out[f"prev_{name}"] = arr[t - 1]
    b1, b2 = rec.param("beta1", 0.9), rec.param("beta2", 0.999)
    out["bc1"] = 1 - b1 ** t
    out["bc2"] = 1 - b2 ** t
    return out


def _f(value: float) -> str:
    """A number for a formula: 4 significant digits, LaTeX powers of ten."""
    value = float(value)
    if not np.isfinite(value):
        return r"\mathrm{NaN}"
    text = f"{value:.4g}"
    if "e" in text:
        mant, exp = text.split("e")
        return rf"{mant}\times 10^{{{int(exp)}}}"
    return text


def _paren(value: float) -> str:
    s = _f(value)
    return f"({s})" if float(value) < 0 else s


def formula_lines(rec: Recording, t: int, i: int) -> list[str]:
    """The update rule of step t for coordinate i (0 = x, 1 = y), with the numbers filled in.

    Each line is LaTeX: symbol = formula = numbers = result. The last line is the step
    Delta theta = theta_t - theta_{t-1} as the engine recorded it.
    """
    n = numbers_at(rec, t)
    lr, wd, eps = n["lr_t"], rec.param("weight_decay"), rec.param("eps", 1e-8)
    g = float(n["g"][i])
    lines = [rf"t = {t},\quad \eta_t = {_f(lr)},\quad g_t = {_f(g)}"]
    opt = rec.optimizer
    if opt in ADAM_LIKE:
        b1, b2 = rec.param("beta1"), rec.param("beta2")
        m, v = float(n["m"][i]), float(n["v"][i])
        pm, pv = float(n["prev_m"][i]), float(n["prev_v"][i])
        lines.append(_two_rows(r"m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t",
                               rf"{_f(b1)}\cdot{_paren(pm)} + {_f(1 - b1)}\cdot{_paren(g)}"
                               rf" = {_f(m)}"))
        lines.append(_two_rows(r"v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2",
                               rf"{_f(b2)}\cdot{_paren(pv)} + {_f(1 - b2)}\cdot{_paren(g)}^2"
                               rf" = {_f(v)}"))
        v_used = "v^{max}_t" if opt == "amsgrad" else "v_t"
        lines.append(rf"\hat m_t = \frac{{m_t}}{{1-\beta_1^{{{t}}}}} = \frac{{{_f(m)}}}"
                     rf"{{{_f(n['bc1'])}}} = {_f(n['m_hat'][i])}")
        v_num = float(n["v_max"][i]) if opt == "amsgrad" else v
        lines.append(rf"\hat v_t = \frac{{{v_used}}}{{1-\beta_2^{{{t}}}}} = \frac{{{_f(v_num)}}}"
                     rf"{{{_f(n['bc2'])}}} = {_f(n['v_hat'][i])}")
        lines.append(rf"\eta_{{\text{{eff}}}} = \frac{{\eta_t}}{{\sqrt{{\hat v_t}} + \epsilon}}"
                     rf" = \frac{{{_f(lr)}}}{{{_f(np.sqrt(n['v_hat'][i]))} + {_f(eps)}}}"
                     rf" = {_f(n['eff_lr'][i])}")
        step = rf"-\eta_{{\text{{eff}}}}\,\hat m_t = -{_f(n['eff_lr'][i])}\cdot"
        step += rf"{_paren(n['m_hat'][i])}"
        if opt == "adamw" and wd:
            step = (rf"-\eta_t\lambda\,\theta_{{t-1}} - \eta_{{\text{{eff}}}}\,\hat m_t"
                    rf" = -{_f(lr * wd)}\cdot{_paren(n['theta_prev'][i])}"
                    rf" - {_f(n['eff_lr'][i])}\cdot{_paren(n['m_hat'][i])}")
    elif opt in ("rmsprop", "adagrad"):
        v, pv = float(n["v"][i]), float(n["prev_v"][i])
        if opt == "rmsprop":
            a = rec.param("beta2", 0.99)
            lines.append(_two_rows(r"v_t = \alpha v_{t-1} + (1-\alpha) g_t^2",
                                   rf"{_f(a)}\cdot{_paren(pv)} + {_f(1 - a)}\cdot{_paren(g)}^2"
                                   rf" = {_f(v)}"))
        else:
            lines.append(rf"s_t = s_{{t-1}} + g_t^2 = {_f(pv)} + {_paren(g)}^2 = {_f(v)}")
        sym = "v_t" if opt == "rmsprop" else "s_t"
        lines.append(rf"\eta_{{\text{{eff}}}} = \frac{{\eta_t}}{{\sqrt{{{sym}}} + \epsilon}} = "
                     rf"\frac{{{_f(lr)}}}{{{_f(np.sqrt(v))} + {_f(eps)}}} = "
                     rf"{_f(n['eff_lr'][i])}")
        step = rf"-\eta_{{\text{{eff}}}}\,g_t = -{_f(n['eff_lr'][i])}\cdot{_paren(g)}"
    elif opt == "momentum":
        mu = rec.param("momentum", 0.9)
        b, pb = float(n["m"][i]), float(n["prev_m"][i])
        first = r"\ (t = 1:\ b_1 = g_1)" if t == 1 else ""
        lines.append(rf"b_t = \mu b_{{t-1}} + g_t = {_f(mu)}\cdot{_paren(pb)} + {_paren(g)}"
                     rf" = {_f(b)}{first}")
        step = rf"-\eta_t\,b_t = -{_f(lr)}\cdot{_paren(b)}"
    else:
        step = rf"-\eta_t\,g_t = -{_f(lr)}\cdot{_paren(g)}"
    symbolic, _, numeric = step.partition(" = ")
    lines.append(_two_rows(rf"\Delta\theta = {symbolic}",
                           f"{numeric} = {_f(n['update'][i])}" if numeric
                           else _f(n["update"][i])))
    return lines


def _two_rows(symbolic: str, numeric: str) -> str:
    """``symbolic = numeric`` as two aligned rows, so long lines fit a narrow column."""
    head, _, rhs = symbolic.partition(" = ")
    return rf"\begin{{aligned}} {head} &= {rhs} \\ &= {numeric} \end{{aligned}}"
