"""The words on the figures, passed in by the caller so every figure can be translated.

The builders never look up a language themselves; the page fills a ``FigureText`` from its
string tables (English defaults here keep the builders usable in a notebook).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

DEFAULT_CAUSES: dict[str, str] = {
    "nonfinite_grad": "gradient overflow",
    "nonfinite_update": "step overflow",
    "nonfinite_loss": "loss overflow",
    "out_of_bounds": "left the map",
}


@dataclass(frozen=True)
class FigureText:
    """Axis titles, legend words and hover templates (``{...}`` fields as named)."""

    x: str = "x"
    y: str = "y"
    loss: str = "loss"
    loss_gap: str = "loss − f*"
    step: str = "step"
    distance: str = "distance to nearest minimum"
    play: str = "▶ Play"
    pause: str = "❚❚ Pause"
    minimum: str = "known minimum"
    saddle: str = "saddle point"
    start: str = "start"
    diverged: str = "diverged at step {step} ({cause})"
    click_hint: str = "click to start here"
    causes: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_CAUSES))

    def divergence(self, step: int, reason: str) -> str:
        """'diverged at step k (cause)' in the caller's language."""
        return self.diverged.format(step=step, cause=self.causes.get(reason, reason))
