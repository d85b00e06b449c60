"""Find report files and load them with the loader their format calls for, one clear error per bad file.

The formats themselves live in :mod:`loaders.formats` (a registry: one module per format).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.model import Extraction, Report
from loaders import files, formats
from loaders.decode import decode
from loaders.formats.text import TEXT_SUFFIXES


def find_reports(paths: Iterable[str | Path], suffixes: tuple[str, ...] | None = None) -> Iterator[Path]:
    """Report files named by `paths`: files as given, folders walked in name order (see :mod:`loaders.files`).

    In folders, files whose suffix some loader accepts (or one of `suffixes`) are picked up; entries
    that cannot be read are yielded too, so that loading them reports the problem.
    """
    return files.find_reports(paths, suffixes or formats.suffixes())


def load(path: str | Path) -> Report | Extraction:
    """A report's text (to extract from), or a structured list's finished Extraction."""
    return formats.load(path)


def read_report(path: str | Path) -> Report:
    """Read one report file of any registered format; raise ReportError naming the file and the problem.

    For a structured list this is the report its rows were rendered into.
    """
    loaded = formats.load(path)
    return loaded.report if isinstance(loaded, Extraction) else loaded


__all__ = ["TEXT_SUFFIXES", "decode", "find_reports", "load", "read_report"]
