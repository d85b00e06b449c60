"""Entity resolution on real name variants from the sample reports."""
from __future__ import annotations

from kg import names
from kg.resolve import load_alias_table, resolve
from tests.conftest import make_extraction


def test_match_keys_of_zone_company_and_project_variants() -> None:
    zone_forms = ["航空港区", "航空港实验区", "郑州航空港区", "郑州航空港经济综合实验区"]
    assert {names.park_key(f) for f in zone_forms} == {("航空港区", True)}
    assert names.park_key("经开区") == ("经开区", False)  # a zone type, not one place
    assert names.park_key("郑州经济技术开发区") == ("郑州经开区", True)
    assert names.company_key("林德（中国）投资有限公司") == "林德投资"
    assert names.company_key("郑州中联钢实业有限公司") == "中联钢实业"
    assert names.project_key("瞪羚产业园二期项目") == names.project_key("瞪羚产业园") == "瞪羚产业园"
    assert names.industry_key("电子信息产业") == "电子信息"


def test_one_park_across_reports_and_relative_agencies_stay_with_their_zone() -> None:
    a = make_extraction("a.txt", "郑州航空港区 航空港区管委会", [
        ("Park", "郑州航空港区", ["航空港区"]),
        ("Agency", "郑州航空港区管委会", ["管委会"]),
    ], [("ADMINISTERS", 2, 1, "航空港区管委会")])
    b = make_extraction("b.txt", "郑州航空港经济综合实验区 实验区管委会", [
        ("Park", "郑州航空港经济综合实验区", ["航空港实验区", "实验区"]),
        ("Agency", "航空港实验区管委会", ["管委会"]),
    ], [("ADMINISTERS", 2, 1, "实验区管委会")])
    c = make_extraction("c.txt", "郑州经济技术开发区 管委会", [
        ("Park", "郑州经济技术开发区", ["经开区"]),
        ("Agency", "经开区管委会", ["管委会"]),
    ], [])
    graph = resolve([a, b, c]).graph
    parks = sorted(d["name"] for _, d in graph.nodes(data=True) if d["label"] == "Park")
    agencies = {d["name"]: d["forms"] for _, d in graph.nodes(data=True) if d["label"] == "Agency"}
    assert parks == ["郑州经济技术开发区", "郑州航空港经济综合实验区"]
    assert len(agencies) == 2  # the 管委会 of two zones are not merged
    assert agencies["经开区管委会"] == {"经开区管委会", "管委会"}
    assert {"郑州航空港区管委会", "航空港实验区管委会"} < agencies["航空港实验区管委会"]
    (edge,) = [d for _, _, k, d in graph.edges(keys=True, data=True) if k == "ADMINISTERS"]
    assert edge["reports"] == {"a.txt", "b.txt"}  # one relation found in two reports lists both
    assert len(edge["evidence"]) == 2


def test_company_abbreviation_and_alias_table() -> None:
    a = make_extraction("a.txt", "中铁工程装备集团有限公司", [("Company", "中铁工程装备集团有限公司", [])], [])
    b = make_extraction("b.txt", "中铁装备 宁德时代", [("Company", "中铁装备", []),
                                                    ("Company", "宁德时代新能源科技股份有限公司", [])], [])
    c = make_extraction("c.txt", "宁德时代", [("Company", "宁德时代", [])], [])
    resolution = resolve([a, b, c], aliases=load_alias_table())
    companies = sorted(d["name"] for _, d in resolution.graph.nodes(data=True))
    assert companies == ["中铁工程装备集团有限公司", "宁德时代新能源科技股份有限公司"]
    reasons = {j.reason for j in resolution.joins}
    assert "abbreviation of 中铁工程装备" in reasons


def test_project_with_and_without_suffix_is_one_node() -> None:
    a = make_extraction("a.txt", "海尔压缩机项目", [("Project", "海尔压缩机项目", [])], [])
    b = make_extraction("b.txt", "海尔压缩机", [("Project", "海尔压缩机", [])], [])
    graph = resolve([a, b]).graph
    assert graph.number_of_nodes() == 1
    assert next(iter(graph.nodes(data=True)))[1]["forms"] == {"海尔压缩机项目", "海尔压缩机"}
