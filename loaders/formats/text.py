"""Plain-text reports (.txt, .md): decoded as they are; YAML front matter gives stated metadata."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from kg.errors import ReportError
from kg.model import Report
from loaders.decode import decode
from loaders.formats import Loader, register
from loaders.formats._meta import report_meta, stated_date

TEXT_SUFFIXES = (".txt", ".text", ".md")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)
_FRONT_KEYS = ("title", "date", "zone", "source")


def front_matter(text: str) -> tuple[dict[str, object], str]:
    """Split ``---``-fenced YAML metadata off the start of a text; (metadata, body)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    return {k: data[k] for k in _FRONT_KEYS if data.get(k) is not None}, text[m.end():]


def load_text(path: Path, data: bytes) -> Report:
    """A text report; its date is the one front matter or the first lines state."""
    text = decode(data, str(path))
    if "\r" in text:  # Windows and old Mac line endings, mixed or not
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    stated, body = front_matter(text)
    if not body or body.isspace():
        raise ReportError(f"{path}: empty report")
    stated.setdefault("date", stated_date(body))
    return Report(id=path.name, path=str(path), text=body, meta=report_meta(path, "text", **stated))


register(Loader("text", TEXT_SUFFIXES, load_text, signature="(fallback for any other file)"))
