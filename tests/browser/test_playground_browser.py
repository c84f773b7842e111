"""The playground in a real browser: Play moves the markers, Chinese labels, CSV download.

Run with ``pytest -m browser tests/browser``; screenshots land in ``artifacts/``.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest
from browser_helpers import screenshot, wait_until_idle, watch

from ui.navigation import SECTIONS

pytestmark = pytest.mark.browser


PLAYGROUND = "/" + next(e.url_path for entries in SECTIONS.values() for e in entries
                       if e.path == "pages/playground.py")


def open_playground(page, app_url: str, query: str = "") -> None:
    """Open the playground directly (the first request of a fresh server may be this one:
    ``ui.shell`` keeps it inside the app's navigation)."""
    page.goto(app_url + PLAYGROUND + query)
    wait_until_idle(page)
    page.wait_for_selector("[data-testid='stPlotlyChart'] .js-plotly-plot")
    page.wait_for_timeout(800)


COMET_JS = """() => {
    const plots = [...document.querySelectorAll('.js-plotly-plot')];
    const map = plots.find(p => (p.data || []).some(t => t.name === 'comet'));
    const comet = map.data.find(t => t.name === 'comet');
    return {x: Array.from(comet.x), y: Array.from(comet.y)};
}"""


def test_play_moves_the_markers(page, app_url):
    open_playground(page, app_url, "?steps=600")
    before = page.evaluate(COMET_JS)
    screenshot(page, "playground-en-before-play")
    page.locator(".js-plotly-plot .updatemenu-button").first.click()
    page.wait_for_timeout(2500)
    during = page.evaluate(COMET_JS)
    assert during != before, "the comet did not move after Play"
    page.locator(".js-plotly-plot .updatemenu-button").nth(1).click()  # Pause
    page.wait_for_timeout(400)
    paused = page.evaluate(COMET_JS)
    page.wait_for_timeout(800)
    assert page.evaluate(COMET_JS) == paused, "Pause did not stop the animation"
    screenshot(page, "playground-en-playing")


def test_language_switch_shows_chinese(page, app_url):
    open_playground(page, app_url)
    page.get_by_text("中文", exact=True).first.click()
    wait_until_idle(page)
    page.wait_for_timeout(800)
    assert page.get_by_text("试验场").first.is_visible()
    assert "lang=zh" in page.url
    legend = page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot .legendtext')]"
        ".map(e => e.textContent)")
    assert "全局极小值" in legend
    screenshot(page, "playground-zh")


def test_link_opens_the_same_scene_and_surface(page, app_url):
    open_playground(page, app_url, "?ls=himmelblau&opt=adam,sgd,lion&lr=0.03&view=surface"
                                   "&lang=zh")
    assert page.locator(".js-plotly-plot .gl-container, .js-plotly-plot canvas").count() >= 1
    screenshot(page, "playground-zh-surface-himmelblau")


def test_bad_link_shows_a_notice(page, app_url):
    open_playground(page, app_url, "?lr=banana&steps=0")
    alerts = page.locator("[data-testid='stAlert']").all_inner_texts()
    assert any("lr" in a for a in alerts) and any("steps" in a for a in alerts)


def test_csv_download_parses(page, app_url):
    open_playground(page, app_url, "?steps=80&opt=adam,sgd")
    with page.expect_download(timeout=60_000) as info:
        page.locator("[data-testid='stDownloadButton'] button").first.click()
    path = info.value.path()
    text = open(path, encoding="utf-8").read()
    assert text.startswith("# app_version:")
    table = pd.read_csv(io.StringIO(text), comment="#")
    assert set(table.optimizer) == {"adam", "sgd"}
    assert table[table.optimizer == "adam"].step.max() == 80
    assert {"x", "y", "loss", "grad_x", "grad_y", "lr", "m_x", "v_x"} <= set(table.columns)


def test_terrain_stays_visible_while_playing(page, app_url):
    open_playground(page, app_url, "?steps=2000")
    count = ("() => document.querySelectorAll("
             "'[data-testid=stPlotlyChart] .js-plotly-plot image').length")
    assert page.evaluate(count) > 0
    page.evaluate("""() => {
        const plots = [...document.querySelectorAll('.js-plotly-plot')];
        const map = plots.find(p => (p.data || []).some(t => t.name === 'comet'));
        window.__frames = 0;
        map.on('plotly_animatingframe', () => window.__frames++);
    }""")
    page.locator(".js-plotly-plot .updatemenu-button").first.click()
    page.wait_for_timeout(2000)
    assert page.evaluate(count) > 0, "the terrain vanished during playback"
    frames = page.evaluate("() => window.__frames")
    print(f"frames shown in 2 s of playback: {frames}")
    assert frames >= 8


def _start_inputs(page) -> tuple[str, str]:
    return (page.locator(".st-key-pg_x0 input").input_value(),
            page.locator(".st-key-pg_y0 input").input_value())


def _click_map(page, fx: float, fy: float) -> None:
    """Click at (fx, fy) of the map's plot area (fractions from its top left)."""
    area = page.locator(".js-plotly-plot .nsewdrag").first.bounding_box()
    page.mouse.click(area["x"] + fx * area["width"], area["y"] + fy * area["height"])
    wait_until_idle(page)


@pytest.mark.parametrize("before", ["play_to_end", "pause_mid_play", "scrub"])
def test_click_sets_the_start_after_the_animation_moved(page, app_url, before):
    """Plotly.js re-plots only the traces a frame names: the frames name every trace, so a
    click still picks the start after Play, Pause or the slider, and the console stays
    clean (Pause's rejected promise is quieted)."""
    seen = watch(page, app_url)
    open_playground(page, app_url, "?steps=300")
    buttons = page.locator(".js-plotly-plot .updatemenu-button")
    if before == "play_to_end":
        buttons.first.click()
        page.wait_for_timeout(9500)
    elif before == "pause_mid_play":
        buttons.first.click()
        page.wait_for_timeout(1500)
        buttons.nth(1).click()
        page.wait_for_timeout(400)
    else:
        rail = page.locator(".js-plotly-plot .slider-rail-rect").first.bounding_box()
        page.mouse.click(rail["x"] + rail["width"] * 0.6, rail["y"] + rail["height"] / 2)
        page.wait_for_timeout(600)
    start = _start_inputs(page)
    _click_map(page, 0.7, 0.8)
    moved = _start_inputs(page)
    assert moved != start, f"the click after {before} did not move the start"
    assert not seen.problems(), seen.problems()
