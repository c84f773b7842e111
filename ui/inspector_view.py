"""Streamlit rendering of the step inspector (phenomenon 28).

Pick a prepared scene and an optimizer, scrub to any step t, and read the update of that step
three ways: as arrows on the map, as the update formula with the live numbers filled in (for
x and for y), and as a table. Charts below show m, v and the effective learning rate over the
whole run, with t marked, so the scar of a gradient spike and Adagrad's dying step are visible.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from lessons.inspector import (
    OPTIMIZERS,
    SCENES,
    Recording,
    formula_lines,
    hyper_for,
    numbers_at,
    record_run,
    scene_landscape,
)
from optim import OPTIMIZERS as SPECS
from ui.choices import choice
from ui.i18n import current_language, t, tr
from ui.lesson_view import figure_text
from ui.memo import memo
from viz.inspector import arrows_figure, state_figure

KEY = "inspector"


@memo("inspector", 64, build=True)
def cached_run(scene: str, optimizer: str, hyper: tuple[tuple[str, float], ...]) -> Recording:
    """The scene's run, every state recorded, cached on (scene, optimizer, settings)."""
    return record_run(SCENES[scene], optimizer, dict(hyper))


def _table(rec: Recording, step: int, lang: str) -> pd.DataFrame:
    """Quantity | x | y at step t, for the quantities this optimizer has."""
    n = numbers_at(rec, step)
    names = ["theta_prev", "g", *[k for k in ("m", "v", "v_max", "m_hat", "v_hat")
                                  if k in n], "eff_lr", "update", "theta"]
    rows = []
    for name in names:
        x, y = np.asarray(n[name], dtype=float)
        rows.append({tr("lesson.inspector.quantity", lang): tr(f"lesson.inspector.q.{name}",
                                                               lang),
                     "x": f"{x:.6g}", "y": f"{y:.6g}"})
    return pd.DataFrame(rows)


def _controls() -> tuple[str, str, float]:
    scene = choice("segmented", t("lesson.inspector.scene"), SCENES, key=f"{KEY}.scene",
                   default="ravine", format_func=lambda s: t(f"lesson.inspector.scene.{s}"),
                   required=True)
    cols = st.columns([2, 2, 3])
    with cols[0]:
        optimizer = choice("selectbox", t("lesson.inspector.optimizer"), OPTIMIZERS,
                           key=f"{KEY}.optimizer.{scene}", default=SCENES[scene].optimizer,
                           format_func=lambda o: SPECS[o].title)
    with cols[1]:
        beta2 = choice("segmented", t("lesson.control.beta2"), [0.9, 0.99, 0.999],
                       key=f"{KEY}.beta2", default=0.999, format_func=str, required=True)
    return scene, optimizer, float(beta2)


def render_inspector() -> None:
    """The whole inspector page."""
    lang = current_language()
    st.title(t("lesson.inspector.title"))
    st.markdown(t("lesson.inspector.intro"))
    scene_name, optimizer, beta2 = _controls()
    scene = SCENES[scene_name]
    st.caption(t(f"lesson.inspector.hint.{scene_name}"))
    wd = 0.1 if optimizer == "adamw" else 0.0
    hyper = hyper_for(optimizer, scene.lr, 0.9, beta2, 1e-8, wd)
    rec = cached_run(scene_name, optimizer, tuple(sorted(hyper.items())))
    last = rec.steps if rec.diverged_at < 0 else rec.diverged_at - 1
    if rec.diverged_at >= 0:
        st.warning(t("lesson.inspector.stopped", step=rec.diverged_at,
                     reason=t(f"lesson.code.{rec.reason}")))
    if last < 1:
        return
    step = st.slider(t("lesson.inspector.step"), 1, last, min(scene.mark, last),
                     key=f"{KEY}.step.{scene_name}.{optimizer}")
    n = numbers_at(rec, step)
    vectors = {"g": -np.asarray(n["g"]), "step": np.asarray(n["update"])}
    if "m_hat" in n:
        vectors["m"] = -np.asarray(n["m_hat"])
    elif "m" in n:
        vectors["m"] = -np.asarray(n["m"])
    labels = {k: t(f"lesson.inspector.arrow.{k}") for k in vectors}
    left, right = st.columns([3, 2])
    with left:
        ls = scene_landscape(scene)
        fig = arrows_figure(ls, ls.bounds, rec.positions[: last + 1], step, vectors, labels,
                            figure_text(lang))
        st.plotly_chart(fig, theme=None, key=f"{KEY}.map", config={"displaylogo": False})
        st.caption(t("lesson.inspector.arrow_note"))
    with right:
        st.table(_table(rec, step, lang), border="horizontal")
    st.markdown(t("lesson.inspector.formula"))
    for col, i in zip(st.columns(2), (0, 1), strict=True):
        with col:
            st.markdown(f"**{'xy'[i]}**")
            for line in formula_lines(rec, step, i):
                st.latex(line)
    charts = [("m", False), ("v_hat" if "v_hat" in rec.state else "v", True), ("eff_lr", True)]
    charts = [(k, log) for k, log in charts if k in rec.state]
    for col, (name, log) in zip(st.columns(len(charts)), charts, strict=True):
        with col:
            st.plotly_chart(
                state_figure(rec.state[name][: last + 1], step,
                             t(f"lesson.inspector.q.{name}"), log_y=log),
                theme=None, key=f"{KEY}.chart.{name}", config={"displaylogo": False})
