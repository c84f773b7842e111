"""What a reader needs to reproduce a run: landscape, settings, seed, app version.

The same record goes into the CSV header (lines starting with ``#``, which
``pandas.read_csv(..., comment="#")`` skips) and into the side JSON file.
"""

from __future__ import annotations

import json
import math
import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

ROW_CONVENTION = ("row t = step t (moves theta_{t-1} to theta_t); row 0 is the start; "
                  "grad and lr are what step t used; state columns are after step t")


@cache
def app_version() -> str:
    """The version in pyproject.toml (the app is not installed as a package)."""
    path = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        return str(tomllib.loads(path.read_text("utf-8"))["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"


def _plain(value: Any) -> Any:
    """JSON-safe copy: tuples to lists, numpy scalars to Python, non-finite floats to text."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def metadata_json(metadata: Mapping[str, Any]) -> str:
    """The metadata as pretty JSON (with the app version and row convention added)."""
    record = {"app_version": app_version(), **_plain(metadata), "rows": ROW_CONVENTION}
    return json.dumps(record, ensure_ascii=False, indent=2)


def csv_with_header(frame: pd.DataFrame, metadata: Mapping[str, Any]) -> str:
    """The table as CSV, preceded by one ``# key: json-value`` line per metadata entry.

    Floats are written at full precision (17 significant digits), so reading the file back
    gives the engine's numbers exactly.
    """
    record = {"app_version": app_version(), **_plain(metadata), "rows": ROW_CONVENTION}
    header = "".join(f"# {key}: {json.dumps(value, ensure_ascii=False)}\n"
                     for key, value in record.items())
    return header + frame.to_csv(index=False, lineterminator="\n")
