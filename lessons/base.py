"""The shape of a lesson: an experiment is a declarative record plus one pure evidence function.

A learner sees, for each phenomenon of the teaching material, the same five things: a short
explanation, the preset that shows it, the one or two controls that matter, the live paths, and
the numbers that make the point. ``Experiment`` holds all of that as data; the pages only render
it (``ui.lesson_view``), and the tests only call ``experiment.run(...)`` and check the numbers.

No Streamlit and no Plotly here: lessons are plain Python so a notebook or a test can run them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

Value = float | int | bool | str


@dataclass(frozen=True)
class Control:
    """One widget of an experiment: the keyword ``name`` of its evidence function.

    ``kind`` is ``"select"`` (one of ``options``, shown with ``fmt``), ``"slider"`` (a number in
    ``[low, high]`` in steps of ``step``) or ``"toggle"`` (a bool). The label is the string
    ``lesson.control.<name>`` unless ``label_key`` says otherwise.
    """

    name: str
    default: Value
    kind: str = "select"
    options: tuple[Value, ...] = ()
    low: float = 0.0
    high: float = 1.0
    step: float = 0.01
    fmt: str = "{}"
    label_key: str = ""
    translate: bool = False  # options are words: shown as ``lesson.option.<name>.<value>``

    @property
    def label(self) -> str:
        """The string key of the widget's label."""
        return self.label_key or f"lesson.control.{self.name}"

    def format(self, value: Value) -> str:
        """How an option is written on the widget (``fmt`` filled with the value)."""
        return self.fmt.format(value)

    def option_key(self, value: Value) -> str:
        """The string key of a word option (only for ``translate`` controls)."""
        return f"lesson.option.{self.name}.{value}"


@dataclass(frozen=True)
class Run:
    """One trajectory of a preset, as the playground would start it.

    ``label`` is language-neutral (an optimizer's name plus a setting, e.g. "Adam, β2=0.9").
    ``hyper`` holds the engine keywords of the optimizer; ``options`` the keywords around the
    rule (``schedule``, ``clip_norm``, ``spikes``, ...), both as sorted tuples so a preset stays
    hashable.
    """

    label: str
    optimizer: str
    hyper: tuple[tuple[str, Any], ...] = ()
    options: tuple[tuple[str, Any], ...] = ()

    def kwargs(self) -> dict[str, Any]:
        """The keywords to hand to ``optim.simulate`` for this run."""
        return {**dict(self.hyper), **dict(self.options)}


def run(label: str, optimizer: str, options: Mapping[str, Any] | None = None,
        **hyper: Any) -> Run:
    """Build a ``Run`` from keywords: ``run("Adam", "adam", lr=0.01)``."""
    return Run(label, optimizer, tuple(sorted(hyper.items())),
               tuple(sorted((options or {}).items())))


@dataclass(frozen=True)
class Preset:
    """What the experiment starts with: a landscape, a start, a step count and the runs."""

    landscape: str
    start: tuple[float, float]
    steps: int
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Number:
    """A number the page shows: ``key`` in ``Evidence.numbers``, written with ``fmt``.

    The label is the string ``lesson.<slug>.n.<key>``.
    """

    key: str
    fmt: str = "{:.3g}"
    never: bool = False  # a negative value means "never" (a step that did not happen)


@dataclass(frozen=True)
class Series:
    """A curve over steps for a chart beside the map: one y array per label."""

    x: np.ndarray
    ys: Mapping[str, np.ndarray]
    log_y: bool = False
    y_key: str = ""  # string key of the y axis title
    marks: tuple[int, ...] = ()  # steps to mark with a vertical line


@dataclass(frozen=True)
class Panel:
    """A second map beside the main one: a run on another landscape (e.g. the slope part of a
    two-landscape experiment), with the string key of its caption."""

    landscape: Any
    bounds: tuple[tuple[float, float], tuple[float, float]]
    paths: Mapping[str, np.ndarray]
    caption_key: str = ""


