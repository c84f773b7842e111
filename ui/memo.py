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
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import plotly.graph_objects as go

F = TypeVar("F", bound=Callable[..., Any])

BOUNDS: dict[str, int] = {}
"""Each cache's name -> its ``max_entries`` (least recently used entries go first)."""

BUILDS_AT_ONCE = 2
"""At most this many figure builds run at once, whatever the number of sessions. Python runs
one thread at a time, so more would not finish sooner: thirty interleaved builds all finish
late, and each holds its half-built figure (several MB) meanwhile, which is what made the
server's memory grow with the class. Queued builds keep their sessions' order of arrival."""
_BUILDS = threading.BoundedSemaphore(BUILDS_AT_ONCE)
_HOLDING = threading.local()


@contextmanager
def one_build() -> Iterator[None]:
    """Hold one of the ``BUILDS_AT_ONCE`` places while building (a build inside a build, on
    the same thread, does not ask again)."""
    if getattr(_HOLDING, "depth", 0):
        _HOLDING.depth += 1
        try:
            yield
        finally:
            _HOLDING.depth -= 1
        return
    with _BUILDS:
        _HOLDING.depth = 1
        try:
            yield
        finally:
            _HOLDING.depth = 0


def memo(name: str, max_entries: int | None, *, build: bool = False) -> Callable[[F], F]:
    """A bounded, thread-safe, process-wide cache for a pure function of hashable arguments.

    ``max_entries=None`` only for facts fixed for the life of the server (the catalog).
    ``build``: a miss is a heavy figure build, run under ``one_build`` (a hit never waits).
    """
    def wrap(function: F) -> F:
        if name in BOUNDS:
            raise ValueError(f"two caches are named {name!r}")
        BOUNDS[name] = max_entries if max_entries is not None else 1
        body = function
        if build:
            @functools.wraps(function)
            def body(*args: Any, **kwargs: Any) -> Any:
                with one_build():
                    return function(*args, **kwargs)
        return functools.lru_cache(maxsize=max_entries)(body)  # type: ignore[return-value]
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
