"""ui.page_style: the Plotly chunk the page preloads exists in the installed Streamlit."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.page_style import PLOTLY_CHUNK, PRELOAD


def test_the_preloaded_chunk_is_the_one_streamlit_ships():
    """If a Streamlit upgrade renames its Plotly chunk, the preload would silently do nothing:
    this fails instead, so the glob is rechecked."""
    js = Path(st.__file__).parent / "static" / "static" / "js"
    assert PLOTLY_CHUNK.startswith("PlotlyChart.") and (js / PLOTLY_CHUNK).is_file()
    script = PRELOAD.format(name=PLOTLY_CHUNK)
    assert "modulepreload" in script and repr(PLOTLY_CHUNK) in script
