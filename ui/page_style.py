"""Page-level CSS: a compact top so the map and Play sit above the fold on a projector, tabs
that wrap, and the "present" mode that hides everything but the map and its sliders.

Styling only (``st.html`` with a ``<style>`` element; no script, nothing fetched).
"""

from __future__ import annotations

import streamlit as st

COMPACT = """
<style>
  .stMainBlockContainer { padding-top: 3.4rem; padding-bottom: 2rem; }
  @media (max-width: 640px) {
    .stMainBlockContainer { padding-left: 0.6rem; padding-right: 0.6rem; }
  }
</style>
"""

WRAP_TABS = """
<style>
  .stTabs [data-baseweb="tab-list"] { flex-wrap: wrap; row-gap: 0.25rem; }
</style>
"""

PRESENT = """
<style>
  section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
  [data-testid="stExpandSidebarButton"] { display: none !important; }
  .stMainBlockContainer { max-width: 100%; padding-top: 1.2rem; }
</style>
"""


def compact_page() -> None:
    """Less empty space above the page's first row."""
    st.html(COMPACT)


def wrap_tabs() -> None:
    """Tabs wrap onto more rows instead of scrolling out of sight (a lesson has up to eight)."""
    st.html(WRAP_TABS)


def present_mode() -> None:
    """Hide the sidebar (the page itself leaves out what is below the map)."""
    st.html(PRESENT)
