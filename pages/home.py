"""Home: what the app is for, and a way into every page."""

import streamlit as st

from ui.i18n import t
from ui.navigation import HOME, SECTIONS
from ui.shell import require_app_shell

require_app_shell()

st.title(t("common.app_title"))
st.markdown(f"#### {t('common.tagline')}")
st.markdown(t("common.home.lead"))

for section, entries in SECTIONS.items():
    st.subheader(t(section))
    pages = [entry for entry in entries if entry != HOME]
    for row in range(0, len(pages), 3):
        for column, entry in zip(st.columns(3), pages[row:row + 3], strict=False):
            with column.container(border=True):
                st.page_link(entry.path, label=t(entry.title_key), icon=entry.icon)
                st.caption(t(entry.blurb_key))

st.divider()
st.caption(t("common.home.footer"))
