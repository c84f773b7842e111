"""ui.memo: bounded caches out of reach of Streamlit's clear-cache message; sealed figures."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest
import streamlit as st

from ui import figures
from ui.memo import BOUNDS, memo, sealed
from ui.scene import Scene
from viz.frames import with_raw_frames


def test_every_cache_is_bounded_and_listed():
    """Each cache of the app is in BOUNDS with a finite size (the catalog counts as one)."""
    import ui.inspector_view
    import ui.lesson_view  # noqa: F401

    assert {"catalog", "terrain", "contour", "trajectory", "trajectories", "map", "curve",
            "surface", "lesson", "inspector"} <= set(BOUNDS)
    assert all(isinstance(n, int) and 0 < n <= 256 for n in BOUNDS.values())
    assert figures.terrain.cache_info().maxsize == BOUNDS["terrain"]


def test_a_cache_name_is_declared_once():
    with pytest.raises(ValueError, match="two caches"):
        memo("terrain", 4)(lambda: None)


def test_clear_cache_message_leaves_the_shared_assets():
    """What Streamlit's clear-cache message runs (cache_data.clear, cache_resource.clear)
    does not empty the terrain, contour or scene caches: one visitor cannot make everyone
    rebuild them."""
    scene = Scene()
    first = figures.map_figure(scene, "en")
    sizes = {name: fn.cache_info().currsize
             for name, fn in [("terrain", figures.terrain), ("contour", figures.contour_base),
                              ("map", figures.map_figure)]}
    assert all(sizes.values())
    st.cache_data.clear()
    st.cache_resource.clear()
    assert {name: fn.cache_info().currsize
            for name, fn in [("terrain", figures.terrain), ("contour", figures.contour_base),
                             ("map", figures.map_figure)]} == sizes
    assert figures.map_figure(scene, "en") is first


def test_sealed_figure_serialises_as_before_and_only_once():
    """A sealed figure's to_dict equals the unsealed one's, and a second call returns the
    stored result (no new deep copy)."""
    fig = go.Figure(go.Scatter(x=[0, 1, 2], y=[2, 1, 0]))
    expected = fig.to_dict()
    sealed(fig)
    assert fig.to_dict() == expected
    assert fig.to_dict() is fig.to_dict()
    framed = with_raw_frames(go.Figure(go.Scatter(x=[0], y=[0])),
                             [dict(name="0", traces=[0], data=[dict(x=[1], y=[1])])])
    expected = framed.to_dict()
    assert sealed(framed).to_dict() == expected and isinstance(framed, go.Figure)


def test_at_most_builds_at_once_run_together_and_a_nested_build_does_not_wait():
    """Eight threads each miss a ``build=True`` cache: never more than BUILDS_AT_ONCE bodies
    run at the same time; a build that calls another build on its thread goes through."""
    import threading
    import time

    from ui.memo import BUILDS_AT_ONCE

    running, peak, lock = [0], [0], threading.Lock()

    @memo("test_nested_build", 4, build=True)
    def inner(n: int) -> int:
        return n

    @memo("test_build", 16, build=True)
    def outer(n: int) -> int:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.02)
        with lock:
            running[0] -= 1
        return inner(n)

    threads = [threading.Thread(target=outer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert not any(thread.is_alive() for thread in threads)
    assert 1 <= peak[0] <= BUILDS_AT_ONCE
    assert outer(3) == 3


def test_sessions_do_not_keep_maps_the_cache_has_dropped():
    """A session must not pin its last map (e.g. in a global of the page): after more
    sessions with distinct scenes than the map cache holds, only the cached maps are alive.
    (Each pinned map cost a real server about 1.5 MB per stored session.)"""
    import gc

    from tests.test_app_playground import run_app
    from ui.scene import LR_GRID
    from viz.frames import FramedFigure

    figures.map_figure.cache_clear()
    gc.collect()
    before = {id(o) for o in gc.get_objects() if isinstance(o, FramedFigure)}  # other tests'
    rates = [v for v in LR_GRID if 1e-4 <= v][: BOUNDS["map"] + 4]
    sessions = [run_app(steps="5", opt="adam", lr=format(rate, "g")) for rate in rates]
    gc.collect()
    alive = sum(isinstance(o, FramedFigure) and id(o) not in before for o in gc.get_objects())
    assert figures.map_figure.cache_info().currsize == BOUNDS["map"]
    assert alive <= BOUNDS["map"], f"{alive} maps alive for {len(sessions)} sessions"
