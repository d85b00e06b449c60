"""Write a resolved graph into a store with batched, idempotent UNWIND queries (CREATE for what is not
stored yet, MERGE for the rest)."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator

import networkx as nx

import queries
from kg.model import ENTITY_TYPES, Report
from kg.resolve import stage_rank
from kg.store.base import GraphStore, Row, batched

_ATTRS = ("stage", "investment_cny", "investment_original", "role")
REPORT_META = ("source", "title", "date", "zone", "format")
PAGE = 1000
KEY_CHUNK = 10_000  # keys asked about per stored_keys query


def prepare(store: GraphStore) -> None:
    """Create the indexes / constraints the writes and lookups match on (idempotent)."""
    store.ensure_indexes(["Entity", *ENTITY_TYPES])
    store.ensure_indexes(["Entity"], "match_keys", unique=False)  # cross-report lookups (kg.merge)
    store.ensure_indexes(["Company"], "prefixes", unique=False)  # abbreviation candidates (kg.merge)
    store.write(queries.load("company_prefixes_fill"))  # companies stored before the prefixes existed
    store.ensure_indexes(["Report"])


def _with_attrs(row: Row, attrs: Row) -> Row:
    """`row` with the node attributes (None when unknown) and the rank of its stage."""
    row.update({attr: attrs.get(attr) for attr in _ATTRS})
    row["stage_rank"] = stage_rank(row["stage"])
    return row


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
        rows[data["label"]].append(_with_attrs(row, data["attrs"]))
    return rows


def edge_rows(graph: nx.MultiDiGraph) -> dict[str, list[Row]]:
    """Relationship rows per type, ready for `merge_relations`."""
    rows: dict[str, list[Row]] = defaultdict(list)
    for head, tail, rel, data in sorted(graph.edges(keys=True, data=True)):
        rows[rel].append({
            "head": head,
            "tail": tail,
            "evidence": list(data["evidence"]),
            "evidence_reports": list(data["evidence_reports"]),
            "reports": sorted(data["reports"]),
            "mentions": sorted(data["mentions"]),
        })
    return rows


def _split(rows: list[Row], test: Callable[[Row], bool]) -> tuple[list[Row], list[Row]]:
    """`rows` split into those passing `test` and the others, each in order."""
    passing: list[Row] = []
    failing: list[Row] = []
    for row in rows:
        (passing if test(row) else failing).append(row)
    return passing, failing


def _once(rows: list[Row], key: Callable[[Row], object]) -> tuple[list[Row], list[Row]]:
    """`rows` split into those whose key appears once and the others."""
    counts = Counter(map(key, rows))
    return _split(rows, lambda r: counts[key(r)] == 1)


def stored_keys(store: GraphStore, keys: Iterable[str]) -> set[str]:
    """The keys of `keys` that stored entity nodes have."""
    return {row["key"] for chunk in batched(keys, KEY_CHUNK)
            for row in store.read(queries.load("stored_keys"), {"keys": chunk})}


def write_nodes(store: GraphStore, rows_by_label: dict[str, list[Row]], created: set[str] | None = None) -> int:
    """Write entity rows label by label; return how many rows were written.

    Nodes not stored yet are created (create_entities.cypher, about twice as fast), the others
    merged into the stored ones; the keys created are added to `created` if given.
    """
    total = 0
    for label, rows in sorted(rows_by_label.items()):
        single, repeated = _once(rows, lambda r: r["key"])
        stored = stored_keys(store, [r["key"] for r in single])
        fresh, known = _split(single, lambda r: r["key"] not in stored)
        total += store.write_rows(queries.render("create_entities", label=label), fresh)
        total += store.write_rows(queries.render("merge_entities", label=label), known + repeated)
        if created is not None:
            created.update(r["key"] for r in fresh)
    return total


def write_edges(store: GraphStore, rows_by_type: dict[str, list[Row]], created: Collection[str] = ()) -> int:
    """Write relationship rows type by type; return how many rows were written.

    A relationship with an end in `created` (nodes this write created) cannot be stored yet and is
    created outright; the others are merged."""
    total = 0
    for rel, rows in sorted(rows_by_type.items()):
        single, repeated = _once(rows, lambda r: (r["head"], r["tail"]))
        new, known = _split(single, lambda r: r["head"] in created or r["tail"] in created)
        total += store.write_rows(queries.render("create_relations", rel=rel), new)
        total += store.write_rows(queries.render("merge_relations", rel=rel), known + repeated)
    return total


def report_rows(reports: Iterable[Report]) -> list[Row]:
    """One row per report: its id, file path and stated metadata (source, title, date, zone, format)."""
    rows = {}
    for report in reports:
        row: Row = {"key": report.id, "path": report.path}
        row.update({key: report.meta.get(key) for key in REPORT_META})
        rows[report.id] = row
    return [rows[key] for key in sorted(rows)]


def write_reports(store: GraphStore, reports: Iterable[Report]) -> int:
    """Merge one `Report` node per report (key = report id, the id entities and relations list)."""
    return store.write_rows(queries.load("merge_reports"), report_rows(reports))


def write_rows(store: GraphStore, nodes: dict[str, list[Row]], edges: dict[str, list[Row]]) -> tuple[int, int]:
    """Write all node rows, then all relationship rows (those at nodes just created are created
    outright); return (nodes, relationships) written."""
    created: set[str] = set()
    return write_nodes(store, nodes, created), write_edges(store, edges, created)


def write_graph(store: GraphStore, graph: nx.MultiDiGraph) -> tuple[int, int]:
    """Write all nodes, then all relationships; return (nodes, relationships) written."""
    return write_rows(store, node_rows(graph), edge_rows(graph))


def iter_entities(store: GraphStore, page: int = PAGE) -> Iterator[list[Row]]:
    """Every stored entity node, a page at a time in key order (keyset paging)."""
    after = ""
    while True:
        rows = store.read(queries.load("entity_page"), {"after": after, "limit": page})
        if not rows:
            return
        yield rows
        after = rows[-1]["key"]


def relations_from(store: GraphStore, keys: Iterable[str]) -> list[Row]:
    """Relationships (with provenance) that start at any of these node keys."""
    return store.read(queries.load("relations_from"), {"keys": list(keys)})


def merge_stored(store: GraphStore, old: str, new: str) -> bool:
    """Fold stored node `old` into node `new` (created if missing): forms, reports,
    attributes and relationships are merged as unions, then `old` is deleted.

    Each step is an idempotent MERGE, so a run interrupted half-way is completed by the next.
    """
    found = store.read(queries.load("entity_by_key"), {"key": old})
    if not found or old == new:
        return False
    node = found[0]
    row = {k: node[k] or [] for k in ("forms", "match_keys", "reports")}
    row.update({"key": new, "type": node["label"], "name": node["name"]})
    write_nodes(store, {node["label"]: [_with_attrs(row, node)]})
    edges = relations_from(store, [old]) + store.read(queries.load("relations_to"), {"key": old})
    rows: dict[str, list[Row]] = defaultdict(list)
    for edge in edges:
        head = new if edge["source"] == old else edge["source"]
        tail = new if edge["target"] == old else edge["target"]
        if head == tail:  # a relation between two forms of one thing says nothing
            continue
        evidence = edge["evidence"] or []
        rows[edge["type"]].append({
            "head": head, "tail": tail, "evidence": evidence,
            "evidence_reports": edge["evidence_reports"] or [""] * len(evidence),
            "reports": edge["reports"] or [], "mentions": edge["mentions"] or [],
        })
    write_edges(store, rows)
    store.write(queries.load("delete_entity"), {"key": old})
    return True
