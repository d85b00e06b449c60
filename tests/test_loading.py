"""Loading into the real FalkorDB store: idempotent, order-independent, with provenance.

Building twice changes nothing; loading reports in another order or one at a time gives
the same node keys, forms, reports and relationships as loading them together; a
relation found in two reports lists both, each evidence quote paired with its report.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kg import merge, writer
from kg.cli import main
from kg.model import Extraction
from kg.pipeline import build
from kg.resolve import load_alias_table
from kg.store.base import GraphStore
from kg.store.falkor import FalkorStore
from tests.conftest import make_extraction


def snapshot(store: GraphStore) -> tuple[dict[str, Any], dict[tuple[str, str, str], Any]]:
    """Every entity node and relationship with its provenance, order-free."""
    nodes = {r["key"]: (r["name"], sorted(r["forms"]), sorted(r["match_keys"]), sorted(r["reports"]))
             for r in store.read("MATCH (n:Entity) RETURN n.key AS key, n.name AS name, n.forms AS forms, "
                                 "n.match_keys AS match_keys, n.reports AS reports")}
    edges = {(r["a"], r["t"], r["b"]): (sorted(zip(r["ev"], r["src"])), sorted(r["reports"]), r["count"])
             for r in store.read("MATCH (a:Entity)-[r]->(b:Entity) RETURN a.key AS a, type(r) AS t, b.key AS b, "
                                 "r.evidence AS ev, r.evidence_reports AS src, r.reports AS reports, "
                                 "r.count AS count")}
    return nodes, edges


def load(store: GraphStore, extractions: list[Extraction], aliases: list[tuple[str, str, str]] = ()) -> None:
    writer.prepare(store)
    merge.apply(store, merge.plan(store, extractions, list(aliases)))


# ------------------------------------------------------------------ the sample corpus


def test_building_twice_changes_nothing(falkor_store: FalkorStore, corpus_dir: Path) -> None:
    files = sorted(corpus_dir.iterdir())
    build(falkor_store, files, aliases=load_alias_table())
    first = snapshot(falkor_store)
    build(falkor_store, files, aliases=load_alias_table())
    assert snapshot(falkor_store) == first
    assert len(first[0]) > 100 and len(first[1]) > 100


def test_load_order_and_chunking_give_the_same_graph(tmp_path: Path, corpus_dir: Path) -> None:
    files = sorted(corpus_dir.iterdir())
    shapes = []
    for name, order, chunk in (("together", files, 200), ("reversed-one-by-one", files[::-1], 1),
                               ("shuffled-pairs", [files[i] for i in (3, 0, 4, 1, 2)], 2)):
        with FalkorStore(tmp_path / name) as store:
            build(store, order, aliases=load_alias_table(), chunk_size=chunk)
            shapes.append(snapshot(store))
    assert shapes[1] == shapes[0]
    assert shapes[2] == shapes[0]


# ------------------------------------------------------------------ provenance

TEXT_A = "郑州航空港区。比亚迪投资建设比亚迪新能源汽车零部件项目，项目落户郑州航空港区。"
TEXT_B = "航空港实验区持续推进比亚迪新能源汽车零部件项目建设，项目落户郑州航空港区。"


def report_a() -> Extraction:
    return make_extraction("a.txt", TEXT_A, [
        ("Park", "郑州航空港区", []),
        ("Company", "比亚迪", []),
        ("Project", "比亚迪新能源汽车零部件项目", []),
    ], [("INVESTS_IN", 2, 3, "比亚迪投资建设比亚迪新能源汽车零部件项目"),
        ("LOCATED_IN", 3, 1, "项目落户郑州航空港区")])


def report_b() -> Extraction:
    return make_extraction("b.txt", TEXT_B, [
        ("Park", "航空港实验区", ["郑州航空港区"]),
        ("Project", "比亚迪新能源汽车零部件", []),
    ], [("LOCATED_IN", 2, 1, "航空港实验区持续推进比亚迪新能源汽车零部件项目建设"),
        ("LOCATED_IN", 2, 1, "项目落户郑州航空港区")])


def test_relation_found_in_two_reports_lists_both(falkor_store: FalkorStore) -> None:
    load(falkor_store, [report_a()])
    load(falkor_store, [report_b()])
    (edge,) = falkor_store.read(
        "MATCH (:Project)-[r:LOCATED_IN]->(:Park) RETURN r.evidence AS evidence, "
        "r.evidence_reports AS sources, r.reports AS reports, r.mentions AS mentions, r.count AS count")
    assert sorted(edge["reports"]) == ["a.txt", "b.txt"]
    # the same quote in two reports is kept once per report, each paired with its report
    assert sorted(zip(edge["evidence"], edge["sources"])) == [
        ("航空港实验区持续推进比亚迪新能源汽车零部件项目建设", "b.txt"),
        ("项目落户郑州航空港区", "a.txt"),
        ("项目落户郑州航空港区", "b.txt"),
    ]
    assert edge["count"] == 3 == len(edge["mentions"])
    park = falkor_store.read("MATCH (p:Park) RETURN p.reports AS reports, p.forms AS forms")
    assert len(park) == 1 and sorted(park[0]["reports"]) == ["a.txt", "b.txt"]
    assert sorted(park[0]["forms"]) == ["航空港实验区", "郑州航空港区"]


def test_loading_a_report_again_changes_nothing_and_a_new_one_only_adds(falkor_store: FalkorStore) -> None:
    load(falkor_store, [report_a()])
    first = snapshot(falkor_store)
    load(falkor_store, [report_a()])
    assert snapshot(falkor_store) == first
    load(falkor_store, [report_b()])
    nodes, edges = snapshot(falkor_store)
    assert set(first[0]) <= set(nodes) and set(first[1]) <= set(edges)
    for key, (name, forms, match_keys, reports) in first[0].items():
        assert set(forms) <= set(nodes[key][1]) and set(reports) <= set(nodes[key][3])
    for key, (pairs, reports, count) in first[1].items():
        assert set(pairs) <= set(edges[key][0]) and count <= edges[key][2]


# ------------------------------------------------------------------ stored nodes re-keyed and merged

SHORT = make_extraction("s.txt", "中铁装备联合14家高校、科研院所成立创新联合体，中铁装备落户郑州经开区", [
    ("Company", "中铁装备", []),
    ("Park", "郑州经开区", []),
], [("LOCATED_IN", 1, 2, "中铁装备落户郑州经开区")])
FULL = make_extraction("f.txt", "中铁工程装备集团有限公司科技创新部负责人表示", [
    ("Company", "中铁工程装备集团有限公司", []),
    ("Industry", "盾构机", []),
], [("IN_INDUSTRY", 1, 2, "中铁工程装备集团有限公司科技创新部负责人表示")])


def test_a_fuller_name_later_re_keys_the_stored_node(tmp_path: Path) -> None:
    with FalkorStore(tmp_path / "together") as store:
        load(store, [SHORT, FULL])
        together = snapshot(store)
    with FalkorStore(tmp_path / "short-first") as store:
        load(store, [SHORT])
        assert "Company:中铁装备" in snapshot(store)[0]
        resolution = merge.plan(store, [FULL])
        assert resolution.renames == {"Company:中铁装备": "Company:中铁工程装备"}
        merge.apply(store, resolution)
        assert snapshot(store) == together
    nodes, edges = together
    assert nodes["Company:中铁工程装备"][1] == ["中铁工程装备集团有限公司", "中铁装备"]
    assert ("Company:中铁工程装备", "LOCATED_IN", "Park:郑州经开区") in edges


def test_a_report_that_joins_two_stored_nodes_merges_them(tmp_path: Path) -> None:
    one = make_extraction("1.txt", "宇通客车落户郑州经开区", [("Company", "宇通客车", []), ("Park", "郑州经开区", [])],
                          [("LOCATED_IN", 1, 2, "宇通客车落户郑州经开区")])
    two = make_extraction("2.txt", "郑州宇通集团投资新能源商用车", [("Company", "郑州宇通集团", []),
                                                                  ("Industry", "新能源商用车", [])],
                          [("IN_INDUSTRY", 1, 2, "郑州宇通集团投资新能源商用车")])
    bridge = make_extraction("3.txt", "宇通客车（宇通集团）", [("Company", "宇通客车", ["宇通集团"])], [])
    with FalkorStore(tmp_path / "together") as store:
        load(store, [one, two, bridge])
        together = snapshot(store)
    with FalkorStore(tmp_path / "apart") as store:
        load(store, [one])
        load(store, [two])
        assert {k for k in snapshot(store)[0] if k.startswith("Company")} == {"Company:宇通客车", "Company:宇通"}
        load(store, [bridge])
        assert snapshot(store) == together
    companies = {k: v for k, v in together[0].items() if k.startswith("Company")}
    assert list(companies) == ["Company:宇通客车"]
    assert {("Company:宇通客车", "LOCATED_IN", "Park:郑州经开区"),
            ("Company:宇通客车", "IN_INDUSTRY", "Industry:新能源商用车")} <= set(together[1])


def test_extending_the_alias_table_re_resolves_the_store(tmp_path: Path) -> None:
    store_dir = tmp_path / "kg-data"
    with FalkorStore(store_dir) as store:
        load(store, [make_extraction("1.txt", "格力电器", [("Company", "珠海格力电器股份有限公司", [])], []),
                     make_extraction("2.txt", "格力", [("Company", "格力", []), ("Industry", "空调", [])],
                                     [("IN_INDUSTRY", 1, 2, "格力")])])
        assert len(store.read("MATCH (c:Company) RETURN c.key AS key")) == 2
    table = tmp_path / "aliases.csv"
    table.write_text("type,canonical,alias\nCompany,珠海格力电器股份有限公司,格力\n", encoding="utf-8")
    runner = CliRunner()
    dry = runner.invoke(main, ["resolve", "--store", str(store_dir), "--aliases", str(table), "--dry-run",
                               "--format", "json"])
    assert dry.exit_code == 0, dry.output
    assert '"reason": "alias table"' in dry.output and "Company:格力" in dry.output
    with FalkorStore(store_dir) as store:
        assert len(store.read("MATCH (c:Company) RETURN c.key AS key")) == 2  # dry run wrote nothing
    done = runner.invoke(main, ["resolve", "--store", str(store_dir), "--aliases", str(table)])
    assert done.exit_code == 0, done.output
    with FalkorStore(store_dir) as store:
        rows = store.read("MATCH (c:Company)-[:IN_INDUSTRY]->(i:Industry) RETURN c.key AS key, c.forms AS forms")
    assert rows == [{"key": "Company:格力电器", "forms": ["珠海格力电器股份有限公司", "格力"]}]


@pytest.mark.parametrize("args", [["--dry-run"], []])
def test_resolve_command_on_reports_explains_merges(tmp_path: Path, corpus_dir: Path, args: list[str]) -> None:
    store_dir = str(tmp_path / "kg-data")
    files = [str(p) for p in sorted(corpus_dir.iterdir())]
    result = CliRunner().invoke(main, ["resolve", *files, "--store", store_dir, "--format", "csv", *args])
    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert header == "node,name,merged,reason"
    assert any("航空港" in row and "forms of one entity" in row for row in rows)
    with FalkorStore(Path(store_dir)) as store:
        stored = store.read("MATCH (n:Entity) RETURN count(n) AS n")[0]["n"]
        reports = store.read("MATCH (r:Report) RETURN count(r) AS n")[0]["n"]
    assert (stored, reports) == ((0, 0) if args else (stored, 5)) and (stored > 0) != bool(args)


def test_a_bad_alias_table_is_one_clear_error(tmp_path: Path) -> None:
    table = tmp_path / "aliases.csv"
    table.write_text("type,canonical,alias\nFirm,格力电器,格力\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["resolve", "--store", str(tmp_path / "kg-data"), "--aliases", str(table)])
    assert result.exit_code == 1
    assert result.output == f"error: alias table {table}, row 2: expected one of " \
                            "Park/Company/Project/Industry/Agency, a canonical name and an alias\n"


def test_init_db_creates_the_indexes_once(tmp_path: Path) -> None:
    store_dir = str(tmp_path / "kg-data")
    for _ in range(2):
        result = CliRunner().invoke(main, ["init-db", "--store", store_dir])
        assert result.exit_code == 0, result.output
        assert "ready" in result.output
    with FalkorStore(Path(store_dir)) as store:
        indexes = store.read("CALL db.indexes() YIELD label, properties RETURN label, properties")
    found = sorted((row["label"], prop) for row in indexes for prop in row["properties"])
    assert ("Entity", "key") in found and ("Entity", "match_keys") in found and ("Park", "key") in found
    assert len(found) == len(set(found))  # nothing created twice
