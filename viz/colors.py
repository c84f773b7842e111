"""Colours: a colour-blind-safe palette for runs and a bold, perceptually uniform terrain.

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

VIRIDIS: tuple[str, ...] = ("#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89",
                            "#35b779", "#6ece58", "#b5de2b", "#fde725")
"""Viridis (van der Walt & Smith, matplotlib 2.0) at ten even stops: perceptually uniform,
monotonic in lightness, readable under the common colour-vision deficiencies and in grey."""

TERRAIN_LIGHTEN = 0.22
"""Share of white mixed into the terrain: keeps viridis' order and contrast, but leaves the
paths' colours (with their white halo) the strongest thing on the map."""


def _mix_white(colour: str, share: float) -> str:
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * share):02x}" for c in rgb)


TERRAIN_SCALE: list[list[float | str]] = [
    [k / (len(VIRIDIS) - 3), _mix_white(c, TERRAIN_LIGHTEN)]
    for k, c in enumerate(VIRIDIS[2:])
]
"""The terrain: deep blue in the valleys, through green, to yellow on the heights (viridis
from its third stop, the darkest purple left out so a black path stays visible)."""

MINIMUM_COLOUR = "#FFD700"
SADDLE_COLOUR = "#222222"
HALO_COLOUR = "rgba(255,255,255,0.9)"
"""Drawn under every path, so a path keeps its colour on dark and light terrain alike."""


OPTIMIZER_STYLES: dict[str, tuple[str, str]] = {
    "sgd": ("#000000", "solid"),
    "momentum": ("#E69F00", "solid"),
    "nesterov": ("#D55E00", "solid"),
    "adagrad": ("#CC79A7", "dash"),
    "rmsprop": ("#009E73", "solid"),
    "adam": ("#0072B2", "solid"),
    "adamw": ("#CC79A7", "solid"),
    "amsgrad": ("#0072B2", "dash"),
    "nadam": ("#E69F00", "dash"),
    "radam": ("#009E73", "dash"),
    "adamax": ("#000000", "dash"),
    "lion": ("#56B4E9", "solid"),
}
"""One fixed (colour, dash) per optimizer, the same on every page: Adam is always blue, SGD
always black. The pairs a lesson compares (momentum / Nesterov, Adam / AdamW) differ in colour,
not only in dash, and the default scene's six are six different colours."""


def optimizer_style(name: str, fallback_index: int = 0) -> tuple[str, str]:
    """The optimizer's fixed (colour, dash); an unknown name gets ``run_style(fallback_index)``."""
    return OPTIMIZER_STYLES.get(name, run_style(fallback_index))


def run_style(index: int) -> tuple[str, str]:
    """(colour, dash) of the ``index``-th run (0-based): Okabe–Ito, then a new dash per cycle."""
    cycle, slot = divmod(index, len(OKABE_ITO))
    return OKABE_ITO[slot], DASHES[cycle % len(DASHES)]
