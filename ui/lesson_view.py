"""Streamlit rendering of a lesson page: one tab per experiment, the same layout in each.

An experiment shows its explanation (and formula), its one or two controls, the numbers that
make the point, a sentence that reads them out, the map with the paths, any curves over the
steps, and a link that opens the preset in the playground. Engine runs are cached on small
hashable inputs (experiment number, control values, language).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lessons import EXPERIMENTS, THEMES
from lessons.base import Control, Evidence, Experiment, Number
from ui.choices import choice, lazy_tabs
from ui.i18n import current_language, t, tr
from ui.lesson_link import link_gaps, preset_params, snapped
from ui.memo import memo, sealed
from ui.page_style import wrap_tabs
from ui.strings import TABLES
from viz.lessons import LessonText, lesson_styles, paths_figure, series_figure, view_including
from viz.text import DEFAULT_CAUSES


@dataclass(frozen=True)
class Shown:
    """What the page draws for one run of an experiment (cached and shared: read-only)."""

    numbers: dict[str, str]
    result: str
    figures: tuple[go.Figure, ...] = ()  # the main map (if any) first, then the charts
    table: pd.DataFrame | None = None
    panels: tuple[tuple[go.Figure, str], ...] = ()  # further maps beside the main one, captioned
    map_caption: str = ""
    has_map: bool = True
    extras: dict[str, Any] = field(default_factory=dict)


def label(text: str, lang: str) -> str:
    """A path or curve label in ``lang``: ``lesson.label.<text>`` if the table has it, else
    the label with its leading name translated ("GD (×1)" -> "梯度下降 (×1)")."""
    table = TABLES[lang]
    if f"lesson.label.{text}" in table:
        return table[f"lesson.label.{text}"]
    head, sep, rest = text.partition(" ")
    if sep and f"lesson.label.{head}" in table:
        return f"{table[f'lesson.label.{head}']} {rest}"
    return text


def figure_text(lang: str, stops: tuple[str, ...] = (),
                axes: tuple[str, str] = ("x", "y")) -> LessonText:
    """The words on the maps, from the lesson string table.

    A run that broke off is labelled "diverged at step k (cause)" with the engine's reason
    translated; the reason codes in ``stops`` are worded "stopped at step k: cause" instead
    (e.g. 0/0 when eps = 0 meets a zero gradient: nothing blew up).
    """
    return LessonText(
        x=axes[0], y=axes[1],
        step=tr("lesson.fig.step", lang), loss=tr("lesson.fig.loss", lang),
        play=tr("lesson.fig.play", lang), pause=tr("lesson.fig.pause", lang),
        minimum=tr("lesson.fig.minimum", lang), saddle=tr("lesson.fig.saddle", lang),
        start=tr("lesson.fig.start", lang), local_minimum=tr("pg.fig.local_minimum", lang),
        step_format=tr("pg.fig.step_format", lang),
        diverged=tr("lesson.fig.diverged", lang),
        causes={code: tr(f"lesson.fig.cause.{code}", lang) for code in DEFAULT_CAUSES},
        stopped=tr("lesson.fig.stopped", lang),
        stop_causes={code: tr(f"lesson.fig.stop.{code}", lang) for code in stops},
    )


def format_number(number: Number | None, value: Any, lang: str) -> str:
    """A number as the lesson writes it: its format, "never" for a step that did not happen,
    and an exact zero as plain 0 (not 0.0e+00)."""
    if number is not None and number.never and value is not None and value < 0:
        return tr("lesson.never", lang)
    if isinstance(value, float) and math.isnan(value):
        return "—"
    if isinstance(value, float | int) and not isinstance(value, bool) and value == 0:
        return "0"
    if number is not None:
        return number.fmt.format(int(value) if "d}" in number.fmt else value)
    if isinstance(value, int):
        return str(value)
    return f"{value:.4g}"


def formatted(e: Experiment, ev: Evidence, lang: str) -> dict[str, str]:
    """Every number and code of the evidence, written out (codes translated if known)."""
    spec = {n.key: n for n in (*e.numbers, *e.quoted)}
    out = {k: format_number(spec.get(k), v, lang) for k, v in ev.numbers.items()}
    never = TABLES[lang].get(f"lesson.{e.slug}.never", tr("lesson.never", lang))
    for k, v in ev.numbers.items():  # a step as a phrase: "at step 40" / "never"
        if k in spec and spec[k].never:
            out[f"{k}_at"] = never if v < 0 else tr("lesson.step_at", lang, step=int(v))
    for k, code in ev.codes.items():
        out[k] = TABLES[lang].get(f"lesson.code.{code}", code)
    return out


def build(e: Experiment, values: dict[str, Any], lang: str) -> Shown:
    """Run the experiment and turn its evidence into what the page shows (pure)."""
    ev = e.run(**values)
    numbers = formatted(e, ev, lang)
    text = figure_text(lang, ev.stops, ev.axes)
    labels = [*ev.paths, *(k for s in ev.series.values() for k in s.ys),
              *(k for p in ev.panels for k in p.paths)]
    styles = lesson_styles(labels, ev.optimizers, ev.dashes)
    shown_styles = {label(k, lang): v for k, v in styles.items()}
    figures: list[go.Figure] = []
    has_map = bool(ev.paths) or ev.landscape is not None
    if has_map:
        figures.append(paths_figure(
            ev.landscape, view_including(ev.bounds, ev.paths.values()),
            {label(k, lang): v for k, v in ev.paths.items()},
            markers={label(k, lang): v for k, v in ev.markers.items()},
            text=text, styles=shown_styles,
            reasons={label(k, lang): v for k, v in ev.reasons.items()}))
    panels = tuple(
        (paths_figure(p.landscape, view_including(p.bounds, p.paths.values()),
                      {label(k, lang): v for k, v in p.paths.items()}, text=text,
                      styles=shown_styles, height=460),
         tr(p.caption_key, lang) if p.caption_key else "")
        for p in ev.panels)
    for s in ev.series.values():
        figures.append(series_figure(
            s.x, {label(k, lang): v for k, v in s.ys.items()},
            y_title=tr(s.y_key, lang) if s.y_key else "", x_title=tr("lesson.fig.step", lang),
            log_y=s.log_y, marks=s.marks, styles=shown_styles))
    table = (pd.DataFrame([{k: v if isinstance(v, int) else f"{v:.4g}" for k, v in row.items()}
                           for row in ev.table]) if ev.table else None)
    return Shown(numbers, tr(e.result_key(ev.variant), lang, **numbers), tuple(figures), table,
                 panels=panels, map_caption=tr(ev.map_caption, lang) if ev.map_caption else "",
                 has_map=has_map)


@memo("lesson", 64, build=True)
def cached_build(exp_id: int, values: tuple[tuple[str, Any], ...], lang: str) -> Shown:
    """``build`` cached on (phenomenon, control values, language), its figures sealed."""
    shown = build(EXPERIMENTS[exp_id], dict(values), lang)
    for fig in (*shown.figures, *(panel for panel, _ in shown.panels)):
        sealed(fig)
    return shown


def widget_key(e: Experiment, c: Control) -> str:
    return f"lesson.{e.slug}.{c.name}"


def controls(e: Experiment) -> dict[str, Any]:
    """The experiment's widgets in a row; returns their values by keyword."""
    values: dict[str, Any] = {}
    if not e.controls:
        return values
    cols = st.columns(max(2, len(e.controls)))
    for col, c in zip(cols, e.controls, strict=False):
        with col:
            fmt = (lambda v, c=c: t(c.option_key(v))) if c.translate else c.format
            values[c.name] = choice("segmented", t(c.label), c.options, key=widget_key(e, c),
                                    default=c.default, format_func=fmt, required=True)
    return values


