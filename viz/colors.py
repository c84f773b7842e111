"""Colours: a colour-blind-safe palette for runs and a quiet colour scale for the terrain.

Runs use the Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008), distinguishable
under the common colour-vision deficiencies. Yellow is last: it is hard to see on the pale
terrain. Past eight runs the colours repeat with another dash pattern, so every pairing of
colour and dash stays unique.
"""

from __future__ import annotations

OKABE_ITO: tuple[str, ...] = (
    "#E69F00",  # orange
    "#0072B2",  # blue
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#56B4E9",  # sky blue
    "#CC79A7",  # reddish purple
    "#000000",  # black
    "#F0E442",  # yellow
)
DASHES: tuple[str, ...] = ("solid", "dash", "dot", "dashdot")

TERRAIN_SCALE: list[list[float | str]] = [
    [0.0, "#ffffff"],
    [0.25, "#f1f0ea"],
    [0.5, "#e0ded3"],
    [0.75, "#d3cfc1"],
    [1.0, "#bcb7a5"],
]
"""Pale at low loss, earthy at high loss: saturated path colours stand out on every shade."""

MINIMUM_COLOUR = "#FFD700"
SADDLE_COLOUR = "#444444"


OPTIMIZER_STYLES: dict[str, tuple[str, str]] = {
    "sgd": ("#000000", "solid"),
    "momentum": ("#E69F00", "solid"),
    "nesterov": ("#E69F00", "dash"),
    "adagrad": ("#CC79A7", "dash"),
    "rmsprop": ("#009E73", "solid"),
    "adam": ("#0072B2", "solid"),
    "adamw": ("#56B4E9", "solid"),
    "amsgrad": ("#0072B2", "dash"),
    "nadam": ("#D55E00", "solid"),
    "radam": ("#D55E00", "dash"),
    "adamax": ("#009E73", "dash"),
    "lion": ("#CC79A7", "solid"),
}
"""One fixed (colour, dash) per optimizer, the same on every page: Adam is always blue, SGD
always black. Relatives share a colour and differ by dash (Adam / AMSGrad, momentum /
Nesterov)."""


def optimizer_style(name: str, fallback_index: int = 0) -> tuple[str, str]:
    """The optimizer's fixed (colour, dash); an unknown name gets ``run_style(fallback_index)``."""
    return OPTIMIZER_STYLES.get(name, run_style(fallback_index))


def run_style(index: int) -> tuple[str, str]:
    """(colour, dash) of the ``index``-th run (0-based): Okabe–Ito, then a new dash per cycle."""
    cycle, slot = divmod(index, len(OKABE_ITO))
    return OKABE_ITO[slot], DASHES[cycle % len(DASHES)]
