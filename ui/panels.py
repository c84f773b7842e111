"""The playground's panels below the charts: the finish table, the update rules, the exports.

Downloads are deferred (``st.download_button`` with a callable): the CSV (with the recorded
optimizer state) and the 4.5 MB standalone HTML are only built when someone clicks, so they
never slow down a rerun. The callables are pure closures: they may run outside the script.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from export.figure_html import figure_html
from export.metadata import csv_with_header, metadata_json
from export.runs_table import runs_frame
from landscapes import LANDSCAPES
from optim import OPTIMIZERS
from ui.figures import figure_text, optimizer_title, trajectories
from ui.i18n import current_language, t
from ui.scene import Catalog, Scene, playground_keys
from ui.simulation import engine_kwargs
from ui.url_state import VIEWS, format_value, scene_link
from viz.curves import distance_to_nearest


def significant(value: float, digits: int = 4) -> str:
    """``value`` with ``digits`` significant digits, trailing zeros kept so a column reads
    evenly (0.5000, 1.234e-7, 12.00); a non-finite value as is."""
    if not np.isfinite(value):
        return str(value)
    text = f"{value:#.{digits}g}"
    mantissa, e, exponent = text.partition("e")
    if e:
        return f"{mantissa.rstrip('.')}e{int(exponent)}"
    return text.rstrip(".")


def summary(scene: Scene) -> None:
    """One row per optimizer: final loss, distance to the nearest minimum, fate."""
    landscape = LANDSCAPES[scene.landscape]
    lang = current_language()
    text = figure_text(lang)
    distance = t("pg.summary.distance_global" if len(landscape.minima) == 1
                 else "pg.summary.distance")
    rows = []
    for name, traj in trajectories(scene):
        end = traj.last_finite()[0]
        diverged = int(traj.diverged_at[0])
        status = (text.divergence(diverged, str(traj.reasons[0])) if diverged >= 0
                  else t("pg.summary.ok", steps=scene.steps))
        row = {
            t("pg.summary.optimizer"): optimizer_title(name, lang),
            t("pg.summary.final_loss"): significant(float(landscape.value(end))),
        }
        if landscape.minima:
            row[distance] = significant(float(
                distance_to_nearest(end[None, :], landscape.minima)[0]))
        row[t("pg.summary.status")] = status
        rows.append(row)
    st.subheader(t("pg.summary"), divider="gray")
    # a plain table, not st.dataframe: the data grid's bundle costs a page load ~0.3 s
    st.table(pd.DataFrame(rows).set_index(t("pg.summary.optimizer")), border="horizontal")


def update_rules(scene: Scene) -> None:
    """Each chosen optimizer's rule (the LaTeX the engine runs), behind one click."""
    st.subheader(t("pg.rules"), divider="gray")
    st.caption(t("pg.rules.caption"))
    lang = current_language()
    row = st.container(horizontal=True)  # wraps: a long name is never cut off
    for name in scene.optimizers:
        spec = OPTIMIZERS[name]
        with row, st.popover(optimizer_title(name, lang), width="content"):
            for line in spec.latex:
                st.latex(line)
            st.caption(t(f"pg.rules.decay.{spec.decay}"))


def scene_metadata(scene: Scene, catalog: Catalog) -> dict[str, Any]:
    """Everything needed to rerun ``scene`` with ``optim.simulate``."""
    landscape = LANDSCAPES[scene.landscape]
    runs = []
    for name, traj in trajectories(scene):
        kwargs = engine_kwargs(scene, name)
        schedule = kwargs.pop("schedule")
        kwargs.pop("record")
        runs.append({
            "optimizer": name,
            "hyperparameters": traj.hyperparams,
            "simulate_kwargs": {**kwargs, "schedule": vars(schedule)},
            "diverged_at": int(traj.diverged_at[0]),
            "reason": str(traj.reasons[0]),
        })
    return {
        "landscape": scene.landscape,
        "landscape_params": dict(landscape.params),
        "start": list(scene.start),
        "steps": scene.steps,
        "noise_sigma": scene.noise,
        "seed": scene.seed,
        "clip_norm": scene.clip or None,
        "clip_mode": scene.clip_mode,
        "runs": runs,
        "link": scene_link(scene, catalog),
    }


