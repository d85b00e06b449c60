"""The store round trip on a real FalkorDB server: batched writes, idempotency, persistence."""
from __future__ import annotations

from pathlib import Path

import pytest

import queries
from kg import merge, writer
from kg.errors import StoreError
from kg.resolve import resolve
from kg.store.falkor import FalkorStore
from tests.conftest import make_extraction

TEXT_A = "富士康集团、郑州航空港区、林德（中国）投资有限公司签订了投资合作框架协议，林德公司拟投资2500万美元在航空港区成立其100%独资子公司"
TEXT_B = "郑州航空港经济综合实验区聚焦智能终端，富士康科技集团再出实招"


def sample_a():
    return make_extraction("a.txt", TEXT_A, [
        ("Park", "郑州航空港区", ["航空港区"]),
        ("Company", "林德（中国）投资有限公司", ["林德公司"]),
        ("Company", "富士康集团", []),
    ], [("INVESTS_IN", 2, 1, "林德公司拟投资2500万美元在航空港区成立其100%独资子公司")])


def sample_b():
    return make_extraction("b.txt", TEXT_B, [
        ("Park", "郑州航空港经济综合实验区", []),
        ("Industry", "智能终端", []),
        ("Company", "富士康科技集团", ["富士康集团"]),
    ], [("FOCUSES_ON", 1, 2, "郑州航空港经济综合实验区聚焦智能终端")])


def counts(store: FalkorStore) -> tuple[dict, dict]:
    labels = {r["label"]: r["count"] for r in store.read(queries.load("count_by_label"))}
    rels = {r["type"]: r["count"] for r in store.read(queries.load("count_by_relationship"))}
    return labels, rels


def test_write_and_read_back(falkor_store: FalkorStore) -> None:
    writer.prepare(falkor_store)
    writer.write_graph(falkor_store, resolve([sample_a()]).graph)
    labels, rels = counts(falkor_store)
    assert labels == {"Company": 2, "Park": 1}
    assert rels == {"INVESTS_IN": 1}
    row = falkor_store.read("MATCH (n:Company) WHERE $form IN n.aliases RETURN n.name AS name",
                            {"form": "林德公司"})
    assert row == [{"name": "林德（中国）投资有限公司"}]


def test_loading_twice_changes_nothing_and_new_report_only_adds(falkor_store: FalkorStore) -> None:
    writer.prepare(falkor_store)
    for _ in range(2):
        writer.write_graph(falkor_store, resolve([sample_a()]).graph)
    first = counts(falkor_store)
    edge = falkor_store.read("MATCH ()-[r:INVESTS_IN]->() RETURN r.count AS count, r.reports AS reports")
    assert edge == [{"count": 1, "reports": ["a.txt"]}]

    merge.apply(falkor_store, merge.plan(falkor_store, [sample_b()]))
    labels, rels = counts(falkor_store)
    assert labels == {"Company": 2, "Park": 1, "Industry": 1}  # the park and 富士康 attached to stored nodes
    assert rels == {"INVESTS_IN": 1, "FOCUSES_ON": 1}
    park = falkor_store.read("MATCH (p:Park) RETURN p.name AS name, p.reports AS reports, p.aliases AS aliases")[0]
    assert park["reports"] == ["a.txt", "b.txt"]
    assert park["name"] == "郑州航空港经济综合实验区"  # the fullest name wins
    assert sorted(park["aliases"]) == ["航空港区", "郑州航空港区"]
    assert first[0] == {"Company": 2, "Park": 1}


def test_hostile_names_are_stored_as_text(falkor_store: FalkorStore) -> None:
    hostile = "X'}) DETACH DELETE n //\\ {\"a\"}\n<script>"
    extraction = make_extraction("h.txt", hostile, [("Company", hostile, [])], [])
    writer.prepare(falkor_store)
    writer.write_graph(falkor_store, resolve([extraction]).graph)
    assert falkor_store.read("MATCH (n:Company) RETURN n.name AS name") == [{"name": hostile}]


def test_graph_persists_across_server_restarts(tmp_path: Path) -> None:
    data = tmp_path / "store"
    with FalkorStore(data) as store:
        writer.prepare(store)
        writer.write_graph(store, resolve([sample_a()]).graph)
    with FalkorStore(data) as store:
        assert counts(store)[0] == {"Company": 2, "Park": 1}


def test_bad_query_is_a_store_error(falkor_store: FalkorStore) -> None:
    with pytest.raises(StoreError, match="query failed"):
        falkor_store.read("MATCH (n) RETURN n.x +")


def test_a_server_that_does_not_answer_its_first_query_is_noticed(falkor_store: FalkorStore) -> None:
    import os
    import signal

    pid = int(falkor_store.server.pid_file.read_text())
    assert falkor_store._first_query_answers(falkor_store.graph_name, timeout=5)
    os.kill(pid, signal.SIGSTOP)  # a real server that takes the query and never answers (as when its threads hang)
    try:
        assert not falkor_store._first_query_answers(falkor_store.graph_name, timeout=1)
    finally:
        os.kill(pid, signal.SIGCONT)
    assert falkor_store.read("RETURN 1 AS one") == [{"one": 1}]


def test_created_nodes_and_relationships_equal_merged_ones(falkor_store: FalkorStore) -> None:
    """What the writer creates outright (nodes not stored yet, relationships at a new node) holds
    exactly what the merge queries would have stored, attributes and provenance included."""
    from bench.synth_graph import SyntheticGraph
    from tests.graph_snapshot import snapshot

    graph = SyntheticGraph(600, seed=3)
    nodes: dict[str, list] = {}
    edges: dict[str, list] = {}
    for label, row in graph.node_rows():
        nodes.setdefault(label, []).append(row)
    for rel, row in graph.edge_rows():
        edges.setdefault(rel, []).append(row)
    resolved = resolve([sample_a(), sample_b()]).graph
    for label, rows in writer.node_rows(resolved).items():
        nodes.setdefault(label, []).extend(rows)
    for rel, rows in writer.edge_rows(resolved).items():
        edges.setdefault(rel, []).extend(rows)
    assert any(r.get("stage") for rows in nodes.values() for r in rows)  # attributes are exercised

    writer.prepare(falkor_store)
    created: set[str] = set()
    writer.write_nodes(falkor_store, nodes, created)
    writer.write_edges(falkor_store, edges, created)
    assert created  # the create path ran
    written = snapshot(falkor_store)

    falkor_store.clear()
    writer.prepare(falkor_store)
    for label, rows in nodes.items():
        falkor_store.write_rows(queries.render("merge_entities", label=label), rows)
    for rel, rows in edges.items():
        falkor_store.write_rows(queries.render("merge_relations", rel=rel), rows)
    assert snapshot(falkor_store) == written


def test_parameter_header_matches_the_falkordb_clients(falkor_store: FalkorStore) -> None:
    """kg.store.falkor_params writes the same header as the falkordb client would, and values with
    quotes, backslashes, newlines and nesting come back from the server unchanged."""
    from kg.store.falkor_params import header

    value = {"rows": [{"key": 'a"b\\c', "forms": ["x\ny", "", "全角（）'"], "n": 3, "f": 2.5e20,
                       "none": None, "flag": True, "inner": {"deep": ["\\\"", 0]}}],
             "plain": "航空港区", "empty": [], "tuple": ("t", 1)}
    assert header(value) == falkor_store._graph._build_params_header(value)
    back = falkor_store.read("RETURN $rows AS rows, $plain AS plain, $tuple AS tuple", value)
    assert back == [{"rows": value["rows"], "plain": "航空港区", "tuple": ["t", 1]}]
