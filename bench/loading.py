"""Loading throughput into the default store (FalkorDB with its append-only file on):
nodes + relationships per second through the real `kg.writer` path (batched UNWIND
MERGE, `GraphStore.batch_size` rows a query) against the same merge queries sent one
row per query, on the same synthetic rows (bench.synth_graph), each into a fresh store.
"""
from __future__ import annotations

import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.synth_graph import SyntheticGraph
from bench.timing import timed
from kg import writer
from kg.store.base import GraphStore, Row
from kg.store.falkor import FalkorStore


def _rows(graph: SyntheticGraph) -> tuple[dict[str, list[Row]], dict[str, list[Row]]]:
    nodes: dict[str, list[Row]] = defaultdict(list)
    edges: dict[str, list[Row]] = defaultdict(list)
    for label, row in graph.node_rows():
        nodes[label].append(row)
    for rel, row in graph.edge_rows():
        edges[rel].append(row)
    return dict(nodes), dict(edges)


def _load(store: GraphStore, nodes: dict[str, list[Row]], edges: dict[str, list[Row]]) -> int:
    writer.prepare(store)
    return writer.write_nodes(store, nodes) + writer.write_edges(store, edges)


def _per_row(store: GraphStore) -> GraphStore:
    store.batch_size = 1  # the same queries, one MERGE per row
    return store


def run(nodes: int = 3000, seed: int = 7) -> dict[str, Any]:
    """Items (nodes + relationships) per second, batched vs one row per query."""
    graph = SyntheticGraph(nodes, seed)
    node_rows, edge_rows = _rows(graph)
    result: dict[str, Any] = {"nodes": sum(map(len, node_rows.values())),
                              "relationships": sum(map(len, edge_rows.values()))}
    for name, prepare in (("batched", lambda s: s), ("per_row", _per_row)):
        with tempfile.TemporaryDirectory(prefix="kg-bench-load-") as tmp:
            with FalkorStore(Path(tmp) / "kg-data") as store:
                seconds, items = timed(lambda: _load(prepare(store), node_rows, edge_rows))
        result[f"{name}_items"] = items
        result[f"{name}_s"] = round(seconds, 3)
        result[f"{name}_items_per_s"] = round(items / seconds)
    result["batch_size"] = GraphStore.batch_size
    result["ratio_batched_vs_per_row"] = round(result["batched_items_per_s"] / result["per_row_items_per_s"], 1)
    return result
