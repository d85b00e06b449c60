"""Saved web pages: the article text without navigation, comments or scripts (trafilatura)."""
from __future__ import annotations

import logging
import re
from pathlib import Path

from kg.errors import ReportError
from kg.model import Report
from loaders.decode import decode_markup
from loaders.formats import Loader, register
from loaders.formats._meta import report_meta, stated_date

_XML_PROLOG = re.compile(r"\A\s*<\?xml[^>]*\?>")
_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body")


def is_html(data: bytes) -> bool:
    """The first bytes hold an HTML document tag."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<") and any(marker in head for marker in _MARKERS)


def load_html(path: Path, data: bytes) -> Report:
    """The main article of a page; title, date and canonical URL as metadata."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    markup = _XML_PROLOG.sub("", decode_markup(data, str(path)))
    doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False, include_tables=True,
                                      include_images=False, deduplicate=False)
    text = (doc.text or "") if doc is not None else ""
    if not text.strip():
        raise ReportError(f"{path}: no article text found in the page")
    meta = report_meta(path, "html", title=doc.title, date=doc.date or stated_date(text), source=doc.url)
    return Report(id=path.name, path=str(path), text=text, meta=meta)


register(Loader("html", (".html", ".htm", ".xhtml", ".shtml"), load_html, sniff=is_html,
                signature="<html / <!doctype html in the first bytes"))
