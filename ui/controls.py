"""The playground's sidebar widgets, and their two-way link with the URL.

Every widget has an explicit key (``pg_*``) and never a ``value=`` argument: its value lives in
``st.session_state``, seeded from the URL (``seed_from_url``) or from the current scene when
the widget first appears. ``read_scene`` turns the widget values into a ``Scene``;
``write_url`` puts that scene back into the address bar, so a copied link reopens it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, replace
from typing import Any

import streamlit as st

from ui.choices import choice, lazy_expander
from ui.figures import optimizer_title
from ui.i18n import current_language, t
from ui.scene import (
    ADVANCED_KEYS,
    ALL_HYPER_KEYS,
    CLIP_MODES,
    FLAG_KEYS,
    HYPER_GRIDS,
    HYPER_KEYS,
    MAX_NOISE,
    MAX_SEED,
    MAX_STEPS,
    MIN_STEPS,
    SCHEDULE_INT_FIELDS,
    SCHEDULE_KINDS,
    SCHEDULE_PARAMS,
    Catalog,
    Hyper,
    Scene,
    ScheduleChoice,
    playground_keys,
    snap,
    suggested_hyper,
)
from ui.url_state import (
    PASS_THROUGH,
    VIEWS,
    Notice,
    format_value,
    parse_params,
    parse_reveal,
    parse_view,
    scene_params,
)
from ui.widget_guard import bad_values, key_hyper, rules

URL_SNAPSHOT = "pg__url_written"  # the params this page last wrote (to spot a changed link)
GROUP_ORDER = ("terrain", "test", "data")


# --- URL -> widgets ------------------------------------------------------------------------------


def _widget_values(scene: Scene) -> dict[str, Any]:
    """The session-state value of every widget for ``scene``."""
    values: dict[str, Any] = {
        "pg_ls": scene.landscape,
        "pg_opt": list(scene.optimizers),
        "pg_per": scene.per_optimizer,
        "pg_x0": float(scene.start[0]),
        "pg_y0": float(scene.start[1]),
        "pg_steps": int(scene.steps),
        "pg_sched": scene.schedule.kind,
        "pg_noise": float(scene.noise),
        "pg_seed": int(scene.seed),
        "pg_clip": float(scene.clip),
        "pg_clip_mode": scene.clip_mode,
    }
    for name in ALL_HYPER_KEYS:
        values[key_hyper(name)] = getattr(scene.shared, name)
    for optimizer, hyper in scene.own:
        for name in ALL_HYPER_KEYS:
            values[key_hyper(name, optimizer)] = getattr(hyper, name)
    for f in fields(ScheduleChoice):
        if f.name != "kind":
            values[f"pg_sched_{f.name}"] = getattr(scene.schedule, f.name)
    return values


def _page_params() -> dict[str, str]:
    """The URL's parameters that belong to this page (not the language switch)."""
    return {k: v for k, v in st.query_params.to_dict().items() if k not in PASS_THROUGH}


def seed_from_url(catalog: Catalog) -> list[Notice]:
    """On a first visit, or when the address changed under us (a link from a lesson), set
    every widget from the URL; coming back from another page (an address without scene
    parameters) restores the scene this page last showed. Returns the notices about values
    that could not be used."""
    params = _page_params()
    written = st.session_state.get(URL_SNAPSHOT)
    if written is not None and params == written:
        return []
    if written and not params:  # back from another page, whose link dropped ours
        params = written
    scene, notices = parse_params(params, catalog)
    for key, value in _widget_values(scene).items():
        st.session_state[key] = value
    st.session_state["pg_view"] = parse_view(params)
    st.session_state["pg_reveal"] = parse_reveal(params)
    st.session_state[URL_SNAPSHOT] = params
    return notices


def write_url(scene: Scene, catalog: Catalog, view: str, reveal: bool = False) -> None:
    """Make the address bar describe ``scene``, ``view`` and ``reveal`` (defaults left out,
    parameters owned by others untouched)."""
    wanted = scene_params(scene, catalog)
    if view != VIEWS[0]:
        wanted["view"] = view
    if reveal:
        wanted["reveal"] = "1"
    current = _page_params()
    for name in current.keys() - wanted.keys():
        del st.query_params[name]
    for name, value in wanted.items():
        if current.get(name) != value:
            st.query_params[name] = value
    st.session_state[URL_SNAPSHOT] = wanted


