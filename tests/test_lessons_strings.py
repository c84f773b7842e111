"""The lesson strings are complete in both languages, and every sentence fills from its evidence."""

from __future__ import annotations

import re
import string
from functools import cache

import pytest

from lessons import EXPERIMENTS
from ui.strings import TABLES, lessons

CJK = re.compile(r"[\u4e00-\u9fff]")


@cache
def evidence(pid: int):
    return EXPERIMENTS[pid].run()


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_same_keys_in_both_languages() -> None:
    assert set(lessons.EN) == set(lessons.ZH)
    assert all(k.startswith("lesson.") for k in lessons.EN)


@pytest.mark.parametrize("pid", sorted(EXPERIMENTS))
def test_every_key_an_experiment_uses_exists(pid: int) -> None:
    keys = EXPERIMENTS[pid].string_keys()
    for lang in ("en", "zh"):
        missing = [k for k in keys if k not in TABLES[lang]]
        assert not missing, f"{lang}: {missing}"


@pytest.mark.parametrize("pid", sorted(p for p, e in EXPERIMENTS.items() if e.evidence))
def test_result_sentences_fill_from_the_evidence(pid: int) -> None:
    """Every ``{field}`` of every result variant is a number or code the evidence produces."""
    e = EXPERIMENTS[pid]
    ev = evidence(pid)
    available = set(ev.numbers) | set(ev.codes)
    available |= {f"{n.key}_at" for n in e.numbers if n.never}  # "at step k" / "never"
    for variant in e.variants:
        for lang in ("en", "zh"):
            template = TABLES[lang][e.result_key(variant)]
            assert fields(template) <= available, (lang, variant, fields(template) - available)
    # the two languages quote the same numbers
    for variant in e.variants:
        assert fields(TABLES["en"][e.result_key(variant)]) == fields(
            TABLES["zh"][e.result_key(variant)])


@pytest.mark.parametrize("pid", sorted(EXPERIMENTS))
def test_chinese_is_written_in_chinese(pid: int) -> None:
    e = EXPERIMENTS[pid]
    for key in (e.title_key, e.text_key):
        assert CJK.search(TABLES["zh"][key]), key


def legend(pid: int, lang: str, **values) -> list[str]:
    """The legend names of an experiment's map, as the page builds it."""
    from ui.lesson_view import build

    e = EXPERIMENTS[pid]
    shown = build(e, {**e.defaults(), **values}, lang)
    return [t.name for t in shown.figures[0].data if t.name]


@pytest.mark.parametrize(("lang", "expected"), [("en", "stopped at step 1: 0/0"),
                                                ("zh", "第 1 步停止：0/0")])
def test_zero_over_zero_is_a_stop_in_the_legend(lang: str, expected: str) -> None:
    """eps = 0 at g = 0: the legend says the run stopped (0/0), in the page's language."""
    names = legend(11, lang, eps=0.0)
    assert any(expected in n for n in names), names
    assert not any("()" in n or "diverged" in n for n in names if lang == "zh"), names


@pytest.mark.parametrize(("lang", "expected"), [("en", "diverged at step 1 (flew off"),
                                                ("zh", "第 1 步发散（飞出")])
def test_divergence_is_translated_with_its_cause(lang: str, expected: str) -> None:
    """GD thrown off by the wall: translated label, the engine's reason filled in."""
    names = legend(6, lang)
    assert any(expected in n for n in names), names
    assert not any("()" in n for n in names), names


def test_exact_zero_is_written_as_zero() -> None:
    """Only lr x lambda matters: y is identical at every step, the page says 0, not 0.0e+00."""
    from ui.lesson_view import formatted

    e = EXPERIMENTS[18]
    assert formatted(e, evidence(18), "en")["y_diff"] == "0"
