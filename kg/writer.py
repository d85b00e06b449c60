"""Write a resolved graph into a store with batched, idempotent UNWIND MERGE queries."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

import queries
from kg.model import ENTITY_TYPES
from kg.resolve import Element
from kg.store.base import GraphStore, Row

_ATTRS = ("stage", "investment_cny", "investment_original", "role")


def prepare(store: GraphStore) -> None:
    """Create the indexes the writes and lookups match on (once; cheap when they exist)."""
    store.ensure_indexes(["Entity", *ENTITY_TYPES])


def known_keys(store: GraphStore, elements: Iterable[Element]) -> dict[Element, str]:
    """Node keys already stored for any of these (type, match key) pairs."""
    wanted = set(elements)
    keys = sorted({k for _, k in wanted})
    found: dict[Element, str] = {}
    if not keys:
        return found
    for row in store.read(queries.load("entity_forms"), {"keys": keys}):
        for match_key in row["match_keys"] or []:
            if (row["type"], match_key) in wanted:
                found.setdefault((row["type"], match_key), row["key"])
    return found


def node_rows(graph: nx.MultiDiGraph) -> dict[str, list[Row]]:
    """Entity rows per label, ready for `merge_entities`."""
    rows: dict[str, list[Row]] = defaultdict(list)
    for key, data in sorted(graph.nodes(data=True)):
        row: Row = {
            "key": key,
            "type": data["label"],
            "name": data["name"],
            "forms": sorted(data["forms"] | {data["name"]}),
            "match_keys": sorted(data["match_keys"]),
            "reports": sorted(data["reports"]),
        }
        row.update({attr: data["attrs"].get(attr) for attr in _ATTRS})
        rows[data["label"]].append(row)
    return rows


def edge_rows(graph: nx.MultiDiGraph) -> dict[str, list[Row]]:
    """Relationship rows per type, ready for `merge_relations`."""
    rows: dict[str, list[Row]] = defaultdict(list)
    for head, tail, rel, data in sorted(graph.edges(keys=True, data=True)):
        rows[rel].append({
            "head": head,
            "tail": tail,
            "evidence": list(data["evidence"]),
            "reports": sorted(data["reports"]),
            "mentions": sorted(data["mentions"]),
        })
    return rows


def write_graph(store: GraphStore, graph: nx.MultiDiGraph) -> tuple[int, int]:
    """Merge all nodes, then all relationships; return (nodes, relationships) written."""
    nodes = sum(store.write_rows(queries.render("merge_entities", label=label), rows)
                for label, rows in sorted(node_rows(graph).items()))
    edges = sum(store.write_rows(queries.render("merge_relations", rel=rel), rows)
                for rel, rows in sorted(edge_rows(graph).items()))
    return nodes, edges
