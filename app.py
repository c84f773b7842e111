"""Entry point: page navigation, the shared sidebar (language) and session defaults."""

import streamlit as st

from ui.i18n import t
from ui.language import language_switch
from ui.navigation import HOME, SECTIONS
from ui.shell import require_app_shell

require_app_shell()
st.set_page_config(page_title="Optimizer landscapes", page_icon=":material/landscape:",
                   layout="wide")

with st.sidebar:
    language_switch()

pages = {
    t(section): [
        st.Page(entry.path, title=t(entry.title_key), icon=entry.icon, url_path=entry.url_path,
                default=entry == HOME)
        for entry in entries
    ]
    for section, entries in SECTIONS.items()
    if entries
}
st.navigation(pages).run()
