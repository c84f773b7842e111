"""app.py: a page that fails shows one friendly sentence, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import ui.lesson_view
from ui.i18n import tr

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_failing_page_shows_a_friendly_message_in_the_visitors_language(monkeypatch, lang):
    def broken(theme: str) -> None:
        raise RuntimeError("/srv/secret/path.py line 3")

    monkeypatch.setattr(ui.lesson_view, "render_theme", broken)
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = lang
    at.switch_page("pages/lessons_terrain.py")
    at.run()
    assert not at.exception  # no traceback reaches the page
    assert [e.value for e in at.error] == [tr("common.error.crash", lang)]
    assert "secret" not in str([e.value for e in at.error])
