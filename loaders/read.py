"""Find report files and decode them into Report records, one clear error per bad file."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import ReportError
from kg.model import Report

TEXT_SUFFIXES = (".txt", ".text", ".md")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def find_reports(paths: Iterable[str | Path], suffixes: tuple[str, ...] = TEXT_SUFFIXES) -> Iterator[Path]:
    """Report files named by `paths`: files as given, folders walked in name order (links not followed)."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    if name.lower().endswith(suffixes):
                        yield Path(root) / name
        else:
            yield path


def decode(data: bytes, where: str) -> str:
    """Decode report bytes: BOM first, then UTF-8, then a detected Chinese encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data[:4096]:
        raise ReportError(f"{where}: binary file, not a text report")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16"]).best()
    if best is None:
        raise ReportError(f"{where}: cannot tell the text encoding (not UTF-8, GBK/GB18030 or Big5)")
    return str(best)


def read_report(path: str | Path) -> Report:
    """Read one report file; raise ReportError naming the file and the problem."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ReportError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise ReportError(f"{path}: is a folder, not a report") from exc
    except OSError as exc:
        raise ReportError(f"{path}: cannot read ({exc.strerror})") from exc
    text = decode(data, str(path))
    if not text.strip():
        raise ReportError(f"{path}: empty report")
    return Report(id=path.name, path=str(path), text=text.replace("\r\n", "\n").replace("\r", "\n"))
