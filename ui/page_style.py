"""Page-level CSS: a compact top so the map and Play sit above the fold on a projector, tabs
that wrap, and the "present" mode that hides everything but the map and its sliders.

Styling through ``st.html`` and ``<style>`` elements, plus the one small script of
``QUIET_PAUSE``; nothing is fetched.
"""

from __future__ import annotations

from pathlib import Path

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


QUIET_PAUSE = (
    "<script>window.__quietAnimate || (window.__quietAnimate = true, "
    "window.addEventListener('unhandledrejection', e => { "
    "if (e.reason === undefined) e.preventDefault(); }));</script>"
)
"""Pause on a Plotly animation clears the frames Play still had queued, and Plotly.js rejects
Play's promise with no reason, which nobody catches: the console shows "Uncaught (in promise)
undefined" on every Pause. This drops exactly those reason-less rejections (nothing else in
the app rejects without a reason)."""


PLOTLY_CHUNK = next((p.name for p in sorted(
    (Path(st.__file__).parent / "static" / "static" / "js").glob("PlotlyChart.*.js"))), "")
"""The file name of Streamlit's Plotly chunk (hashed per release; empty if not found)."""

PRELOAD = (
    "<script>(() => {{ if (window.__plotlyPreload || !{name!r}) return; "
    "window.__plotlyPreload = true; "
    "const main = [...document.scripts].find(s => /\\/static\\/js\\/index\\./.test(s.src)); "
    "if (!main) return; const link = document.createElement('link'); "
    "link.rel = 'modulepreload'; link.href = main.src.replace(/[^/]+$/, {name!r}); "
    "document.head.appendChild(link); }})();</script>"
)
"""Streamlit fetches its 4.7 MB Plotly chunk only when the first chart's spec has arrived;
asking for it with the page's first message lets the download and compile overlap the rest of
the start-up."""


def quiet_animation_pause() -> None:
    """Install the handler of ``QUIET_PAUSE`` and the ``PRELOAD`` of Plotly's chunk (once per
    page; the only scripts the app adds)."""
    st.html(QUIET_PAUSE + PRELOAD.format(name=PLOTLY_CHUNK), unsafe_allow_javascript=True)


def compact_page() -> None:
    """Less empty space above the page's first row."""
    st.html(COMPACT)


def wrap_tabs() -> None:
    """Tabs wrap onto more rows instead of scrolling out of sight (a lesson has up to eight)."""
    st.html(WRAP_TABS)


def present_mode() -> None:
    """Hide the sidebar (the page itself leaves out what is below the map)."""
    st.html(PRESENT)
