"""Entry point: page navigation, the shared sidebar (language) and session defaults.

Any error a page raises is logged on the server with its traceback and shown to the visitor
as one friendly sentence in their language (``.streamlit/config.toml`` hides the details of
anything that escapes this).
"""

import logging
from pathlib import Path

import streamlit as st

from ui.i18n import t
from ui.language import language_switch
from ui.navigation import HOME, SECTIONS
from ui.page_style import quiet_animation_pause
from ui.shell import require_app_shell

FAVICON = Path(__file__).parent / "assets" / "favicon.png"
log = logging.getLogger("optimizer_landscapes")

require_app_shell()
st.set_page_config(page_title="Optimizer landscapes", page_icon=str(FAVICON), layout="wide")

with st.sidebar:
    language_switch()
quiet_animation_pause()

pages = {
    t(section): [
        st.Page(entry.path, title=t(entry.title_key), icon=entry.icon, url_path=entry.url_path,
                default=entry == HOME)
        for entry in entries
    ]
    for section, entries in SECTIONS.items()
    if entries
}
page = st.navigation(pages)
try:
    page.run()
except Exception:
    log.exception("page %s failed", page.url_path or "home")
    st.error(t("common.error.crash"), icon=":material/sentiment_dissatisfied:")
