"""`kg profile`: an entity's neighbourhood, on the hand-built graph and through the CLI."""
from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from kg.analysis.profile import ProfileRow, profile
from kg.cli import main
from kg.errors import KGError
from kg.store.falkor import FalkorStore
from tests.toy_chain_graph import evidence, write_toy_graph


@pytest.fixture(scope="module")
def toy_dir(tmp_path_factory: pytest.TempPathFactory):
    data_dir = tmp_path_factory.mktemp("toy") / "kg-data"
    with FalkorStore(data_dir) as store:
        write_toy_graph(store)
    return data_dir


@pytest.fixture
def toy(toy_dir) -> Iterator[FalkorStore]:
    store = FalkorStore(toy_dir)
    try:
        yield store
    finally:
        store.close()


def _sections(rows: list[ProfileRow]) -> dict[str, list[ProfileRow]]:
    found: dict[str, list[ProfileRow]] = {}
    for row in rows:
        found.setdefault(row.section, []).append(row)
    return found


def test_park_profile(toy: FalkorStore) -> None:
    rows = profile(toy, "东区")
    assert rows[0].section == "park" and rows[0].name == "东区经开区"
    by = _sections(rows)
    assert [r.name for r in by["agency"]] == ["东区管委会"]
    assert [r.name for r in by["sub-park"]] == ["东区汽车城"]
    assert [r.name for r in by["focus chain"]] == ["新能源汽车"]
    assert {"新能源汽车", "氢燃料电池", "智能网联"} <= set(by["focus chain"][0].detail.replace(",", " ").split())
    assert {r.name for r in by["firm"]} == {"甲汽车", "乙科技", "庚汽车配件"}  # 甲汽车 through its project
    assert [(r.name, r.detail) for r in by["projects by stage"]] == [("开工", "1 project(s); 20 亿元 known for 1")]
    assert by["project"][0].name == "甲新能源整车项目"
    assert evidence("甲新能源整车项目", "LOCATED_IN", "东区汽车城") in by["project"][0].evidence


def test_company_profile(toy: FalkorStore) -> None:
    by = _sections(profile(toy, "甲汽车"))
    assert [r.name for r in by["park"]] == ["东区汽车城"] and "甲新能源整车项目" in by["park"][0].detail
    assert by["park"][0].evidence == (evidence("甲新能源整车项目", "LOCATED_IN", "东区汽车城"),)
    assert [r.name for r in by["project"]] == ["甲新能源整车项目"]
    assert "开工" in by["project"][0].detail and "20 亿元" in by["project"][0].detail
    assert {r.name for r in by["supplier"]} == {"丙电池", "庚汽车配件"}
    assert [r.name for r in by["segment"]] == ["整车"]
    by = _sections(profile(toy, "丙电池"))
    assert [r.name for r in by["park"]] == ["西区高新区"]
    assert [r.name for r in by["customer"]] == ["甲汽车"]
    assert [r.name for r in by["industry"]] == ["动力电池"]
    assert {r.name for r in by["segment"]} == {"动力电池"}


def test_other_entity_profile_lists_relations(toy: FalkorStore) -> None:
    rows = profile(toy, "电机", "Industry")
    assert rows[0].section == "industry"
    assert [(r.section, r.name) for r in rows[1:]] == [("IN_INDUSTRY <-", "乙科技")]


def test_profile_errors(toy: FalkorStore) -> None:
    with pytest.raises(KGError, match="matches several"):
        profile(toy, "汽车")
    with pytest.raises(KGError, match="no Park entity named '丙电池'"):
        profile(toy, "丙电池", "Park")


def test_cli_profile(toy_dir) -> None:
    result = CliRunner().invoke(main, ["profile", "东区", "--store", str(toy_dir)])
    assert result.exit_code == 0, result.output
    assert "firm" in result.output and "甲汽车" in result.output
    result = CliRunner().invoke(main, ["profile", "丙电池", "--format", "json", "--store", str(toy_dir)])
    rows = json.loads(result.output)
    assert {"section", "name", "detail", "evidence", "reports"} == set(rows[0])
    result = CliRunner().invoke(main, ["profile", "无此企业", "--store", str(toy_dir)])
    assert result.exit_code == 1 and result.output.startswith("error: no entity named")


def test_a_name_with_a_space_is_found_as_typed(falkor_store: FalkorStore) -> None:
    from kg import writer
    from kg.resolve import resolve
    from tests.conftest import make_extraction

    x = make_extraction("r.txt", "TCL 科技在经开区投资建厂。", [("Company", "TCL 科技", []), ("Park", "经开区", [])],
                        [("LOCATED_IN", 1, 2, "TCL 科技在经开区投资建厂")])
    writer.write_graph(falkor_store, resolve([x]).graph)
    from kg.analysis.lookup import resolve_entity

    assert resolve_entity(falkor_store, "TCL 科技").name == "TCL 科技"
