"""Resolve new reports against what the store already holds, explain it, and apply it.

`plan` resolves a chunk of extractions together with the stored nodes they may join
(same match key, alias-table partner, or a company a short name may abbreviate), so the
result equals resolving every report at once: the node keys do not depend on the order
reports were loaded in. When a new report joins stored nodes, or gives a stored node a
fuller key, `apply` folds those nodes into one before writing.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import queries
from kg import writer
from kg.model import Extraction
from kg.resolve import STORED, STORED_REASON, Element, Resolution, StoredNode, resolve, table_key
from kg.store.base import GraphStore

AliasRow = tuple[str, str, str]


def lookup_stored(store: GraphStore, elements: Iterable[Element]) -> list[StoredNode]:
    """Stored nodes sharing a match key with `elements`, and stored companies that a
    company key of `elements` may abbreviate or be abbreviated by (same first two characters)."""
    wanted = set(elements)
    keys = sorted({k for _, k in wanted})
    prefixes = sorted({k[:2] for t, k in wanted if t == "Company" and len(k) >= 2})
    rows: list[dict[str, Any]] = []
    scan = "" if store.indexes_list_members else "_scan"
    if keys:
        rows += store.read(queries.load(f"entity_forms{scan}"), {"keys": keys})
    if prefixes:
        rows += store.read(queries.load(f"company_prefixes{scan}"), {"prefixes": prefixes})
    found: dict[str, StoredNode] = {}
    for row in rows:
        match_keys = tuple(row["match_keys"] or ())
        if row["type"] == "Company" or any((row["type"], k) in wanted for k in match_keys):
            found[row["key"]] = StoredNode(row["key"], row["type"], match_keys)
    return [found[key] for key in sorted(found)]


def _alias_partners(resolution: Resolution, aliases: Sequence[AliasRow]) -> set[Element]:
    """Every key of the chunk, plus its partners in the alias table (so stored partners are found)."""
    elements = {e for e in resolution.node_of if not e[1].startswith(STORED)}
    if not aliases:
        return elements
    pairs: dict[Element, set[Element]] = defaultdict(set)
    for t, canonical, alias in aliases:
        a, b = (t, table_key(t, canonical)), (t, table_key(t, alias))
        pairs[a].add(b)
        pairs[b].add(a)
    return elements | {p for e in elements for p in pairs.get(e, ())}


def plan(store: GraphStore, extractions: Sequence[Extraction], aliases: Sequence[AliasRow] = ()) -> Resolution:
    """Resolve `extractions` together with the stored nodes they touch (nothing is written)."""
    first = resolve(extractions, aliases=aliases)
    stored = lookup_stored(store, _alias_partners(first, aliases))
    return resolve(extractions, aliases=aliases, stored=stored) if stored else first


def plan_store(store: GraphStore, aliases: Sequence[AliasRow] = ()) -> Resolution:
    """Re-resolve the stored nodes among themselves, e.g. after the alias table grew."""
    stored = [StoredNode(row["key"], row["label"], tuple(row["match_keys"] or ()))
              for page in writer.iter_entities(store) for row in page]
    return resolve([], aliases=aliases, stored=stored)


def apply(store: GraphStore, resolution: Resolution) -> tuple[int, int]:
    """Fold stored nodes as the resolution says, then merge its graph; return rows written."""
    for old, new in sorted(resolution.renames.items()):
        writer.merge_stored(store, old, new)
    return writer.write_graph(store, resolution.graph)


def unchanged(resolution: Resolution, node: str) -> bool:
    """Whether `node` is one stored node already holding every match key the new reports bring."""
    stored = resolution.stored.get(node, [])
    return (len(stored) == 1 and stored[0].key not in resolution.renames
            and resolution.mentioned.get(node, set()) <= set(stored[0].match_keys))


def explain(resolution: Resolution) -> list[dict[str, Any]]:
    """Rows saying what merges into each resulting node and why (for `kg resolve --dry-run`).

    Listed are nodes where something merges: match keys joined (with the rule that joined
    them), stored nodes the new reports attach to with new keys, stored nodes re-keyed or
    merged. Nodes already stored exactly as the new reports would make them are left out.
    """
    by_node: dict[str, list[dict[str, str]]] = defaultdict(list)
    for join in resolution.joins:
        if not join.reason.startswith(STORED_REASON):
            node = resolution.node_of[(join.type, join.a)]
            by_node[node].append({"merged": f"{join.a} + {join.b}", "reason": join.reason})
    for node, stored_nodes in resolution.stored.items():
        new_keys = resolution.mentioned.get(node, set())
        for stored in stored_nodes:
            if new_keys:
                shared = sorted(new_keys & set(stored.match_keys))
                reason = f"shares match key {', '.join(shared)}" if shared else "joined by the rows above"
                by_node[node].append({"merged": f"stored {stored.key}", "reason": reason})
            if resolution.renames.get(stored.key) == node:
                reason = ("several stored nodes become one" if len(stored_nodes) > 1
                          else "re-keyed: the node now has a fuller match key")
                by_node[node].append({"merged": f"stored {stored.key} -> {node}", "reason": reason})
    graph = resolution.graph
    return [{"node": node, "name": graph.nodes[node]["name"] if node in graph else "", **item}
            for node in sorted(by_node) if not unchanged(resolution, node) for item in by_node[node]]
