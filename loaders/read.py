"""Find report files and load them with the loader their format calls for, one clear error per bad file.

The formats themselves live in :mod:`loaders.formats` (a registry: one module per format).
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.model import Extraction, Report
from loaders import formats
from loaders.decode import decode
from loaders.formats.text import TEXT_SUFFIXES

_SKIPPED_PREFIXES = (".", "~$")  # hidden files, Office lock files


def find_reports(paths: Iterable[str | Path], suffixes: tuple[str, ...] | None = None) -> Iterator[Path]:
    """Report files named by `paths`: files as given, folders walked in name order (links not followed).

    In folders, files whose suffix some loader accepts (or one of `suffixes`) are picked up.
    """
    wanted = tuple(s.lower() for s in (suffixes or formats.suffixes()))
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    if name.lower().endswith(wanted) and not name.startswith(_SKIPPED_PREFIXES):
                        yield Path(root) / name
        else:
            yield path


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
