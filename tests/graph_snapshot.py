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


def successors(before: Snapshot, after: Snapshot) -> dict[str, str | None]:
    """Where each node key of `before` is in `after`: the same key, else (an entity re-keyed or
    folded into another) the node of its type holding all its match keys; None if lost."""
    found: dict[str, str | None] = {}
    for (labels, key), props in before[0].items():
        if (labels, key) in after[0]:
            found[key] = key
            continue
        keys = set(props.get("match_keys") or [])
        holders = [k for (lab, k), p in after[0].items()
                   if lab == labels and keys and keys <= set(p.get("match_keys") or [])]
        found[key] = holders[0] if len(holders) == 1 else None
    return found


def _lost_values(where: str, old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    lost = []
    for name, value in old.items():
        now = new.get(name)
        if isinstance(value, list):
            missing = set(map(repr, value)) - set(map(repr, now or []))
            if missing:
                lost.append(f"{where}.{name} lost {sorted(missing)}")
        elif name == "count" and (now or 0) < value:
            lost.append(f"{where}.count fell from {value} to {now}")
    return lost


def grew(before: Snapshot, after: Snapshot) -> list[str]:
    """What `after` lost of `before`, allowing only that an entity's node is re-keyed or folded into
    the node of the same entity: a node or relationship gone, a form, report, evidence quote or
    mention gone, a smaller count. Empty when `after` only adds."""
    moved = successors(before, after)
    lost = [f"node {key} disappeared" for key, new in moved.items() if new is None]
    new_nodes = {key: props for (_, key), props in after[0].items()}
    for (labels, key), props in before[0].items():
        if moved[key] is not None and labels != "KgBuild":
            kept = {k: v for k, v in props.items() if k not in ("key", "aliases", "match_keys")}
            lost += _lost_values(key, kept, new_nodes[moved[key]])
    for (rel, head, tail), props in before[1].items():
        now = after[1].get((rel, moved.get(head) or head, moved.get(tail) or tail))
        if now is None:
            lost.append(f"relationship {rel} {head} -> {tail} disappeared")
        else:
            lost += _lost_values(f"{rel} {head} -> {tail}", props, now)
    return lost
