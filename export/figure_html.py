"""A figure as one standalone HTML file that plays offline (plotly.js inlined)."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio


def figure_html(fig: go.Figure, title: str) -> str:
    """Self-contained HTML of ``fig`` (about 4.5 MB: plotly.js is included, no network)."""
    html = pio.to_html(fig, include_plotlyjs=True, full_html=True, auto_play=False,
                       config={"displaylogo": False, "responsive": True})
    return html.replace("<head>", f"<head><meta charset=\"utf-8\"><title>{_escape(title)}</title>",
                        1)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
