"""Both languages have the same keys, no empty strings, and the same format fields."""

from __future__ import annotations

import string

import pytest

from ui.strings import LANGUAGES, TABLES, merge
from ui.strings import playground as pg_strings


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_tables_have_the_same_keys():
    en, zh = TABLES["en"], TABLES["zh"]
    assert sorted(en.keys() - zh.keys()) == []
    assert sorted(zh.keys() - en.keys()) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_empty_strings(lang):
    assert [k for k, v in TABLES[lang].items() if not v.strip()] == []


def test_format_fields_match():
    mismatched = {k: (fields(v), fields(TABLES["zh"][k]))
                  for k, v in TABLES["en"].items() if fields(v) != fields(TABLES["zh"][k])}
    assert mismatched == {}


def test_playground_keys_are_namespaced():
    assert all(k.startswith("pg.") for k in pg_strings.EN)


def test_chinese_is_chinese():
    """A key left in English in the Chinese table is a string left behind."""
    same = [k for k, v in pg_strings.ZH.items()
            if v == pg_strings.EN[k] and any(c.isalpha() for c in v) and len(v) > 3]
    assert same == []


def test_merge_refuses_duplicates():
    with pytest.raises(KeyError):
        merge([{"a": "1"}, {"a": "2"}])


def test_playground_uses_only_existing_keys():
    """Every literal key the playground code asks for exists (catches typos)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    sources = [root / "pages" / "playground.py", *sorted((root / "ui").glob("*.py"))]
    pattern = re.compile(r"""t\(\s*["'](pg\.[a-z0-9_.]*[a-z0-9_])["']""")
    used = set()
    for path in sources:
        used |= set(pattern.findall(path.read_text("utf-8")))
    assert used, "the scan found no keys: the pattern is wrong"
    assert sorted(k for k in used if k not in TABLES["en"]) == []


def test_advanced_hyperparameters_have_labels_and_help_in_both_languages():
    from ui.scene import ADVANCED_KEYS

    for lang in LANGUAGES:
        for name in ("advanced", *ADVANCED_KEYS):
            assert TABLES[lang].get(f"pg.hp.{name}", "").strip(), (lang, name)
        for name in ADVANCED_KEYS:
            assert TABLES[lang].get(f"pg.hp.{name}.help", "").strip(), (lang, name)
    zh = TABLES["zh"]
    assert [zh[f"pg.hp.{n}"] for n in ("bias_correction", "dampening", "centered", "lr_decay",
                                        "initial_accumulator_value")] == [
        "偏差修正", "阻尼", "中心化", "学习率衰减", "累加器初值"]
    assert zh["pg.hp.momentum_decay"].startswith("动量衰减")
