"""The playground's scene: every setting that decides what is simulated, as one frozen record.

A ``Scene`` is small and hashable, so the page can cache the simulation and the figures on it
(``ui.memo``): an unchanged scene gives the identical figure, and a Plotly animation in
the browser does not restart. The URL (``ui.url_state``) and the widgets (``ui.controls``) are
two views of the same record. This module is pure (no Streamlit): it holds the record, its
defaults, the value grids of the log-scale sliders and the ``Catalog`` of landscape and
optimizer facts that validation needs, so tests can use a fake catalog.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import NamedTuple

# --- value grids -------------------------------------------------------------------------------
# Sliders over values that span decades move in equal ratios, not equal differences, so they
# are select-sliders over these grids; a URL value between grid points snaps to a grid value
# (the learning rate downward, so a snapped value never crosses a stability limit upward).


def _decades(mantissas: Sequence[int], lo: int, hi: int) -> tuple[float, ...]:
    """``m * 10**e`` for e in [lo, hi], parsed from text so 3e-05 is exactly ``3e-05``."""
    return tuple(float(f"{m}e{e}") for e in range(lo, hi + 1) for m in mantissas)


def _fine_decades(lo: int, hi: int) -> tuple[float, ...]:
    """Two significant digits, at most 10 % apart: 1.0, 1.1 .. 4.9, 5.0, 5.5 .. 9.5 times
    ``10**e`` for e in [lo, hi] (50 values a decade), parsed from text."""
    tenths = [*range(10, 50), *range(50, 100, 5)]
    return tuple(float(f"{m / 10:g}e{e}") for e in range(lo, hi + 1) for m in tenths)


LR_GRID: tuple[float, ...] = (*_fine_decades(-5, 0), 10.0)
"""1e-5 .. 10 with two significant digits (0.18, 0.19, 0.25, 0.36, 0.38 ... are all on it): a
lesson's learning rate is kept exactly, not moved onto a stability limit such as 2/h."""
EPS_GRID: tuple[float, ...] = _decades((1,), -12, -1)
WEIGHT_DECAY_GRID: tuple[float, ...] = (0.0, *_decades((1, 2, 5), -5, -1), 1.0)
BETA_GRID: tuple[float, ...] = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95,
                                0.97, 0.98, 0.99, 0.995, 0.999, 0.9995, 0.9999)

HYPER_KEYS: tuple[str, ...] = ("lr", "beta1", "beta2", "eps", "weight_decay", "momentum")
"""The main hyperparameters the playground exposes (the engine's keywords), as sliders."""

ADVANCED_KEYS: tuple[str, ...] = ("dampening", "centered", "lr_decay",
                                  "initial_accumulator_value", "momentum_decay",
                                  "bias_correction")
"""The rest of the engine's per-optimizer keywords and the Adam family's bias-correction switch
(``simulate(..., bias_correction=...)``), shown under "Advanced" only for an optimizer that
uses them. Their defaults (``Hyper``) are PyTorch's."""

FLAG_KEYS: frozenset[str] = frozenset({"centered", "bias_correction"})
"""Keywords that are on/off switches (checkboxes; ``1``/``0`` in the URL), not grid values."""

ALL_HYPER_KEYS: tuple[str, ...] = (*HYPER_KEYS, *ADVANCED_KEYS)

DAMPENING_GRID: tuple[float, ...] = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95,
                                     0.99, 1.0)
LR_DECAY_GRID: tuple[float, ...] = (0.0, *_decades((1, 2, 5), -5, -1), 1.0)
ACCUMULATOR_GRID: tuple[float, ...] = (0.0, *_decades((1, 2, 5), -3, 0), 10.0)
MOMENTUM_DECAY_GRID: tuple[float, ...] = (0.0, *_decades((1, 2, 4), -4, -1), 1.0)

HYPER_GRIDS: dict[str, tuple[float, ...]] = {
    "lr": LR_GRID,
    "beta1": BETA_GRID,
    "beta2": BETA_GRID,
    "eps": EPS_GRID,
    "weight_decay": WEIGHT_DECAY_GRID,
    "momentum": BETA_GRID,
    "dampening": DAMPENING_GRID,
    "lr_decay": LR_DECAY_GRID,
    "initial_accumulator_value": ACCUMULATOR_GRID,
    "momentum_decay": MOMENTUM_DECAY_GRID,
}
"""The value grid of every non-flag keyword (``ALL_HYPER_KEYS`` minus ``FLAG_KEYS``)."""

LOG_SCALED: frozenset[str] = frozenset({"lr", "eps", "weight_decay", "lr_decay",
                                        "initial_accumulator_value", "momentum_decay"})

MAX_STEPS = 10_000
MIN_STEPS = 1
MAX_SCENE_STEPS = 60_000
"""At most this many optimizer steps in one scene (optimizers x steps: 6 x 10 000 or
12 x 5 000). A scene over it is refused, never cut. Measured at the cap: about 1 s to
simulate and 20 ms to draw; the CSV (every step, gradients and state) is about 18 MB and
takes about 3 s to build, only when asked for."""
SCHEDULE_KINDS: tuple[str, ...] = ("constant", "linear_warmup", "cosine",
                                   "cosine_warm_restarts", "triangular", "step_decay")
