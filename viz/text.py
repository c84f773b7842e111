"""The words on the figures, passed in by the caller so every figure can be translated.

The builders never look up a language themselves; the page fills a ``FigureText`` from its
string tables (English defaults here keep the builders usable in a notebook).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
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
    distance: str = "distance to the nearest listed minimum"
    play: str = "▶ Play"
    pause: str = "❚❚ Pause"
    minimum: str = "global minimum"
    local_minimum: str = "local minimum"
    saddle: str = "saddle point"
    start: str = "start"
    diverged: str = "diverged at step {step} ({cause})"
    click_hint: str = "click to start here"
    step_format: str = "step {step}"
    """The animation slider's read-out (``第 {step} 步`` in Chinese)."""
    causes: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_CAUSES))

    def divergence(self, step: int, reason: str) -> str:
        """'diverged at step k (cause)' in the caller's language."""
        return self.diverged.format(step=step, cause=self.causes.get(reason, reason))


_MINUS = "\u2212"


def power_label(text: str, min_exponent: int = 3) -> str:
    """A tick label in power notation, as Plotly's ``exponentformat="power"`` writes it: a
    power of ten beyond ``10**±min_exponent`` as 10 with a superscript (``1e-05`` ->
    ``10<sup>−5</sup>``), any other number as plain decimals (``0.01``, ``1e+03`` -> ``1000``);
    a label that is not a number is kept."""
    try:
        value = float(text)
    except ValueError:
        return text
    if value > 0 and math.isfinite(value):
        k = round(math.log10(value))
        if math.isclose(value, 10.0**k, rel_tol=1e-9):
            if abs(k) > min_exponent:
                return f"10<sup>{_MINUS if k < 0 else ''}{abs(k)}</sup>"
            return f"{10.0**k:.{max(0, -k)}f}"
    if value != 0 and not 10.0**-min_exponent <= abs(value) < 10.0**(min_exponent + 1):
        mantissa, _, exponent = f"{value:.3g}".partition("e")
        if exponent:
            k = int(exponent)
            return f"{mantissa}×10<sup>{_MINUS if k < 0 else ''}{abs(k)}</sup>"
    return f"{value:.3g}".replace("-", _MINUS)


def power_labels(texts: Iterable[str]) -> list[str]:
    """``power_label`` of each tick label."""
    return [power_label(t) for t in texts]
