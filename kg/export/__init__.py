"""Export the stored graph to files: GraphML / GEXF (Gephi), CSV for `neo4j-admin database
import`, Turtle / JSON-LD (RDF with the ontology's IRIs).

Every exporter reads the store only through `kg.export.source` (queries/*.cypher, keyset
pages), so exports work the same on FalkorDB and Neo4j.
"""
from __future__ import annotations

from importlib import import_module
from pathlib import Path

from kg.store.base import GraphStore

#: format name -> module under kg.export that writes it
FORMATS: dict[str, str] = {"graphml": "graphml", "gexf": "gexf", "csv": "neo4j_csv", "ttl": "turtle",
                           "jsonld": "jsonld"}


def export(store: GraphStore, fmt: str, out: Path) -> list[Path]:
    """Write the stored graph in `fmt` to `out`; return the files written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    module = import_module(f"{__name__}.{FORMATS[fmt]}")
    return module.write(store, Path(out))
