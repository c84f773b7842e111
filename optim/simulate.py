"""``simulate``: run B trajectories of one optimizer on a landscape, all at once.

Inside, positions live in a ``(2, B)`` array (x row, y row, each contiguous); the time loop is
the only Python loop and everything inside a step is array arithmetic on all B trajectories.

Order inside step t (optimizer-semantics.md):
1. ``g = grad(theta)``, times ``loss_scale`` and ``grad_scale``; a spike multiplies it; noise
   ``sigma * N(0, I)`` is added; "before" clipping scales it to norm <= c.
2. ``t += 1``; ``lr_t = lr * schedule(t)``.
3. Weight decay: coupled ``g += wd * theta``, or decoupled ``theta *= 1 - lr_t * wd``.
4. The rule: ``delta = rule(g, state)``; "after" clipping scales the whole step
   ``theta_t - theta_{t-1}`` (decoupled decay included) to norm <= c.
5. A trajectory whose gradient was not finite, or whose new position is non-finite or has a
   coordinate beyond ``bound``, stops: its ``diverged_at`` is t, its rows from t on are NaN,
   the others carry on.
Losses are evaluated once at the end, on all recorded positions together; a non-finite loss
also stops a trajectory at that row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from optim import arguments as args
from optim.parts import Batched, weights
from optim.perturb import NoiseStream, clip_by_norm_
from optim.rules import RULES
from optim.schedules import Schedule
from optim.trajectory import RunState, Trajectory


def simulate(
    landscape: Any,
    optimizer: str,
    starts: Any,
    steps: int,
    *,
    schedule: Schedule | str | None = None,
    clip_norm: float | np.ndarray | None = None,
    clip_mode: str = "before",
    noise_sigma: float | np.ndarray = 0.0,
    seed: int | np.ndarray = 0,
    spikes: Mapping[int, Any] | None = None,
    loss_scale: float = 1.0,
    grad_scale: Any = (1.0, 1.0),
    bias_correction: bool = True,
    init_state: RunState | None = None,
    record: Iterable[str] | None = None,
    bound: float = 1e6,
    **hyperparams: Any,
) -> Trajectory:
    """Run ``optimizer`` on ``landscape`` from ``starts`` for ``steps`` steps.

    ``landscape`` is any object with ``value(xy)`` and ``grad(xy)`` on ``(..., 2)`` arrays
    (built-in landscapes also offer the faster ``value_xy(x, y)`` / ``grad_xy(x, y)``).
    ``starts`` is ``(2,)`` or ``(B, 2)``; every hyperparameter (``lr``, ``beta1``, ``beta2``,
    ``eps``, ``weight_decay``, ``momentum``, ... see ``OPTIMIZERS[name].hyperparams``) is a
    scalar or a ``(B,)`` array, so one call runs a grid of settings. See docs/engine-api.md
    for the options around the rule and for what is recorded. Bad arguments (a value out of
    range or of the wrong type) raise ``ValueError`` naming the argument; so does a run larger
    than ``optim.limits``: more than ``MAX_BATCH`` trajectories or more than
    ``MAX_TRAJECTORY_CELLS`` cells ``(steps + 1) * B``, refused before anything is allocated.
    """
    spec = args.spec_for(optimizer)
    rule = RULES[spec.name]
    grad_of = _gradient_function(landscape)
    starts_arr = args.as_starts(starts)
    steps = args.as_steps(steps)
    hp = args.hyperparameters(spec, hyperparams)
    if not isinstance(bias_correction, bool | np.bool_):
        raise ValueError(f"bias_correction must be True or False, got "
                         f"{args.show(bias_correction)}")
    if not bias_correction and not spec.bias_correction_switch:
        raise ValueError(f"bias_correction=False is not defined for {spec.name}")
    hp["bias_correction"] = bool(bias_correction)
    clip = args.as_clip(clip_norm, clip_mode)
    sigma = args.as_nonnegative("noise_sigma", noise_sigma)
    seeds = args.as_seeds(seed)
    spike_at = args.as_spikes(spikes)
    loss_c = args.as_scale(loss_scale)
    scale = loss_c * args.as_pair("grad_scale", grad_scale)
    wanted = args.as_record(record)
    bound = args.as_bound(bound)
    if isinstance(schedule, str) and schedule == "constant":
        schedule = None
    if schedule is not None and not isinstance(schedule, Schedule):
        raise ValueError(f"schedule must be 'constant' or built with optim.schedules, "
                         f"got {args.show(schedule)}")

    b = args.batch_size(starts_arr, [*hp.items(), ("clip_norm", clip), ("noise_sigma", sigma),
                                     ("seed", seeds)])
    args.check_size(steps, b)  # before anything of size steps x B (or B) is allocated
    t_first = 0
    if init_state is not None:
        if not isinstance(init_state, RunState):
            raise ValueError("init_state must be the final_state of an earlier run")
        t_first = args.as_start_step(init_state.t, steps)
    mult = None
    if schedule is not None:  # (steps,) temporaries, made before the big buffers exist
        mult = schedule(np.arange(t_first + 1, t_first + steps + 1))
    hp = {k: args.expand(v, b) for k, v in hp.items()}
    hp["batched"] = {k: Batched(hp[k]) for k in ("beta1", "beta2")
                     if isinstance(hp.get(k), np.ndarray)}
    hp["weight"] = weights(hp, b)
    hp["work"] = np.empty((2, b))
    clip, sigma = args.expand(clip, b), args.expand(sigma, b)
    t0, state = _initial_state(rule, spec.name, init_state, b, hp)

    theta = np.array(np.broadcast_to(starts_arr, (b, 2)).T, order="C")
    pos = np.empty((steps + 1, 2, b))
    pos[0] = theta
    grads = _nan_buffer((steps + 1, 2, b)) if "grads" in wanted else None
    lrs = _nan_buffer((steps + 1, b)) if "lr" in wanted else None
    recorded = _state_buffers(spec.state_names, state, steps, b) if "state" in wanted else {}

    noise = (NoiseStream(seeds, b, t0 + 1, steps) if np.any(sigma > 0) and steps else None)
    scaled = not np.all(scale == 1.0)
    wd = hp.get("weight_decay", 0.0)
    decay = spec.decay if np.any(wd != 0) else None
    lr = hp["lr"]
    clip_after = clip is not None and clip_mode == "after"
    check_grad = rule.finite_from_nonfinite

    diverged_at = np.full(b, -1, dtype=np.int64)
    reasons = np.full(b, "", dtype=object)
    alive = np.ones(b, dtype=bool)
    g = np.empty((2, b))

    with np.errstate(all="ignore"):
        for i in range(1, steps + 1):
            t = t0 + i
            gx, gy = grad_of(theta)
            g[0] = gx
            g[1] = gy
            if scaled:
                g *= scale
            if t in spike_at:
                g *= spike_at[t]
            if noise is not None:
                g += sigma * noise.take(t)
            if clip is not None and clip_mode == "before":
                clip_by_norm_(g, clip)
            lr_t = lr * mult[i - 1] if mult is not None else lr
            if clip_after:
                before = theta.copy()
            if decay == "coupled":
                g += wd * theta
            elif decay == "decoupled":
                theta *= 1.0 - lr_t * wd
            delta = rule.step(g, theta, state, t, lr_t, hp)
            if clip_after:
                delta += theta - before
                clip_by_norm_(delta, clip)
                theta[...] = before
            theta += delta
            if not (np.abs(theta).max() <= bound
                    and (not check_grad or np.isfinite(g.sum()))):
                _stop_diverged(theta, g, bound, t, alive, diverged_at, reasons)
            pos[i] = theta
            if grads is not None:
                grads[i] = g
            if lrs is not None:
                lrs[i] = lr_t
            if recorded:
                _record_state(recorded, i, state, rule.inspect(g, theta, state, t, lr_t, hp))

        losses = _losses(landscape, pos)
        if loss_c != 1.0:
            losses *= loss_c
        _stop_at_bad_loss(losses, diverged_at, reasons)
        if (diverged_at >= 0).any():
            _blank_after_divergence(diverged_at, pos, losses, grads, lrs, recorded)
            _blank_state(state, diverged_at)
        if "update" in recorded:
            np.subtract(pos[1:], pos[:-1], out=recorded["update"][1:])

    return Trajectory(
        optimizer=spec.name,
        positions=pos.transpose(0, 2, 1),
        losses=losses,
        diverged_at=diverged_at,
        reasons=reasons.astype(str),
        final_state=RunState(spec.name, t0 + steps, _public_slots(state)),
        hyperparams={k: v for k, v in hp.items() if k in spec.hyperparams},
        grads=None if grads is None else grads.transpose(0, 2, 1),
        lrs=lrs,
        state={k: v.transpose(0, 2, 1) for k, v in recorded.items()},
    )


def _nan_buffer(shape: tuple[int, ...]) -> np.ndarray:
    return np.full(shape, np.nan)


def _gradient_function(landscape: Any):
    """``theta (2, B) -> (gx, gy)``, through ``grad_xy`` when the landscape has it."""
    if hasattr(landscape, "grad_xy"):
        return lambda theta: landscape.grad_xy(theta[0], theta[1])
    if not (hasattr(landscape, "grad") and hasattr(landscape, "value")):
        raise ValueError("landscape must have value(xy) and grad(xy) methods")

    def via_grad(theta: np.ndarray):
        g = np.asarray(landscape.grad(theta.T), dtype=np.float64)
        return g[:, 0], g[:, 1]

    return via_grad


def _losses(landscape: Any, pos: np.ndarray) -> np.ndarray:
    """The loss at every recorded position, ``(steps + 1, B)``.

    Evaluated after the loop in blocks of rows of about 32k points, so the temporaries stay
    in cache instead of costing a fresh multi-megabyte allocation per operation.
    """
    rows, _, b = pos.shape
    out = np.empty((rows, b))
    block = max(1, 32768 // b)
    fast = hasattr(landscape, "value_xy")
    for r in range(0, rows, block):
        part = pos[r:r + block]
        out[r:r + block] = (landscape.value_xy(part[:, 0, :], part[:, 1, :]) if fast
                            else landscape.value(part.transpose(0, 2, 1)))
    return out


def _initial_state(rule, name: str, init_state: RunState | None, b: int, hp):
    """A fresh state (t = 0) or a copy of ``init_state`` in the internal ``(2, B)`` layout."""
    fresh = rule.init(b, hp)
    if init_state is None:
        return 0, fresh
    if not isinstance(init_state, RunState):
        raise ValueError("init_state must be the final_state of an earlier run")
    if not (isinstance(init_state.optimizer, str) and init_state.optimizer == name):
        raise ValueError(f"init_state comes from {args.show(init_state.optimizer)}, not {name}")
    if type(init_state.slots) is not type(fresh):
        raise ValueError(f"init_state's slots are not {type(fresh).__name__}")
    slots = []
    for field, template in zip(fresh._fields, fresh, strict=True):
        arr = args.real_array(f"init_state.{field}", getattr(init_state.slots, field),
                              "an array of numbers")
        arr = arr.T if arr.ndim == 2 else arr
        if arr.shape != template.shape:
            raise ValueError(f"init_state.{field} has shape {arr.T.shape}, this run needs "
                             f"{template.T.shape}")
        slots.append(arr.copy())
    return args.as_start_step(init_state.t, 0), type(fresh)(*slots)


def _public_slots(state):
    return type(state)(*(s.T.copy() if s.ndim == 2 else s.copy() for s in state))


def _state_buffers(names: tuple[str, ...], state, steps: int, b: int) -> dict[str, np.ndarray]:
    """NaN buffers for the recorded state; row 0 holds the stored slots of the initial state."""
    out = {}
    for name in names:
        buf = _nan_buffer((steps + 1, 2, b))
        if name in state._fields:
            buf[0] = getattr(state, name)
        out[name] = buf
    return out


def _record_state(recorded: dict[str, np.ndarray], i: int, state, inspected) -> None:
    for name, buf in recorded.items():
        if name in inspected:
            buf[i] = inspected[name]
        elif name in state._fields:
            buf[i] = getattr(state, name)


def _stop_diverged(theta, g, bound, t, alive, diverged_at, reasons) -> None:
    """Stop the trajectories whose gradient was not finite or whose new position left the
    finite box, and blank their position."""
    grad_bad = ~np.isfinite(g).all(axis=0)
    bad = grad_bad | ~(np.abs(theta) <= bound).all(axis=0)
    newly = bad & alive
    if newly.any():
        pos_bad = ~np.isfinite(theta).all(axis=0)
        reasons[newly & grad_bad] = "nonfinite_grad"
        reasons[newly & ~grad_bad & pos_bad] = "nonfinite_update"
        reasons[newly & ~grad_bad & ~pos_bad] = "out_of_bounds"
        diverged_at[newly] = t
        alive[newly] = False
    theta[:, bad] = np.nan


def _stop_at_bad_loss(losses, diverged_at, reasons) -> None:
    """A non-finite loss at a position that was still live stops the run at that row."""
    bad = ~np.isfinite(losses)
    if not bad.any():
        return
    first = np.where(bad.any(axis=0), bad.argmax(axis=0), -1)
    live_then = (first >= 0) & ((diverged_at < 0) | (first < diverged_at))
    diverged_at[live_then] = first[live_then]
    reasons[live_then] = "nonfinite_loss"


def _blank_after_divergence(diverged_at, pos, losses, grads, lrs, recorded) -> None:
    """Rows from the divergence step on are NaN for that trajectory, in every record."""
    rows = np.arange(pos.shape[0])[:, None]
    after = rows >= np.where(diverged_at < 0, pos.shape[0], diverged_at)[None, :]
    pos[np.broadcast_to(after[:, None, :], pos.shape)] = np.nan
    losses[after] = np.nan
    for buf in (grads, *recorded.values()):
        if buf is not None:
            buf[np.broadcast_to(after[:, None, :], buf.shape)] = np.nan
    if lrs is not None:
        lrs[after] = np.nan


def _blank_state(state, diverged_at) -> None:
    dead = diverged_at >= 0
    for s in state:
        s[..., dead] = np.nan
