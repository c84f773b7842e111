"""The sidebar's language switch, kept in the URL as ``?lang=zh`` (English needs no parameter).

Not ``bind="query-params"``: a bound segmented control puts its *formatted* label in the URL
(``?lang=中文``) and silently drops ``?lang=zh``, the form every link in the app uses. So the
switch is seeded from the URL when the address changed (first visit, a pasted link) and
writes its code back after each change.
"""

from __future__ import annotations

import streamlit as st

from ui.i18n import DEFAULT_LANGUAGE
from ui.notices import Notice, notice_summary
from ui.strings import LANGUAGES, TABLES

KEY = "lang"
_WRITTEN = "lang__url_written"
_LABEL_TO_CODE = {TABLES[code][f"common.lang_name.{code}"]: code for code in LANGUAGES}


def language_from_url(value: str | None) -> str | None:
    """The language code a ``lang`` URL value names (``zh``; the label ``中文`` also works)."""
    if value is None:
        return None
    value = value.strip()
    if value in LANGUAGES:
        return value
    return _LABEL_TO_CODE.get(value)


def language_switch() -> str:
    """Draw the English / 中文 switch; return the chosen language code.

    A ``lang`` the address bar gained (a pasted link) wins; an address without one (a move to
    another page, whose link Streamlit writes without our parameters) keeps the session's
    language, and the switch writes it back into the address."""
    in_url = st.query_params.get(KEY)
    if in_url is not None and st.session_state.get(_WRITTEN, "\0") != in_url:
        asked = language_from_url(in_url)
        if asked is None:
            st.warning(notice_summary([Notice(KEY, in_url, "invalid")], DEFAULT_LANGUAGE),
                       icon=":material/link_off:")
        st.session_state[KEY] = asked or st.session_state.get(KEY, DEFAULT_LANGUAGE)
    elif st.session_state.get(KEY) not in LANGUAGES:
        st.session_state[KEY] = DEFAULT_LANGUAGE
    st.segmented_control(
        TABLES["en"]["common.language"] + " / " + TABLES["zh"]["common.language"],
        options=list(LANGUAGES),
        format_func=lambda code: TABLES[code][f"common.lang_name.{code}"],
        key=KEY,
        required=True,
    )
    lang = st.session_state[KEY]
    wanted = None if lang == DEFAULT_LANGUAGE else lang
    if in_url != wanted:
        if wanted is None:
            del st.query_params[KEY]
        else:
            st.query_params[KEY] = wanted
    st.session_state[_WRITTEN] = wanted
    return lang
