"""Word files (.docx): paragraphs and tables in document order (python-docx)."""
from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

from kg.errors import ReportError
from kg.model import Report
from loaders.formats import Loader, register, zip_members
from loaders.formats._meta import report_meta, stated_date

_ROW_END = tuple("。；;！？!?")


def is_docx(data: bytes) -> bool:
    """A ZIP holding word/document.xml."""
    return "word/document.xml" in zip_members(data)


def load_docx(path: Path, data: bytes) -> Report:
    """Paragraphs separated by blank lines; a table row becomes one sentence of its cells."""
    import docx

    document = docx.Document(BytesIO(data))
    blocks = [block for block in _blocks(document) if block.strip()]
    if not blocks:
        raise ReportError(f"{path}: empty report")
    text = "\n\n".join(blocks)
    title = document.core_properties.title or next(
        (p.text for p in document.paragraphs if p.style is not None and p.style.name == "Title" and p.text.strip()),
        None)
    meta = report_meta(path, "docx", title=title, date=stated_date(text))
    return Report(id=path.name, path=str(path), text=text, meta=meta)


def _blocks(document: object) -> Iterator[str]:
    from docx.table import Table

    for block in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Table):
            yield "\n".join(_rows(block))
        else:
            yield block.text


def _rows(table: object) -> Iterator[str]:
    """Each row as ``cell，cell，cell。`` (a merged cell counted once)."""
    for row in table.rows:  # type: ignore[attr-defined]
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            value = " ".join(cell.text.split())
            if value:
                cells.append(value)
        if cells:
            line = "，".join(cells)
            yield line if line.endswith(_ROW_END) else line + "。"


register(Loader("docx", (".docx",), load_docx, sniff=is_docx, signature="ZIP with word/document.xml"))
