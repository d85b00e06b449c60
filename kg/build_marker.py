"""A marker in the store while a build writes to it, so a build cut short is noticed and repaired.

Each write into the graph is one transaction and every write is an idempotent merge, so
an interrupted build leaves nothing a rerun cannot complete; what it can leave is a
chunk half-written, or two stored nodes half-folded into one. The marker says that this
happened (and which reports were being written), so the next build repairs it.
"""
from __future__ import annotations

import logging
import os
import socket
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import queries
from kg.store.base import GraphStore

log = logging.getLogger(__name__)

_NAMED = 3  # reports named in a message before "and N more"


@dataclass(frozen=True)
class Marker:
    """A build that started writing and has not finished."""

    key: str
    started: str
    host: str
    pid: int
    loading: tuple[str, ...] = ()

    def describe(self) -> str:
        """'started 2024-05-01 10:00:00 by pid 123 on host, while writing a.txt, b.txt'."""
        where = f"started {self.started} by pid {self.pid} on {self.host}"
        if not self.loading:
            return where
        more = f" and {len(self.loading) - _NAMED} more" if len(self.loading) > _NAMED else ""
        return f"{where}, while writing {', '.join(self.loading[:_NAMED])}{more}"


def interrupted(store: GraphStore) -> list[Marker]:
    """Markers of builds that started and did not finish."""
    return [Marker(r["key"], r["started"], r["host"], r["pid"], tuple(r["loading"]))
            for r in store.read(queries.load("build_markers"))]


def warn_if_interrupted(store: GraphStore) -> None:
    """Log a warning per interrupted build (for commands that read the graph it left)."""
    for marker in interrupted(store):
        log.warning("the last build of %s was interrupted (%s); the graph may lack part of those reports "
                    "until `kg build` runs again", store.description, marker.describe())


@dataclass
class Run:
    """This build's marker, and the markers of interrupted builds it found."""

    store: GraphStore
    earlier: list[Marker]
    key: str = field(default_factory=lambda: uuid.uuid4().hex)
    started: str = field(default_factory=lambda: datetime.now().isoformat(sep=" ", timespec="seconds"))

    def loading(self, report_ids: list[str]) -> None:
        """Note the reports of the chunk about to be written."""
        row: dict[str, Any] = {"key": self.key, "started": self.started, "host": socket.gethostname(),
                               "pid": os.getpid(), "loading": sorted(report_ids)}
        self.store.write_rows(queries.load("build_marker_write"), [row])

    def finish(self) -> None:
        """Remove this build's marker and those of the interrupted builds it repaired."""
        self.store.write(queries.load("build_marker_delete"), {"keys": [self.key, *(m.key for m in self.earlier)]})


def begin(store: GraphStore) -> Run:
    """Put this build's marker in the store, after reading the ones interrupted builds left."""
    run = Run(store, interrupted(store))
    run.loading([])
    return run
