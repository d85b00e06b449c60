"""The stored graph as a networkx MultiDiGraph with flat attributes, for GraphML and GEXF.

Both formats hold only scalar attributes: lists (forms, reports, evidence …) are written
as JSON arrays in a string; `label` is the display name Gephi shows (node name,
relationship type), `type` the node's label and `relation` the relationship type.
"""
from __future__ import annotations

import json
from typing import Any

import networkx as nx

from kg.export.source import EDGE_LISTS, NODE_LISTS, NODE_SCALARS, nodes_and_edges
from kg.store.base import GraphStore


def _scalar(value: Any) -> Any:
    if isinstance(value, bool) or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    return str(value)


def flat_graph(store: GraphStore) -> nx.MultiDiGraph:
    """Nodes keyed by their store key, one edge per relationship keyed by its type."""
    nodes, edges = nodes_and_edges(store)
    graph = nx.MultiDiGraph()
    for node in nodes:
        attrs: dict[str, Any] = {"label": node["name"] or node["key"], "type": node["label"]}
        attrs.update({f: _scalar(node[f]) for f in NODE_SCALARS if node.get(f) is not None})
        attrs.update({f: json.dumps(node[f], ensure_ascii=False) for f in NODE_LISTS})
        graph.add_node(node["key"], **attrs)
    for edge in edges:
        # not "type": GEXF reserves it on edges for directed/undirected
        attrs = {"label": edge["type"], "relation": edge["type"], "count": edge["count"]}
        attrs.update({f: json.dumps(edge[f], ensure_ascii=False) for f in EDGE_LISTS})
        graph.add_edge(edge["source"], edge["target"], key=edge["type"], **attrs)
    return graph
