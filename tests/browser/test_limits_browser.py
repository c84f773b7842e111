"""Bounded work, as a visitor sees it: a scene over the cap is refused in the visitor's
language with its sizes (no map, no traceback, a clean console), at the three sizes."""

from __future__ import annotations

import pytest
from browser_helpers import VIEWPORTS, screenshot, wait_until_idle, watch

from optim import OPTIMIZERS
from ui.i18n import tr
from ui.scene import MAX_SCENE_STEPS, MAX_STEPS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_a_scene_over_the_cap_is_refused_on_screen(page, app_url, lang, size):
    page.set_viewport_size(VIEWPORTS[size])
    seen = watch(page, app_url)
    page.goto(f"{app_url}/playground?opt={','.join(OPTIMIZERS)}&steps={MAX_STEPS}&lang={lang}")
    wait_until_idle(page)
    message = tr("pg.error.too_big", lang, optimizers=len(OPTIMIZERS), steps=MAX_STEPS,
                 total=len(OPTIMIZERS) * MAX_STEPS, cap=MAX_SCENE_STEPS)
    alert = page.locator("[data-testid='stAlert']").filter(has_text=message[:12])
    assert alert.count() == 1 and alert.first.is_visible()
    text = alert.first.locator("[data-testid='stMarkdownContainer']").inner_text()
    assert " ".join(text.split()) == " ".join(message.split())
    assert page.locator(".js-plotly-plot").count() == 0
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, f"{size}-{lang}-scene-over-cap", full_page=False)
    assert not seen.problems(), seen.problems()
