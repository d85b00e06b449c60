"""Loading throughput into the default store (FalkorDB with its append-only file on):
nodes + relationships per second through the real `kg.writer` path (batched UNWIND
MERGE, `GraphStore.batch_size` rows a query) against the same merge queries sent one
row per query, on the same synthetic rows (bench.synth_graph), each into a fresh store;
the batched load is the median of several.
"""
from __future__ import annotations

import statistics
import tempfile
from collections import defaultdict
from collections.abc import Callable
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
    return sum(writer.write_rows(store, nodes, edges))


def _per_row(store: GraphStore) -> GraphStore:
    store.batch_size = 1  # the same queries, one MERGE per row
    return store


def _load_into_fresh_store(node_rows: dict[str, list[Row]], edge_rows: dict[str, list[Row]],
                           prepare: Callable[[GraphStore], GraphStore]) -> tuple[float, int]:
    """Seconds to load every row into a fresh store, and the items written."""
    with tempfile.TemporaryDirectory(prefix="kg-bench-load-") as tmp:
        with FalkorStore(Path(tmp) / "kg-data") as store:
            return timed(lambda: _load(prepare(store), node_rows, edge_rows))


def run(nodes: int = 3000, seed: int = 7, repeats: int = 5) -> dict[str, Any]:
    """Items (nodes + relationships) per second, batched vs one row per query.

    A batched load of the default size takes well under a second, so one disk flush or
    scheduler hiccup moves it by a third: it is repeated `repeats` times (each into a fresh
    store) and the median counts. The per-row load runs once; it takes long enough to average
    such noise out itself.
    """
    graph = SyntheticGraph(nodes, seed)
    node_rows, edge_rows = _rows(graph)
    result: dict[str, Any] = {"nodes": sum(map(len, node_rows.values())),
                              "relationships": sum(map(len, edge_rows.values()))}
    for name, prepare, runs in (("batched", lambda s: s, repeats), ("per_row", _per_row, 1)):
        timings = [_load_into_fresh_store(node_rows, edge_rows, prepare) for _ in range(runs)]
        seconds = statistics.median(t for t, _ in timings)
        items = timings[0][1]
        result[f"{name}_items"] = items
        result[f"{name}_s"] = round(seconds, 3)
        result[f"{name}_runs_s"] = [round(t, 3) for t, _ in timings]
        result[f"{name}_items_per_s"] = round(items / seconds)
    result["batch_size"] = GraphStore.batch_size
    result["ratio_batched_vs_per_row"] = round(result["batched_items_per_s"] / result["per_row_items_per_s"], 1)
    return result
