"""Notices: one compact paragraph, bad values quoted as short literal code."""

from __future__ import annotations

import pytest

from ui.notices import QUOTE_CHARS, Notice, notice_summary, quote


@pytest.mark.parametrize("value", ["[x](javascript:alert(1))", "<img src=x onerror=alert(1)>",
                                   "a`b`c", "**bold**"])
def test_a_bad_value_is_quoted_as_one_code_span(value):
    """Markdown or HTML in a value stays literal: exactly one code span, no backtick inside."""
    quoted = quote(value)
    assert quoted.startswith("`") and quoted.endswith("`")
    assert quoted.count("`") == 2


def test_a_long_value_is_cut_to_the_quote_length():
    quoted = quote("x" * 460)
    assert len(quoted) == QUOTE_CHARS + 2  # the two backticks
    assert quoted.endswith("…`")


def test_line_breaks_cannot_escape_the_span():
    assert quote("a\n\nb\r\n# title") == "`a b # title`"


def test_summary_lists_every_problem_once_in_one_paragraph():
    notices = [Notice("lr", "banana", "invalid"), Notice("steps", "0", "out_of_range"),
               Notice("zoom", "11", "unknown"), Notice("lr", "banana", "invalid"),
               Notice("opt", "warp", "invalid")]
    text = notice_summary(notices, "en")
    assert "\n" not in text
    assert text.count("`banana`") == 1
    assert "`steps`" in text and "`zoom`" in text and "`warp` does not exist" in text


def test_summary_in_chinese_and_about_controls():
    assert notice_summary([Notice("lr", "x", "invalid")], "zh").startswith("链接")
    widget_only = notice_summary([Notice("pg_ls", "atlantis", "widget")], "en")
    assert widget_only.startswith("A control") and "`atlantis`" in widget_only
