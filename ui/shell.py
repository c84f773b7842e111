"""Keeping every page inside the app's shell (navigation, sidebar, language).

Streamlit still honours its legacy multipage mode when a folder named ``pages/`` sits beside
the entry script: until ``st.navigation`` has run once in the server's life, a first request
for ``/playground`` executes ``pages/playground.py`` on its own, without the navigation or
the language switch, and a first request for ``/`` draws the legacy list of file names next
to the app's own navigation. ``require_app_shell`` (called first in ``app.py`` and in every
page) notices that mode, switches it off and reruns, so ``app.py``'s ``st.navigation``
serves the page (the url paths in ``ui.navigation`` equal the file names, so the page's
identity is kept).
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def require_app_shell() -> None:
    """Call first in every page: rerun through ``app.py`` if the page was run without it."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
