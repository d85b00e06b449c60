"""Chain templates in the store, park/chain lookup and chain-gap analysis.

On a small hand-built graph (tests/toy_chain_graph.py) the answers are known exactly;
on the graph of the five sample reports the checks are properties that hold whatever
the extraction details.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.analysis.gaps import COVERED, GAP, KINDS, GapRow, chain_gaps, gap_overlay
from kg.analysis.lookup import resolve_chain, resolve_entity, resolve_park
from kg.analysis.presence import EXAMPLES, coverage
from kg.chains_store import chains_loaded, load_chains, template_version
from kg.cli import main
from kg.errors import KGError
from kg.store.falkor import FalkorStore
from ontology import chain_templates, segments
from tests.toy_chain_graph import KEYS, evidence, write_toy_graph


def _by_segment(rows: list[GapRow]) -> dict[str, GapRow]:
    return {r.segment: r for r in rows}


def _count(store: FalkorStore, cypher: str) -> int:
    return store.read(cypher)[0]["n"]


# ---------------------------------------------------------------- loading the templates

def test_load_chains_writes_the_templates_once(falkor_store: FalkorStore) -> None:
    first = load_chains(falkor_store)
    counts = [_count(falkor_store, q) for q in (
        "MATCH (c:Chain) RETURN count(c) AS n", "MATCH (s:Segment) RETURN count(s) AS n",
        "MATCH (:Chain)-[r:HAS_SEGMENT]->(:Segment) RETURN count(r) AS n",
        "MATCH (:Segment)-[r:UPSTREAM_OF]->(:Segment) RETURN count(r) AS n")]
    assert counts == [len(chain_templates()), len(segments()), sum(len(c.segments) for c in chain_templates()),
                      sum(len(s.upstream_of) for s in segments().values())]
    again = load_chains(falkor_store)  # idempotent
    assert (again.chains, again.segments, again.template_edges, again.version) == \
        (first.chains, first.segments, first.template_edges, first.version)
    assert [_count(falkor_store, q) for q in (
        "MATCH (c:Chain) RETURN count(c) AS n", "MATCH (s:Segment) RETURN count(s) AS n",
        "MATCH (:Chain)-[r:HAS_SEGMENT]->(:Segment) RETURN count(r) AS n",
        "MATCH (:Segment)-[r:UPSTREAM_OF]->(:Segment) RETURN count(r) AS n")] == counts
    assert chains_loaded(falkor_store) and first.version == template_version()


def test_load_chains_removes_what_the_templates_no_longer_have(falkor_store: FalkorStore) -> None:
    load_chains(falkor_store)
    falkor_store.write("CREATE (:Segment {key: 'Segment:旧链/旧环节', name: '旧环节', version: 'old'})")
    falkor_store.write("MATCH (a:Segment {key: 'Segment:新能源汽车/整车'}), (b:Segment {key: 'Segment:新能源汽车/电控'}) "
                       "CREATE (a)-[:UPSTREAM_OF]->(b)")
    load_chains(falkor_store)
    assert _count(falkor_store, "MATCH (s:Segment {key: 'Segment:旧链/旧环节'}) RETURN count(s) AS n") == 0
    assert _count(falkor_store, "MATCH (:Segment {key: 'Segment:新能源汽车/整车'})-[r:UPSTREAM_OF]->"
                                "(:Segment {key: 'Segment:新能源汽车/电控'}) RETURN count(r) AS n") == 0


def test_maps_to_is_refreshed_for_every_node(falkor_store: FalkorStore) -> None:
    load_chains(falkor_store)
    falkor_store.write("CREATE (:Entity:Industry {key: 'Industry:新能源电池', type: 'Industry', name: '新能源电池', "
                       "forms: ['新能源电池']})")
    falkor_store.write("CREATE (:Entity:Industry {key: 'Industry:房地产', type: 'Industry', name: '房地产', forms: ['房地产']})")
    # a stale edge from an earlier mapping: the refresh must drop it
    falkor_store.write("MATCH (i:Industry {key: 'Industry:房地产'}), (c:Chain {key: 'Chain:新材料'}) "
                       "CREATE (i)-[:MAPS_TO {rule: 'exact'}]->(c)")
    load_chains(falkor_store)
    rows = falkor_store.read("MATCH (i:Industry)-[r:MAPS_TO]->(t) "
                             "RETURN i.name AS name, t.key AS target, r.rule AS rule")
    assert rows == [{"name": "新能源电池", "target": "Segment:新能源汽车/动力电池", "rule": "exact"}]


def test_maps_to_maps_only_new_or_changed_nodes(falkor_store: FalkorStore) -> None:
    falkor_store.write("CREATE (:Entity:Project {key: 'Project:某新能源整车项目', type: 'Project', "
                       "name: '某新能源整车项目', forms: ['某新能源整车项目']})")
    assert load_chains(falkor_store).maps_to == 1
    assert load_chains(falkor_store).maps_to == 0  # nothing changed: nothing mapped again
    # the node gains a form (another report names it): it is mapped again, from its name first
    falkor_store.write("MATCH (n:Project) SET n.forms = n.forms + ['某动力电池项目']")
    assert load_chains(falkor_store).maps_to == 1
    rows = falkor_store.read("MATCH (:Project)-[r:MAPS_TO]->(t) RETURN t.key AS target")
    assert rows == [{"target": "Segment:新能源汽车/整车"}]
    falkor_store.write("MATCH (n:Project) SET n.name = '某动力电池项目'")  # its name changes: mapped again
    load_chains(falkor_store)
    rows = falkor_store.read("MATCH (:Project)-[r:MAPS_TO]->(t) RETURN t.key AS target")
    assert rows == [{"target": "Segment:新能源汽车/动力电池"}]


def test_pipeline_build_loads_chains_and_maps_industries(sample: FalkorStore) -> None:
    store = sample
    assert chains_loaded(store)
    from ontology import map_industry

    industries = store.read("MATCH (i:Industry) OPTIONAL MATCH (i)-[:MAPS_TO]->(t) "
                            "RETURN i.name AS name, collect(t.key) AS targets")
    assert industries
    for row in industries:
        found = map_industry(row["name"])
        assert bool(row["targets"]) == (found is not None), row
        if found is not None:
            assert set(row["targets"]) == set(found.targets), row


# ---------------------------------------------------------------- lookup

@pytest.mark.parametrize("name, key", [
    ("东区", "Park:东区经开区"),          # alias, exact
    ("东区经开区", "Park:东区经开区"),
    (" 西区 ", "Park:西区高新区"),
    ("汽车城", "Park:东区汽车城"),        # part of a name
    ("高新", "Park:西区高新区"),
])
def test_resolve_park(toy: FalkorStore, name: str, key: str) -> None:
    assert resolve_park(toy, name).key == key


def test_resolve_park_includes_sub_parks(toy: FalkorStore) -> None:
    scope = resolve_park(toy, "东区")
    assert scope.members == ("Park:东区汽车城",) and scope.keys[0] == "Park:东区经开区"


def test_resolve_park_prefers_the_enclosing_park_among_partial_matches(toy: FalkorStore) -> None:
    assert resolve_park(toy, "东区经").key == "Park:东区经开区"
    assert resolve_park(toy, "东").key == "Park:东区经开区"  # 东区汽车城 lies inside it


def test_unknown_or_ambiguous_park_is_a_clear_error(toy: FalkorStore) -> None:
    with pytest.raises(KGError, match=r"no park named '北区经开区'.*did you mean 东区经开区"):
        resolve_park(toy, "北区经开区")
    with pytest.raises(KGError, match="matches several"):
        resolve_park(toy, "区")


@pytest.mark.parametrize("name, key", [
    ("新能源汽车", "Chain:新能源汽车"),
    ("新能源车", "Chain:新能源汽车"),          # alias
    ("New energy vehicles", "Chain:新能源汽车"),
    ("汽车芯片", "Chain:新能源汽车"),          # a segment's name: its chain
    ("氢能", "Chain:氢能与储能"),
])
def test_resolve_chain(toy: FalkorStore, name: str, key: str) -> None:
    assert resolve_chain(toy, name).key == key


def test_unknown_chain_suggests_one(toy: FalkorStore) -> None:
    with pytest.raises(KGError, match="did you mean 新能源汽车"):
        resolve_chain(toy, "新能源气车")
    with pytest.raises(KGError, match="no chain named '火箭炮'"):
        resolve_chain(toy, "火箭炮")


def test_part_of_a_chain_name_finds_the_one_chain_containing_it(toy: FalkorStore) -> None:
    assert resolve_chain(toy, "新能源汽").key == "Chain:新能源汽车"
    assert resolve_chain(toy, "new energy").key == "Chain:新能源汽车"  # part of the English name
    with pytest.raises(KGError, match="chain '能' matches several"):
        resolve_chain(toy, "能")


def test_resolve_entity(toy: FalkorStore) -> None:
    assert resolve_entity(toy, "丙电池").key == KEYS["丙电池"]
    assert resolve_entity(toy, "燃料电池项目").key == KEYS["丁燃料电池项目"]
    with pytest.raises(KGError, match="matches several"):
        resolve_entity(toy, "汽车")
    with pytest.raises(KGError, match="did you mean"):
        resolve_entity(toy, "丙电厂")


# ---------------------------------------------------------------- gaps on the toy graph

def test_toy_gaps_status_of_every_segment(toy: FalkorStore) -> None:
    rows = chain_gaps(toy, "东区")
    assert {r.chain for r in rows} == {"新能源汽车"}  # 房地产 maps nowhere; 氢燃料电池 brings the chain named anyway
    nev = next(c for c in chain_templates() if c.name == "新能源汽车")
    assert sorted(r.segment_key for r in rows) == sorted(s.key for s in nev.segments)
    by = _by_segment(rows)
    assert {s for s, r in by.items() if r.status == COVERED} == {"整车", "驱动电机", "汽车零部件"}
    assert {c.name for c in by["整车"].covering} == {"甲汽车", "甲新能源整车项目"}  # through the sub-park
    assert {c.name for c in by["驱动电机"].covering} == {"乙科技"}  # through IN_INDUSTRY
    quote = evidence("甲新能源整车项目", "LOCATED_IN", "东区汽车城")
    assert all(quote in c.evidence for c in by["整车"].covering)
    assert all(r.rank is None and r.kind is None for r in rows if r.status == COVERED)


def test_toy_gap_kinds_and_ranks(toy: FalkorStore) -> None:
    by = _by_segment(chain_gaps(toy, "东区", "新能源汽车"))
    for name in ("动力电池", "电控", "车载电子", "智能网联", "动力总成", "燃料电池"):
        assert (by[name].status, by[name].kind, by[name].neighbours) == (GAP, "补链", ("整车",)), name
    assert (by["汽车后市场"].kind, by["汽车后市场"].neighbours) == ("延链", ("整车",))
    for name in ("锂电材料", "充电设施", "电池回收"):  # next only to other gaps
        assert by[name].kind == "other", name
    # the park's own targets (its report: 氢燃料电池; its agency: 智能网联) lead the 补链 gaps
    assert {by["燃料电池"].rank, by["智能网联"].rank} == {1, 2}
    assert by["燃料电池"].is_target and by["智能网联"].is_target and not by["动力电池"].is_target
    assert by["燃料电池"].targeted_by[0].evidence == (evidence("东区经开区", "FOCUSES_ON", "氢燃料电池"),)


def test_gaps_are_ranked_by_kind(toy: FalkorStore) -> None:
    rows = [r for r in chain_gaps(toy, "东区") if r.status == GAP]
    assert [r.rank for r in rows] == list(range(1, len(rows) + 1))
    kinds = [KINDS.index(r.kind) for r in rows]
    assert kinds == sorted(kinds)


def test_chain_option_analyses_a_chain_the_park_does_not_name(toy: FalkorStore) -> None:
    rows = chain_gaps(toy, "东区", "现代物流")
    assert rows and all(r.status == GAP and r.chain == "现代物流" for r in rows)


def test_park_without_focus_has_no_rows_unless_a_chain_is_named(toy: FalkorStore) -> None:
    assert chain_gaps(toy, "西区") == []
    by = _by_segment(chain_gaps(toy, "西区", "新能源汽车"))
    assert by["动力电池"].status == COVERED and by["整车"].status == GAP
    assert by["动力电池"].covering[0].name == "丙电池"


def test_sub_park_alone_sees_only_its_own_firms(toy: FalkorStore) -> None:
    by = _by_segment(chain_gaps(toy, "汽车城", "新能源汽车"))
    assert by["整车"].status == COVERED and by["驱动电机"].status == GAP


def test_gap_overlay_shape(toy: FalkorStore) -> None:
    overlay = gap_overlay(toy, "东区", "新能源汽车")
    gaps = [r for r in chain_gaps(toy, "东区", "新能源汽车") if r.status == GAP]
    assert [o["segment"] for o in overlay] == [r.segment for r in gaps]
    for item in overlay:
        assert {"segment", "chain", "park_key", "tier", "is_target"} <= set(item)
        assert item["park_key"] == "Park:东区经开区" and item["chain"] == "新能源汽车"
    assert next(o for o in overlay if o["segment"] == "燃料电池")["is_target"] is True


def test_gaps_refresh_templates_in_an_old_store(falkor_store: FalkorStore) -> None:
    write_toy_graph(falkor_store)
    falkor_store.write("MATCH (n) WHERE n:Chain OR n:Segment DETACH DELETE n")  # a store built before the templates
    assert not chains_loaded(falkor_store)
    assert _by_segment(chain_gaps(falkor_store, "东区"))["整车"].status == COVERED


def test_gaps_count_every_covering_firm_and_quote_the_best_known(falkor_store: FalkorStore) -> None:
    write_toy_graph(falkor_store)
    for i in range(8):  # firm i is named in i reports; each is in 东区 and IN_INDUSTRY 电机 (-> 驱动电机)
        falkor_store.write(
            "MATCH (p:Park {key: 'Park:东区经开区'}), (i:Industry {key: 'Industry:电机'}) "
            "CREATE (c:Entity:Company {key: $key, type: 'Company', name: $name, reports: $reports}) "
            "CREATE (c)-[:LOCATED_IN {evidence: [$quote], reports: ['toy.txt']}]->(p) "
            "CREATE (c)-[:IN_INDUSTRY {evidence: [$quote], reports: ['toy.txt']}]->(i)",
            {"key": f"Company:测试{i}公司", "name": f"测试{i}公司", "reports": [f"r{j}" for j in range(i)],
             "quote": f"测试{i}公司落户东区"})
    row = _by_segment(chain_gaps(falkor_store, "东区"))["驱动电机"]
    full = coverage(falkor_store, resolve_park(falkor_store, "东区"))[row.segment_key]
    assert row.firms == len(full) == 9  # 乙科技 and the eight
    assert [c.name for c in row.covering] == [f"测试{i}公司" for i in (7, 6, 5, 4, 3)][:EXAMPLES]
    assert all(c in full and c.evidence for c in row.covering)  # the same quotes as the full coverage


# ---------------------------------------------------------------- the sample graph

def test_sample_jingkai_new_energy_vehicles(sample: FalkorStore) -> None:
    store = sample
    by = _by_segment(chain_gaps(store, "经开区", "新能源汽车"))
    vehicle = by["整车"]
    assert vehicle.status == COVERED
    names = " ".join(c.name for c in vehicle.covering)
    assert any(firm in names for firm in ("宇通", "一汽解放", "上汽")), names
    assert all(c.evidence for c in vehicle.covering)
    for missing in ("动力电池", "电控"):
        assert (by[missing].status, by[missing].kind) == (GAP, "补链"), missing


@pytest.mark.parametrize("park", ["经开区", "航空港区", "高新区"])
def test_sample_parks_give_sensible_gaps(sample: FalkorStore, park: str) -> None:
    store = sample
    rows = chain_gaps(store, park)
    assert len({r.chain for r in rows}) >= 2
    assert any(r.status == COVERED for r in rows) and any(r.status == GAP for r in rows)
    assert any(r.is_target for r in rows)
    for row in rows:
        if row.status == COVERED:
            assert row.covering and all(c.evidence for c in row.covering), row.segment
        else:
            assert not row.covering and row.kind in KINDS
    for chain in {r.chain for r in rows}:
        gaps = [r for r in rows if r.chain == chain and r.status == GAP]
        assert [r.rank for r in gaps] == list(range(1, len(gaps) + 1))
        assert [KINDS.index(r.kind) for r in gaps] == sorted(KINDS.index(r.kind) for r in gaps)


# ---------------------------------------------------------------- command line

def _run(args: list[str], store_dir: Path) -> str:
    result = CliRunner().invoke(main, [*args, "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_gaps_formats(sample_dir: Path) -> None:
    data_dir = sample_dir
    table = _run(["gaps", "--park", "经开区", "--chain", "新能源汽车"], data_dir)
    assert "整车" in table and "covered" in table and "动力电池" in table and "补链" in table
    rows = json.loads(_run(["gaps", "--park", "经开区", "--chain", "新能源汽车", "--format", "json"], data_dir))
    assert {r["segment"] for r in rows} >= {"整车", "动力电池", "电控"}
    assert all(set(c) >= {"name", "evidence", "via"} for r in rows for c in r["covering"])
    csv = _run(["gaps", "--park", "经开区", "--format", "csv"], data_dir).splitlines()
    assert csv[0].startswith("chain,segment,tier,status,kind,rank,target")
    assert len(csv) > 10


def test_cli_errors_are_one_line(sample_dir: Path) -> None:
    data_dir = sample_dir
    result = CliRunner().invoke(main, ["gaps", "--park", "不存在的开发区", "--store", str(data_dir)])
    assert result.exit_code == 1 and result.output.startswith("error: no park named")
    result = CliRunner().invoke(main, ["gaps", "--park", "经开区", "--chain", "火箭炮", "--store", str(data_dir)])
    assert result.exit_code == 1 and "no chain named '火箭炮'" in result.output


def test_cli_ontology_unmapped(sample_dir: Path) -> None:
    data_dir = sample_dir
    rows = json.loads(_run(["ontology", "unmapped", "--format", "json"], data_dir))
    assert rows and all(set(r) == {"industry", "maps_to", "reports", "relations"} for r in rows)
    from ontology import map_industry

    for row in rows:  # none maps to a segment; those mapping to nothing come first
        found = map_industry(row["industry"])
        assert found is None or found.kind == "Chain", row
        assert bool(row["maps_to"]) == (found is not None), row
    assert [bool(r["maps_to"]) for r in rows] == sorted(bool(r["maps_to"]) for r in rows)
