"""What each optimizer is: its keywords with PyTorch's defaults, its state, its formula.

``OPTIMIZERS`` is the public registry (name -> ``OptimizerSpec``, in display order). The app
builds its sliders from ``hyperparams`` and shows ``latex``, the rule that actually runs
(``optim.rules``), so the two never drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np


@dataclass(frozen=True)
class Bound:
    """The valid range of a hyperparameter: ``low <= value`` (or ``<``) and ``value < high``."""

    low: float
    high: float = float("inf")
    low_open: bool = False
    high_closed: bool = False

    def contains(self, value: float | np.ndarray) -> np.ndarray:
        """Elementwise: is ``value`` inside the range?"""
        above = value > self.low if self.low_open else value >= self.low
        below = value <= self.high if self.high_closed else value < self.high
        return np.logical_and(above, below)

    def describe(self) -> str:
        left = "(" if self.low_open else "["
        right = "]" if self.high_closed else ")"
        high = "inf" if self.high == float("inf") else f"{self.high:g}"
        return f"{left}{self.low:g}, {high}{right}"


BOUNDS: Mapping[str, Bound] = MappingProxyType({
    "lr": Bound(0.0),
    "beta1": Bound(0.0, 1.0),
    "beta2": Bound(0.0, 1.0),
    "eps": Bound(0.0),
    "weight_decay": Bound(0.0),
    "momentum": Bound(0.0, 1.0, high_closed=True),
    "dampening": Bound(0.0, 1.0, high_closed=True),
    "lr_decay": Bound(0.0),
    "initial_accumulator_value": Bound(0.0),
    "momentum_decay": Bound(0.0),
})
FLAGS = frozenset({"centered"})


@dataclass(frozen=True)
class OptimizerSpec:
    """One optimizer: defaults exactly as ``torch.optim`` (optimizer-semantics.md)."""

    name: str
    title: str
    family: str
    decay: str
    hyperparams: Mapping[str, float | bool]
    state_names: tuple[str, ...]
    latex: tuple[str, ...]
    bias_correction_switch: bool = False


_ADAM_LATEX = (
    r"m_t = \beta_1 m_{t-1} + (1-\beta_1)\,g_t",
    r"v_t = \beta_2 v_{t-1} + (1-\beta_2)\,g_t^2",
    r"\hat m_t = \frac{m_t}{1-\beta_1^t},\quad \hat v_t = \frac{v_t}{1-\beta_2^t}",
    r"\theta_t = \theta_{t-1} - \eta_t\,\frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon}",
)
_COUPLED = r"g_t \leftarrow g_t + \lambda\,\theta_{t-1}\quad(\text{if }\lambda>0)"
_DECOUPLED = r"\theta_{t-1} \leftarrow (1 - \eta_t\lambda)\,\theta_{t-1}"
_ADAM_STATE = ("m", "v", "m_hat", "v_hat", "eff_lr", "update")



def _momentum_spec(name: str, title: str, step_latex: str) -> OptimizerSpec:
    """Heavy ball and Nesterov share keywords, state and buffer; only the step differs."""
    return OptimizerSpec(
        name, title, "sgd", "coupled",
        {"lr": 1e-3, "momentum": 0.9, "dampening": 0.0, "weight_decay": 0.0},
        ("m", "eff_lr", "update"),
        (_COUPLED, r"b_1 = g_1,\quad b_t = \mu\, b_{t-1} + (1-\tau)\, g_t", step_latex))


_SPECS = (
    OptimizerSpec(
        "sgd", "SGD", "sgd", "coupled", {"lr": 1e-3, "weight_decay": 0.0},
        ("eff_lr", "update"),
        (_COUPLED, r"\theta_t = \theta_{t-1} - \eta_t\, g_t")),
    _momentum_spec("momentum", "Momentum", r"\theta_t = \theta_{t-1} - \eta_t\, b_t"),
    _momentum_spec("nesterov", "Nesterov",
                   r"\theta_t = \theta_{t-1} - \eta_t\,(g_t + \mu\, b_t)"),
    OptimizerSpec(
        "adagrad", "Adagrad", "adaptive", "coupled",
        {"lr": 1e-2, "eps": 1e-10, "weight_decay": 0.0, "lr_decay": 0.0,
         "initial_accumulator_value": 0.0},
        ("v", "eff_lr", "update"),
        (_COUPLED, r"s_t = s_{t-1} + g_t^2,\quad \tilde\eta_t = \frac{\eta_t}{1+(t-1)\,\delta}",
         r"\theta_t = \theta_{t-1} - \tilde\eta_t\,\frac{g_t}{\sqrt{s_t} + \epsilon}")),
    OptimizerSpec(
        "rmsprop", "RMSprop", "adaptive", "coupled",
        {"lr": 1e-2, "beta2": 0.99, "eps": 1e-8, "weight_decay": 0.0, "momentum": 0.0,
         "centered": False},
        ("v", "m", "g_avg", "eff_lr", "update"),
        (_COUPLED, r"v_t = \alpha\, v_{t-1} + (1-\alpha)\, g_t^2\quad(\alpha = \beta_2)",
         r"\text{centered: } \bar g_t = \alpha \bar g_{t-1} + (1-\alpha) g_t,\ "
         r"a_t = \sqrt{v_t - \bar g_t^2} + \epsilon;\ \text{else } a_t = \sqrt{v_t} + \epsilon",
         r"b_t = \mu\, b_{t-1} + \frac{g_t}{a_t},\quad \theta_t = \theta_{t-1} - \eta_t\, b_t")),
    OptimizerSpec(
        "adam", "Adam", "adam", "coupled",
        {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.0},
        _ADAM_STATE, (_COUPLED, *_ADAM_LATEX), bias_correction_switch=True),
    OptimizerSpec(
        "adamw", "AdamW", "adam", "decoupled",
        {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 1e-2},
        _ADAM_STATE, (_DECOUPLED, *_ADAM_LATEX), bias_correction_switch=True),
    OptimizerSpec(
        "amsgrad", "AMSGrad", "adam", "coupled",
        {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.0},
        ("m", "v", "v_max", "m_hat", "v_hat", "eff_lr", "update"),
        (_COUPLED, *_ADAM_LATEX[:2],
         r"v^{\max}_t = \max(v^{\max}_{t-1}, v_t),\quad \hat m_t = \frac{m_t}{1-\beta_1^t},\ "
         r"\hat v_t = \frac{v^{\max}_t}{1-\beta_2^t}",
         _ADAM_LATEX[3]), bias_correction_switch=True),
    OptimizerSpec(
        "nadam", "NAdam", "adam", "coupled",
        {"lr": 2e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.0,
         "momentum_decay": 4e-3},
        ("m", "v", "v_hat", "eff_lr", "update"),
        (_COUPLED,
         r"\mu_t = \beta_1\left(1 - \tfrac12\, 0.96^{t\psi}\right),\quad P_t = P_{t-1}\,\mu_t",
         *_ADAM_LATEX[:2],
         r"\theta_t = \theta_{t-1} - \eta_t\frac{1-\mu_t}{1-P_t}\,"
         r"\frac{g_t}{\sqrt{v_t/(1-\beta_2^t)}+\epsilon}"
         r" - \eta_t\frac{\mu_{t+1}}{1-P_t\mu_{t+1}}\,"
         r"\frac{m_t}{\sqrt{v_t/(1-\beta_2^t)}+\epsilon}"), bias_correction_switch=True),
    OptimizerSpec(
        "radam", "RAdam", "adam", "coupled",
        {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.0},
        ("m", "v", "m_hat", "eff_lr", "update"),
        (_COUPLED, *_ADAM_LATEX[:2],
         r"\rho_\infty = \frac{2}{1-\beta_2} - 1,\quad "
         r"\rho_t = \rho_\infty - \frac{2t\beta_2^t}{1-\beta_2^t}",
         r"\rho_t > 5:\ r_t = \sqrt{\frac{(\rho_t-4)(\rho_t-2)\rho_\infty}"
         r"{(\rho_\infty-4)(\rho_\infty-2)\rho_t}},\ "
         r"\theta_t = \theta_{t-1} - \eta_t\, r_t\,\hat m_t\,\frac{\sqrt{1-\beta_2^t}}"
         r"{\sqrt{v_t}+\epsilon}",
         r"\text{else: } \theta_t = \theta_{t-1} - \eta_t\,\hat m_t")),
    OptimizerSpec(
        "adamax", "Adamax", "adam", "coupled",
        {"lr": 2e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.0},
        ("m", "u", "m_hat", "eff_lr", "update"),
        (_COUPLED, _ADAM_LATEX[0],
         r"u_t = \max(\beta_2\, u_{t-1},\ |g_t| + \epsilon)",
         r"\theta_t = \theta_{t-1} - \frac{\eta_t}{1-\beta_1^t}\,\frac{m_t}{u_t}"),
        bias_correction_switch=True),
    OptimizerSpec(
        "lion", "Lion", "sign", "decoupled",
        {"lr": 1e-4, "beta1": 0.9, "beta2": 0.99, "weight_decay": 0.0},
        ("m", "eff_lr", "update"),
        (r"c_t = \operatorname{sign}\left(\beta_1 m_{t-1} + (1-\beta_1)\, g_t\right)",
         r"\theta_t = \theta_{t-1} - \eta_t\,(c_t + \lambda\,\theta_{t-1})",
         r"m_t = \beta_2\, m_{t-1} + (1-\beta_2)\, g_t")),
)

OPTIMIZERS: Mapping[str, OptimizerSpec] = MappingProxyType({s.name: s for s in _SPECS})
