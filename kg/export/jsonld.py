"""JSON-LD export (RDF, see kg.export.rdf for the mapping), compacted with the project prefixes."""
from __future__ import annotations

from pathlib import Path

from kg.export.rdf import to_rdf
from kg.store.base import GraphStore


def write(store: GraphStore, out: Path) -> list[Path]:
    """Write the stored graph to `out` as JSON-LD with a @context of the bound prefixes."""
    graph = to_rdf(store)
    context = {prefix: str(namespace) for prefix, namespace in graph.namespaces()
               if prefix in ("kg", "id", "rdf", "rdfs", "skos", "dcterms", "prov", "xsd")}
    graph.serialize(destination=out, format="json-ld", context=context, encoding="utf-8")
    return [out]
