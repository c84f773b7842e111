"""The update rules, one function per optimizer, following ``torch.optim`` (single-tensor path).

Each rule is a ``Rule``: ``init(B)`` builds its state (a small NamedTuple of ``(2, B)``
arrays, zero unless PyTorch says otherwise), ``step(g, theta, state, t, lr, hp)`` updates the
state in place and returns the change ``delta`` to add to ``theta`` (the learning rate of this
step, schedule applied, is ``lr``), and ``inspect(...)`` returns the numbers a learner wants to
see (bias-corrected moments, the effective learning rate per coordinate) without changing
anything. Weight decay, clipping, noise and schedules live outside the rules (see
``optim.simulate``), so every rule here is exactly its line of optimizer-semantics.md.

``eff_lr`` is the per-coordinate multiplier on the rule's direction: ``lr`` for SGD, momentum
and Lion, ``lr / (sqrt(v_hat) + eps)`` (on ``m_hat``) for Adam, and so on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

import numpy as np

from optim.parts import (
    Scalar,
    adam_denominator,
    bias_corrections,
    broadcast,
    ema_,
    ema_sq_,
    power_of,
    root,
)

HP = Mapping[str, Any]


class Rule(NamedTuple):
    init: Callable[[int, HP], NamedTuple]
    step: Callable[..., np.ndarray]
    inspect: Callable[..., dict[str, np.ndarray]]
    # True where a non-finite gradient can still give a finite step (sign(inf) = 1), so the
    # engine must check the gradient itself; every other rule turns it into a NaN position.
    finite_from_nonfinite: bool = False


def _zeros(b: int) -> np.ndarray:
    return np.zeros((2, b))


# --- SGD family ------------------------------------------------------------------------------

class NoState(NamedTuple):
    pass


class MomentumState(NamedTuple):
    m: np.ndarray  # momentum buffer b


def _sgd_step(g, theta, s, t, lr, hp) -> np.ndarray:
    """``theta <- theta - lr * g``."""
    return -lr * g


def _lr_only(g, theta, s, t, lr, hp) -> dict[str, np.ndarray]:
    return {"eff_lr": broadcast(lr, g)}


def _momentum_buffer_(g: np.ndarray, s: MomentumState, t: int, hp: HP) -> None:
    """First step ``b = g`` (a copy, no dampening); later ``b = mu * b + (1 - dampening) * g``."""
    if t == 1:
        s.m[...] = g
    else:
        s.m[...] *= hp["momentum"]
        s.m[...] += (1.0 - hp["dampening"]) * g


def _momentum_step(g, theta, s, t, lr, hp) -> np.ndarray:
    """Heavy ball: ``theta <- theta - lr * b``."""
    _momentum_buffer_(g, s, t, hp)
    return -lr * s.m


def _nesterov_step(g, theta, s, t, lr, hp) -> np.ndarray:
    """Nesterov (PyTorch form): ``theta <- theta - lr * (g + mu * b)``."""
    _momentum_buffer_(g, s, t, hp)
    return -lr * (g + hp["momentum"] * s.m)


# --- Adagrad and RMSprop ---------------------------------------------------------------------

class AdagradState(NamedTuple):
    v: np.ndarray  # running sum of squared gradients s


def _adagrad_init(b: int, hp: HP) -> AdagradState:
    return AdagradState(np.full((2, b), 1.0) * hp["initial_accumulator_value"])


def _adagrad_lr(t: int, lr: Scalar, hp: HP) -> Scalar:
    """``clr = lr / (1 + (t - 1) * lr_decay)``."""
    return lr / (1.0 + (t - 1) * hp["lr_decay"])


def _adagrad_step(g, theta, s, t, lr, hp) -> np.ndarray:
    """``s += g*g``; ``theta <- theta - clr * g / (sqrt(s) + eps)``."""
    s.v[...] += g * g
    return -_adagrad_lr(t, lr, hp) * (g / (np.sqrt(s.v) + hp["eps"]))


def _adagrad_inspect(g, theta, s, t, lr, hp) -> dict[str, np.ndarray]:
    return {"eff_lr": _adagrad_lr(t, lr, hp) / (np.sqrt(s.v) + hp["eps"])}


class RmspropState(NamedTuple):
    v: np.ndarray      # square_avg
    m: np.ndarray      # momentum buffer (stays zero without momentum)
    g_avg: np.ndarray  # running mean of g (centered only)


def _rmsprop_init(b: int, hp: HP) -> RmspropState:
    return RmspropState(_zeros(b), _zeros(b), _zeros(b))


def _rmsprop_avg(s: RmspropState, hp: HP) -> np.ndarray:
    """``sqrt(v - g_avg**2) + eps`` when centered, else ``sqrt(v) + eps``."""
    avg = np.sqrt(s.v - s.g_avg * s.g_avg) if hp["centered"] else np.sqrt(s.v)
    avg += hp["eps"]
    return avg


def _rmsprop_step(g, theta, s, t, lr, hp) -> np.ndarray:
    """``v = alpha v + (1 - alpha) g^2``; with momentum ``b = mu b + g / avg``, step ``-lr b``."""
    ema_sq_(s.v, g, hp["beta2"], hp["weight"]["beta2"], hp["work"])
    if hp["centered"]:
        ema_(s.g_avg, g, hp["weight"]["beta2"], hp["work"])
    avg = _rmsprop_avg(s, hp)
    if hp["uses_momentum"]:
        s.m[...] *= hp["momentum"]
        s.m[...] += g / avg
        return -lr * s.m
    return -lr * (g / avg)


def _rmsprop_inspect(g, theta, s, t, lr, hp) -> dict[str, np.ndarray]:
    return {"eff_lr": lr / _rmsprop_avg(s, hp)}


# --- Adam family -----------------------------------------------------------------------------

class AdamState(NamedTuple):
    m: np.ndarray
    v: np.ndarray


class AmsgradState(NamedTuple):
    m: np.ndarray
    v: np.ndarray
    v_max: np.ndarray


class NadamState(NamedTuple):
    m: np.ndarray
    v: np.ndarray
    mu_product: np.ndarray  # (B,): the product P of the mu_t so far


class AdamaxState(NamedTuple):
    m: np.ndarray
    u: np.ndarray  # exponentially weighted infinity norm


def _scaled_ratio(m: np.ndarray, denom: np.ndarray, factor: Scalar) -> np.ndarray:
    """``factor * (m / denom)``, computed in ``denom``'s buffer (a temporary of the step)."""
    np.divide(m, denom, out=denom)
    denom *= factor
    return denom


