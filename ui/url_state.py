"""The playground's URL: build a link to a scene, and read a scene back from a link.

Pure functions (no Streamlit), shared by the playground page (which keeps its URL in sync with
its widgets) and the lessons (which link to prepared scenes with ``playground_link``).

URL parameters (all optional; a missing one means the default; values are plain text)
--------------------------------------------------------------------------------------------
A bare link (no scene parameter: nothing but ``view``/``lang``) opens the default scene,
``ui.scene.default_scene``: per-optimizer mode with each optimizer's suggested values
(``ui.scene.SUGGESTED``: e.g. SGD lr 0.001, Adam lr 0.05, AdamW lr 0.05 with wd 0.01). A link
that names any scene parameter takes the defaults below for the ones it leaves out (shared
mode unless ``per=1``), as links always have; so ``playground?per=0`` is the shared-mode
scene with every default.

``ls``           landscape name, a key of ``landscapes.LANDSCAPES`` (default ``rosenbrock``).
``opt``          optimizer names, comma-separated, in the order shown, e.g. ``adam,sgd``
                 (keys of ``optim.OPTIMIZERS``; default ``sgd,momentum,rmsprop,adam,adamw,lion``).
``lr``           learning rate, e.g. ``0.01`` or ``1e-3``                   (default 0.002)
``b1``           beta1 (Adam family, Lion)                                  (default 0.9)
``b2``           beta2 (Adam family, Lion; RMSprop's alpha)                 (default 0.999)
``eps``          epsilon, e.g. ``1e-8``                                     (default 1e-8)
``wd``           weight decay (coupled or decoupled, as the optimizer does)  (default 0)
``mom``          momentum (Momentum, Nesterov, RMSprop)                     (default 0.9)
                 Slider values live on grids (``ui.scene.HYPER_GRIDS``: lr with two significant
                 digits from 1e-5 to 10 (1.0, 1.1 .. 4.9, 5.0, 5.5 .. 9.5 per decade), eps
                 whole decades 1e-12..0.1, wd 0 or 1-2-5 per decade, betas and momentum
                 0 .. 0.9999); a value between grid points snaps to the nearest one
                 (lr: the nearest one below) with a notice; a value outside the grid falls back
                 to the default.
Advanced values (the sidebar's "Advanced" part; defaults are PyTorch's and are left out of
links, so links written before these existed open unchanged):
``damp``         dampening (Momentum; not Nesterov, which needs 0): 0 .. 0.9 in tenths,
                 0.95, 0.99, 1                                              (default 0)
``centered``     ``1``: RMSprop divides by the centered second moment       (default 0)
``lr_decay``     Adagrad's lr decay, lr / (1 + (t-1) lr_decay): 0 or 1-2-5 per decade
                 1e-5 .. 0.5, and 1                                         (default 0)
``acc0``         Adagrad's initial accumulator value: 0 or 1-2-5 per decade 1e-3 .. 5, and
                 10                                                         (default 0)
``mom_decay``    NAdam's momentum decay: 0 or 1-2-4 per decade 1e-4 .. 0.4, and 1
                                                                            (default 0.004)
``bc``           ``0``: Adam-family bias correction off (the optimizers with the engine's
                 switch: Adam, AdamW, AMSGrad, NAdam, Adamax)               (default 1, on)
                 ``centered`` and ``bc`` take ``0`` or ``1`` (anything else: a notice); the
                 others snap to their grids like the sliders above.
``per``          ``1``: every optimizer has its own values (``0``, the default: one shared set).
``<p>.<name>``   one optimizer's own value in per-optimizer mode, e.g. ``lr.adam=0.003``,
                 ``b2.rmsprop=0.99``; ``<p>`` is one of lr, b1, b2, eps, wd, mom, damp,
                 centered, lr_decay, acc0, mom_decay, bc (e.g. ``bc.adam=0``,
                 ``centered.rmsprop=1``). Unset ones
                 take the shared value.
``start``        start point ``x,y``, e.g. ``-1.5,2`` (default: the landscape's first start);
                 must lie inside the landscape's plot box.
``steps``        number of steps, a whole number 1 .. 10000                 (default 1000)
``sched``        learning-rate schedule: ``constant`` (default), ``linear_warmup``, ``cosine``,
                 ``cosine_warm_restarts``, ``triangular``, ``step_decay``; its fields, named
                 as in ``optim.schedules``: ``warmup_steps`` (int, default 100),
                 ``total_steps`` (int, 0 = the run's length), ``eta_min`` (0..1, default 0),
                 ``t_0`` (int, 200), ``t_mult`` (int, 2), ``step_size`` (int, 200),
                 ``min_mult`` (0..1, 0.1), ``gamma`` (0..1, 0.5).
``noise``        gradient-noise standard deviation sigma, 0 .. 100          (default 0, off)
``seed``         noise seed, a whole number 0 .. 2**31 - 1                  (default 0)
``clip``         gradient-norm clipping threshold, > 0; 0 = off             (default 0)
``clip_mode``    ``before`` (clip the raw gradient, default) or ``after`` (clip the step).
``view``         ``map`` (default) or ``surface``: which figure is shown (a display choice,
                 not part of the scene: read with ``parse_view``).
``reveal``       ``1``: the map draws the paths as the runs race instead of in advance
                 (display, read with ``parse_reveal``).
``lang``         ``en`` or ``zh``: owned by the app's language switch, passed through.

Bad values never raise in ``parse_params``: each falls back to its default and yields a
``Notice`` the page shows to the user.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import fields, replace
from typing import Any
from urllib.parse import urlencode

from ui.notices import Notice
from ui.scene import (
    ALL_HYPER_KEYS,
    CLIP_MODES,
    FLAG_KEYS,
    HYPER_GRIDS,
    MAX_NOISE,
    MAX_SEED,
    MAX_STEPS,
    MIN_STEPS,
    SCHEDULE_INT_FIELDS,
    SCHEDULE_KINDS,
    SCHEDULE_PARAMS,
    Catalog,
    Hyper,
    Scene,
    ScheduleChoice,
    default_scene,
    plain_scene,
    snap,
)

PAGE_PATH = "playground"

HYPER_PARAM: dict[str, str] = {
    "lr": "lr", "beta1": "b1", "beta2": "b2", "eps": "eps", "weight_decay": "wd",
    "momentum": "mom", "dampening": "damp", "centered": "centered", "lr_decay": "lr_decay",
    "initial_accumulator_value": "acc0", "momentum_decay": "mom_decay", "bias_correction": "bc",
}
"""Engine keyword -> URL parameter name."""
HYPER_FROM_PARAM: dict[str, str] = {v: k for k, v in HYPER_PARAM.items()}

SCHEDULE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ScheduleChoice) if f.name != "kind")

SCENE_PARAMS: frozenset[str] = frozenset(
    {"ls", "opt", *HYPER_PARAM.values(), "per", "start", "steps", "sched", *SCHEDULE_FIELDS,
     "noise", "seed", "clip", "clip_mode", *("view", "reveal")})
"""Every parameter name this module reads (besides the ``<p>.<name>`` per-optimizer ones)."""
VIEWS: tuple[str, ...] = ("map", "surface")
DISPLAY_PARAMS: frozenset[str] = frozenset({"view", "reveal"})
"""How the scene is shown (the figure, paths drawn in advance or as they race), not what it
is: kept in the link, but not part of the scene."""
PASS_THROUGH: frozenset[str] = frozenset({"lang", "embed", "embed_options"})
"""Parameters owned by someone else (the language switch, Streamlit itself): never flagged."""


# --- writing -------------------------------------------------------------------------------------


def format_value(value: object) -> str:
    """One URL value as text: floats in shortest form (``0.01``, ``1e-08``), ints as digits,
    bools as 1/0, sequences comma-joined (``adam,sgd``; ``-1.5,2``)."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)  # the shortest text that reads back as the same float
        return text[:-2] if text.endswith(".0") else text
    if isinstance(value, str):
        return value
    if isinstance(value, Iterable):
        return ",".join(format_value(v) for v in value)
    raise TypeError(f"cannot put {value!r} in a URL")