def playground_link(e: Experiment) -> None:
    """The "open in playground" link, or a note saying why the preset cannot travel."""
    from ui.url_state import playground_link as link

    if e.preset is None:
        return
    try:
        from ui.scene import catalog_from_engine

        url = link(preset_params(e.preset), catalog_from_engine())
    except (ValueError, KeyError, ImportError):
        st.caption(t("lesson.link.none"))
        return
    gaps = link_gaps(e.preset)
    lang = current_language()
    st.markdown(f"[{t('lesson.link.open')}]({url}&lang={lang})")
    if gaps:
        st.caption(t("lesson.link.partial"))
    moved = snapped(e.preset)
    if moved:
        values = ", ".join(f"{name} {given:g} → {used:g}" for name, given, used in moved)
        st.caption(t("lesson.link.snapped", values=values))


def render_experiment(e: Experiment) -> None:
    """One experiment: text, controls, numbers, result sentence, figures, link."""
    lang = current_language()
    st.subheader(f"{e.id}. {t(e.title_key)}")
    st.markdown(t(e.text_key))
    if e.formula:
        st.latex(e.formula)
    if e.note_key:
        st.warning(t(e.note_key), icon=":material/error:")
    if e.evidence is None:
        return
    values = controls(e)
    shown = cached_build(e.id, tuple(sorted(values.items())), lang)
    cols = st.columns(len(e.numbers))
    for col, n in zip(cols, e.numbers, strict=True):
        col.metric(t(e.number_key(n)), shown.numbers[n.key])
    st.info(shown.result, icon=":material/science:")
    if shown.has_map and shown.figures:
        left, right = st.columns([3, 2], vertical_alignment="center")
        left.plotly_chart(shown.figures[0], key=f"lesson.{e.slug}.map", theme=None,
                          config={"displaylogo": False})
        if shown.map_caption:
            right.caption(shown.map_caption)
        for i, (fig, caption) in enumerate(shown.panels):
            st.plotly_chart(fig, key=f"lesson.{e.slug}.panel.{i}", theme=None,
                            config={"displaylogo": False})
            if caption:
                st.caption(caption)
    rest = shown.figures[1:] if shown.has_map else shown.figures
    if rest:
        for col, fig in zip(st.columns(len(rest)), rest, strict=True):
            with col:
                st.plotly_chart(fig, theme=None, config={"displaylogo": False},
                                key=f"lesson.{e.slug}.series.{rest.index(fig)}")
    if shown.table is not None:
        st.table(shown.table, border="horizontal")
    playground_link(e)


def tab_key(theme: str) -> str:
    """Session key of a lesson page's tabs (holds the open tab's label)."""
    return f"lesson.{theme}.tab"


def render_theme(theme: str) -> None:
    """A lesson page: the theme's title and intro, then one tab per experiment. Only the open
    tab's experiment runs (a page has up to eight, each with its charts; ``lazy_tabs``)."""
    st.title(t(f"lesson.theme.{theme}.title"))
    st.markdown(t(f"lesson.theme.{theme}.intro"))
    experiments = {e.id: e for e in THEMES[theme]}
    wrap_tabs()
    tabs, open_id = lazy_tabs({i: f"{i} · {t(e.title_key)}" for i, e in experiments.items()},
                              key=tab_key(theme))
    with tabs[open_id]:
        render_experiment(experiments[open_id])
