"""The whole stored graph as plain, order-free data, for comparing two stores.

Every node (by labels and key) with all its properties, and every relationship (by type,
head key and tail key) with all its properties. List properties are compared as sorted
lists (their order records the loading order only); a relationship's evidence quotes are
paired with the report each was quoted from before sorting.
"""
from __future__ import annotations

from typing import Any

from kg.store.base import GraphStore

Snapshot = tuple[dict[tuple[str, str], dict[str, Any]], dict[tuple[str, str, str], dict[str, Any]]]


def _plain(props: dict[str, Any]) -> dict[str, Any]:
    out = {k: sorted(v) if isinstance(v, list) else v for k, v in props.items()}
    if "evidence" in props:
        out["evidence"] = sorted(zip(props["evidence"], props.get("evidence_reports") or []))
        out.pop("evidence_reports", None)
    return out


def snapshot(store: GraphStore) -> Snapshot:
    """Nodes {(labels, key): properties} and relationships {(type, head, tail): properties}."""
    nodes = {(":".join(sorted(r["labels"])), r["key"]): _plain(r["props"])
             for r in store.read("MATCH (n) RETURN labels(n) AS labels, n.key AS key, properties(n) AS props")}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in store.read("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.key AS head, b.key AS tail, "
                        "properties(r) AS props"):
        key = (r["type"], r["head"], r["tail"])
        assert key not in edges, f"two {key} relationships"
        edges[key] = _plain(r["props"])
    return nodes, edges


def grew(before: Snapshot, after: Snapshot) -> list[str]:
    """What `after` lost of `before`: nodes, relationships, list members, a smaller count."""
    lost = []
    for old, new in ((before[0], after[0]), (before[1], after[1])):
        for key, props in old.items():
            if key not in new:
                lost.append(f"{key} disappeared")
                continue
            for name, value in props.items():
                now = new[key].get(name)
                if isinstance(value, list) and not set(map(repr, value)) <= set(map(repr, now or [])):
                    lost.append(f"{key}.{name} lost {sorted(set(map(repr, value)) - set(map(repr, now or [])))}")
                elif name == "count" and (now or 0) < value:
                    lost.append(f"{key}.count fell from {value} to {now}")
    return lost
