"""Enterprise and project lists (CSV, XLSX): rows become entities and relations through a YAML mapping.

The mapping is the first of ``<file stem>.mapping.yaml`` or ``mapping.yaml`` beside
the list, else the shipped ``sample_mapping.yaml`` (the usual Chinese headers).
"""
from __future__ import annotations

import csv
import io
import warnings
from pathlib import Path

from kg.model import Extraction
from loaders.decode import decode
from loaders.formats import Loader, register, zip_members
from loaders.formats._mapping import Mapping, load_mapping
from loaders.formats._rows import Sheet, rows_extraction

DEFAULT_MAPPING = Path(__file__).with_name("sample_mapping.yaml")


def mapping_for(path: Path) -> Mapping:
    """The mapping that applies to the list at `path`."""
    for candidate in (path.with_name(f"{path.stem}.mapping.yaml"), path.with_name("mapping.yaml")):
        if candidate.is_file():
            return load_mapping(candidate)
    return load_mapping(DEFAULT_MAPPING)


def load_csv(path: Path, data: bytes) -> Extraction:
    """A CSV/TSV list in any of the encodings text reports may have; the delimiter is detected."""
    text = decode(data, str(path))
    if path.suffix.lower() == ".tsv":
        dialect: type[csv.Dialect] | csv.Dialect = csv.excel_tab
    else:
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;|")
        except csv.Error:
            dialect = csv.excel
    rows = [list(row) for row in csv.reader(io.StringIO(text, newline=""), dialect)]
    return rows_extraction(path, [Sheet(None, rows)], mapping_for(path), "csv")


def is_xlsx(data: bytes) -> bool:
    """A ZIP holding xl/workbook.xml."""
    return "xl/workbook.xml" in zip_members(data)


def load_xlsx(path: Path, data: bytes) -> Extraction:
    """Every worksheet of a workbook; a merged cell's value fills its whole range."""
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    sheets = []
    for ws in book.worksheets:
        rows = [list(r) for r in ws.iter_rows(min_row=1, min_col=1, values_only=True)]
        for merged in ws.merged_cells.ranges:
            value = ws.cell(merged.min_row, merged.min_col).value
            for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
                for c in range(merged.min_col - 1, min(merged.max_col, len(rows[r]))):
                    rows[r][c] = value
        sheets.append(Sheet(ws.title if len(book.worksheets) > 1 else None, rows))
    return rows_extraction(path, sheets, mapping_for(path), "xlsx", title=book.properties.title)


register(Loader("xlsx", (".xlsx", ".xlsm"), load_xlsx, sniff=is_xlsx, signature="ZIP with xl/workbook.xml",
                structured=True))
register(Loader("csv", (".csv", ".tsv"), load_csv, structured=True))
