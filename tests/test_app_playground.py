"""The playground page under Streamlit's AppTest (no browser: figures are checked as JSON)."""

from __future__ import annotations

import io
import json
from typing import ClassVar

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module

from landscapes import LANDSCAPES, get_landscape
from optim import OPTIMIZERS, simulate
from ui.figures import optimizer_title, start_from_selection
from ui.i18n import tr

APP = "../app.py"
TIMEOUT = 120


def run_app(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for name, value in params.items():
        at.query_params[name] = value
    at.switch_page("pages/playground.py")
    return at.run()


def opened(at: AppTest, *panels: str) -> AppTest:
    """Open the expanders ``panels`` (their keys: ``pg_panel_advanced``, ``pg_panel__adam``)
    as a click would: their sliders are drawn only while open."""
    for key in panels:
        at.session_state[key] = True
    return at.run()


def charts(at: AppTest) -> dict[str, dict]:
    """The page's Plotly figures by widget/element key, as parsed JSON."""
    found = {}
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        key = "map" if any(t.get("name") == "comet" for t in spec["data"]) else None
        if key is None:
            title = (spec["layout"].get("title") or {}).get("text", "")
            key = "surface" if spec["data"][0]["type"] == "surface" else title
        found[key] = spec
    return found


def map_spec(at: AppTest) -> str:
    for chart in at.get("plotly_chart"):
        if '"name":"comet"' in chart.proto.spec:
            return chart.proto.spec
    raise AssertionError("no map on the page")


@pytest.mark.parametrize("landscape", list(LANDSCAPES))
def test_every_landscape_renders_with_every_optimizer(landscape):
    at = run_app(ls=landscape, opt=",".join(OPTIMIZERS), steps="15")
    assert not at.exception, at.exception
    assert not at.warning  # the link was valid
    spec = json.loads(map_spec(at))
    legend = [t.get("name", "") for t in spec["data"] if t.get("showlegend") is not False]
    for spec_ in OPTIMIZERS.values():
        assert any(name.startswith(spec_.title) for name in legend), spec_.title
    assert len(spec["frames"]) == 16


def test_default_scene_renders_map_curves_and_exports():
    at = run_app()
    assert not at.exception
    found = charts(at)
    assert "map" in found and "loss" in found
    assert len(at.get("plotly_chart")) == 2  # the distance waits behind its tab
    labels = [b.label for b in at.get("download_button")]
    assert len(labels) == 3
    assert at.query_params == {}  # the default scene needs no parameters


def test_changing_a_slider_changes_the_figure_and_the_url():
    at = run_app(steps="50")
    before = map_spec(at)
    at.select_slider(key="pg_lr").set_value(0.003).run()
    assert not at.exception
    assert map_spec(at) != before
    assert at.query_params["lr"] == "0.003"


def test_an_unrelated_rerun_keeps_the_identical_figure():
    at = run_app(steps="50")
    before = map_spec(at)
    at.run()
    assert map_spec(at) == before


def test_url_parameters_set_the_widgets():
    at = run_app(ls="himmelblau", opt="adam,sgd", lr="0.03", b2="0.99", steps="120",
                 start="1,-2", sched="cosine", noise="0.5", seed="3", clip="2",
                 clip_mode="after", view="surface")
    assert not at.exception and not at.warning
    assert at.selectbox(key="pg_ls").value == "himmelblau"
    assert at.multiselect(key="pg_opt").value == ["adam", "sgd"]
    assert at.select_slider(key="pg_lr").value == 0.03
    assert at.select_slider(key="pg_beta2").value == 0.99
    assert at.number_input(key="pg_steps").value == 120
    assert (at.number_input(key="pg_x0").value, at.number_input(key="pg_y0").value) == (1, -2)
    assert at.selectbox(key="pg_sched").value == "cosine"
    assert at.number_input(key="pg_noise").value == 0.5
    assert at.radio(key="pg_clip_mode").value == "after"
    assert "surface" in charts(at)
    assert at.query_params["ls"] == "himmelblau"  # and the URL keeps them


def test_per_optimizer_values_from_the_url():
    at = run_app(opt="adam,sgd", per="1", **{"lr.adam": "0.02", "lr.sgd": "0.0001"},
                 steps="30")
    assert not at.exception and not at.warning
    assert at.select_slider(key="pg_lr__adam").value == 0.02
    assert at.select_slider(key="pg_lr__sgd").value == 0.0001


@pytest.mark.parametrize("params", [
    {"ls": "atlantis"},
    {"lr": "fast"},
    {"steps": "-4"},
    {"opt": "adam,warp_drive"},
    {"start": "1e9,0"},
    {"lr": "0.00413"},
    {"sched": "sometimes", "zoom": "11"},
])
def test_bad_url_parameters_fall_back_with_a_notice(params):
    at = run_app(**params)
    assert not at.exception
    assert len(at.warning) >= 1
    assert charts(at)["map"]  # the page still draws


def test_notice_is_translated():
    at = run_app(lang="zh", steps="abc")
    assert not at.exception
    assert "链接" in at.warning[0].value


def test_chinese_labels_reach_the_figures():
    at = run_app(lang="zh", steps="20")
    spec = json.loads(map_spec(at))
    names = [t.get("name") for t in spec["data"]]
    assert "全局极小值" in names and "起点" in names
    assert spec["layout"]["updatemenus"][0]["buttons"][0]["label"] == "▶ 播放"
    assert any(m.value == "##### " + LANDSCAPES["rosenbrock"].title["zh"] for m in at.markdown)


def test_diverged_run_is_labelled():
    at = run_app(opt="sgd,adam", lr="0.01", steps="40")  # SGD breaks early on Rosenbrock
    names = [t.get("name", "") for t in json.loads(map_spec(at))["data"]]
    assert any(n.startswith("SGD — diverged at step") for n in names)


class RecordingMediaFileManager(app_test_module.MediaFileManager):
    """Keeps every manager AppTest creates, so a test can run the deferred downloads."""

    made: ClassVar[list] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        RecordingMediaFileManager.made.append(self)


def deferred_downloads(monkeypatch, at_params: dict[str, str]) -> dict[str, str]:
    """Run the page and produce every deferred download: file name -> text.

    Uses the media manager's private registry of deferred callables (AppTest has no public
    way to click a deferred download).
    """
    RecordingMediaFileManager.made = []
    monkeypatch.setattr(app_test_module, "MediaFileManager", RecordingMediaFileManager)
    at = run_app(**at_params)
    assert not at.exception
    files = {}
    for manager in RecordingMediaFileManager.made:
        for entry in manager._deferred_callables.values():
            data = entry["callable"]()
            files[entry["filename"]] = data if isinstance(data, str) else data.decode()
    return files


def test_csv_download_equals_the_engine(monkeypatch):
    params = {"ls": "beale", "opt": "adam,momentum", "lr": "0.01", "b1": "0.8",
              "steps": "60", "noise": "0.3", "seed": "5", "clip": "3"}
    files = deferred_downloads(monkeypatch, params)
    name = next(n for n in files if n.endswith(".csv"))
    text = files[name]
    header = {line[2:].split(":", 1)[0]: json.loads(line.split(":", 1)[1])
              for line in text.splitlines() if line.startswith("# ")}
    assert header["landscape"] == "beale" and header["seed"] == 5
    table = pd.read_csv(io.StringIO(text), comment="#")
    ls = get_landscape("beale")
    start = ls.starts[0]
    for optimizer, extra in (("adam", {"beta1": 0.8, "beta2": 0.999, "eps": 1e-8}),
                             ("momentum", {"momentum": 0.9})):
        traj = simulate(ls, optimizer, start, 60, lr=0.01, weight_decay=0.0, noise_sigma=0.3,
                        seed=5, clip_norm=3.0, clip_mode="before",
                        record={"grads", "state", "lr"}, **extra)
        rows = table[table.optimizer == optimizer]
        kept = len(rows)
        expected_rows = 61 if traj.diverged_at[0] < 0 else int(traj.diverged_at[0])
        assert kept == expected_rows
        np.testing.assert_array_equal(rows[["x", "y"]].to_numpy(), traj.positions[:kept, 0])
        np.testing.assert_array_equal(rows.loss.to_numpy(), traj.losses[:kept, 0])
        np.testing.assert_array_equal(rows.grad_x.to_numpy()[1:], traj.grads[1:kept, 0, 0])
        np.testing.assert_array_equal(rows.m_y.to_numpy(), traj.state["m"][:kept, 0, 1])
    assert any(n.endswith(".html") for n in files)


def test_click_selection_gives_a_start_point():
    selection = {"selection": {"points": [{"x": 0.5, "y": -1.25, "curve_number": 1}]}}
    assert start_from_selection(selection) == (0.5, -1.25)
    assert start_from_selection({"selection": {"points": []}}) is None
    assert start_from_selection(None) is None


def test_default_scene_gives_each_optimizer_its_own_learning_rate():
    at = run_app()
    assert not at.exception and not at.warning
    assert at.toggle(key="pg_per").value
    assert at.select_slider(key="pg_lr__sgd").value == 0.001
    assert at.select_slider(key="pg_lr__adam").value == 0.05
    assert at.session_state["pg_weight_decay__adamw"] == 0.01  # in AdamW's closed panel
    assert opened(at, "pg_panel__adamw").select_slider(key="pg_weight_decay__adamw").value == 0.01
    names = [t.get("name", "") for t in json.loads(map_spec(at))["data"]]
    assert not any("diverged" in n for n in names)


def test_lesson_learning_rate_opens_exactly():
    at = run_app(ls="rosenbrock", opt="sgd", lr="0.18", steps="20")
    assert not at.exception and not at.warning
    assert at.select_slider(key="pg_lr").value == 0.18


def test_chinese_optimizer_names_and_step_readout():
    at = run_app(lang="zh", opt="momentum,nesterov,adam", steps="20")
    spec = json.loads(map_spec(at))
    names = [t.get("name") for t in spec["data"]]
    assert "动量法" in names and "Adam" in names
    assert any((n or "").startswith("Nesterov 动量") for n in names)
    assert spec["layout"]["sliders"][0]["currentvalue"]["prefix"] == "第 "
    table = at.table[0].value.reset_index()
    assert "到全局极小值的距离" in table.columns
    assert "动量法" in list(table.iloc[:, 0])


def open_curve(at: AppTest, curve: str) -> AppTest:
    """Open the curve tab ``curve`` (``loss`` or ``distance``) by its English label."""
    at.session_state["pg_curve"] = tr(f"pg.tab.{curve}", "en")
    return at.run()


def test_the_distance_tab_draws_the_distance_only():
    at = open_curve(run_app(steps="20"), "distance")
    assert not at.exception
    titles = list(charts(at))
    assert "map" in titles and "distance to the global minimum" in titles
    assert "loss" not in titles


def test_multi_minimum_landscape_says_listed_minimum():
    at = open_curve(run_app(ls="himmelblau", steps="20"), "distance")
    titles = [(json.loads(c.proto.spec)["layout"].get("title") or {}).get("text", "")
              for c in at.get("plotly_chart")]
    assert "distance to the nearest listed minimum" in titles


# --- advanced hyperparameters ---------------------------------------------------------------


def widget_keys(at: AppTest) -> set[str]:
    return {w.key for kind in ("select_slider", "checkbox") for w in at.get(kind)}


ADVANCED_WIDGETS = {"pg_dampening", "pg_centered", "pg_lr_decay", "pg_initial_accumulator_value",
                    "pg_momentum_decay", "pg_bias_correction"}


@pytest.mark.parametrize(("opt", "shown"), [
    ("sgd,radam,lion", set()),
    ("nesterov", set()),  # the engine requires dampening 0 for Nesterov
    ("momentum", {"pg_dampening"}),
    ("rmsprop", {"pg_centered"}),
    ("adagrad", {"pg_lr_decay", "pg_initial_accumulator_value"}),
    ("nadam", {"pg_momentum_decay", "pg_bias_correction"}),
    ("adam,adamax", {"pg_bias_correction"}),
])
def test_advanced_controls_appear_only_for_optimizers_that_use_them(opt, shown):
    at = opened(run_app(opt=opt, steps="10"), "pg_panel_advanced")
    assert not at.exception
    assert widget_keys(at) & ADVANCED_WIDGETS == shown
    expanders = [e.label for e in at.get("expander")]
    assert ("Advanced" in expanders) == bool(shown)


def test_advanced_controls_sit_in_the_optimizers_own_section():
    at = run_app(opt="adam,rmsprop,nesterov", per="1", steps="10")
    assert not widget_keys(at) & {"pg_bias_correction__adam", "pg_centered__rmsprop"}  # closed
    at = opened(at, "pg_panel__adam", "pg_panel__rmsprop", "pg_panel__nesterov")
    assert not at.exception
    keys = widget_keys(at)
    assert {"pg_bias_correction__adam", "pg_centered__rmsprop"} <= keys
    assert not keys & ADVANCED_WIDGETS  # no shared advanced controls in per-optimizer mode
    assert not any(k.startswith("pg_dampening__") for k in keys)
    assert at.checkbox(key="pg_bias_correction__adam").value is True


def csv_texts(at: AppTest) -> list[str]:
    """Every CSV download the page registered (see ``deferred_downloads``)."""
    texts = []
    for manager in RecordingMediaFileManager.made:
        for entry in manager._deferred_callables.values():
            if entry["filename"].endswith(".csv"):
                data = entry["callable"]()
                texts.append(data if isinstance(data, str) else data.decode())
    return texts


def runs_in_header(text: str) -> list[dict]:
    line = next(line for line in text.splitlines() if line.startswith("# runs:"))
    return json.loads(line.split(":", 1)[1])


def test_adam_without_bias_correction_changes_the_map_and_the_csv(monkeypatch):
    RecordingMediaFileManager.made = []
    monkeypatch.setattr(app_test_module, "MediaFileManager", RecordingMediaFileManager)
    at = opened(run_app(ls="beale", opt="adam", lr="0.01", steps="40"), "pg_panel_advanced")
    assert at.checkbox(key="pg_bias_correction").value is True
    before = map_spec(at)
    at.checkbox(key="pg_bias_correction").uncheck().run()
    assert not at.exception and not at.warning
    assert map_spec(at) != before
    assert at.query_params["bc"] == "0"
    texts = [t for t in csv_texts(at)
             if runs_in_header(t)[0]["simulate_kwargs"].get("bias_correction") is False]
    assert texts, "no CSV records bias_correction=False"
    table = pd.read_csv(io.StringIO(texts[-1]), comment="#")
    ls = get_landscape("beale")
    off = simulate(ls, "adam", ls.starts[0], 40, lr=0.01, bias_correction=False,
                   record={"grads", "state", "lr"})
    on = simulate(ls, "adam", ls.starts[0], 40, lr=0.01)
    assert not np.array_equal(off.positions, on.positions)
    kept = len(table)
    assert kept == (41 if off.diverged_at[0] < 0 else int(off.diverged_at[0]))
    np.testing.assert_array_equal(table[["x", "y"]].to_numpy(), off.positions[:kept, 0])
    np.testing.assert_array_equal(table.m_x.to_numpy(), off.state["m"][:kept, 0, 0])


def test_rmsprop_centered_reaches_the_engine(monkeypatch):
    at = opened(run_app(opt="rmsprop", lr="0.01", steps="30"), "pg_panel_advanced")
    before = map_spec(at)
    at.checkbox(key="pg_centered").check().run()
    assert not at.exception and not at.warning
    assert map_spec(at) != before
    assert at.query_params["centered"] == "1"

    params = {"opt": "rmsprop", "per": "1", "lr.rmsprop": "0.01", "centered.rmsprop": "1",
              "steps": "30"}
    files = deferred_downloads(monkeypatch, params)
    text = next(v for k, v in files.items() if k.endswith(".csv"))
    assert runs_in_header(text)[0]["simulate_kwargs"]["centered"] is True
    table = pd.read_csv(io.StringIO(text), comment="#")
    ls = get_landscape("rosenbrock")
    kwargs = dict(lr=0.01, beta2=0.999, momentum=0.9)  # the shared defaults
    centered = simulate(ls, "rmsprop", ls.starts[0], 30, centered=True, **kwargs)
    plain = simulate(ls, "rmsprop", ls.starts[0], 30, **kwargs)
    assert not np.array_equal(centered.positions, plain.positions)
    kept = len(table)
    np.testing.assert_array_equal(table[["x", "y"]].to_numpy(), centered.positions[:kept, 0])


def test_engine_kwargs_pass_advanced_values_only_where_they_apply():
    from dataclasses import replace

    from ui.scene import Hyper, catalog_from_engine, plain_scene
    from ui.simulation import engine_kwargs, run_scene

    base = plain_scene(catalog_from_engine())
    shared = Hyper(dampening=0.5, centered=True, lr_decay=0.01, initial_accumulator_value=0.1,
                   momentum_decay=0.04, bias_correction=False)
    scene = replace(base, optimizers=tuple(OPTIMIZERS), shared=shared, steps=5)
    kw = {name: engine_kwargs(scene, name) for name in OPTIMIZERS}
    assert kw["momentum"]["dampening"] == 0.5 and "dampening" not in kw["nesterov"]
    assert kw["rmsprop"]["centered"] is True
    assert (kw["adagrad"]["lr_decay"], kw["adagrad"]["initial_accumulator_value"]) == (0.01, 0.1)
    assert kw["nadam"]["momentum_decay"] == 0.04
    for name, spec in OPTIMIZERS.items():
        assert ("bias_correction" in kw[name]) == spec.bias_correction_switch, name
    assert len(run_scene(scene)) == len(OPTIMIZERS)  # the engine accepts every one


def send_wire(at: AppTest, key: str, value: str | list[str]) -> AppTest:
    """Rerun as a crafted client would: the widget ``key`` reports the raw wire ``value`` (a
    formatted label, or a list of them), whatever the page offered. Uses AppTest's private
    ``_run``, the only way to send a widget state the element tree would not produce."""
    states = at._tree.get_widget_states()
    for state in states.widgets:
        if state.id.endswith(f"-{key}"):
            if isinstance(value, list):
                state.string_array_value.data[:] = value
            else:
                field = state.WhichOneof("value")
                if field == "string_array_value":
                    state.string_array_value.data[:] = [value]
                else:
                    state.string_value = value
            break
    else:
        raise AssertionError(f"no widget {key}")
    return at._run(states)


@pytest.mark.parametrize(("key", "junk", "default"), [
    ("pg_ls", "atlantis", "rosenbrock"),
    ("pg_ls", "<img src=x onerror=alert(1)>", "rosenbrock"),
    ("pg_sched", "sometimes", "constant"),
    ("pg_clip_mode", "sideways", "before"),
])
def test_crafted_choice_values_fall_back_with_a_notice(key, junk, default):
    """A widget value the UI never offers (a crafted client) is replaced by the default, the
    page says so once with the value quoted as code, and nothing breaks."""
    at = run_app(steps="20")
    send_wire(at, key, junk)
    assert not at.exception, at.exception
    assert at.session_state[key] == default
    assert any(f"`{junk}`" in w.value for w in at.warning)
    assert charts(at)["map"]
    at.run()
    assert not at.warning  # reported once


def _set_wire(states, key: str, value: str | list[str]) -> None:
    for state in states.widgets:
        if state.id.endswith(f"-{key}"):
            if isinstance(value, list):
                state.string_array_value.data[:] = value
            else:
                state.string_value = value


def test_labels_of_the_other_language_are_read_as_keys():
    """A language switch, back and forth: each time the browser still sends the labels of
    the language it showed. The page must keep the landscape and optimizers (no crash, no
    notice, nothing dropped) and show them in the new language."""
    at = run_app(steps="20", ls="himmelblau", opt="adam,momentum")
    english = at._tree.get_widget_states()
    at.query_params["lang"] = "zh"
    at._run(english)  # first switch: English labels reach the Chinese page
    assert not at.exception, at.exception
    assert at.session_state["pg_ls"] == "himmelblau"
    assert at.session_state["pg_opt"] == ["adam", "momentum"]
    # the page sends the browser the new labels (set_value), so it stops holding English ones
    landscape = at.selectbox(key="pg_ls").proto
    assert landscape.set_value and landscape.raw_value == LANDSCAPES["himmelblau"].title["zh"]
    chips = at.multiselect(key="pg_opt").proto
    assert chips.set_value and list(chips.raw_values) == [optimizer_title("adam", "zh"),
                                                          optimizer_title("momentum", "zh")]
    chinese = english  # AppTest cannot serialise a Chinese tree; the labels are what count
    _set_wire(chinese, "pg_sched", tr("pg.schedule.constant", "zh"))
    _set_wire(chinese, "pg_clip_mode", tr("pg.clip_mode.before", "zh"))
    _set_wire(chinese, "pg_view", [tr("pg.view.map", "zh")])
    _set_wire(chinese, "pg_ls", LANDSCAPES["himmelblau"].title["zh"])
    _set_wire(chinese, "pg_opt", [optimizer_title("adam", "zh"),
                                  optimizer_title("momentum", "zh")])
    at.query_params["lang"] = "en"
    at._run(chinese)  # second switch: Chinese labels reach the English page
    assert not at.exception, at.exception
    assert not at.warning, at.warning[0].value
    assert at.session_state["pg_ls"] == "himmelblau"
    assert at.session_state["pg_opt"] == ["adam", "momentum"]


def test_crafted_optimizer_list_keeps_each_known_one_once():
    at = run_app(steps="20")
    send_wire(at, "pg_opt", ["Adam"] * 800 + ["warp_drive", "SGD"])
    assert not at.exception, at.exception
    assert at.multiselect(key="pg_opt").value == ["adam", "sgd"]


def test_share_box_keeps_the_view_and_the_language():
    at = run_app(view="surface", lang="zh", steps="20")
    link = next(m.value for m in at.markdown if "view=surface" in m.value)
    assert "view=surface" in link and "lang=zh" in link and "steps=20" in link
