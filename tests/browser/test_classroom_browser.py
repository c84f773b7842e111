"""The app as a classroom meets it, in Chromium: language switches that never crash, the
language kept from page to page, panels that stay open, one compact notice for a bad link,
the map and Play above the fold on a projector, a clean console and nothing fetched from
outside. Screenshots of every page in both languages at the three sizes land in artifacts/.
"""

from __future__ import annotations

import pytest
from browser_helpers import VIEWPORTS, screenshot, wait_until_idle, watch

from landscapes import LANDSCAPES
from ui.figures import optimizer_title
from ui.navigation import SECTIONS

pytestmark = pytest.mark.browser

PAGES = [e for entries in SECTIONS.values() for e in entries]
LABEL = {"en": "English", "zh": "中文"}


def url_of(entry) -> str:
    return "/" + ("" if entry.url_path == "home" else entry.url_path)


def open_page(page, app_url: str, path: str) -> None:
    page.goto(app_url + path)
    wait_until_idle(page)


def switch_language(page, lang: str) -> None:
    page.locator("[data-testid='stSidebar']").get_by_text(LABEL[lang], exact=True).click()
    wait_until_idle(page)


def pick_option(page, key: str, label: str) -> None:
    """Choose ``label`` in the selectbox ``key`` by typing into its search box."""
    page.locator(f".st-key-{key} input").click()
    page.keyboard.type(label[:8])
    page.get_by_role("option", name=label).click()
    wait_until_idle(page)


def flip(page, key: str) -> None:
    """Click the toggle ``key``."""
    page.locator(f".st-key-{key} label").first.click()
    wait_until_idle(page)