def view_switch() -> str:
    """Map or surface (kept in the URL by ``write_url``, not by Streamlit: a bound control
    would write its translated label into the link)."""
    return choice("segmented", t("pg.view"), VIEWS, key="pg_view", default=VIEWS[0],
                  format_func=lambda v: t(f"pg.view.{v}"), on_reject=reject_widget_value,
                  required=True, label_visibility="collapsed")


def reveal_switch() -> bool:
    """Draw the paths in advance (off) or as the runs race (on)."""
    st.session_state.setdefault("pg_reveal", False)
    return bool(st.toggle(t("pg.reveal"), key="pg_reveal", help=t("pg.reveal.help")))


# --- widgets -> scene ----------------------------------------------------------------------------


REJECTED = "pg__rejected"
"""Session key: widget values a crafted client sent that the page replaced (for the notice)."""


def reject_widget_value(key: str, value: Any) -> None:
    """Remember that widget ``key`` held ``value``, which is not one of its options."""
    shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    st.session_state.setdefault(REJECTED, []).append(Notice(key, shown, "widget"))


def take_rejections() -> list[Notice]:
    """The widget values replaced in this run (each reported once)."""
    return st.session_state.pop(REJECTED, [])


def _landscape_changed(catalog: Catalog) -> None:
    """A new landscape starts from its own default start point (a value that is not a
    landscape is left to the picker, which replaces it)."""
    info = catalog.landscapes.get(st.session_state.get("pg_ls"))
    if info is not None:
        st.session_state["pg_x0"], st.session_state["pg_y0"] = info.default_start


def _reset_start(catalog: Catalog) -> None:
    _landscape_changed(catalog)


def _torch_defaults(optimizer: str, spec: Any) -> None:
    defaults = spec.hyperparams
    for name in playground_keys(spec):
        if name == "bias_correction":
            value: Any = True  # the engine's (and PyTorch's) default
        elif name in FLAG_KEYS:
            value = bool(defaults[name])
        else:
            value = snap(float(defaults[name]), HYPER_GRIDS[name])
        st.session_state[key_hyper(name, optimizer)] = value


def _suggested(optimizer: str, accepted: frozenset[str]) -> None:
    for name, value in suggested_hyper(optimizer).as_dict().items():
        if name in accepted:
            st.session_state[key_hyper(name, optimizer)] = value


def optimizer_name(optimizer: str, specs: Mapping[str, Any]) -> str:
    """The optimizer's display name in the page's language (e.g. 动量法 on Chinese pages)."""
    return optimizer_title(optimizer, current_language(), specs[optimizer].title)


def _landscape_picker(catalog: Catalog, landscapes: Mapping[str, Any], default: str) -> str:
    lang = current_language()
    order = sorted(catalog.landscapes, key=lambda n: GROUP_ORDER.index(landscapes[n].group)
                   if landscapes[n].group in GROUP_ORDER else len(GROUP_ORDER))

    def label(name: str) -> str:
        return landscapes[name].title.get(lang, landscapes[name].title["en"])

    chosen = choice("selectbox", t("pg.landscape"), order, key="pg_ls", default=default,
                    format_func=label, on_reject=reject_widget_value,
                    help=t("pg.landscape.help"), on_change=_landscape_changed, args=(catalog,))
    st.caption(t("pg.group." + landscapes[chosen].group))
    return chosen


def _hyper_slider(name: str, optimizer: str | None, users: list[str], fallback: Any,
                  label: str | None = None) -> Any:
    """The control of one keyword: a checkbox for a switch (``FLAG_KEYS``), else a slider over
    its grid."""
    key = key_hyper(name, optimizer)
    if key not in st.session_state:
        st.session_state[key] = fallback
    help_text = t(f"pg.hp.{name}.help") + " " + t("pg.hp.used_by", names=", ".join(users))
    label = label or t(f"pg.hp.{name}")
    if name in FLAG_KEYS:
        return bool(st.checkbox(label, key=key, help=help_text))
    return st.select_slider(label, options=HYPER_GRIDS[name], key=key,
                            format_func=format_value, help=help_text)