def _is_known(name: str) -> bool:
    if name in SCENE_PARAMS or name in PASS_THROUGH:
        return True
    head, _, tail = name.partition(".")
    return bool(tail) and head in HYPER_FROM_PARAM


def playground_link(scene: Mapping[str, Any], catalog: Catalog | None = None) -> str:
    """A relative link that opens the playground on ``scene``.

    ``scene`` maps URL parameter names (see the module docstring) to values, e.g.
    ``{"ls": "rosenbrock", "opt": ["adam", "sgd"], "lr": 0.01, "start": (-1.5, 2)}`` gives
    ``"playground?ls=rosenbrock&opt=adam,sgd&lr=0.01&start=-1.5,2"``. Parameters left out
    take their defaults. An unknown parameter name raises ``ValueError``; given a ``catalog``
    (e.g. ``ui.scene.catalog_from_engine()``), any value the page would not accept as written
    raises ``ValueError`` too, so a lesson cannot ship a link that opens with a notice.
    """
    unknown = sorted(name for name in scene if not _is_known(name))
    if unknown:
        raise ValueError(f"unknown playground URL parameter(s): {unknown}")
    params = {name: format_value(value) for name, value in scene.items()}
    if catalog is not None:
        _, notices = parse_params(params, catalog)
        if notices:
            raise ValueError(f"playground link values not accepted as written: {notices}")
    return f"{PAGE_PATH}?{urlencode(params, safe=',')}" if params else PAGE_PATH