def _adam_init(b: int, hp: HP) -> AdamState:
    return AdamState(_zeros(b), _zeros(b))


def _moments_(g: np.ndarray, s: NamedTuple, hp: HP) -> None:
    ema_(s.m, g, hp["weight"]["beta1"], hp["work"])
    ema_sq_(s.v, g, hp["beta2"], hp["weight"]["beta2"], hp["work"])


def _adam_step(g, theta, s, t, lr, hp) -> np.ndarray:
    """``theta <- theta - (lr / bc1) * m / (sqrt(v) / sqrt(bc2) + eps)``."""
    _moments_(g, s, hp)
    bc1, bc2 = bias_corrections(hp, t)
    return _scaled_ratio(s.m, adam_denominator(s.v, bc2, hp["eps"]), -(lr / bc1))


def _adam_inspect(g, theta, s, t, lr, hp) -> dict[str, np.ndarray]:
    bc1, bc2 = bias_corrections(hp, t)
    v = s.v_max if hasattr(s, "v_max") else s.v
    return {"m_hat": s.m / bc1, "v_hat": v / bc2,
            "eff_lr": lr / adam_denominator(v, bc2, hp["eps"])}


def _amsgrad_init(b: int, hp: HP) -> AmsgradState:
    return AmsgradState(_zeros(b), _zeros(b), _zeros(b))


def _amsgrad_step(g, theta, s, t, lr, hp) -> np.ndarray:
    """As Adam with ``v_max = max(v_max, v)`` (raw v) in the denominator."""
    _moments_(g, s, hp)
    np.maximum(s.v_max, s.v, out=s.v_max)
    bc1, bc2 = bias_corrections(hp, t)
    return _scaled_ratio(s.m, adam_denominator(s.v_max, bc2, hp["eps"]), -(lr / bc1))


def _nadam_init(b: int, hp: HP) -> NadamState:
    return NadamState(_zeros(b), _zeros(b), np.ones(b))


def _nadam_mu(t: int, hp: HP) -> Scalar:
    """``mu_t = beta1 * (1 - 0.5 * 0.96 ** (t * momentum_decay))``."""
    return hp["beta1"] * (1.0 - 0.5 * np.power(0.96, t * hp["momentum_decay"]))


def _nadam_terms(s: NadamState, t: int, lr: Scalar, hp: HP):
    """The two step sizes and the denominator ``sqrt(v / bc2) + eps`` (after P has been updated).

    Without bias correction, ``bc2``, ``1 - P`` and ``1 - P * mu_next`` are all taken as 1.
    """
    mu, mu_next = _nadam_mu(t, hp), _nadam_mu(t + 1, hp)
    if hp["bias_correction"]:
        bc2 = 1.0 - power_of(hp, "beta2", t)
        c_g = lr * (1.0 - mu) / (1.0 - s.mu_product)
        c_m = lr * mu_next / (1.0 - s.mu_product * mu_next)
    else:
        bc2, c_g, c_m = 1.0, lr * (1.0 - mu), lr * mu_next
    denom = np.sqrt(s.v / bc2)
    denom += hp["eps"]
    return c_g, c_m, denom, bc2


def _nadam_step(g, theta, s, t, lr, hp) -> np.ndarray:
    """``P *= mu_t``; then
    ``theta -= lr (1 - mu_t)/(1 - P) g/denom + lr mu_next/(1 - P mu_next) m/denom``."""
    s.mu_product[...] *= _nadam_mu(t, hp)
    _moments_(g, s, hp)
    c_g, c_m, denom, _ = _nadam_terms(s, t, lr, hp)
    return -c_g * (g / denom) - c_m * (s.m / denom)


