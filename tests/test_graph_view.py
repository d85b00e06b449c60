"""Reading the stored graph for the page: park/chain membership, evidence paired with reports,
chain templates kept only where reports touch them."""
from __future__ import annotations

from typing import Any

from kg import membership
from kg.graph_view import sources, stored_graph
from kg.store.falkor import FalkorStore


def _n(key: str, name: str | None = None) -> dict[str, Any]:
    return {"key": key, "label": key.split(":", 1)[0], "name": name or key.split(":", 1)[1]}


def _e(source: str, rel: str, target: str) -> dict[str, Any]:
    return {"source": source, "target": target, "type": rel}


def test_park_membership_follows_location_investment_and_sub_parks() -> None:
    nodes = [_n("Park:A"), _n("Park:A1"), _n("Park:B"), _n("Company:c"), _n("Company:d"), _n("Project:p"),
             _n("Agency:g"), _n("Agency:g2"), _n("Industry:i")]
    edges = [_e("Park:A1", "LOCATED_IN", "Park:A"), _e("Project:p", "LOCATED_IN", "Park:A1"),
             _e("Company:c", "INVESTS_IN", "Project:p"), _e("Company:c", "LOCATED_IN", "Park:B"),
             _e("Company:d", "INVESTS_IN", "Company:c"),  # investing in a firm does not move you
             _e("Agency:g", "ADMINISTERS", "Park:B"), _e("Agency:g2", "PART_OF", "Agency:g"),
             _e("Company:c", "IN_INDUSTRY", "Industry:i"), _e("Park:A", "FOCUSES_ON", "Industry:i")]
    membership.annotate(nodes, edges)
    parks = {n["key"]: n["parks"] for n in nodes}
    assert parks == {"Park:A": [], "Park:A1": ["A"], "Park:B": [], "Company:c": ["A", "A1", "B"],
                     "Company:d": [], "Project:p": ["A", "A1"], "Agency:g": ["B"], "Agency:g2": ["B"],
                     "Industry:i": []}


def test_park_membership_survives_cycles() -> None:
    nodes = [_n("Park:A"), _n("Park:B"), _n("Company:c")]
    edges = [_e("Park:A", "PART_OF", "Park:B"), _e("Park:B", "LOCATED_IN", "Park:A"),
             _e("Company:c", "LOCATED_IN", "Park:A")]
    membership.annotate(nodes, edges)
    assert [n["parks"] for n in nodes] == [["B"], ["A"], ["A", "B"]]


def test_chain_membership_through_industries_and_segments() -> None:
    nodes = [_n("Chain:EV", "新能源汽车"), _n("Chain:H2", "氢能"), _n("Segment:EV/电池", "动力电池"),
             _n("Industry:锂电"), _n("Industry:电池材料"), _n("Company:c"), _n("Project:p"), _n("Park:A")]
    edges = [_e("Chain:EV", "HAS_SEGMENT", "Segment:EV/电池"), _e("Chain:H2", "HAS_SEGMENT", "Segment:EV/电池"),
             _e("Industry:锂电", "MAPS_TO", "Segment:EV/电池"), _e("Industry:电池材料", "SUB_INDUSTRY_OF", "Industry:锂电"),
             _e("Company:c", "IN_INDUSTRY", "Industry:电池材料"), _e("Project:p", "MAPS_TO", "Chain:H2"),
             _e("Park:A", "FOCUSES_ON", "Industry:锂电")]
    membership.annotate(nodes, edges)
    chains = {n["key"]: n["chains"] for n in nodes}
    assert chains["Segment:EV/电池"] == chains["Company:c"] == ["新能源汽车", "氢能"]
    assert chains["Project:p"] == ["氢能"] and chains["Park:A"] == [] and chains["Chain:EV"] == []


def test_sources_pair_quotes_with_reports_only_when_known() -> None:
    assert sources(["q1", "q2"], ["a", "b"], ["b", "a"]) == [{"quote": "q1", "report": "b"},
                                                               {"quote": "q2", "report": "a"}]
    assert sources(["q1", "q2"], ["a"], None) == [{"quote": "q1", "report": "a"}, {"quote": "q2", "report": "a"}]
    # two reports, no parallel list (or one written before it existed): positions say nothing
    assert [s["report"] for s in sources(["q1", "q2"], ["a", "b"], None)] == [None, None]
    assert [s["report"] for s in sources(["q1", "q2"], ["a", "b"], ["", "b"])] == [None, "b"]


def test_stored_graph_reads_pairs_and_drops_untouched_templates(falkor_store: FalkorStore) -> None:
    falkor_store.write(
        "CREATE (c:Entity:Company {key: 'Company:c', type: 'Company', name: $c, aliases: [], reports: ['r1', 'r2']}),"
        " (p:Entity:Park {key: 'Park:P', type: 'Park', name: 'P园区', aliases: ['P区'], reports: ['r1']}),"
        " (ch:Chain {key: 'Chain:X', name: 'X链'}), (s1:Segment {key: 'Segment:X/s1', name: 's1'}),"
        " (s2:Segment {key: 'Segment:X/s2', name: 's2'}), (ch2:Chain {key: 'Chain:Y', name: 'Y链'}),"
        " (c)-[:LOCATED_IN {evidence: ['q-r2', 'q-r1'], evidence_reports: ['r2', 'r1'], reports: ['r1', 'r2'],"
        "   count: 2}]->(p),"
        " (c)-[:MAPS_TO]->(s1), (ch)-[:HAS_SEGMENT]->(s1), (ch)-[:HAS_SEGMENT]->(s2), (s1)-[:UPSTREAM_OF]->(s2)",
        {"c": "<b>c</b>"})
    nodes, edges = stored_graph(falkor_store)
    assert {n["key"]: n["label"] for n in nodes} == {"Company:c": "Company", "Park:P": "Park", "Chain:X": "Chain",
                                                     "Segment:X/s1": "Segment"}
    company = next(n for n in nodes if n["key"] == "Company:c")
    assert company["name"] == "<b>c</b>" and company["parks"] == ["P园区"] and company["chains"] == ["X链"]
    located = next(e for e in edges if e["type"] == "LOCATED_IN")
    assert located["evidence"] == [{"quote": "q-r2", "report": "r2"}, {"quote": "q-r1", "report": "r1"}]
    assert {e["type"] for e in edges} == {"LOCATED_IN", "MAPS_TO", "HAS_SEGMENT"}  # s2 and its edges left out