def _is_scene_param(name: str) -> bool:
    """A parameter that describes the scene (not the view, the language or an unknown name)."""
    return _is_known(name) and name not in DISPLAY_PARAMS and name not in PASS_THROUGH


def scene_params(scene: Scene, catalog: Catalog) -> dict[str, str]:
    """The URL parameters of ``scene``: nothing for the default scene, else the settings that
    differ from the plain (shared-mode) defaults, at least ``per=0``."""
    if scene == default_scene(catalog):
        return {}
    base = plain_scene(catalog)
    start_default = catalog.landscapes[scene.landscape].default_start
    out: dict[str, Any] = {}
    if scene.landscape != base.landscape:
        out["ls"] = scene.landscape
    if scene.optimizers != base.optimizers:
        out["opt"] = scene.optimizers
    for key, param in HYPER_PARAM.items():
        if getattr(scene.shared, key) != getattr(base.shared, key):
            out[param] = getattr(scene.shared, key)
    if scene.per_optimizer:
        out["per"] = True
        for name, hyper in scene.own:
            if name not in scene.optimizers:
                continue
            for key, param in HYPER_PARAM.items():
                if getattr(hyper, key) != getattr(scene.shared, key):
                    out[f"{param}.{name}"] = getattr(hyper, key)
    if tuple(scene.start) != tuple(start_default):
        out["start"] = scene.start
    if scene.steps != base.steps:
        out["steps"] = scene.steps
    sched, base_sched = scene.schedule, base.schedule
    if sched.kind != "constant":
        out["sched"] = sched.kind
        for name in SCHEDULE_PARAMS[sched.kind]:
            if getattr(sched, name) != getattr(base_sched, name):
                out[name] = getattr(sched, name)
    for name in ("noise", "seed", "clip", "clip_mode"):
        if getattr(scene, name) != getattr(base, name):
            out[name] = getattr(scene, name)
    if not scene.noise:
        out.pop("seed", None)
    if not scene.clip:
        out.pop("clip_mode", None)
    if not out:  # the plain scene: a bare link would open the default scene instead
        out["per"] = False
    return {name: format_value(value) for name, value in out.items()}


def parse_view(params: Mapping[str, str | list[str]]) -> str:
    """The view a URL asks for (``map`` unless it says ``surface``; ``parse_params`` reports a
    bad value)."""
    value = _last(params.get("view", VIEWS[0])).strip()
    return value if value in VIEWS else VIEWS[0]


def parse_reveal(params: Mapping[str, str | list[str]]) -> bool:
    """Whether a URL asks for the paths to be revealed as they race (``reveal=1``)."""
    return _last(params.get("reveal", "0")).strip() == "1"


def scene_link(scene: Scene, catalog: Catalog) -> str:
    """The relative link of ``scene`` (``playground?...``), defaults left out."""
    return playground_link(scene_params(scene, catalog))


# --- reading -------------------------------------------------------------------------------------


def _last(value: str | list[str]) -> str:
    return value[-1] if isinstance(value, list) else value


def _float(text: str) -> float | None:
    """A finite float from plain text, or None (``nan``, ``inf``, ``1_0`` and words refused)."""
    text = text.strip()
    if "_" in text:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _int(text: str) -> int | None:
    text = text.strip()
    if not text or "_" in text:
        return None
    try:
        return int(text)
    except ValueError:
        return None


class _Reader:
    """Reads parameters one by one, recording a Notice for each value it cannot use."""

    def __init__(self, params: Mapping[str, str | list[str]]) -> None:
        self.params = {name: _last(value) for name, value in params.items()}
        self.notices: list[Notice] = []

    def note(self, name: str, problem: str, used: str = "") -> None:
        self.notices.append(Notice(name, self.params.get(name, ""), problem, used))

    def number(self, name: str, default: float, ok: Callable[[float], bool],
               convert: Callable[[str], float | None] = _float) -> Any:
        if name not in self.params:
            return default
        value = convert(self.params[name])
        if value is None:
            self.note(name, "invalid")
            return default
        if not ok(value):
            self.note(name, "out_of_range")
            return default
        return value

    def on_grid(self, name: str, default: float, grid: tuple[float, ...]) -> float:
        value = self.number(name, default, lambda v: grid[0] <= v <= grid[-1])
        snapped = snap(value, grid)
        if snapped != value:
            self.note(name, "rounded", format_value(snapped))
        return snapped

    def flag(self, name: str, default: bool) -> bool:
        """A ``0``/``1`` switch."""
        return self.choice(name, format_value(default), ("0", "1")) == "1"

    def choice(self, name: str, default: str, options: Iterable[str]) -> str:
        if name not in self.params:
            return default
        value = self.params[name].strip()
        if value not in set(options):
            self.note(name, "invalid")
            return default
        return value


