"""Translation lookup and the session's current language.

``tr`` is pure (table lookup and ``str.format``); ``t`` reads the language the user picked in
the sidebar (``st.session_state["lang"]``, bound to the URL's ``lang`` parameter).
"""

from __future__ import annotations

import streamlit as st

from ui.strings import LANGUAGES, TABLES

DEFAULT_LANGUAGE = "en"


def tr(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang``, with ``{name}`` fields filled from ``values``.

    A missing key raises ``KeyError``: a string left behind is a bug the tests must catch, not
    something to paper over at run time.
    """
    text = TABLES[lang][key]
    return text.format(**values) if values else text


def current_language() -> str:
    """The language picked in the sidebar, or the default before the picker has run."""
    lang = st.session_state.get("lang", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, **values: object) -> str:
    """The string ``key`` in the session's current language."""
    return tr(key, current_language(), **values)
