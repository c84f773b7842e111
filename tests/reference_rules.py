"""Reference optimizer rules for the tests: one trajectory, one step at a time, plain NumPy.

Written straight from /work/shared/optimizer-semantics.md (PyTorch single-tensor semantics),
not from the engine in ``optim/``, so that the tests compare two independent implementations.
Nothing here is vectorised over a batch: a trajectory is a float64 vector of shape (2,) and the
time loop is an ordinary Python loop, so every line can be checked against the table by eye.

Order inside one step (semantics file, "Order inside one step"):
    1. g = grad(theta), times loss_scale, times grad_scale (per coordinate), times the spike
       factor of this step, plus sigma * N(0, I_2) noise, then clipped by global norm if the
       clipping acts "before" the moments;
    2. t += 1;
    3. weight decay: coupled ``g = g + wd * theta`` or, for adamw and lion, decoupled
       ``theta = theta * (1 - lr_t * wd)``;
    4. the optimizer's own rule with the step's learning rate ``lr_t = lr * schedule(t)``;
    then, if clipping acts "after", the whole step ``theta_new - theta_old`` is clipped.

A trajectory stops at the first step whose gradient, update, new position or new loss is not
finite, or whose new position has a coordinate with magnitude above ``bound`` (1e6); that step
and every later row are NaN.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

OPTIMIZER_NAMES = (
    "sgd",
    "momentum",
    "nesterov",
    "adagrad",
    "rmsprop",
    "adam",
    "adamw",
    "amsgrad",
    "nadam",
    "radam",
    "adamax",
    "lion",
)

ADAM_BETAS = {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8}

# Defaults exactly as the semantics table (PyTorch's where PyTorch has the optimizer).
DEFAULTS: dict[str, dict[str, float | bool]] = {
    "sgd": {"lr": 1e-3, "weight_decay": 0.0},
    "momentum": {"lr": 1e-3, "momentum": 0.9, "dampening": 0.0, "weight_decay": 0.0},
    "nesterov": {"lr": 1e-3, "momentum": 0.9, "dampening": 0.0, "weight_decay": 0.0},
    "adagrad": {
        "lr": 1e-2,
        "eps": 1e-10,
        "lr_decay": 0.0,
        "initial_accumulator_value": 0.0,
        "weight_decay": 0.0,
    },
    "rmsprop": {
        "lr": 1e-2,
        "beta2": 0.99,
        "eps": 1e-8,
        "momentum": 0.0,
        "centered": False,
        "weight_decay": 0.0,
    },
    "adam": {"lr": 1e-3, **ADAM_BETAS, "weight_decay": 0.0},
    "adamw": {"lr": 1e-3, **ADAM_BETAS, "weight_decay": 1e-2},
    "amsgrad": {"lr": 1e-3, **ADAM_BETAS, "weight_decay": 0.0},
    "nadam": {"lr": 2e-3, **ADAM_BETAS, "momentum_decay": 4e-3, "weight_decay": 0.0},
    "radam": {"lr": 1e-3, **ADAM_BETAS, "weight_decay": 0.0},
    "adamax": {"lr": 2e-3, **ADAM_BETAS, "weight_decay": 0.0},
    "lion": {"lr": 1e-4, "beta1": 0.9, "beta2": 0.99, "weight_decay": 0.0},
}

DECOUPLED = frozenset({"adamw", "lion"})

# Reference state names -> the engine's record names (optim/specs.py state_names).
ENGINE_STATE_NAMES: dict[str, dict[str, str]] = {
    "momentum": {"b": "m"},
    "nesterov": {"b": "m"},
    "adagrad": {"s": "v"},
    "rmsprop": {"b": "m", "gbar": "g_avg"},
    "amsgrad": {"vmax": "v_max"},
}
BOUND = 1e6
CLIP_EPS = 1e-6


# --------------------------------------------------------------------------------------------
# Schedules as plain formulas of the step counter t = 1, 2, ... (multipliers of the base lr).
# --------------------------------------------------------------------------------------------


def sched_constant(t: int) -> float:
    return 1.0


def sched_linear_warmup(t: int, warmup_steps: int) -> float:
    """min(1, t / w)."""
    return min(1.0, t / warmup_steps)


def sched_cosine(t: int, total_steps: int, eta_min: float = 0.0, t_offset: int = 1) -> float:
    """PyTorch CosineAnnealingLR as a multiplier, held at eta_min after the end.

    Epoch e = t - t_offset (step t runs at scheduler epoch t - 1 in the usual
    ``optimizer.step(); scheduler.step()`` loop); T_cur = min(e, T);
    mult = eta_min + (1 - eta_min) * (1 + cos(pi * T_cur / T)) / 2, so step T + 1 is at eta_min.
    """
    tc = min(t - t_offset, total_steps)
    return eta_min + (1.0 - eta_min) * (1.0 + math.cos(math.pi * tc / total_steps)) / 2.0


def sched_cosine_warm_restarts(
    t: int, t_0: int, t_mult: int = 1, eta_min: float = 0.0, t_offset: int = 1
) -> float:
    """PyTorch CosineAnnealingWarmRestarts as a multiplier, epoch = t - t_offset.

    Walk the periods T_0, T_0*T_mult, ... by hand (no closed-form log trick) to find T_cur and
    T_i, then eta_min + (1 - eta_min) * (1 + cos(pi * T_cur / T_i)) / 2.
    """
    epoch = t - t_offset
    T_i = t_0
    T_cur = epoch
    while T_cur >= T_i:
        T_cur -= T_i
        T_i *= t_mult
    return eta_min + (1.0 - eta_min) * (1.0 + math.cos(math.pi * T_cur / T_i)) / 2.0


def sched_triangular(t: int, step_size: int, min_mult: float, t_offset: int = 1) -> float:
    """PyTorch CyclicLR mode 'triangular' with base_lr = min_mult, max_lr = 1 (multipliers).

    cycle = floor(1 + x / (2 * step_size)); u = |x / step_size - 2 * cycle + 1|;
    mult = min_mult + (1 - min_mult) * max(0, 1 - u), with x = t - t_offset.
    """
    x = t - t_offset
    cycle = math.floor(1 + x / (2 * step_size))
    u = abs(x / step_size - 2 * cycle + 1)
    return min_mult + (1.0 - min_mult) * max(0.0, 1.0 - u)


def sched_step_decay(t: int, step_size: int, gamma: float, t_offset: int = 1) -> float:
    """PyTorch StepLR as a multiplier: gamma ** floor((t - t_offset) / step_size)."""
    return gamma ** ((t - t_offset) // step_size)


# --------------------------------------------------------------------------------------------
# One trajectory
# --------------------------------------------------------------------------------------------


@dataclass
class RefRun:
    positions: np.ndarray  # (steps + 1, 2)
    losses: np.ndarray  # (steps + 1,)
    grads: np.ndarray  # (steps + 1, 2), row 0 NaN
    lrs: np.ndarray  # (steps + 1,), row 0 NaN
    updates: np.ndarray  # (steps + 1, 2), row t = theta_t - theta_{t-1}, row 0 NaN
    state: dict[str, np.ndarray] = field(default_factory=dict)  # name -> (steps + 1, ...)
    diverged_at: int = -1
    reason: str = ""
    final: dict = field(default_factory=dict)  # internal state after the last finite step


def _hyper(name: str, overrides: Mapping[str, float]) -> dict:
    if name not in DEFAULTS:
        raise KeyError(name)
    h = dict(DEFAULTS[name])
    for k, v in overrides.items():
        if k not in h:
            raise KeyError(f"{name} does not take {k}")
        h[k] = v
    return h


def _fresh_state(name: str, h: dict) -> dict:
    z = np.zeros(2)
    st: dict = {"t": 0}
    if name in ("momentum", "nesterov"):
        st["b"] = z.copy()  # replaced by the raw gradient on the first step (t == 1)
    elif name == "adagrad":
        st["s"] = np.full(2, float(h["initial_accumulator_value"]))
    elif name == "rmsprop":
        st.update(v=z.copy(), gbar=z.copy(), b=z.copy())
    elif name in ("adam", "adamw", "radam", "amsgrad", "nadam", "lion", "adamax"):
        st["m"] = z.copy()
        if name != "lion":
            st["v" if name != "adamax" else "u"] = z.copy()
        if name == "amsgrad":
            st["vmax"] = z.copy()
        if name == "nadam":
            st["P"] = 1.0
    return st


def _clip(vec: np.ndarray, c: float) -> np.ndarray:
    """PyTorch clip_grad_norm_ form: vec * min(1, c / (||vec|| + 1e-6))."""
    norm = math.sqrt(float(vec[0]) * float(vec[0]) + float(vec[1]) * float(vec[1]))
    return vec * min(1.0, c / (norm + CLIP_EPS))


def ref_step(
    name: str, h: dict, st: dict, theta: np.ndarray, g: np.ndarray, lr_t: float, bc: bool
) -> tuple[np.ndarray, np.ndarray, dict]:
    """Apply steps 2-4 of one update to a copy of theta; returns (theta_new, g_used, info).

    ``st`` is mutated (it is the optimizer state). ``info`` holds displayable quantities of the
    step (m_hat, v_hat, ...).
    """
    st["t"] += 1
    t = st["t"]
    theta = theta.copy()
    wd = float(h.get("weight_decay", 0.0))
    info: dict = {}

    # 3. weight decay
    if wd != 0.0:
        if name in DECOUPLED:
            theta = theta * (1.0 - lr_t * wd)
        else:
            g = g + wd * theta

    # 4. the rule
    if name == "sgd":
        theta = theta - lr_t * g

    elif name in ("momentum", "nesterov"):
        mu = h["momentum"]
        d = h["dampening"]
        if t == 1:
            b = g.copy()  # first step: raw gradient, no dampening
        else:
            b = mu * st["b"] + (1.0 - d) * g
        st["b"] = b
        direction = b if name == "momentum" else g + mu * b
        theta = theta - lr_t * direction

    elif name == "adagrad":
        clr = lr_t / (1.0 + (t - 1) * h["lr_decay"])
        st["s"] = st["s"] + g * g
        theta = theta - clr * (g / (np.sqrt(st["s"]) + h["eps"]))

    elif name == "rmsprop":
        alpha = h["beta2"]
        mu = h["momentum"]
        st["v"] = alpha * st["v"] + (1.0 - alpha) * g * g
        if h["centered"]:
            st["gbar"] = st["gbar"] + (1.0 - alpha) * (g - st["gbar"])
            avg = np.sqrt(st["v"] - st["gbar"] ** 2) + h["eps"]
        else:
            avg = np.sqrt(st["v"]) + h["eps"]
        info["avg"] = avg
        if mu > 0:
            st["b"] = mu * st["b"] + g / avg
            theta = theta - lr_t * st["b"]
        else:
            theta = theta - lr_t * (g / avg)

    elif name in ("adam", "adamw", "amsgrad"):
        b1, b2, eps = h["beta1"], h["beta2"], h["eps"]
        bc1 = 1.0 - b1**t if bc else 1.0
        bc2 = 1.0 - b2**t if bc else 1.0
        st["m"] = st["m"] + (1.0 - b1) * (g - st["m"])
        st["v"] = b2 * st["v"] + (1.0 - b2) * g * g
        if name == "amsgrad":
            st["vmax"] = np.maximum(st["vmax"], st["v"])
            vv = st["vmax"]
        else:
            vv = st["v"]
        denom = np.sqrt(vv) / math.sqrt(bc2) + eps
        info.update(m_hat=st["m"] / bc1, v_hat=vv / bc2, denom=denom)
        theta = theta - (lr_t / bc1) * (st["m"] / denom)

    elif name == "nadam":
        b1, b2, eps, psi = h["beta1"], h["beta2"], h["eps"], h["momentum_decay"]
        bc2 = 1.0 - b2**t if bc else 1.0
        mu_t = b1 * (1.0 - 0.5 * 0.96 ** (t * psi))
        mu_next = b1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * psi))
        st["P"] = st["P"] * mu_t
        P = st["P"]
        st["m"] = st["m"] + (1.0 - b1) * (g - st["m"])
        st["v"] = b2 * st["v"] + (1.0 - b2) * g * g
        denom = np.sqrt(st["v"] / bc2) + eps
        # NAdam's momentum-schedule corrections 1 - P and 1 - P*mu_next play bc1's part: with
        # bias correction off they are 1 as well (optim/rules.py documents this reading).
        corr_g = (1.0 - P) if bc else 1.0
        corr_m = (1.0 - P * mu_next) if bc else 1.0
        theta = theta - (lr_t * (1.0 - mu_t) / corr_g) * (g / denom)
        theta = theta - (lr_t * mu_next / corr_m) * (st["m"] / denom)
        info.update(v_hat=st["v"] / bc2, mu_t=mu_t, mu_next=mu_next, denom=denom)

    elif name == "radam":
        b1, b2, eps = h["beta1"], h["beta2"], h["eps"]
        bc1 = 1.0 - b1**t if bc else 1.0
        bc2 = 1.0 - b2**t if bc else 1.0
        st["m"] = st["m"] + (1.0 - b1) * (g - st["m"])
        st["v"] = b2 * st["v"] + (1.0 - b2) * g * g
        rho_inf = 2.0 / (1.0 - b2) - 1.0
        rho_t = rho_inf - 2.0 * t * b2**t / bc2
        mhat = st["m"] / bc1
        info.update(m_hat=mhat, rho_t=rho_t)
        if rho_t > 5.0:
            r = math.sqrt(
                (rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t)
            )
            theta = theta - mhat * lr_t * (math.sqrt(bc2) / (np.sqrt(st["v"]) + eps)) * r
        else:
            theta = theta - mhat * lr_t

    elif name == "adamax":
        b1, b2, eps = h["beta1"], h["beta2"], h["eps"]
        bc1 = 1.0 - b1**t if bc else 1.0
        st["m"] = st["m"] + (1.0 - b1) * (g - st["m"])
        st["u"] = np.maximum(b2 * st["u"], np.abs(g) + eps)
        info["m_hat"] = st["m"] / bc1
        theta = theta - (lr_t / bc1) * (st["m"] / st["u"])

    elif name == "lion":
        b1, b2 = h["beta1"], h["beta2"]
        c = np.sign(b1 * st["m"] + (1.0 - b1) * g)
        theta = theta - lr_t * c  # decoupled decay already applied in step 3
        st["m"] = b2 * st["m"] + (1.0 - b2) * g

    else:  # pragma: no cover
        raise KeyError(name)

    return theta, g, info


def _copy_state(st: dict) -> dict:
    return {k: (v.copy() if isinstance(v, np.ndarray) else v) for k, v in st.items()}


def reference_run(
    ls,
    name: str,
    start,
    steps: int,
    *,
    schedule: Callable[[int], float] | None = None,
    clip_norm: float | None = None,
    clip_mode: str = "before",
    noise_sigma: float = 0.0,
    seed: int | None = None,
    noise_draws: Callable | None = None,
    spikes: Mapping[int, object] | None = None,
    loss_scale: float = 1.0,
    grad_scale=(1.0, 1.0),
    bias_correction: bool = True,
    init: dict | None = None,
    bound: float = BOUND,
    **hyper,
) -> RefRun:
    """Run one trajectory of ``steps`` updates of optimizer ``name`` from ``start``.

    Noise: the trajectory's own generator ``rng = np.random.default_rng(seed)`` gives one
    N(0, I_2) draw per step, in step order (``rng.standard_normal(2)``; the same numbers as row
    t - 1 of ``standard_normal((steps, 2))``, the order optim/perturb.py documents);
    ``noise_draws(rng, t)`` replaces that draw if given.
    ``init`` continues from the ``final`` dict of an earlier RefRun.
    """
    h = _hyper(name, hyper)
    sched = schedule or sched_constant
    spikes = dict(spikes or {})
    gs = np.asarray(grad_scale, dtype=float)

    theta = np.array(start, dtype=float).reshape(2)
    if init is not None:
        st = _copy_state(init["state"])
        rng = init["rng"]
    else:
        st = _fresh_state(name, h)
        rng = np.random.default_rng(seed) if seed is not None else None
    draws = noise_draws or (lambda r, t: r.standard_normal(2))

    pos = np.full((steps + 1, 2), np.nan)
    loss = np.full(steps + 1, np.nan)
    grads = np.full((steps + 1, 2), np.nan)
    lrs = np.full(steps + 1, np.nan)
    upd = np.full((steps + 1, 2), np.nan)
    rec: dict[str, list] = {}
    names = ENGINE_STATE_NAMES.get(name, {})

    def record(row: int, values: Mapping[str, object]) -> None:
        for k, v in values.items():
            if k in ("t", "P", "denom", "mu_t", "mu_next", "rho_t", "avg"):
                continue
            arr = rec.setdefault(names.get(k, k), np.full((steps + 1, 2), np.nan))
            arr[row] = np.broadcast_to(np.asarray(v, dtype=float), (2,))

    pos[0] = theta
    loss[0] = loss_scale * float(ls.value(theta))
    record(0, st)
    diverged_at, reason = -1, ""

    for step in range(1, steps + 1):
        t_next = st["t"] + 1
        # 1. gradient, scaled, spiked, noised, clipped-before
        g = np.asarray(ls.grad(theta), dtype=float).reshape(2) * loss_scale
        g = g * gs
        if t_next in spikes:
            g = g * np.asarray(spikes[t_next], dtype=float)
        if rng is not None:
            z = draws(rng, t_next)
            if noise_sigma:
                g = g + noise_sigma * z
        if clip_norm is not None and clip_mode == "before":
            g = _clip(g, clip_norm)
        if not np.all(np.isfinite(g)):
            diverged_at, reason = step, "nonfinite_grad"
            break
        lr_t = h["lr"] * sched(t_next)
        st_before = _copy_state(st)
        theta_new, g_used, info = ref_step(name, h, st, theta, g, lr_t, bias_correction)
        d = theta_new - theta
        if clip_norm is not None and clip_mode == "after":
            d = _clip(d, clip_norm)
            theta_new = theta + d
        if not np.all(np.isfinite(d)):
            diverged_at, reason = step, "nonfinite_update"
            st = st_before
            break
        if not np.all(np.isfinite(theta_new)) or np.any(np.abs(theta_new) > bound):
            diverged_at, reason = step, "out_of_bounds"
            st = st_before
            break
        new_loss = loss_scale * float(ls.value(theta_new))
        if not math.isfinite(new_loss):
            diverged_at, reason = step, "nonfinite_loss"
            st = st_before
            break
        theta = theta_new
        pos[step] = theta
        loss[step] = new_loss
        grads[step] = g_used
        lrs[step] = lr_t
        upd[step] = d
        record(step, st)
        record(step, info)

    return RefRun(
        positions=pos,
        losses=loss,
        grads=grads,
        lrs=lrs,
        updates=upd,
        state=rec,
        diverged_at=diverged_at,
        reason=reason,
        final={"state": _copy_state(st), "rng": rng, "theta": theta.copy()},
    )


# --------------------------------------------------------------------------------------------
# Tiny landscapes with known gradients (value: (..., 2) -> (...), grad: (..., 2) -> (..., 2)).
# Polynomials only, so batched and one-at-a-time evaluation are bit-identical.
# --------------------------------------------------------------------------------------------


class Quadratic:
    """f = 0.5 * (a dx^2 + 2 c dx dy + b dy^2), (dx, dy) = xy - center."""

    def __init__(self, a=1.0, b=1.0, c=0.0, center=(0.0, 0.0)):
        self.a, self.b, self.c = float(a), float(b), float(c)
        self.center = np.asarray(center, dtype=float)

    def value(self, xy):
        xy = np.asarray(xy, dtype=float)
        dx = xy[..., 0] - self.center[0]
        dy = xy[..., 1] - self.center[1]
        return 0.5 * (self.a * dx * dx + 2.0 * self.c * dx * dy + self.b * dy * dy)

    def grad(self, xy):
        xy = np.asarray(xy, dtype=float)
        dx = xy[..., 0] - self.center[0]
        dy = xy[..., 1] - self.center[1]
        return np.stack([self.a * dx + self.c * dy, self.c * dx + self.b * dy], axis=-1)


class Rosen:
    """f = (a - x)^2 + b (y - x^2)^2, minimum at (a, a^2)."""

    def __init__(self, a=1.0, b=10.0):
        self.a, self.b = float(a), float(b)

    def value(self, xy):
        xy = np.asarray(xy, dtype=float)
        x, y = xy[..., 0], xy[..., 1]
        return (self.a - x) ** 2 + self.b * (y - x * x) ** 2

    def grad(self, xy):
        xy = np.asarray(xy, dtype=float)
        x, y = xy[..., 0], xy[..., 1]
        r = y - x * x
        return np.stack([-2.0 * (self.a - x) - 4.0 * self.b * x * r, 2.0 * self.b * r], axis=-1)


class Plane:
    """f = p0 x + p1 y: constant gradient (p0, p1)."""

    def __init__(self, p=(1.0, -2.0)):
        self.p = np.asarray(p, dtype=float)

    def value(self, xy):
        xy = np.asarray(xy, dtype=float)
        return self.p[0] * xy[..., 0] + self.p[1] * xy[..., 1]

    def grad(self, xy):
        xy = np.asarray(xy, dtype=float)
        return np.broadcast_to(self.p, xy.shape).copy()


class Flat:
    """f = 0 everywhere: zero gradient."""

    def value(self, xy):
        xy = np.asarray(xy, dtype=float)
        return np.zeros(xy.shape[:-1])

    def grad(self, xy):
        return np.zeros(np.shape(xy))


class XOnly:
    """f = (x - 1)^2: the y coordinate has exactly zero gradient."""

    def value(self, xy):
        xy = np.asarray(xy, dtype=float)
        return (xy[..., 0] - 1.0) ** 2

    def grad(self, xy):
        xy = np.asarray(xy, dtype=float)
        return np.stack([2.0 * (xy[..., 0] - 1.0), np.zeros(xy.shape[:-1])], axis=-1)


class NaNGradBeyond:
    """Bowl f = x^2 + y^2 whose gradient is NaN where x > edge (value stays finite)."""

    def __init__(self, edge=1.0):
        self.edge = edge

    def value(self, xy):
        xy = np.asarray(xy, dtype=float)
        return xy[..., 0] ** 2 + xy[..., 1] ** 2

    def grad(self, xy):
        xy = np.asarray(xy, dtype=float)
        g = 2.0 * xy
        return np.where((xy[..., 0] > self.edge)[..., None], np.nan, g)


class InfLossBeyond:
    """Plane f = -x (gradient (-1, 0), always finite) whose value is +inf where x > edge."""

    def __init__(self, edge=0.5):
        self.edge = edge

    def value(self, xy):
        xy = np.asarray(xy, dtype=float)
        return np.where(xy[..., 0] > self.edge, np.inf, -xy[..., 0])

    def grad(self, xy):
        xy = np.asarray(xy, dtype=float)
        return np.stack([-np.ones(xy.shape[:-1]), np.zeros(xy.shape[:-1])], axis=-1)


# --------------------------------------------------------------------------------------------
# Shared cases: (optimizer, hyperparameters) pairs that exercise every branch of every rule.
# --------------------------------------------------------------------------------------------

CASES: list[tuple[str, dict]] = [
    ("sgd", {}),
    ("sgd", {"lr": 0.01, "weight_decay": 0.1}),
    ("momentum", {"lr": 0.01}),
    ("momentum", {"lr": 0.01, "momentum": 0.5, "dampening": 0.3, "weight_decay": 0.05}),
    ("nesterov", {"lr": 0.01}),
    ("nesterov", {"lr": 0.01, "momentum": 0.7, "weight_decay": 0.02}),
    ("adagrad", {}),
    ("adagrad", {"lr": 0.1, "lr_decay": 0.01, "initial_accumulator_value": 0.5, "eps": 1e-6,
                 "weight_decay": 0.01}),
    ("rmsprop", {}),
    ("rmsprop", {"lr": 0.002, "beta2": 0.9, "centered": True, "momentum": 0.5}),
    ("rmsprop", {"lr": 0.005, "centered": True}),
    ("rmsprop", {"lr": 0.005, "momentum": 0.8, "weight_decay": 0.05, "eps": 1e-6}),
    ("adam", {}),
    ("adam", {"lr": 0.05, "beta1": 0.8, "beta2": 0.95, "eps": 1e-6, "weight_decay": 0.1}),
    ("adamw", {"lr": 0.05}),
    ("adamw", {"lr": 0.05, "beta1": 0.85, "beta2": 0.99, "weight_decay": 0.5}),
    ("amsgrad", {"lr": 0.05}),
    ("amsgrad", {"lr": 0.05, "beta1": 0.5, "beta2": 0.9, "weight_decay": 0.01}),
    ("nadam", {}),
    ("nadam", {"lr": 0.02, "beta1": 0.85, "beta2": 0.99, "momentum_decay": 0.01}),
    ("nadam", {"lr": 0.02, "weight_decay": 0.05}),
    ("radam", {"lr": 0.05}),
    ("radam", {"lr": 0.02, "beta1": 0.8, "beta2": 0.9, "eps": 1e-6}),
    ("radam", {"lr": 0.02, "weight_decay": 0.05}),
    ("adamax", {}),
    ("adamax", {"lr": 0.05, "beta1": 0.8, "beta2": 0.9, "weight_decay": 0.01}),
    ("lion", {"lr": 0.01}),
    ("lion", {"lr": 0.01, "beta1": 0.95, "beta2": 0.98, "weight_decay": 0.1}),
]


def case_id(case: tuple[str, dict]) -> str:
    name, h = case
    return name + ("-" + "-".join(f"{k}={v}" for k, v in h.items()) if h else "-defaults")


LANDSCAPES = {
    "rosen": (Rosen(1.0, 10.0), (-1.2, 1.0)),
    "quad": (Quadratic(a=1.0, b=20.0, c=3.0, center=(0.5, -0.3)), (2.0, 1.5)),
}


class InfGradBeyond:
    """Plane f = -x (gradient (-1, 0)) whose gradient is (bad, 0) where x > edge, bad = -inf by
    default or NaN (the value stays finite): a non-finite gradient that a rule may turn into a
    finite step (Lion's sign(-inf) = -1)."""

    def __init__(self, edge=0.5, bad=-np.inf):
        self.edge, self.bad = edge, bad

    def value(self, xy):
        xy = np.asarray(xy, dtype=float)
        return -xy[..., 0]

    def grad(self, xy):
        xy = np.asarray(xy, dtype=float)
        gx = np.where(xy[..., 0] > self.edge, self.bad, -1.0)
        return np.stack([gx, np.zeros(xy.shape[:-1])], axis=-1)
