"""AppTest for every lesson page and the step inspector, in English and Chinese.

Each page must render without an exception and show the numbers that make its points (the
live evidence, not hard-coded text: each number below comes out of an engine run).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lessons import THEMES
from ui.i18n import tr
from ui.lesson_view import tab_key
from ui.navigation import SECTIONS

ROOT = Path(__file__).resolve().parents[1]
LESSON_PAGES = [e.path for e in SECTIONS["common.nav.lessons"]]

# page -> language -> phrases that must appear in the page's text
EXPECTED: dict[str, dict[str, tuple[str, ...]]] = {
    "pages/lessons_terrain.py": {
        "en": ("Adam at step 44, gradient descent at step 666", "crossed the valley floor 100",
               "momentum 2.4 (wide well)"),
        "zh": ("Adam 在第 44 步，梯度下降在第 666 步", "穿过谷底 100 次", "动量 2.4（宽坑）"),
    },
    "pages/lessons_inside_adam.py": {
        "en": ("3.162 without correction", "25.0× below normal", "(0.200, 0.400)",
               "(0.333, 0.333)", "stopped at step 1"),
        "zh": ("不修正 3.162", "仍比正常小 25.0 倍", "(0.200, 0.400)", "(0.333, 0.333)",
               "在第 1 步停止"),
    },
    "pages/lessons_weight_decay.py": {
        "en": ("AdamW ended at (1.000, 1.000); 1/λ = 1.000", "multiplied by 0.999000"),
        "zh": ("AdamW 停在 (1.000, 1.000)；1/λ = 1.000", "y 每步乘以 0.999000"),
    },
    "pages/lessons_schedules.py": {
        "en": ("peak 78.8 in the first 50 steps", "1.00 when the gradient is clipped",
               "2.65e-02 without warm-up, 4.31e-04 with warm-up",
               "cyclical rate at step 40 (lr 0.2011 then)"),
        "zh": ("前 50 步最高 78.8", "裁剪梯度 1.00", "不预热 2.65e-02，预热 4.31e-04",
               "恒定学习率始终未离开；循环学习率第 40 步（当时 lr 0.2011）"),
    },
    "pages/lessons_noise.py": {
        "en": ("Measured variance 0.02766, formula 0.02778", "Huber fit 0.561"),
        "zh": ("实测方差 0.02766，公式 0.02778", "Huber 的解 0.561"),
    },
    "pages/inspector.py": {
        "en": ("Step inspector", r"\hat m_t"),
        "zh": ("逐步检查器", r"\hat m_t"),
    },
}


def page_text(at: AppTest) -> str:
    """Everything a reader sees as text: headings, markdown, boxes, metrics, formulas, tables."""
    parts: list[str] = []
    for kind in ("title", "subheader", "markdown", "info", "warning", "caption", "latex"):
        parts += [str(el.value) for el in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [el.value.to_string() for el in at.table]
    return "\n".join(parts)


def run_page(path: str, lang: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / path), default_timeout=120)
    at.session_state["lang"] = lang
    return at.run()


def every_tab_text(at: AppTest, path: str, lang: str) -> str:
    """The text of every tab of a lesson page: only the open tab runs, so each is opened in
    turn (the inspector has no tabs)."""
    theme = Path(path).stem.removeprefix("lessons_")
    if theme not in THEMES:
        return page_text(at)
    parts = []
    for e in THEMES[theme]:
        at.session_state[tab_key(theme)] = f"{e.id} · {tr(e.title_key, lang)}"
        at.run()
        assert not at.exception, (e.id, [x.value for x in at.exception])
        text = page_text(at)
        assert f"{e.id}. {tr(e.title_key, lang)}" in text  # this tab's experiment ran
        parts.append(text)
    return "\n".join(parts)


def test_only_the_open_tab_runs_and_it_survives_a_language_switch() -> None:
    at = run_page("pages/lessons_inside_adam.py", "en")
    first, second = THEMES["inside_adam"][:2]
    assert len(at.subheader) == 1 and at.subheader[0].value.startswith(f"{first.id}.")
    at.session_state[tab_key("inside_adam")] = f"{second.id} · {tr(second.title_key, 'en')}"
    at.run()
    assert at.subheader[0].value.startswith(f"{second.id}.")
    at.session_state["lang"] = "zh"
    at.run()
    assert not at.exception
    assert at.subheader[0].value == f"{second.id}. {tr(second.title_key, 'zh')}"


def test_every_lesson_page_is_checked() -> None:
    assert sorted(LESSON_PAGES) == sorted(EXPECTED)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_page_renders_with_its_numbers(path: str, lang: str) -> None:
    at = run_page(path, lang)
    assert not at.exception, [e.value for e in at.exception]
    text = every_tab_text(at, path, lang)
    missing = [p for p in EXPECTED[path][lang] if p not in text]
    assert not missing, f"{path} [{lang}] lacks {missing}"


def test_lesson_control_reruns_the_experiment() -> None:
    """Picking lambda = 0.5 in the AdamW end-point lesson moves the end point to about 2."""
    at = run_page("pages/lessons_weight_decay.py", "en")
    endpoint = next(e for e in THEMES["weight_decay"] if e.slug == "endpoint")
    at.session_state[tab_key("weight_decay")] = f"{endpoint.id} · {tr(endpoint.title_key, 'en')}"
    at.session_state["lesson.endpoint.wd"] = 0.5
    at.run()
    assert not at.exception
    assert "AdamW ended at (1.997, 1.997); 1/λ = 2.000" in page_text(at)


def test_inspector_scrubs_to_a_step() -> None:
    """Moving the step slider rewrites the formula with that step's numbers."""
    at = run_page("pages/inspector.py", "en")
    at.slider[0].set_value(2).run()
    assert not at.exception
    text = page_text(at)
    assert r"t = 2,\quad" in text
    assert r"0.9\cdot(-0.025) + 0.1\cdot(-0.24) = -0.0465" in text


def test_app_navigation_lists_the_lesson_pages() -> None:
    """The app's navigation builds with every lesson page (English titles)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    for path in LESSON_PAGES:
        assert (ROOT / path).exists()
