"""PDF e-paper pages and documents: the text layer in reading order (pdfminer.six).

Layout damage (doubled-character bold, broken lines and columns) is repaired by
the same cleaning as text reports; a PDF without a text layer is an error, not
an empty report.
"""
from __future__ import annotations

import re
from collections import defaultdict
from io import BytesIO, StringIO
from pathlib import Path
from typing import Any

from pdfminer.converter import TextConverter
from pdfminer.layout import LAParams, LTChar
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFSyntaxError

from kg.errors import ReportError
from kg.model import Report
from loaders.formats import Loader, register
from loaders.formats._meta import report_meta, stated_date

_PLACEHOLDER_TITLE = re.compile(r"^(untitled|无标题|microsoft word - )", re.IGNORECASE)


def is_pdf(data: bytes) -> bool:
    """The PDF header stands in the first kilobyte."""
    return b"%PDF-" in data[:1024]


def load_pdf(path: Path, data: bytes) -> Report:
    """The text of every page in reading order; the title from document info, the date from the text head."""
    try:
        text = _text(data)
    except PDFPasswordIncorrect as exc:
        raise ReportError(f"{path}: encrypted PDF (needs a password)") from exc
    except PDFSyntaxError as exc:
        raise ReportError(f"{path}: not a readable PDF ({exc})") from exc
    text = text.replace("\x0c", "\n").strip("\n")
    if not text.strip():
        raise ReportError(f"{path}: no text layer (scanned PDF?)")
    title = _info(data).get("Title")
    if title and _PLACEHOLDER_TITLE.match(title):
        title = None
    # the file's CreationDate says when the PDF was made, not when the news was reported
    meta = report_meta(path, "pdf", title=title, date=stated_date(text))
    return Report(id=path.name, path=str(path), text=text, meta=meta)


class _OverprintFreeText(TextConverter):
    """Text in reading order, dropping a glyph drawn again on (almost) the same spot.

    E-papers fake bold by printing a line twice with a tiny offset; pdfminer would
    read the copy as a second line, which no line-level cleaning can undo.
    """

    _BUCKET = 8.0  # points; offsets up to a bucket apart are compared
    _OVERLAP = 0.3  # a copy lies within this share of the glyph size

    def begin_page(self, page: Any, ctm: Any) -> None:
        super().begin_page(page, ctm)
        self._drawn: dict[tuple[str, int, int], list[LTChar]] = defaultdict(list)

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        advance = super().render_char(*args, **kwargs)
        objs = self.cur_item._objs  # the LTChar just added (pdfminer keeps children in _objs)
        char = objs[-1]
        if isinstance(char, LTChar) and not char.get_text().isspace():
            bx, by = int(char.x0 // self._BUCKET), int(char.y0 // self._BUCKET)
            tol = self._OVERLAP * max(char.width, char.height, 1.0)
            near = (c for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                    for c in self._drawn.get((char.get_text(), bx + dx, by + dy), ()))
            if any(abs(c.x0 - char.x0) < tol and abs(c.y0 - char.y0) < tol for c in near):
                objs.pop()
            else:
                self._drawn[(char.get_text(), bx, by)].append(char)
        return advance


def _text(data: bytes) -> str:
    """Every page's text, pages separated by a line break."""
    manager = PDFResourceManager()
    with StringIO() as out:
        device = _OverprintFreeText(manager, out, laparams=LAParams())
        interpreter = PDFPageInterpreter(manager, device)
        for page in PDFPage.get_pages(BytesIO(data)):
            interpreter.process_page(page)
        device.close()
        return out.getvalue()


def _info(data: bytes) -> dict[str, str]:
    """The document information dictionary as text (empty when absent or unreadable)."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    try:
        infos = PDFDocument(PDFParser(BytesIO(data))).info
    except Exception:  # metadata is optional; the text was already read
        return {}
    out: dict[str, str] = {}
    for info in infos:
        for key, value in info.items():
            value = resolve1(value)
            if isinstance(value, bytes):
                value = decode_text(value)
            if isinstance(value, str) and value.strip():
                out.setdefault(key, value.strip())
    return out


register(Loader("pdf", (".pdf",), load_pdf, sniff=is_pdf, signature="%PDF- in the first kilobyte"))
