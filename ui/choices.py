"""Choice widgets with translated labels that keep stable values across language switches.

Streamlit sends a choice widget's value (selectbox, multiselect, radio, segmented control)
over the wire as its *formatted label*. After a language switch the browser still holds the
old language's label, which the new ``format_func`` no longer knows: Streamlit then hands the
page that raw label (a selectbox) or silently drops it (a multiselect), so a callback reads
"Rosenbrock's banana valley" where it expects ``rosenbrock``, and the chips stay in the old
language. ``choice`` pins the widget before it is drawn: whenever the language differs from
the one the widget was last drawn in, or the value is not one of the options (a stale or a
crafted value), the value is set again through session state, which makes Streamlit send the
label in the new language. Widget values are therefore always option keys, never labels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import streamlit as st

from ui.i18n import current_language

_DRAWN_IN = "choices__lang"
"""Session key: widget key -> language it was last drawn in."""

WIDGETS: dict[str, Callable[..., Any]] = {
    "selectbox": st.selectbox,
    "radio": st.radio,
    "segmented": st.segmented_control,
    "multiselect": st.multiselect,
}


def clean_value(value: Any, options: Sequence[Any], default: Any, multi: bool) -> tuple[Any,
                                                                                        Any]:
    """``(value to use, rejected part or None)``: a multiselect keeps its known options
    (each once, in the order given; unknown and repeated ones are the rejected part, each
    named once), any other choice falls back to ``default``."""
    if multi:
        if not isinstance(value, list | tuple):
            return list(default), [str(value)]
        kept: list[Any] = []
        junk: list[Any] = []
        for v in value:
            (kept if _is_option(v, options) and v not in kept else junk).append(v)
        if junk and not kept:  # nothing usable was sent (an empty list is a real choice)
            kept = list(default)
        return kept, (list(dict.fromkeys(map(str, junk))) or None)
    if _is_option(value, options):
        return value, None
    return default, ("None" if value is None else value)  # None itself means "kept"


def _is_option(value: Any, options: Sequence[Any]) -> bool:
    try:
        return any(value == o and type(value) is type(o) for o in options)
    except Exception:  # an exotic crafted value that cannot be compared
        return False


def choice(kind: str, label: str, options: Sequence[Any], *, key: str, default: Any,
           format_func: Callable[[Any], str], on_reject: Callable[[str, Any], None] | None = None,
           **kwargs: Any) -> Any:
    """Draw the ``kind`` widget (a key of ``WIDGETS``) whose value is an option (a list of
    options for ``multiselect``), pinned as the module docstring explains.

    ``default`` is used when the key has no value yet or holds something that is not an
    option; ``on_reject(key, value)`` hears about a value that was replaced.
    """
    multi = kind == "multiselect"
    options = list(options)
    lang = current_language()
    drawn_in: dict[str, str] = st.session_state.setdefault(_DRAWN_IN, {})
    if key not in st.session_state:
        st.session_state[key] = list(default) if multi else default
    else:
        value, rejected = clean_value(st.session_state[key], options, default, multi)
        if rejected is not None:
            st.session_state[key] = value
            if on_reject is not None:
                on_reject(key, rejected)
        elif drawn_in.get(key) != lang:
            st.session_state[key] = value
    drawn_in[key] = lang
    return WIDGETS[kind](label, options, key=key, format_func=format_func, **kwargs)


def lazy_tabs(labels: dict[Any, str], *, key: str) -> tuple[dict[Any, Any], Any]:
    """Tabs that rerun the page when another is opened, so only the open one need be drawn;
    returns ``({id: tab}, id of the open tab)``. A tab's state is its (translated) label, so
    the open tab is remembered by id and set again under its new label after a language
    switch, like ``choice`` does."""
    opened = f"{key}.id"
    if st.session_state.get(key) not in labels.values():
        st.session_state[key] = labels.get(st.session_state.get(opened),
                                            next(iter(labels.values())))
    tabs = st.tabs(list(labels.values()), key=key, on_change="rerun")
    by_id = dict(zip(labels, tabs, strict=True))
    open_id = next((i for i, tab in by_id.items() if tab.open), next(iter(labels)))
    st.session_state[opened] = open_id
    return by_id, open_id


def lazy_expander(label: str, *, key: str, keep: Iterable[str], **kwargs: Any) -> Any:
    """An expander whose contents are drawn only while it is open (it reruns the page when
    opened or closed); returns the container, or None while closed.

    A closed panel of sliders then costs the server and the browser nothing. Streamlit drops
    the state of a widget that was not drawn in a run, so while closed the values under the
    ``keep`` keys are set again as plain session values: they survive, and the sliders show
    them when the panel opens.
    """
    box = st.expander(label, key=key, on_change="rerun", **kwargs)
    if box.open:
        return box
    for name in keep:
        if name in st.session_state:
            st.session_state[name] = st.session_state[name]
    return None