def _hyper_controls(optimizers: tuple[str, ...], specs: Mapping[str, Any]) -> tuple[Hyper, bool,
                                                                                     tuple]:
    """Shared sliders, or one expander of sliders per optimizer (stacked, so any number fits
    the sidebar); only keywords in use are shown. The advanced keywords (``ADVANCED_KEYS``)
    sit in an "Advanced" expander (shared mode) or at the end of the optimizer's own section
    (expanders cannot nest), and only when a chosen optimizer uses one."""
    per = st.toggle(t("pg.per_optimizer"), key="pg_per", help=t("pg.per_optimizer.help"))
    keys = {o: playground_keys(specs[o]) for o in optimizers}
    users = {name: [optimizer_name(o, specs) for o in optimizers if name in keys[o]]
             for name in ALL_HYPER_KEYS}
    shared_values = {}
    for name in ALL_HYPER_KEYS:
        key = key_hyper(name)
        if key not in st.session_state:
            st.session_state[key] = getattr(Hyper(), name)
        shared_values[name] = st.session_state[key]
    if not per:
        for name in HYPER_KEYS:
            if users[name]:
                shared_values[name] = _hyper_slider(name, None, users[name],
                                                    getattr(Hyper(), name))
        if any(users[name] for name in ADVANCED_KEYS):
            box = lazy_expander(t("pg.hp.advanced"), key="pg_panel_advanced",
                                icon=":material/science:",
                                keep=[key_hyper(name) for name in ADVANCED_KEYS])
            if box is not None:
                with box:
                    for name in ADVANCED_KEYS:
                        if users[name]:
                            shared_values[name] = _hyper_slider(name, None, users[name],
                                                                getattr(Hyper(), name))
    shared = Hyper(**shared_values)
    own: list[tuple[str, Hyper]] = []
    if per and optimizers:
        for optimizer in optimizers:
            title = optimizer_name(optimizer, specs)
            suggested = suggested_hyper(optimizer, shared)
            values = {name: st.session_state.setdefault(key_hyper(name, optimizer),
                                                        getattr(suggested, name))
                      for name in ALL_HYPER_KEYS}
            values["lr"] = _hyper_slider("lr", optimizer, [title], suggested.lr,
                                         label=f"{title} · {t('pg.hp.lr')}")
            box = lazy_expander(t("pg.hp.more", name=title), key=f"pg_panel__{optimizer}",
                                keep=[key_hyper(name, optimizer) for name in ALL_HYPER_KEYS
                                      if name != "lr"])
            if box is None:
                own.append((optimizer, Hyper(**values)))
                continue
            with box:
                for name in HYPER_KEYS:
                    if name != "lr" and name in keys[optimizer]:
                        values[name] = _hyper_slider(name, optimizer, [title],
                                                     getattr(suggested, name))
                advanced = [name for name in ADVANCED_KEYS if name in keys[optimizer]]
                if advanced:
                    st.caption(t("pg.hp.advanced"))
                for name in advanced:
                    values[name] = _hyper_slider(name, optimizer, [title],
                                                 getattr(suggested, name))
                left, right = st.columns(2)
                left.button(t("pg.suggested"), key=f"pg_suggested__{optimizer}",
                            help=t("pg.suggested.help"), on_click=_suggested,
                            args=(optimizer, keys[optimizer]), width="stretch")
                right.button(t("pg.torch_defaults"), key=f"pg_defaults__{optimizer}",
                             help=t("pg.torch_defaults.help"), on_click=_torch_defaults,
                             args=(optimizer, specs[optimizer]), width="stretch")
                own.append((optimizer, Hyper(**values)))
    return shared, per, tuple(own)


def _start_controls(catalog: Catalog) -> tuple[float, float]:
    landscape = st.session_state["pg_ls"]
    (x0, x1), (y0, y1) = catalog.landscapes[landscape].bounds
    if "pg_x0" not in st.session_state:
        _landscape_changed(catalog)
    for key, (low, high) in (("pg_x0", (x0, x1)), ("pg_y0", (y0, y1))):
        value = float(st.session_state[key])
        if not low <= value <= high:  # only a crafted value lies outside the map's box
            reject_widget_value(key, value)
            st.session_state[key] = min(max(value, low), high)
    left, right = st.columns(2)
    with left:
        x = st.number_input(t("pg.start.x"), min_value=x0, max_value=x1, step=0.1,
                            format="%.4g", key="pg_x0")
    with right:
        y = st.number_input(t("pg.start.y"), min_value=y0, max_value=y1, step=0.1,
                            format="%.4g", key="pg_y0")
    st.button(t("pg.start.reset"), key="pg_start_reset", on_click=_reset_start,
              args=(catalog,), type="tertiary", icon=":material/restart_alt:")
    return float(x), float(y)


