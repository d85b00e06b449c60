"""The benchmark generators are seeded and name nothing from the gold files; a small run writes
valid results. No timing is asserted: benchmarks are not tests."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import names
from bench.__main__ import main
from bench.synth_graph import SyntheticGraph
from bench.synth_reports import ReportWriter
from bench.timing import percentile
from tests.conftest import GOLD


def _graph_rows(nodes: int, seed: int) -> tuple[list, list, list]:
    graph = SyntheticGraph(nodes, seed)
    return list(graph.node_rows()), list(graph.edge_rows()), list(graph.maps_to_rows())


def test_synthetic_graph_is_seeded_and_consistent() -> None:
    first, again, other = _graph_rows(600, 3), _graph_rows(600, 3), _graph_rows(600, 4)
    assert first == again
    assert first != other
    nodes, edges, maps = first
    keys = [row["key"] for _, row in nodes]
    assert len(keys) == len(set(keys))  # generated names never collide
    assert all(row["head"] in set(keys) and row["tail"] in set(keys) for _, row in edges)
    assert {label for label, _ in nodes} == {"Park", "Agency", "Industry", "Company", "Project"}
    assert {rel for rel, _ in edges} >= {"LOCATED_IN", "IN_INDUSTRY", "INVESTS_IN", "SUPPLIES", "FOCUSES_ON"}
    assert maps and all(row["tail"].startswith(("Segment:", "Chain:")) for row in maps)


def test_park_sizes_follow_a_power_law() -> None:
    sizes = [firms for _, firms in SyntheticGraph(5000, 7).park_sizes()]
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[0] > 3 * sizes[len(sizes) // 2]  # a heavy head, a long tail


def test_synthetic_reports_are_seeded() -> None:
    assert list(ReportWriter(5, 11).texts()) == list(ReportWriter(5, 11).texts())
    assert list(ReportWriter(5, 11).texts()) != list(ReportWriter(5, 12).texts())


def test_generated_names_are_not_taken_from_the_gold_files() -> None:
    if not GOLD.is_dir():
        pytest.skip(f"gold annotations not found at {GOLD}")
    gold = {e["name"] for path in GOLD.glob("*.json")
            for e in json.loads(path.read_text(encoding="utf-8")).get("entities", [])}
    generated = {names.park(i) for i in range(500)} | {names.company(i) for i in range(5000)} \
        | {names.project(i) for i in range(5000)}
    assert not gold & generated


def test_percentile() -> None:
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert percentile([1.0, 2.0], 95) == pytest.approx(1.95)
    assert percentile([5.0], 95) == 5.0


def test_a_small_run_writes_json_and_markdown(tmp_path: Path) -> None:
    assert main(["--quick", "--only", "loading", "--load-nodes", "150", "--out", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert results["machine"]["cores"] >= 1 and results["machine"]["packages"]["falkordb"]
    loading = results["results"]["loading"]
    assert loading["batched_items"] == loading["per_row_items"] == loading["nodes"] + loading["relationships"]
    table = (tmp_path / "results.md").read_text(encoding="utf-8")
    assert "| Loading | batched UNWIND" in table
    assert main(["--combine", str(tmp_path / "results.json"), str(tmp_path / "results.json"),
                 "--out", str(tmp_path / "combined")]) == 0
    combined = json.loads((tmp_path / "combined" / "results.json").read_text(encoding="utf-8"))
    assert combined["results"] == results["results"] and len(combined["runs"]) == 2
