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
