"""Turtle export (RDF, see kg.export.rdf for the mapping)."""
from __future__ import annotations

from pathlib import Path

from kg.export.rdf import to_rdf
from kg.store.base import GraphStore


def write(store: GraphStore, out: Path) -> list[Path]:
    """Write the stored graph to `out` as Turtle."""
    to_rdf(store).serialize(destination=out, format="turtle", encoding="utf-8")
    return [out]
