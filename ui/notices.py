"""One compact notice for everything a link or a crafted widget message asked for that the page
could not use.

A bad value is quoted as inline code, cut to ``QUOTE_CHARS`` characters: whatever a visitor
puts in a link (``[x](javascript:...)``, ``<img onerror=...>``) is shown as literal text, never
rendered as a link or markup, and a 500-character value does not fill the screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ui.i18n import tr

QUOTE_CHARS = 40


class Notice(NamedTuple):
    """A URL or widget value that could not be used as given.

    ``problem`` is one of ``"unknown"`` (no such parameter), ``"invalid"`` (not a value of the
    right kind), ``"out_of_range"``, ``"rounded"`` (snapped to the slider grid: ``used`` says
    to what), ``"duplicate"`` (an optimizer named twice), ``"unused"`` (a per-optimizer
    value without ``per=1``), ``"unknown_optimizer"`` or ``"widget"`` (a widget value that is
    not one of its choices, sent by a crafted client).
    """

    param: str
    value: str
    problem: str
    used: str = ""


def quote(value: object, limit: int = QUOTE_CHARS) -> str:
    """``value`` as inline code of at most ``limit`` characters (backticks and line breaks
    replaced, so the code span cannot be closed early)."""
    text = " ".join(str(value).split()).replace("`", "'")
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"`{text}`" if text else "` `"


def notice_item(notice: Notice, lang: str) -> str:
    """One notice as a short phrase in ``lang`` (markdown, values quoted)."""
    problem = notice.problem
    if notice.param == "opt" and problem == "invalid" and notice.value:
        problem = "unknown_optimizer"
    return tr(f"common.notice.{problem}", lang, name=quote(notice.param, 24),
              value=quote(notice.value), used=quote(notice.used))


def notice_summary(notices: Sequence[Notice], lang: str) -> str:
    """All notices as one short paragraph: a lead sentence (about the link, or about the
    controls when only widget values were replaced), then the items separated by " · "
    (each item once)."""
    items = list(dict.fromkeys(notice_item(n, lang) for n in notices))
    from_link = any(n.problem != "widget" for n in notices)
    lead = tr("common.notice.lead" if from_link else "common.notice.lead_widget", lang)
    return lead + " " + " · ".join(items)
