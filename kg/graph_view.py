"""Read the stored graph as plain node and edge dicts, and write the HTML page from it."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import queries
from kg.store.base import GraphStore

Row = dict[str, Any]


def stored_graph(store: GraphStore) -> tuple[list[Row], list[Row]]:
    """All entity nodes and relations, each node with the names of the parks it belongs to."""
    nodes = store.read(queries.load("all_entities"))
    edges = store.read(queries.load("all_relations"))
    names = {n["key"]: n["name"] for n in nodes}
    parks: dict[str, set[str]] = defaultdict(set)
    for edge in edges:
        if edge["type"] == "LOCATED_IN" and edge["target"] in names:
            parks[edge["source"]].add(names[edge["target"]])
    for node in nodes:
        node["aliases"] = node.get("aliases") or []
        node["reports"] = node.get("reports") or []
        node["parks"] = sorted(parks.get(node["key"], set()))
    for edge in edges:
        edge["evidence"] = edge.get("evidence") or []
        edge["reports"] = edge.get("reports") or []
    return nodes, edges


def write_page(store: GraphStore, out: Path, **options: Any) -> Path:
    """Write the interactive page of the whole stored graph (or a selection) to `out`."""
    from visualize import render_html

    nodes, edges = stored_graph(store)
    return render_html(nodes, edges, Path(out), **options)