SCHEDULE_PARAMS: dict[str, tuple[str, ...]] = {
    "constant": (),
    "linear_warmup": ("warmup_steps",),
    "cosine": ("total_steps", "eta_min"),
    "cosine_warm_restarts": ("t_0", "t_mult", "eta_min"),
    "triangular": ("step_size", "min_mult"),
    "step_decay": ("step_size", "gamma"),
}
"""Which schedule fields each kind uses (names as in ``optim.schedules``)."""
SCHEDULE_INT_FIELDS: frozenset[str] = frozenset({"warmup_steps", "total_steps", "t_0", "t_mult",
                                                 "step_size"})
"""Schedule fields counted in steps (whole numbers, at least 1; ``total_steps`` 0 = the run)."""
CLIP_MODES: tuple[str, ...] = ("before", "after")
MAX_NOISE = 100.0
MAX_SEED = 2**31 - 1


def snap(value: float, grid: Sequence[float]) -> float:
    """The grid value nearest to ``value``, measured where the grid is even.

    Log grids compare ``log(value)``; the beta grid compares ``log(1 - value)`` (so 0.998 lands
    on 0.999 rather than 0.995); a zero in the grid only matches zero. The learning-rate grid
    rounds down instead (to the largest grid value not above ``value``): a smaller step never
    turns a stable run into a diverging one.
    """
    if value in grid:
        return value
    if grid is LR_GRID and grid[0] <= value:
        return max(g for g in grid if g <= value)
    if grid is BETA_GRID:
        key = [abs(math.log((1 - value) / (1 - g))) for g in grid]
    else:
        if value <= 0:
            return min(grid, key=abs)
        key = [abs(math.log(value / g)) if g > 0 else math.inf for g in grid]
    return grid[min(range(len(grid)), key=key.__getitem__)]


# --- the record ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hyper:
    """One set of hyperparameter values; each optimizer uses the ones it accepts."""

    lr: float = 0.002
    beta1: float = 0.9
    beta2: float = 0.999
    eps: float = 1e-8
    weight_decay: float = 0.0
    momentum: float = 0.9
    dampening: float = 0.0
    centered: bool = False
    lr_decay: float = 0.0
    initial_accumulator_value: float = 0.0
    momentum_decay: float = 0.004
    bias_correction: bool = True

    def as_dict(self) -> dict[str, float | bool]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def only(self, accepted: frozenset[str] | Sequence[str]) -> dict[str, float | bool]:
        """The values of the keywords in ``accepted`` (what one optimizer takes)."""
        return {k: v for k, v in self.as_dict().items() if k in accepted}


@dataclass(frozen=True)
class ScheduleChoice:
    """A learning-rate schedule by kind plus the fields that kind uses (``SCHEDULE_PARAMS``).

    ``total_steps == 0`` means "the run's length" for the cosine schedule.
    """

    kind: str = "constant"
    warmup_steps: int = 100
    total_steps: int = 0
    eta_min: float = 0.0
    t_0: int = 200
    t_mult: int = 2
    step_size: int = 200
    min_mult: float = 0.1
    gamma: float = 0.5


DEFAULT_OPTIMIZERS: tuple[str, ...] = ("sgd", "momentum", "rmsprop", "adam", "adamw", "lion")
DEFAULT_LANDSCAPE = "rosenbrock"

SUGGESTED: dict[str, dict[str, float]] = {
    "sgd": {"lr": 0.001},
    "momentum": {"lr": 0.001},
    "nesterov": {"lr": 0.001},
    "adagrad": {"lr": 0.5},
    "rmsprop": {"lr": 0.01, "beta2": 0.99, "momentum": 0.0},
    "adam": {"lr": 0.05},
    "adamw": {"lr": 0.05, "weight_decay": 0.01},
    "amsgrad": {"lr": 0.05},
    "nadam": {"lr": 0.03},
    "radam": {"lr": 0.01},
    "adamax": {"lr": 0.1},
    "lion": {"lr": 0.01, "beta2": 0.99},
}
"""Per-optimizer starting values of the default scene (and of an optimizer added in
per-optimizer mode): one learning rate cannot suit a gradient step (SGD family: the step is
lr times the gradient, which is in the hundreds on Rosenbrock's walls) and a normalised step
(Adam family, RMSprop, Lion: about lr per coordinate) at once. Chosen so that on the default
landscape and start every optimizer travels visibly far in 1000 steps and none diverges
(``tests/test_url_state.py`` checks this against the engine). RAdam's first steps are not
normalised, so its rate is the smallest of the family; Adagrad's accumulated squares shrink its
steps, so its rate is the largest. AdamW gets PyTorch's default decay 0.01, so it does not draw
exactly over Adam and shows what decoupled decay does. RMSprop (alpha 0.99, no momentum) and
Lion (beta2 0.99) get PyTorch's defaults where those differ from the shared ones."""


