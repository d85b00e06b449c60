"""Input formats: a registry of loaders, chosen by content first and file suffix second.

Every public module of this package (and every module named by an
``industrial_kg.formats`` entry point) registers its loaders on import with
:func:`register`. A loader turns a file's bytes into either a
:class:`kg.model.Report` (text that the extractor reads) or, for structured
lists, a finished :class:`kg.model.Extraction`. To add a format, write one module
here that calls ``register(Loader(...))``; nothing else changes.
"""
from __future__ import annotations

import pkgutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module, metadata
from io import BytesIO
from pathlib import Path

from kg.errors import ReportError
from kg.model import Extraction, Report
from loaders.files import read_bytes

ENTRY_POINT_GROUP = "industrial_kg.formats"
FALLBACK = "text"  # the loader for files that no signature or suffix claims


@dataclass(frozen=True)
class Loader:
    """One input format: how to recognise a file and how to load it."""

    name: str
    suffixes: tuple[str, ...]  # lower-case, with the dot
    load: Callable[[Path, bytes], Report | Extraction]
    sniff: Callable[[bytes], bool] | None = None  # True when the bytes carry this format's signature
    signature: str = ""  # what `sniff` looks for, for `kg formats`
    structured: bool = False  # yields an Extraction (rows mapped to entities), not report text


_REGISTRY: dict[str, Loader] = {}
_discovered = False


def register(loader: Loader) -> Loader:
    """Add (or replace, by name) a loader."""
    _REGISTRY[loader.name] = loader
    return loader


def _discover() -> None:
    global _discovered
    if _discovered:
        return
    _discovered = True
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            import_module(f"{__name__}.{info.name}")
    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
        entry.load()


def loaders() -> list[Loader]:
    """Every registered loader, in registration order."""
    _discover()
    return list(_REGISTRY.values())


def suffixes() -> tuple[str, ...]:
    """Every file suffix some loader accepts (what a folder walk picks up)."""
    return tuple(dict.fromkeys(s for loader in loaders() for s in loader.suffixes))


def choose(path: Path, data: bytes) -> Loader:
    """The loader for a file: a content signature wins over the suffix; text is the fallback."""
    suffix = path.suffix.lower()
    candidates = loaders()
    sniffed = [loader for loader in candidates if loader.sniff is not None and loader.sniff(data)]
    if sniffed:
        return next((loader for loader in sniffed if suffix in loader.suffixes), sniffed[0])
    by_suffix = [loader for loader in candidates if suffix in loader.suffixes]
    if by_suffix:
        return by_suffix[-1]
    if FALLBACK in _REGISTRY:
        return _REGISTRY[FALLBACK]
    raise ReportError(f"{path}: no loader for this kind of file")


def zip_members(data: bytes) -> set[str]:
    """Names inside a ZIP container (Office files); empty for anything else."""
    if not data.startswith(b"PK\x03\x04"):
        return set()
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            return set(archive.namelist())
    except zipfile.BadZipFile:
        return set()


def load(path: str | Path) -> Report | Extraction:
    """Load one file with the loader its content and suffix call for."""
    path = Path(path)
    data = read_bytes(path)
    if not data or data.isspace():
        raise ReportError(f"{path}: empty report")
    loader = choose(path, data)
    try:
        return loader.load(path, data)
    except ReportError:
        raise
    except Exception as exc:  # a damaged file must not stop the others
        raise ReportError(f"{path}: cannot read as {loader.name}: {type(exc).__name__}: {exc}") from exc


__all__ = ["FALLBACK", "Loader", "choose", "load", "loaders", "register", "suffixes", "zip_members"]
