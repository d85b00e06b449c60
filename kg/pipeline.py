"""The build pipeline: report files -> extractions -> resolved graph -> store.

Reports stream through in chunks, so memory stays flat however many there are;
each chunk is resolved against what the store already holds.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KGError, ReportError
from kg.model import Extraction
from kg.store.base import GraphStore
from kg import build_marker, chains_store, merge, writer
from kg.analysis.targets import prerank

log = logging.getLogger(__name__)

CHUNK_REPORTS = 200


@dataclass
class Skipped:
    """A report that was not loaded, and why (one line)."""

    path: str
    problem: str


@dataclass
class BuildResult:
    """What a build did: reports read and skipped, rows written."""

    read: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    nodes_written: int = 0
    edges_written: int = 0


def extract_file(path: Path) -> Extraction:
    """Load one file and extract it (a structured list arrives extracted); failures are ReportErrors naming it."""
    from loaders.extract import extract
    from loaders.read import load

    report = load(path)
    if isinstance(report, Extraction):
        return report
    try:
        return extract(report)
    except Exception as exc:  # one bad report must not stop the others
        cause = exc.__cause__ or exc
        raise ReportError(f"{path}: extraction failed ({type(cause).__name__}: {cause})") from exc


def extract_files(paths: Iterable[Path], skipped: list[Skipped],
                  on_progress: Callable[[Path], None] | None = None) -> Iterator[Extraction]:
    """Extractions of the readable reports; the others are appended to `skipped`, one line each."""
    for path in paths:
        extraction = None
        try:
            extraction = extract_file(path)
        except ReportError as exc:
            skipped.append(Skipped(str(path), " ".join(str(exc).split())))
        if on_progress:
            on_progress(path)
        if extraction is not None:
            yield extraction


def _chunks(items: Iterable[Extraction], size: int) -> Iterator[list[Extraction]]:
    chunk: list[Extraction] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def build(store: GraphStore, paths: Iterable[Path], *, aliases: Iterable[tuple[str, str, str]] = (),
          on_progress: Callable[[Path], None] | None = None, chunk_size: int | None = None) -> BuildResult:
    """Extract, resolve and load reports into `store`; loading the same reports again changes nothing."""
    result = BuildResult()
    load(store, extract_files(paths, result.skipped, on_progress), aliases=aliases, chunk_size=chunk_size,
         result=result)
    return result


def chunk_reports() -> int:
    """Reports resolved and written together: KG_CHUNK_REPORTS, else CHUNK_REPORTS."""
    text = os.environ.get("KG_CHUNK_REPORTS", "")
    if not text:
        return CHUNK_REPORTS
    if not text.isdigit() or int(text) < 1:
        raise KGError(f"KG_CHUNK_REPORTS must be a positive whole number, not {text!r}")
    return int(text)


@contextmanager
def guarded(store: GraphStore, aliases: Sequence[tuple[str, str, str]]) -> Iterator[build_marker.Run]:
    """Mark the store as being written while the block runs (the mark stays if it fails).

    A mark left by an interrupted build is reported, and repaired first: the stored nodes
    are re-resolved among themselves, which completes nodes left half-folded into one.
    """
    run = build_marker.begin(store)
    for marker in run.earlier:
        log.warning("the previous build of %s was interrupted (%s); this build repairs it",
                    store.description, marker.describe())
    if run.earlier:
        merge.apply(store, merge.plan_store(store, aliases))
    yield run
    run.finish()


def load(store: GraphStore, extractions: Iterable[Extraction], *, aliases: Iterable[tuple[str, str, str]] = (),
         chunk_size: int | None = None, result: BuildResult | None = None) -> BuildResult:
    """Resolve extractions chunk by chunk against the store and write them (idempotent).

    After an interrupted build, also maps every stored node onto the chain templates again.
    Ends by pre-ranking the companies for `kg targets` (kg.analysis.targets.prerank).
    """
    result = result if result is not None else BuildResult()
    alias_rows = list(aliases)
    writer.prepare(store)
    with guarded(store, alias_rows) as run:
        for chunk in _chunks(extractions, chunk_size or chunk_reports()):
            run.loading([extraction.report.id for extraction in chunk])
            nodes, edges = merge.apply(store, merge.plan(store, chunk, alias_rows))
            writer.write_reports(store, [extraction.report for extraction in chunk])
            result.read += len(chunk)
            result.nodes_written += nodes
            result.edges_written += edges
        chains_store.load_chains(store, remap=bool(run.earlier))
        prerank(store)
    return result
