"""Stream the stored entity graph a page at a time (the one read path of every exporter)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kg import writer
from kg.store.base import GraphStore

Row = dict[str, Any]

NODE_LISTS = ("forms", "aliases", "match_keys", "reports")
NODE_SCALARS = ("name", "stage", "investment_cny", "investment_original", "role")
EDGE_LISTS = ("evidence", "evidence_reports", "reports", "mentions")


def _node(row: Row) -> Row:
    node = dict(row)
    for field in NODE_LISTS:
        node[field] = list(node.get(field) or [])
    return node


def _edge(row: Row) -> Row:
    edge = dict(row)
    for field in EDGE_LISTS:
        edge[field] = list(edge.get(field) or [])
    if len(edge["evidence_reports"]) != len(edge["evidence"]):  # written before the pairing existed
        edge["evidence_reports"] = [""] * len(edge["evidence"])
    edge["count"] = int(edge.get("count") or len(edge["mentions"]))
    return edge


def pages(store: GraphStore, page: int = writer.PAGE) -> Iterator[tuple[list[Row], list[Row]]]:
    """(nodes, relationships starting at those nodes) for each page of nodes in key order."""
    for rows in writer.iter_entities(store, page):
        nodes = [_node(r) for r in rows]
        yield nodes, [_edge(r) for r in writer.relations_from(store, [n["key"] for n in nodes])]


def nodes_and_edges(store: GraphStore) -> tuple[list[Row], list[Row]]:
    """The whole entity graph in memory (for formats written in one piece)."""
    nodes: list[Row] = []
    edges: list[Row] = []
    for page_nodes, page_edges in pages(store):
        nodes += page_nodes
        edges += page_edges
    return nodes, edges
