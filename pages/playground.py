"""The playground: pick a landscape and optimizers, tune them, watch them race, export.

Thin page: widgets -> ``Scene`` (ui.controls) -> cached trajectories and figures
(ui.figures) -> charts, summary, formulas, downloads (ui.panels). The URL mirrors the scene.
Above the fold, at projector sizes: one header row, then the map with Play beside the
learning-rate and momentum sliders and the loss curve; "present" hides everything else.
"""

import plotly.graph_objects as go
import streamlit as st

from landscapes import LANDSCAPES
from optim import OPTIMIZERS
from ui import controls, panels
from ui.choices import lazy_tabs
from ui.figures import catalog, curve_figure, map_figure, start_from_selection, surface
from ui.i18n import current_language, t
from ui.notices import notice_summary
from ui.page_style import compact_page, present_mode
from ui.scene import MAX_SCENE_STEPS
from ui.shell import require_app_shell

require_app_shell()

CATALOG = catalog()
# Mode-bar buttons the map does not need (a click picks the start; pan, zoom, reset, full
# screen and the picture stay): a shorter bar.
MAP_MODEBAR_HIDDEN = ["select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d"]
CHART_CONFIG = {"displaylogo": False}


def _clicked_on_map() -> None:
    """A click on the map moves the start there (runs before the widgets are drawn)."""
    point = start_from_selection(st.session_state.get("pg_map"))
    if point is not None:
        st.session_state["pg_x0"], st.session_state["pg_y0"] = (round(point[0], 3),
                                                                 round(point[1], 3))


compact_page()
notices = controls.seed_from_url(CATALOG)
lang = current_language()

head, formula, switch_view, toggles = st.columns([4, 1.6, 1.8, 2.6],
                                                vertical_alignment="center")
notice_box = st.container()
map_box, side_box = st.columns([3, 2], gap="medium")
with side_box:
    hyper_box = st.container()
scene = controls.render_controls(CATALOG, LANDSCAPES, OPTIMIZERS, hyper_box)
landscape = LANDSCAPES[scene.landscape]

with head:
    st.markdown(f"##### {landscape.title.get(lang, landscape.title['en'])}")
    st.caption(landscape.description.get(lang, landscape.description["en"]))
with formula, st.popover(t("pg.formula"), icon=":material/function:"):
    st.latex(landscape.formula)
with switch_view:
    view = controls.view_switch()
with toggles:
    reveal = controls.reveal_switch()
    present = st.toggle(t("pg.present"), key="pg_present", help=t("pg.present.help"))
if present:
    present_mode()
controls.write_url(scene, CATALOG, view, reveal)

notices += controls.take_rejections()
if notices:
    notice_box.warning(notice_summary(notices, lang), icon=":material/link_off:")

if not scene.optimizers:
    map_box.info(t("pg.optimizers.empty"), icon=":material/info:")
    st.stop()
if scene.too_big:  # URL, widgets and crafted messages all arrive here as a Scene
    map_box.error(t("pg.error.too_big", optimizers=len(scene.optimizers), steps=scene.steps,
                    total=scene.optimizer_steps, cap=MAX_SCENE_STEPS), icon=":material/block:")
    st.stop()

def shown_figure() -> go.Figure:
    """The map or the 3-D view (cached). Never kept in a global of this page: Streamlit keeps
    each session's last page namespace, and a figure there outlives the bounded cache."""
    return surface(scene, lang) if view == "surface" else map_figure(scene, lang, reveal)


try:
    shown_figure()  # built here, so an engine refusal is shown before anything is drawn
except ValueError as error:  # the engine names the bad value
    map_box.error(t("pg.error.engine", error=error), icon=":material/error:")
    st.stop()

with map_box:
    if view == "surface":
        st.plotly_chart(shown_figure(), key="pg_surface", theme=None, config=CHART_CONFIG)
        st.caption(t("pg.surface.caption"))
    else:
        st.plotly_chart(shown_figure(), key="pg_map", theme=None, on_select=_clicked_on_map,
                        selection_mode="points",
                        config={**CHART_CONFIG, "scrollZoom": False,
                                "modeBarButtonsToRemove": MAP_MODEBAR_HIDDEN})
        st.caption(t("pg.map.caption"))
with side_box:
    # one curve at a time (a tab that reruns): a chart the browser does not draw costs nothing
    curves, curve = lazy_tabs({"loss": t("pg.tab.loss"), "distance": t("pg.tab.distance")},
                              key="pg_curve")
    if curve == "distance" and not landscape.minima:
        curves[curve].info(t("pg.no_minima"), icon=":material/info:")
    else:
        curves[curve].plotly_chart(curve_figure(scene, lang, curve), key=f"pg_{curve}",
                                   theme=None, config=CHART_CONFIG)

if present:
    st.stop()

panels.summary(scene)
panels.update_rules(scene)
panels.export_and_share(scene, CATALOG, shown_figure, view)
