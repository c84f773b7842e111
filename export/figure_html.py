"""A figure as one standalone HTML file that plays offline (plotly.js inlined), with a title
and a caption that says which settings it shows."""

from __future__ import annotations

import html

import plotly.graph_objects as go
import plotly.io as pio

from viz.contour import CLICK_GRID_NAME

CAPTION_STYLE = ("font-family: sans-serif; font-size: 15px; color: #222; margin: 12px 16px; "
                 "max-width: 70em; line-height: 1.45")


def for_export(fig: go.Figure) -> go.Figure:
    """A copy of ``fig`` for a file: the map's click grid keeps its loss read-out but loses
    its "click: start here" hint, which means nothing outside the app."""
    out = go.Figure(fig)
    for trace in out.data:
        if trace.name == CLICK_GRID_NAME and trace.hovertemplate:
            trace.hovertemplate = trace.hovertemplate.split("<br><i>")[0] + "<extra></extra>"
    return out


def figure_html(fig: go.Figure, title: str, caption: str = "") -> str:
    """Self-contained HTML of ``fig`` (about 4.5 MB: plotly.js is included, no network), its
    ``title`` as the page's title and heading, ``caption`` (plain text) under the figure."""
    page = pio.to_html(for_export(fig), include_plotlyjs=True, full_html=True,
                       auto_play=False, config={"displaylogo": False, "responsive": True})
    head = f'<head><meta charset="utf-8"><title>{html.escape(title)}</title>'
    heading = (f'<body><h1 style="{CAPTION_STYLE}; font-size: 22px">{html.escape(title)}'
               "</h1>")
    page = page.replace("<head>", head, 1).replace("<body>", heading, 1)
    if caption:
        page = page.replace("</body>",
                            f'<p style="{CAPTION_STYLE}">{html.escape(caption)}</p></body>', 1)
    return page