@dataclass(frozen=True)
class Scene:
    """Everything that decides the simulated runs (and so the figures and the CSV)."""

    landscape: str = DEFAULT_LANDSCAPE
    optimizers: tuple[str, ...] = DEFAULT_OPTIMIZERS
    shared: Hyper = field(default_factory=Hyper)
    per_optimizer: bool = False
    own: tuple[tuple[str, Hyper], ...] = ()
    start: tuple[float, float] = (0.0, 0.0)
    steps: int = 1000
    schedule: ScheduleChoice = field(default_factory=ScheduleChoice)
    noise: float = 0.0
    seed: int = 0
    clip: float = 0.0
    clip_mode: str = "before"

    def hyper_for(self, optimizer: str) -> Hyper:
        """The values ``optimizer`` runs with: its own set in per-optimizer mode, else shared."""
        if self.per_optimizer:
            for name, hyper in self.own:
                if name == optimizer:
                    return hyper
        return self.shared

    @property
    def optimizer_steps(self) -> int:
        """Optimizer steps this scene runs (optimizers x steps), held to ``MAX_SCENE_STEPS``."""
        return len(self.optimizers) * self.steps

    @property
    def too_big(self) -> bool:
        return self.optimizer_steps > MAX_SCENE_STEPS


# --- catalog: the engine facts validation needs ----------------------------------------------


class LandscapeInfo(NamedTuple):
    bounds: tuple[tuple[float, float], tuple[float, float]]
    default_start: tuple[float, float]


class Catalog(NamedTuple):
    """Names and facts of the engine's landscapes and optimizers, in display order."""

    landscapes: Mapping[str, LandscapeInfo]
    optimizers: Mapping[str, frozenset[str]]  # optimizer -> the ALL_HYPER_KEYS it accepts


def playground_keys(spec: object) -> frozenset[str]:
    """The ``ALL_HYPER_KEYS`` the playground sets for the optimizer of ``spec`` (an
    ``optim.OptimizerSpec``): its keywords, ``bias_correction`` where the engine has the
    switch, and not Nesterov's dampening (the engine requires 0 there)."""
    keys = set(spec.hyperparams) & set(ALL_HYPER_KEYS)  # type: ignore[attr-defined]
    if getattr(spec, "bias_correction_switch", False):
        keys.add("bias_correction")
    if spec.name == "nesterov":  # type: ignore[attr-defined]
        keys.discard("dampening")
    return frozenset(keys)


def catalog_from_engine() -> Catalog:
    """The catalog of the installed engine (``landscapes.LANDSCAPES``, ``optim.OPTIMIZERS``)."""
    from landscapes import LANDSCAPES
    from optim import OPTIMIZERS

    lands = {
        name: LandscapeInfo(
            bounds=tuple(tuple(float(v) for v in b) for b in ls.bounds),  # type: ignore[misc]
            default_start=tuple(float(v) for v in ls.starts[0]),  # type: ignore[arg-type]
        )
        for name, ls in LANDSCAPES.items()
    }
    opts = {name: playground_keys(spec) for name, spec in OPTIMIZERS.items()}
    return Catalog(lands, opts)


def suggested_hyper(optimizer: str, shared: Hyper | None = None) -> Hyper:
    """``shared`` (default: ``Hyper()``) with ``optimizer``'s suggested values (``SUGGESTED``)."""
    return replace(shared or Hyper(), **SUGGESTED.get(optimizer, {}))


def plain_scene(catalog: Catalog) -> Scene:
    """The scene of the URL format's defaults: one shared set of values (lr 0.002 ...).

    A link that names any scene parameter takes its missing ones from here (as links always
    did); only a bare link opens ``default_scene``."""
    landscape = (DEFAULT_LANDSCAPE if DEFAULT_LANDSCAPE in catalog.landscapes
                 else next(iter(catalog.landscapes)))
    optimizers = tuple(o for o in DEFAULT_OPTIMIZERS if o in catalog.optimizers) or tuple(
        list(catalog.optimizers)[:1])
    return Scene(landscape=landscape, optimizers=optimizers,
                 start=catalog.landscapes[landscape].default_start)


def default_scene(catalog: Catalog) -> Scene:
    """The scene a bare ``/playground`` link opens: the plain scene in per-optimizer mode,
    each optimizer with its suggested values (``SUGGESTED``)."""
    base = plain_scene(catalog)
    own = tuple((name, suggested_hyper(name, base.shared)) for name in base.optimizers)
    return replace(base, per_optimizer=True, own=own)


def with_landscape(scene: Scene, catalog: Catalog, landscape: str) -> Scene:
    """``scene`` moved to another landscape, starting from that landscape's default start."""
    return replace(scene, landscape=landscape,
                   start=catalog.landscapes[landscape].default_start)
