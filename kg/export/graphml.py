"""GraphML export (Gephi, yEd, networkx.read_graphml)."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.export.gephi import flat_graph
from kg.store.base import GraphStore


def write(store: GraphStore, out: Path) -> list[Path]:
    """Write the stored graph to `out` as GraphML."""
    nx.write_graphml(flat_graph(store), out, encoding="utf-8")
    return [out]
