"""Latency of `kg gaps` and `kg targets` (kg.analysis.gaps.chain_gaps, kg.analysis.targets.link_targets)
on synthetic graphs of growing size (bench.synth_graph), median and p95 of repeated runs.

Each graph goes into a fresh FalkorDB store (the default store; its append-only file is
off here because only reads are timed). Two parks are asked about: the largest (the
power-law head, with its sub-parks) and a typical one (median size). Growth is the
median latency on the largest graph over that on the smallest, next to the growth in
nodes: growth in latency no larger than growth in nodes is linear or better.

`targets` can be left out on graphs above `targets_max_nodes` (the full run includes
1M nodes); the result then says so, with the time projected linearly from the largest
graph it ran on. The graphs are written as `kg build` leaves a store: chain mappings and
the companies' pre-rank for targets (bench.synth_graph.write), outside the timed calls.
"""
from __future__ import annotations

import gc
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.synth_graph import SyntheticGraph, write
from bench.timing import latency, timed
from kg.store.falkor import FalkorStore


def _parks(graph: SyntheticGraph) -> dict[str, tuple[str, int]]:
    sizes = graph.park_sizes()
    return {"largest": sizes[0], "typical": sizes[len(sizes) // 2]}


def _measure(store: FalkorStore, park: str, repeats: int, targets_repeats: int | None) -> dict[str, Any]:
    from kg.analysis.gaps import chain_gaps
    from kg.analysis.targets import link_targets

    out: dict[str, Any] = {}
    calls: dict[str, tuple[Callable[[], Any], int]] = {"gaps": (lambda: chain_gaps(store, park), repeats)}
    if targets_repeats is not None:
        calls["targets"] = (lambda: link_targets(store, park), targets_repeats)
    for name, (fn, n) in calls.items():
        seconds, rows = timed(fn)  # the first call is the warm-up, and gives the row count
        out[name] = {**latency(fn, n, warmup=0), "first_s": round(seconds, 4), "rows": len(rows)}
    return out


def run_size(nodes: int, *, seed: int = 7, repeats: int = 7, targets_repeats: int | None = 3) -> dict[str, Any]:
    """Write one synthetic graph and time gaps (and targets unless `targets_repeats` is None) for its
    largest and a typical park."""
    graph = SyntheticGraph(nodes, seed)
    parks = _parks(graph)
    with tempfile.TemporaryDirectory(prefix="kg-bench-query-") as tmp:
        with FalkorStore(Path(tmp) / "kg-data", persist=False) as store:
            written = write(store, graph)
            # the plan of a 1M-node graph is millions of Python objects: each full collection of the
            # garbage collector would walk them during the timed calls (~0.1 s a pause), a cost of this
            # harness that `kg gaps` does not have, so it goes before the clock starts
            del graph
            gc.collect()
            result: dict[str, Any] = {
                "nodes_asked": nodes, "nodes": written.nodes, "relationships": written.relationships,
                "write_s": round(written.seconds, 1),
                "write_items_per_s": round((written.nodes + written.relationships) / written.seconds),
                "parks": {},
            }
            for role, (park, firms) in parks.items():
                result["parks"][role] = {"park": park, "firms": firms,
                                         **_measure(store, park, repeats, targets_repeats)}
    return result


def _project_targets(results: list[dict[str, Any]]) -> None:
    """Where targets was not run, note the time projected linearly in nodes from the last graph it ran on."""
    ran = [r for r in results if all("targets" in p for p in r["parks"].values())]
    for result in results:
        for role, park in result["parks"].items():
            if "targets" not in park and ran:
                base = ran[-1]
                seconds = base["parks"][role]["targets"]["median_s"] * result["nodes"] / base["nodes"]
                park["targets_skipped"] = {"projected_s": round(seconds), "from_nodes": base["nodes"]}


def growth(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Latency growth from the smallest to the largest graph (for targets: the largest it ran on)."""
    first = results[0]
    out: dict[str, Any] = {"nodes_x": round(results[-1]["nodes"] / first["nodes"], 1)}
    for query in ("gaps", "targets"):
        ran = [r for r in results if all(query in p for p in r["parks"].values())]
        if len(ran) < 2:
            continue
        last = ran[-1]
        for role in first["parks"]:
            base = first["parks"][role][query]["median_s"]
            out[f"{role}_{query}_x"] = {"latency_x": round(last["parks"][role][query]["median_s"] / base, 1),
                                        "nodes_x": round(last["nodes"] / first["nodes"], 1)}
    return out


def run(sizes: Sequence[int], *, seed: int = 7, repeats: int = 7, targets_repeats: int = 3,
        targets_max_nodes: int = 100_000) -> dict[str, Any]:
    """Every size, smallest first, and the growth between the first and the last."""
    results = [run_size(n, seed=seed, repeats=repeats,
                        targets_repeats=targets_repeats if n <= targets_max_nodes else None) for n in sorted(sizes)]
    _project_targets(results)
    return {"sizes": results, "growth": growth(results), "repeats": repeats, "targets_repeats": targets_repeats,
            "targets_max_nodes": targets_max_nodes}
