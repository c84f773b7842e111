"""What each playground widget may hold, checked before the widgets are drawn.

A browser only sends values its widgets offer, but a crafted client can send anything, and
Streamlit hands most of it to the page unchecked (a slider value off its grid, a number of
steps in the billions, a start at ``nan``, a list of 800 copies of one optimizer). Every
widget key has a rule here, built from the same grids and ranges the URL reader uses
(``ui.scene``); a value that breaks its rule is removed from the session state, so the page
seeds the widget's default as on a first visit, and it is reported in the page's one notice
(``ui.notices``). Choice widgets (landscape, schedule, clip side, view) are checked by
``ui.choices.choice`` itself, which knows their options.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, MutableMapping
from dataclasses import fields
from typing import Any

from ui.scene import (
    ALL_HYPER_KEYS,
    FLAG_KEYS,
    HYPER_GRIDS,
    MAX_NOISE,
    MAX_SEED,
    MAX_STEPS,
    MIN_STEPS,
    SCHEDULE_INT_FIELDS,
    ScheduleChoice,
)

BOOL_KEYS: tuple[str, ...] = ("pg_per", "pg_reveal", "pg_present")


def key_hyper(name: str, optimizer: str | None = None) -> str:
    """Widget key of a hyperparameter slider: shared ``pg_lr``, own ``pg_lr__adam``."""
    return f"pg_{name}" if optimizer is None else f"pg_{name}__{optimizer}"


def is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def is_int_in(low: int, high: int) -> Callable[[Any], bool]:
    """A whole number (not a bool) in ``[low, high]``."""
    return lambda v: isinstance(v, int) and not isinstance(v, bool) and low <= v <= high


def is_real_in(low: float, high: float) -> Callable[[Any], bool]:
    """A finite real number (not a bool) in ``[low, high]``."""
    return lambda v: (isinstance(v, int | float) and not isinstance(v, bool)
                      and math.isfinite(v) and low <= v <= high)


def on_grid(grid: tuple[float, ...]) -> Callable[[Any], bool]:
    """One of the slider's own values (a crafted value off the grid is not snapped: the
    slider cannot show it)."""
    return lambda v: isinstance(v, int | float) and not isinstance(v, bool) and v in grid


def rules(optimizers: Iterable[str]) -> dict[str, Callable[[Any], bool]]:
    """Widget key -> the test its value must pass, for every non-choice playground widget
    (the shared and the per-optimizer hyperparameter sliders of each of ``optimizers``)."""
    table: dict[str, Callable[[Any], bool]] = {
        "pg_steps": is_int_in(MIN_STEPS, MAX_STEPS),
        "pg_x0": is_real_in(-math.inf, math.inf),  # the box is enforced by the start controls
        "pg_y0": is_real_in(-math.inf, math.inf),
        "pg_noise": is_real_in(0.0, MAX_NOISE),
        "pg_seed": is_int_in(0, MAX_SEED),
        "pg_clip": is_real_in(0.0, math.inf),
        **{key: is_bool for key in BOOL_KEYS},
    }
    for f in fields(ScheduleChoice):
        if f.name in SCHEDULE_INT_FIELDS:
            table[f"pg_sched_{f.name}"] = is_int_in(0 if f.name == "total_steps" else 1,
                                                    MAX_STEPS)
        elif f.name != "kind":
            table[f"pg_sched_{f.name}"] = is_real_in(0.0, 1.0)
    for name in ALL_HYPER_KEYS:
        rule = is_bool if name in FLAG_KEYS else on_grid(HYPER_GRIDS[name])
        table[key_hyper(name)] = rule
        for optimizer in optimizers:
            table[key_hyper(name, optimizer)] = rule
    return table


def bad_values(state: MutableMapping[str, Any],
               table: dict[str, Callable[[Any], bool]]) -> list[tuple[str, Any]]:
    """Remove from ``state`` every value that breaks its rule; return ``(key, value)`` of each
    (so the page reseeds the default and says what it replaced)."""
    found = []
    for key, ok in table.items():
        if key in state:
            value = state[key]
            try:
                good = bool(ok(value))
            except Exception:  # an exotic crafted value that cannot be compared
                good = False
            if not good:
                found.append((key, value))
                del state[key]
    return found