def _nadam_inspect(g, theta, s, t, lr, hp) -> dict[str, np.ndarray]:
    _, _, denom, bc2 = _nadam_terms(s, t, lr, hp)
    return {"v_hat": s.v / bc2, "eff_lr": lr / denom}


def _radam_terms(s: AdamState, t: int, lr: Scalar, hp: HP):
    """``m_hat`` and the per-coordinate multiplier on it.

    ``rho_inf = 2/(1 - beta2) - 1``, ``rho_t = rho_inf - 2 t beta2**t / bc2``. Where
    ``rho_t > 5``: ``r = sqrt((rho_t-4)(rho_t-2) rho_inf / ((rho_inf-4)(rho_inf-2) rho_t))``
    and the multiplier is ``lr * r * sqrt(bc2) / (sqrt(v) + eps)``; elsewhere it is ``lr``.
    """
    beta2 = hp["beta2"]
    pow2 = power_of(hp, "beta2", t)
    bc1, bc2 = 1.0 - power_of(hp, "beta1", t), 1.0 - pow2
    rho_inf = 2.0 / (1.0 - beta2) - 1.0
    rho_t = rho_inf - 2.0 * t * pow2 / bc2
    rectified = rho_t > 5.0
    m_hat = s.m / bc1
    if not np.any(rectified):
        return m_hat, broadcast(lr, s.m)
    with np.errstate(invalid="ignore", divide="ignore"):
        r = np.sqrt((rho_t - 4.0) * (rho_t - 2.0) * rho_inf
                    / ((rho_inf - 4.0) * (rho_inf - 2.0) * rho_t))
    adaptive = lr * (root(bc2) / (np.sqrt(s.v) + hp["eps"])) * r
    return m_hat, np.where(rectified, adaptive, lr)


def _radam_step(g, theta, s, t, lr, hp) -> np.ndarray:
    """``theta -= m_hat * lr * sqrt(bc2)/(sqrt(v)+eps) * r`` if ``rho_t > 5``, else ``m_hat*lr``."""
    _moments_(g, s, hp)
    m_hat, mult = _radam_terms(s, t, lr, hp)
    return -(m_hat * mult)


def _radam_inspect(g, theta, s, t, lr, hp) -> dict[str, np.ndarray]:
    m_hat, mult = _radam_terms(s, t, lr, hp)
    return {"m_hat": m_hat, "eff_lr": mult}


def _adamax_init(b: int, hp: HP) -> AdamaxState:
    return AdamaxState(_zeros(b), _zeros(b))


def _adamax_step(g, theta, s, t, lr, hp) -> np.ndarray:
    """``u = max(beta2 u, |g| + eps)``; ``theta -= (lr / bc1) * m / u``."""
    ema_(s.m, g, hp["weight"]["beta1"], hp["work"])
    s.u[...] *= hp["beta2"]
    np.maximum(s.u, np.abs(g) + hp["eps"], out=s.u)
    bc1, _ = bias_corrections(hp, t)
    return -(lr / bc1) * (s.m / s.u)


def _adamax_inspect(g, theta, s, t, lr, hp) -> dict[str, np.ndarray]:
    bc1, _ = bias_corrections(hp, t)
    return {"m_hat": s.m / bc1, "eff_lr": lr / s.u}


# --- Lion ------------------------------------------------------------------------------------

def _lion_step(g, theta, s, t, lr, hp) -> np.ndarray:
    """``c = sign(beta1 m + (1 - beta1) g)``; step ``-lr c``; then ``m = beta2 m + (1-beta2) g``.

    The decoupled decay ``-lr * wd * theta`` of the rule is applied before, as for AdamW.
    """
    c = np.sign(hp["beta1"] * s.m + (1.0 - hp["beta1"]) * g)
    ema_(s.m, g, hp["weight"]["beta2"], hp["work"])
    return -lr * c


def _momentum_init(b: int, hp: HP) -> MomentumState:
    return MomentumState(_zeros(b))


def _no_state(b: int, hp: HP) -> NoState:
    return NoState()


RULES: dict[str, Rule] = {
    "sgd": Rule(_no_state, _sgd_step, _lr_only),
    "momentum": Rule(_momentum_init, _momentum_step, _lr_only),
    "nesterov": Rule(_momentum_init, _nesterov_step, _lr_only),
    "adagrad": Rule(_adagrad_init, _adagrad_step, _adagrad_inspect),
    "rmsprop": Rule(_rmsprop_init, _rmsprop_step, _rmsprop_inspect),
    "adam": Rule(_adam_init, _adam_step, _adam_inspect),
    "adamw": Rule(_adam_init, _adam_step, _adam_inspect),
    "amsgrad": Rule(_amsgrad_init, _amsgrad_step, _adam_inspect),
    "nadam": Rule(_nadam_init, _nadam_step, _nadam_inspect),
    "radam": Rule(_adam_init, _radam_step, _radam_inspect),
    "adamax": Rule(_adamax_init, _adamax_step, _adamax_inspect),
    "lion": Rule(_momentum_init, _lion_step, _lr_only, finite_from_nonfinite=True),
}
