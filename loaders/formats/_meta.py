"""Report metadata shared by the loaders: source, title, date (ISO), zone, format."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

#: the metadata keys a Report may carry and the graph stores
META_KEYS = ("source", "title", "date", "zone", "format")

_DATE = re.compile(r"((?:19|20)\d{2})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})(?!\d)")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # never part of a title; NUL breaks queries
_HEAD_LINES = 6  # a date stated in a report's first lines is its date
_HEAD_CHARS = 400


def iso_date(value: object) -> str | None:
    """``2023年1月30日`` / ``2023-01-30T08:00`` / ``D:20230130…`` / a date object -> ``2023-01-30``."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip()
    pdf = re.match(r"D:(\d{4})(\d{2})(\d{2})", text)
    m = pdf or _DATE.search(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def stated_date(text: str) -> str | None:
    """A full date (year, month, day) standing in the first lines of a report, as ISO."""
    lines = [line for line in text[:_HEAD_CHARS].splitlines() if line.strip()]
    return iso_date("\n".join(lines[:_HEAD_LINES]))


def report_meta(path: Path, fmt: str, **stated: Any) -> dict[str, Any]:
    """Metadata of a report read from `path`: the stated values that are present, source defaults to the path."""
    meta: dict[str, Any] = {"source": str(path), "format": fmt}
    for key, value in stated.items():
        if key == "date":
            value = iso_date(value)
        elif isinstance(value, str):
            value = " ".join(_CONTROL.sub("", value).split())
        if value:
            meta[key] = value
    return meta
