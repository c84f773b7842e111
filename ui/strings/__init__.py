"""The app's string tables: one table per language, merged from one module per area.

Each area module (``common``, ``playground``, ``lessons`` ...) defines two dicts, ``EN`` and
``ZH``, with the same keys. Keys are namespaced by area (``common.*``, ``pg.*``, ``lesson.*``)
so two areas never claim the same key; ``merge`` refuses a clash instead of silently
overwriting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import ModuleType

from ui.strings import common, lessons, playground

LANGUAGES: tuple[str, ...] = ("en", "zh")
AREAS: tuple[ModuleType, ...] = (common, playground, lessons)


def merge(tables: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """Merge area tables into one; a key defined twice is a bug and raises ``KeyError``."""
    merged: dict[str, str] = {}
    for table in tables:
        clash = merged.keys() & table.keys()
        if clash:
            raise KeyError(f"string keys defined twice: {sorted(clash)}")
        merged.update(table)
    return merged


TABLES: dict[str, dict[str, str]] = {
    "en": merge(area.EN for area in AREAS),
    "zh": merge(area.ZH for area in AREAS),
}
