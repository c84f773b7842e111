"""The playground: pick a landscape and optimizers, tune them, watch them race, export.

Thin page: widgets -> ``Scene`` (ui.controls) -> cached trajectories and figures
(ui.figures) -> charts, summary, formulas, downloads (ui.panels). The URL mirrors the scene.
"""

import streamlit as st

from landscapes import LANDSCAPES
from optim import OPTIMIZERS
from ui import controls, panels
from ui.figures import catalog, figures, start_from_selection, surface
from ui.i18n import current_language, t
from ui.notices import notice_summary
from ui.shell import require_app_shell

require_app_shell()

CATALOG = catalog()
# Mode-bar buttons the map does not need (a click picks the start; pan, zoom, reset, full
# screen and the picture stay): a shorter bar.
MAP_MODEBAR_HIDDEN = ["select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d"]


def _clicked_on_map() -> None:
    """A click on the map moves the start there (runs before the widgets are drawn)."""
    point = start_from_selection(st.session_state.get("pg_map"))
    if point is not None:
        st.session_state["pg_x0"], st.session_state["pg_y0"] = (round(point[0], 3),
                                                                 round(point[1], 3))


notices = controls.seed_from_url(CATALOG)
scene = controls.render_controls(CATALOG, LANDSCAPES, OPTIMIZERS)
lang = current_language()
landscape = LANDSCAPES[scene.landscape]

st.title(t("pg.page_title"))
st.caption(t("pg.intro"))
notices += controls.take_rejections()
if notices:
    st.warning(notice_summary(notices, lang), icon=":material/link_off:")

head, formula = st.columns([3, 2], vertical_alignment="center")
with head:
    st.markdown(f"**{landscape.title.get(lang, landscape.title['en'])}** — "
                f"{landscape.description.get(lang, landscape.description['en'])}")
with formula, st.popover(t("pg.formula"), icon=":material/function:"):
    st.latex(landscape.formula)

view = controls.view_switch()
controls.write_url(scene, CATALOG, view)

if not scene.optimizers:
    st.info(t("pg.optimizers.empty"), icon=":material/info:")
    st.stop()

try:
    figs = figures(scene, lang)
except ValueError as error:  # the engine names the bad value
    st.error(t("pg.error.engine", error=error), icon=":material/error:")
    st.stop()

if view == "surface":
    st.plotly_chart(surface(scene, lang), key="pg_surface", theme=None,
                    config={"displaylogo": False})
    st.caption(t("pg.surface.caption"))
else:
    st.plotly_chart(figs["map"], key="pg_map", theme=None, on_select=_clicked_on_map,
                    selection_mode="points",
                    config={"displaylogo": False, "scrollZoom": False,
                            "modeBarButtonsToRemove": MAP_MODEBAR_HIDDEN})
    st.caption(t("pg.map.caption"))

left, right = st.columns(2)
with left:
    st.plotly_chart(figs["loss"], key="pg_loss", theme=None, config={"displaylogo": False})
with right:
    if landscape.minima:
        st.plotly_chart(figs["distance"], key="pg_distance", theme=None,
                        config={"displaylogo": False})
    else:
        st.info(t("pg.no_minima"), icon=":material/info:")

panels.summary(scene)
panels.update_rules(scene)
panels.export_and_share(scene, CATALOG, figs["map"])
