"""The home page under AppTest: renders in both languages and links to every other page."""

import pytest
from streamlit.testing.v1 import AppTest

from ui.i18n import tr
from ui.navigation import HOME, SECTIONS


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_home_is_the_default_page_and_lists_every_page(lang):
    at = AppTest.from_file("../app.py", default_timeout=60)
    if lang != "en":
        at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    assert at.title[0].value == tr("common.app_title", lang)
    links = {link.proto.page for link in at.get("page_link")}
    others = [e for entries in SECTIONS.values() for e in entries if e != HOME]
    assert len(links) == len(others)
    text = " ".join(c.value for c in at.caption)
    for entry in others:
        assert tr(entry.blurb_key, lang)[:20] in text


def test_unknown_language_in_the_link_falls_back_to_english_with_a_notice():
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.query_params["lang"] = "klingon"
    at.run()
    assert not at.exception
    assert at.title[0].value == tr("common.app_title", "en")
    assert any("klingon" in w.value for w in at.sidebar.warning)