def _csv_builder(scene: Scene, metadata: dict[str, Any]) -> Callable[[], str]:
    def build() -> str:
        return csv_with_header(runs_frame(trajectories(scene, record=True)), metadata)
    return build


def _html_builder(figure: Callable[[], go.Figure], title: str,
                  caption: str) -> Callable[[], str]:
    return lambda: figure_html(figure(), title, caption)


def scene_caption(scene: Scene, lang: str) -> str:
    """The scene in one line of plain text: landscape, start, steps, and each optimizer with
    the values it runs with (the HTML export's caption)."""
    landscape = LANDSCAPES[scene.landscape]
    parts = [landscape.title.get(lang, landscape.title["en"]),
             t("pg.caption.start", x=format_value(scene.start[0]),
               y=format_value(scene.start[1])),
             t("pg.caption.steps", steps=scene.steps)]
    for name in scene.optimizers:
        values = scene.hyper_for(name).only(playground_keys(OPTIMIZERS[name]))
        settings = ", ".join(f"{key} = {format_value(value)}"
                             for key, value in sorted(values.items()))
        parts.append(f"{optimizer_title(name, lang)} ({settings})")
    if scene.schedule.kind != "constant":
        parts.append(t(f"pg.schedule.{scene.schedule.kind}"))
    if scene.noise:
        parts.append(t("pg.caption.noise", sigma=format_value(scene.noise), seed=scene.seed))
    if scene.clip:
        parts.append(t("pg.caption.clip", clip=format_value(scene.clip)))
    return " · ".join(parts)


def export_and_share(scene: Scene, catalog: Catalog, figure: Callable[[], go.Figure],
                     view: str) -> None:
    """Download buttons (CSV, JSON, HTML of the figure on show) and the link to this scene
    in this view.

    ``figure`` gives the figure on show when the HTML is asked for (from the cache, or built
    again): a download button keeps its builder for as long as the session lives, and a
    builder holding the figure itself would pin every session's last map in memory."""
    st.subheader(t("pg.export"), divider="gray")
    metadata = scene_metadata(scene, catalog)
    stem = f"{scene.landscape}-{'-'.join(scene.optimizers)}-{scene.steps}"
    if len(stem) > 80:
        stem = f"{scene.landscape}-{len(scene.optimizers)}-optimizers-{scene.steps}"
    title = LANDSCAPES[scene.landscape].title.get(current_language(), scene.landscape)
    csv_col, json_col, html_col = st.columns(3)
    with csv_col:
        st.download_button(t("pg.export.csv"), _csv_builder(scene, metadata),
                           file_name=f"{stem}.csv", mime="text/csv", key="pg_dl_csv",
                           help=t("pg.export.csv.help"), on_click="ignore",
                           icon=":material/table:", width="stretch")
    with json_col:
        st.download_button(t("pg.export.json"), metadata_json(metadata),
                           file_name=f"{stem}.json", mime="application/json",
                           key="pg_dl_json", help=t("pg.export.json.help"), on_click="ignore",
                           icon=":material/data_object:", width="stretch")
    with html_col:
        st.download_button(t("pg.export.html"),
                           _html_builder(figure, title, scene_caption(scene, current_language())),
                           file_name=f"{stem}.html", mime="text/html", key="pg_dl_html",
                           help=t("pg.export.html.help"), on_click="ignore",
                           icon=":material/movie:", width="stretch")
    st.markdown(f"**{t('pg.share')}**", help=t("pg.share.help"))
    url = share_url(scene, catalog, view)
    shown = url.replace("_", r"\_").replace("*", r"\*")
    st.markdown(f"[{shown}]({url})")  # not st.code: its highlighter costs the browser ~0.5 s


def share_url(scene: Scene, catalog: Catalog, view: str = VIEWS[0]) -> str:
    """The address of this page showing ``scene`` in ``view`` (with the language when it is
    not English).

    Built on the page's own address (``st.context.url``), so it is right whether the
    playground is served at the app root (as the default page) or at ``/playground``.
    """
    query = scene_link(scene, catalog).partition("?")[2]
    if view != VIEWS[0]:
        query = f"{query}&view={view}" if query else f"view={view}"
    lang = current_language()
    if lang != "en":
        query = f"{query}&lang={lang}" if query else f"lang={lang}"
    page = (st.context.url or "").split("?", 1)[0]
    return f"{page}?{query}" if query else page
