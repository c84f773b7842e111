"""The server's caches: bounded, shared by every session, out of reach of "clear cache".

Why not ``st.cache_data`` / ``st.cache_resource``:

* any client can send Streamlit's clear-cache message, which empties those caches for every
  session at once; a class of thirty would then wait while one visitor's request rebuilds what
  everyone shares (terrain pictures, landscape grids). These caches are plain
  ``functools.lru_cache`` objects in the process, which that message does not reach;
* ``st.cache_data`` pickles its value in and out on every hit (a lesson's figures cost more to
  unpickle than to send), and both hash their arguments with Streamlit's hasher on every call.
  Here the keys are small hashable records (a frozen ``Scene``, strings, tuples), hashed by
  Python, and a hit returns the stored object itself: values are shared read-only, nobody
  writes to them.

Every cache is declared with ``memo(name, max_entries)``, so ``BOUNDS`` lists them all with
their sizes (the README's memory bound is computed from it), and ``sealed`` makes a cached
Plotly figure cheap to send again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import plotly.graph_objects as go

F = TypeVar("F", bound=Callable[..., Any])

BOUNDS: dict[str, int] = {}
"""Each cache's name -> its ``max_entries`` (least recently used entries go first)."""


def memo(name: str, max_entries: int | None) -> Callable[[F], F]:
    """A bounded, thread-safe, process-wide cache for a pure function of hashable arguments.

    ``max_entries=None`` only for facts fixed for the life of the server (the catalog).
    """
    def wrap(function: F) -> F:
        if name in BOUNDS:
            raise ValueError(f"two caches are named {name!r}")
        BOUNDS[name] = max_entries if max_entries is not None else 1
        return functools.lru_cache(maxsize=max_entries)(function)  # type: ignore[return-value]
    return wrap


class Sealed:
    """Mixed into a finished figure's class so its ``to_dict`` is computed once.

    ``st.plotly_chart`` calls ``to_dict`` (a deep copy and a base64 pass over every array) on
    every rerun, even when the figure is the same cached object; a sealed figure answers from
    the first result. It must not be changed after sealing (cached figures never are).
    """

    def to_dict(self) -> dict[str, Any]:
        spec = self.__dict__.get("_sealed_spec")
        if spec is None:
            spec = super().to_dict()  # type: ignore[misc]
            self.__dict__["_sealed_spec"] = spec
        return spec


@functools.cache
def _sealed_class(cls: type) -> type:
    return type(f"Sealed{cls.__name__}", (Sealed, cls), {})


def sealed(figure: go.Figure) -> go.Figure:
    """``figure`` itself, sealed (see ``Sealed``); returns it for chaining."""
    if not isinstance(figure, Sealed):
        figure.__class__ = _sealed_class(type(figure))
    return figure
