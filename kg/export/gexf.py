"""GEXF export (Gephi's own format, networkx.read_gexf)."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.export.gephi import flat_graph
from kg.store.base import GraphStore


def write(store: GraphStore, out: Path) -> list[Path]:
    """Write the stored graph to `out` as GEXF 1.2."""
    nx.write_gexf(flat_graph(store), out, encoding="utf-8", version="1.2draft")
    return [out]