@dataclass(frozen=True)
class Evidence:
    """What one run of an experiment produced.

    ``paths``: label -> positions, shape ``(steps + 1, 2)`` (or ``(steps + 1, B, 2)`` for a
    cloud of seeded runs). ``numbers``: name -> value, the figures the lesson quotes.
    ``checks``: name -> bool, the claim's verdicts (shown as ticks, asserted by the tests).
    ``series``: extra charts (lr(t), v(t), losses). ``table``: rows for a step-by-step table.
    ``landscape`` is the object the paths ran on (for the contour map); ``bounds`` the view box.
    ``optimizers`` names each label's optimizer so it gets that optimizer's fixed colour;
    ``dashes`` overrides the dash (e.g. validation curves dashed); ``reasons`` are the engine's
    divergence codes of the paths (``traj.reasons``); ``panels`` are further maps.
    """

    landscape: Any
    bounds: tuple[tuple[float, float], tuple[float, float]]
    paths: Mapping[str, np.ndarray] = field(default_factory=dict)
    numbers: Mapping[str, float] = field(default_factory=dict)
    checks: Mapping[str, bool] = field(default_factory=dict)
    series: Mapping[str, Series] = field(default_factory=dict)
    table: tuple[Mapping[str, Value], ...] = ()
    markers: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    codes: Mapping[str, str] = field(default_factory=dict)  # e.g. a divergence reason code
    variant: str = ""  # which result sentence fits: ``lesson.<slug>.result<variant>``
    optimizers: Mapping[str, str] = field(default_factory=dict)  # label -> optimizer (colour)
    dashes: Mapping[str, str] = field(default_factory=dict)  # label -> dash, where it matters
    reasons: Mapping[str, str] = field(default_factory=dict)  # label -> engine reason code
    stops: tuple[str, ...] = ()  # reason codes this lesson words as "stopped" (0/0), not diverged
    panels: tuple[Panel, ...] = ()
    axes: tuple[str, str] = ("x", "y")  # axis titles of the map (w₁, w₂ on data landscapes)
    map_caption: str = ""  # string key of a caption under the main map


@dataclass(frozen=True)
class Experiment:
    """One phenomenon as a guided experiment.

    ``id`` is the phenomenon's number in phenomena.md; ``slug`` names its strings
    (``lesson.<slug>.title``, ``.text``, ``.result``, ``.n.<number>``); ``evidence`` is the pure
    function that runs the engine with the controls' values and returns the ``Evidence``.
    ``formula`` (optional) is LaTeX shown under the explanation. An experiment with no evidence
    is text only (the page shows the explanation and the formula).
    """

    id: int
    slug: str
    theme: str
    preset: Preset | None
    controls: tuple[Control, ...] = ()
    numbers: tuple[Number, ...] = ()
    evidence: Callable[..., Evidence] | None = None
    formula: str = ""
    note_key: str = ""  # an extra boxed remark (e.g. the erratum of phenomenon 10)
    variants: tuple[str, ...] = ("",)  # the result sentences the evidence may pick
    quoted: tuple[Number, ...] = ()  # formats of numbers quoted in the sentence, not metrics

    @property
    def title_key(self) -> str:
        return f"lesson.{self.slug}.title"

    @property
    def text_key(self) -> str:
        return f"lesson.{self.slug}.text"

    def result_key(self, variant: str = "") -> str:
        return f"lesson.{self.slug}.result{variant}"

    def number_key(self, number: Number) -> str:
        return f"lesson.{self.slug}.n.{number.key}"

    def defaults(self) -> dict[str, Value]:
        """The controls' default values, by keyword."""
        return {c.name: c.default for c in self.controls}

    def run(self, **values: Value) -> Evidence:
        """The evidence for the given control values (defaults for the ones not given)."""
        if self.evidence is None:
            raise ValueError(f"experiment {self.slug!r} is text only")
        unknown = set(values) - {c.name for c in self.controls}
        if unknown:
            raise ValueError(f"experiment {self.slug!r} has no control {sorted(unknown)}")
        return self.evidence(**{**self.defaults(), **values})

    def string_keys(self) -> tuple[str, ...]:
        """Every string key the page needs for this experiment."""
        keys = [self.title_key, self.text_key]
        if self.evidence is not None:
            keys += [self.result_key(v) for v in self.variants]
            keys += [self.number_key(n) for n in self.numbers]
        keys += [c.label for c in self.controls]
        keys += [c.option_key(o) for c in self.controls if c.translate for o in c.options]
        if self.note_key:
            keys.append(self.note_key)
        return tuple(keys)


def first_step(mask: np.ndarray) -> int:
    """The first row index where ``mask`` is true, or -1 if it never is.

    With the engine's row convention (row t is the position after step t), the index is the
    step count.
    """
    hits = np.flatnonzero(np.asarray(mask, dtype=bool))
    return int(hits[0]) if hits.size else -1


def sign_changes(values: np.ndarray) -> int:
    """How many times a sequence changes sign (zeros skipped): the bounces of a coordinate."""
    s = np.sign(np.asarray(values, dtype=float))
    s = s[np.isfinite(s) & (s != 0)]
    return int(np.count_nonzero(s[1:] != s[:-1]))
