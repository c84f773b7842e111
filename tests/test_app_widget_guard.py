"""Crafted widget state: every playground widget falls back to its default with a notice.

A crafted client can put any value in a widget's state. These tests put junk in the session
state of each widget (bypassing AppTest's own client-side serialisation, as a crafted client
would) and check that the page keeps working: no exception, the value is replaced by one
the widget offers, the one notice names the widget, and the map is drawn. Plus the cap on
the size of a scene, which URL, widgets and crafted messages all meet as a ``Scene``.
"""

from __future__ import annotations

import math

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetStates
from streamlit.testing.v1 import AppTest

from optim import OPTIMIZERS
from tests.test_app_playground import charts, opened, run_app
from ui.i18n import tr
from ui.scene import MAX_SCENE_STEPS, MAX_STEPS
from ui.widget_guard import rules

CHOICE_KEYS = ("pg_ls", "pg_opt", "pg_sched", "pg_clip_mode", "pg_view")
"""Checked by ``ui.choices.choice`` against their options."""
TRIGGERS = ("pg_start_reset", "pg_dl_csv", "pg_dl_json", "pg_dl_html", "lang")
SELF_CHECKED = ("pg_curve", "pg_map", "pg_loss", "pg_distance", "pg_surface")
"""The open curve tab (``lazy_tabs`` keeps only a tab label) and the charts' selection
states (a click is read by ``ui.figures.start_from_selection``, which takes finite numbers
only, and the start controls keep it inside the box)."""
JUNK = ("banana", float("nan"), -1e300, [1, 2], None, "<img src=x onerror=alert(1)>")


def crafted(at: AppTest, key: str, value: object) -> AppTest:
    """Rerun with ``key`` holding ``value`` in the session state and no widget state from
    the client (so AppTest does not serialise the value through the widget first)."""
    at.session_state[key] = value
    return at._run(WidgetStates())


def _every_key() -> list[str]:
    table = rules(OPTIMIZERS)
    shown = ["pg_steps", "pg_x0", "pg_clip", "pg_noise", "pg_seed", "pg_per", "pg_reveal",
             "pg_present", "pg_sched_t_0", "pg_sched_gamma", "pg_lr", "pg_eps",
             "pg_centered", "pg_lr__adam", "pg_beta1__adamw", "pg_bias_correction__adam"]
    assert set(shown) <= set(table)
    return [*shown, *CHOICE_KEYS]


@pytest.mark.parametrize("key", _every_key())
@pytest.mark.parametrize("junk", JUNK, ids=["word", "nan", "huge", "list", "none", "html"])
def test_junk_in_a_widget_falls_back_with_a_notice(key, junk):
    at = run_app(steps="20")
    crafted(at, key, junk)
    assert not at.exception, at.exception
    value = at.session_state[key]
    if key in CHOICE_KEYS:
        assert value is not None and value != junk
    else:
        assert rules(OPTIMIZERS)[key](value), (key, value)
    notice = " ".join(w.value for w in at.warning)
    assert f"`{key}`" in notice, notice
    assert "<img" not in notice or "`<img" in notice  # quoted as code, never markup
    assert charts(at)["map"]


def test_every_widget_the_page_draws_has_a_rule():
    """Each widget of the playground (shared and per-optimizer mode, every panel drawn) is
    checked here or by ``choice``: a new widget without a rule fails this test."""
    table = rules(OPTIMIZERS)
    seen = set()
    for per in ("0", "1"):
        at = run_app(steps="20", per=per, opt=",".join(OPTIMIZERS), sched="cosine_warm_restarts")
        at = opened(at, "pg_panel_advanced", *(f"pg_panel__{o}" for o in OPTIMIZERS))
        seen |= {w.key for w in at.main if getattr(w, "key", None)}
        seen |= {w.key for w in at.sidebar if getattr(w, "key", None)}
        for kind in ("select_slider", "number_input", "checkbox", "toggle", "selectbox",
                     "multiselect", "radio", "button"):
            seen |= {w.key for w in at.get(kind) if w.key}
    widgets = {k for k in seen if k.startswith("pg_") and not k.startswith("pg_panel")}
    assert widgets - set(table) - set(CHOICE_KEYS) - set(TRIGGERS) - set(SELF_CHECKED) - {
        k for k in widgets if k.startswith(("pg_suggested__", "pg_defaults__"))} == set()
    assert "pg_lr__adam" in widgets and "pg_steps" in widgets


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_scene_over_the_cap_is_refused_with_the_numbers(lang):
    """Every optimizer x 10 000 steps (allowed one by one) is more than one scene may run:
    refused in the visitor's language with the sizes, nothing simulated, no map."""
    steps = MAX_STEPS
    assert len(OPTIMIZERS) * steps > MAX_SCENE_STEPS
    at = run_app(steps=str(steps), opt=",".join(OPTIMIZERS), lang=lang)
    assert not at.exception, at.exception
    message = " ".join(e.value for e in at.error)
    expected = tr("pg.error.too_big", lang, optimizers=len(OPTIMIZERS), steps=steps,
                  total=len(OPTIMIZERS) * steps, cap=MAX_SCENE_STEPS)
    assert message == expected
    assert "map" not in charts(at)


def test_a_scene_at_the_cap_runs():
    """6 optimizers x 10 000 steps is exactly the cap: it runs and draws."""
    per_scene = MAX_SCENE_STEPS // MAX_STEPS
    at = run_app(steps=str(MAX_STEPS), opt=",".join(list(OPTIMIZERS)[:per_scene]))
    assert not at.exception and not at.error
    assert charts(at)["map"]


def test_crafted_steps_cannot_pass_the_cap():
    """A crafted steps value above the widget's maximum is replaced, not run."""
    at = run_app(steps="20")
    crafted(at, "pg_steps", 10 ** 9)
    assert at.session_state["pg_steps"] <= MAX_STEPS
    assert not math.isnan(at.session_state["pg_steps"])