def _hyper(reader: _Reader, base: Hyper, suffix: str = "") -> Hyper:
    values = {key: reader.flag(HYPER_PARAM[key] + suffix, getattr(base, key))
              if key in FLAG_KEYS else
              reader.on_grid(HYPER_PARAM[key] + suffix, getattr(base, key), HYPER_GRIDS[key])
              for key in ALL_HYPER_KEYS}
    return Hyper(**values)


def _optimizers(reader: _Reader, default: tuple[str, ...], known: Iterable[str]) -> tuple[str, ...]:
    if "opt" not in reader.params:
        return default
    known = set(known)
    chosen: list[str] = []
    for raw in reader.params["opt"].split(","):
        name = raw.strip()
        if not name:
            continue
        if name not in known:
            reader.notices.append(Notice("opt", name, "invalid"))
        elif name in chosen:
            reader.notices.append(Notice("opt", name, "duplicate"))
        else:
            chosen.append(name)
    if not chosen:
        reader.note("opt", "invalid")
        return default
    return tuple(chosen)


def _start(reader: _Reader, default: tuple[float, float],
           bounds: tuple[tuple[float, float], tuple[float, float]]) -> tuple[float, float]:
    if "start" not in reader.params:
        return default
    parts = reader.params["start"].split(",")
    values = [_float(p) for p in parts] if len(parts) == 2 else [None]
    if any(v is None for v in values):
        reader.note("start", "invalid")
        return default
    x, y = values
    (x0, x1), (y0, y1) = bounds
    if not (x0 <= x <= x1 and y0 <= y <= y1):  # type: ignore[operator]
        reader.note("start", "out_of_range")
        return default
    return (x, y)  # type: ignore[return-value]


def _schedule(reader: _Reader, base: ScheduleChoice) -> ScheduleChoice:
    kind = reader.choice("sched", base.kind, SCHEDULE_KINDS)
    values: dict[str, Any] = {"kind": kind}
    for name in SCHEDULE_FIELDS:
        default = getattr(base, name)
        if name in SCHEDULE_INT_FIELDS:
            low = 0 if name == "total_steps" else 1
            values[name] = reader.number(name, default, lambda v, lo=low: lo <= v <= MAX_STEPS,
                                         _int)
        else:
            values[name] = reader.number(name, default, lambda v: 0.0 <= v <= 1.0)
    return ScheduleChoice(**values)


def parse_params(params: Mapping[str, str | list[str]],
                 catalog: Catalog) -> tuple[Scene, list[Notice]]:
    """The scene a URL asks for, and a ``Notice`` for every value that could not be used.

    ``params`` maps names to text (or lists of text: the last one counts), as
    ``st.query_params.to_dict()`` or ``AppTest.query_params`` give them. Never raises: each
    bad value falls back to its default.
    """
    reader = _Reader(params)
    for name in reader.params:
        if not _is_known(name):
            reader.note(name, "unknown")

    reader.choice("view", VIEWS[0], VIEWS)
    reader.flag("reveal", False)
    if not any(_is_scene_param(name) for name in reader.params):
        return default_scene(catalog), reader.notices
    base = plain_scene(catalog)
    landscape = reader.choice("ls", base.landscape, catalog.landscapes)
    info = catalog.landscapes[landscape]
    optimizers = _optimizers(reader, base.optimizers, catalog.optimizers)
    shared = _hyper(reader, base.shared)
    per = reader.choice("per", "0", ("0", "1")) == "1"
    own = tuple((name, _hyper(reader, shared, f".{name}")) for name in optimizers) if per else ()
    for param in reader.params:
        head, _, tail = param.partition(".")
        if head in HYPER_FROM_PARAM and tail:
            if tail not in optimizers:
                reader.note(param, "invalid")
            elif not per:
                reader.note(param, "unused")

    scene = replace(
        base,
        landscape=landscape,
        optimizers=optimizers,
        shared=shared,
        per_optimizer=per,
        own=own,
        start=_start(reader, info.default_start, info.bounds),
        steps=reader.number("steps", base.steps, lambda v: MIN_STEPS <= v <= MAX_STEPS, _int),
        schedule=_schedule(reader, base.schedule),
        noise=reader.number("noise", base.noise, lambda v: 0.0 <= v <= MAX_NOISE),
        seed=reader.number("seed", base.seed, lambda v: 0 <= v <= MAX_SEED, _int),
        clip=reader.number("clip", base.clip, lambda v: v >= 0.0),
        clip_mode=reader.choice("clip_mode", base.clip_mode, CLIP_MODES),
    )
    return scene, reader.notices