def _schedule_controls() -> ScheduleChoice:
    kind = choice("selectbox", t("pg.schedule"), SCHEDULE_KINDS, key="pg_sched",
                  default=ScheduleChoice().kind, format_func=lambda k: t(f"pg.schedule.{k}"),
                  on_reject=reject_widget_value)
    st.caption(t(f"pg.schedule.explain.{kind}"))
    values: dict[str, Any] = {"kind": kind}
    base = ScheduleChoice()
    for name in SCHEDULE_PARAMS[kind]:
        key = f"pg_sched_{name}"
        if key not in st.session_state:
            st.session_state[key] = getattr(base, name)
        if name in SCHEDULE_INT_FIELDS:
            low = 0 if name == "total_steps" else 1
            values[name] = st.number_input(t(f"pg.schedule.{name}"), min_value=low,
                                           max_value=MAX_STEPS, step=10, key=key)
        else:
            values[name] = st.number_input(t(f"pg.schedule.{name}"), min_value=0.0,
                                           max_value=1.0, step=0.05, format="%.3g", key=key)
    return ScheduleChoice(**values)


def _noise_and_clip() -> dict[str, Any]:
    noise = st.number_input(t("pg.noise"), min_value=0.0, max_value=MAX_NOISE, step=0.1,
                            format="%.3g", key="pg_noise")
    st.caption(t("pg.noise.explain"))
    seed = st.number_input(t("pg.seed"), min_value=0, max_value=MAX_SEED, step=1,
                           key="pg_seed", help=t("pg.seed.help"), disabled=noise == 0)
    clip = st.number_input(t("pg.clip"), min_value=0.0, step=0.5, format="%.3g",
                           key="pg_clip")
    st.caption(t("pg.clip.explain"))
    mode = choice("radio", t("pg.clip_mode"), CLIP_MODES, key="pg_clip_mode",
                  default=CLIP_MODES[0], format_func=lambda m: t(f"pg.clip_mode.{m}"),
                  on_reject=reject_widget_value, disabled=clip == 0)
    st.caption(t("pg.clip_mode.explain"))
    return dict(noise=float(noise), seed=int(seed), clip=float(clip), clip_mode=mode)


def _ensure_defaults(scene: Scene) -> None:
    """Seed widgets that have no value yet (first run without a URL, or after a page switch)."""
    for key, value in _widget_values(scene).items():
        if key not in st.session_state:
            st.session_state[key] = value


def render_controls(catalog: Catalog, landscapes: Mapping[str, Any],
                    specs: Mapping[str, Any], hyper_box: Any) -> Scene:
    """Draw the controls and return the scene they describe: the scene's make-up in the
    sidebar, the hyperparameters in ``hyper_box`` (beside the map, so a class sees the
    sliders and the paths at once)."""
    base = parse_params({}, catalog)[0]
    rejected = bad_values(st.session_state, rules(catalog.optimizers))
    for key, value in rejected:
        reject_widget_value(key, value)
    _ensure_defaults(base)
    if {"pg_x0", "pg_y0"} & {key for key, _ in rejected}:
        _landscape_changed(catalog)  # both coordinates back to this landscape's own start
    with st.sidebar:
        st.subheader(t("pg.sidebar.scene"), divider="gray")
        landscape = _landscape_picker(catalog, landscapes, base.landscape)
        optimizers = tuple(choice(
            "multiselect", t("pg.optimizers"), list(catalog.optimizers), key="pg_opt",
            default=list(base.optimizers), format_func=lambda o: optimizer_name(o, specs),
            on_reject=reject_widget_value, help=t("pg.optimizers.help")))
        st.subheader(t("pg.start"), divider="gray", help=t("pg.start.help"))
        start = _start_controls(catalog)
        steps = st.number_input(t("pg.steps"), min_value=MIN_STEPS, max_value=MAX_STEPS,
                                step=100, key="pg_steps",
                                help=t("pg.steps.help", max=MAX_STEPS))
        with st.expander(t("pg.advanced"), icon=":material/tune:"):
            schedule = _schedule_controls()
            extras = _noise_and_clip()
    with hyper_box:
        st.markdown(f"**{t('pg.hyper')}**")
        shared, per, own = _hyper_controls(optimizers, specs)
    scene = Scene(landscape=landscape, optimizers=optimizers, shared=shared,
                  per_optimizer=per, own=own if per else (), start=start, steps=int(steps),
                  schedule=schedule, **extras)
    # Settings that do nothing (a seed without noise, a clip side without clipping) are
    # normalised so they neither change the cache key nor clutter the link.
    return replace(scene, seed=scene.seed if scene.noise else 0,
                   clip_mode=scene.clip_mode if scene.clip else "before")