def no_exception(page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0, \
        page.locator("[data-testid='stException']").first.inner_text()


def test_playground_survives_switching_back_and_forth_with_every_widget_changed(
        page, app_url):
    seen = watch(page, app_url)
    open_page(page, app_url, "/playground")
    pick_option(page, "pg_ls", LANDSCAPES["himmelblau"].title["en"])
    page.get_by_role("button", name="Remove SGD").click()
    wait_until_idle(page)
    page.locator(".st-key-pg_lr__adam input[type='range']").focus()
    page.keyboard.press("ArrowRight")
    wait_until_idle(page)
    flip(page, "pg_reveal")
    for lang in ("zh", "en", "zh", "en", "zh"):
        switch_language(page, lang)
        no_exception(page)
        shown = page.locator(".st-key-pg_ls input").input_value()
        assert shown == LANDSCAPES["himmelblau"].title[lang]
        chips = page.locator(".st-key-pg_opt").inner_text()
        assert optimizer_title("momentum", lang) in chips
        assert "SGD" not in chips  # still removed
        assert ("lang=zh" in page.url) == (lang == "zh")
        assert "ls=himmelblau" in page.url and "reveal=1" in page.url
    screenshot(page, "playground-zh-after-switches")
    assert not seen.problems(), seen.problems()


@pytest.mark.parametrize("entry", [e for e in PAGES if "lessons" in e.path
                                   or "inspector" in e.path], ids=lambda e: e.url_path)
def test_lesson_page_survives_switching_with_its_controls_changed(page, app_url, entry):
    seen = watch(page, app_url)
    open_page(page, app_url, url_of(entry))
    groups = page.locator("[data-testid='stButtonGroup']:visible")
    for i in range(min(groups.count(), 4)):
        options = groups.nth(i).locator("button")
        if options.count() > 1:
            options.nth(options.count() - 1).click()
            wait_until_idle(page)
    for lang in ("zh", "en", "zh"):
        switch_language(page, lang)
        no_exception(page)
    assert "lang=zh" in page.url
    assert not seen.problems(), seen.problems()


def test_language_is_kept_from_page_to_page(page, app_url):
    open_page(page, app_url, "/?lang=zh")
    page.locator("[data-testid='stMain'] [data-testid='stPageLink'] a").first.click()
    wait_until_idle(page)  # a card on the home page
    assert "lang=zh" in page.url
    assert page.locator("[data-testid='stSidebar']").get_by_text("地形").count() >= 1
    nav = page.locator("[data-testid='stSidebarNav'] a")
    for i in range(nav.count()):
        nav.nth(i).click()
        wait_until_idle(page)
        assert "lang=zh" in page.url, page.url
        no_exception(page)


def test_playground_scene_is_restored_when_coming_back(page, app_url):
    open_page(page, app_url, "/playground?ls=beale&steps=50")
    page.locator("[data-testid='stSidebarNav'] a").nth(2).click()
    wait_until_idle(page)
    page.locator("[data-testid='stSidebarNav'] a").nth(1).click()
    wait_until_idle(page)
    assert "ls=beale" in page.url and "steps=50" in page.url


def test_an_optimizer_panel_stays_open_while_its_values_change(page, app_url):
    open_page(page, app_url, "/playground?opt=adam,sgd&per=1")
    panel = page.locator(".st-key-pg_panel__adam")
    panel.locator("summary").click()
    wait_until_idle(page)
    beta1 = panel.locator(".st-key-pg_beta1__adam input[type='range']")
    assert beta1.is_visible()
    for _ in range(3):
        beta1.focus()
        page.keyboard.press("ArrowLeft")
        wait_until_idle(page)
        assert beta1.is_visible(), "the panel collapsed after a slider notch"


def test_a_bad_link_gives_one_compact_notice(page, app_url):
    open_page(page, app_url, "/playground?lr=banana&steps=0&zoom=1&opt=adam,warp"
                             "&b1=[x](javascript:alert(1))&start=9,9&sched=sometimes")
    alerts = page.locator("[data-testid='stAlert']")
    assert alerts.count() == 1
    text = alerts.first.inner_text()
    for name in ("lr", "steps", "zoom", "warp", "start", "sched"):
        assert name in text
    assert alerts.first.locator("a").count() == 0  # the link-shaped value stays text
    assert alerts.first.bounding_box()["height"] < 140
    screenshot(page, "playground-bad-link")


@pytest.mark.parametrize("size", ["desktop", "projector"])
def test_map_play_and_main_sliders_are_above_the_fold(browser, app_url, size):
    context = browser.new_context(viewport=VIEWPORTS[size])
    page = context.new_page()
    try:
        open_page(page, app_url, "/playground")
        page.wait_for_selector(".js-plotly-plot .updatemenu-button")
        height = VIEWPORTS[size]["height"]
        play = page.locator(".js-plotly-plot .updatemenu-button").first.bounding_box()
        assert play["y"] + play["height"] <= height, f"Play is below the fold at {size}"
        slider = page.locator(".st-key-pg_lr__sgd input[type='range']").bounding_box()
        assert slider["y"] + slider["height"] <= height
        chart = page.locator("[data-testid='stPlotlyChart']").first.bounding_box()
        assert slider["x"] > chart["x"] + chart["width"] * 0.8  # beside the map
    finally:
        context.close()


def test_phone_has_a_full_width_map_and_play_clear_of_the_slider(browser, app_url):
    context = browser.new_context(viewport=VIEWPORTS["phone"], is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    page = context.new_page()
    try:
        open_page(page, app_url, "/playground")
        page.wait_for_selector(".js-plotly-plot .updatemenu-button")
        chart = page.locator("[data-testid='stPlotlyChart']").first.bounding_box()
        assert chart["width"] >= 0.85 * VIEWPORTS["phone"]["width"]
        buttons = page.locator(".js-plotly-plot .updatemenu-button")
        rail = page.locator(".js-plotly-plot .slider-rail-rect").first.bounding_box()
        for i in range(buttons.count()):
            box = buttons.nth(i).bounding_box()
            assert box["y"] + box["height"] <= rail["y"], "Play/Pause overlap the slider"
        screenshot(page, "playground-phone", full_page=False)
    finally:
        context.close()


def test_present_mode_hides_the_sidebar(page, app_url):
    open_page(page, app_url, "/playground")
    flip(page, "pg_present")
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    assert page.locator(".st-key-pg_lr__adam input[type='range']").is_visible()
    screenshot(page, "playground-present", full_page=False)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_every_page_renders_cleanly_at_every_size(browser, app_url, size, lang):
    """Each page, each size, each language: no exception, clean console, nothing fetched
    from outside; the screenshots are for looking at."""
    context = browser.new_context(viewport=VIEWPORTS[size])
    page = context.new_page()
    seen = watch(page, app_url)
    try:
        for entry in PAGES:
            open_page(page, app_url, url_of(entry) + f"?lang={lang}")
            no_exception(page)
            screenshot(page, f"{size}-{lang}-{entry.url_path}", full_page=False)
        assert not seen.problems(), seen.problems()
    finally:
        context.close()
