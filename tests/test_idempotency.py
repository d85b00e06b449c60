"""Idempotency and growth on the real FalkorDB store, compared on the whole graph (every node
and relationship with all properties, Report nodes, chain templates and MAPS_TO included).

Building the same reports twice, one at a time, in reverse order or in any order and
chunking gives the same graph; each added report only adds (no node, relationship, form,
report or evidence quote disappears; counts never fall).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from kg.cli import main
from kg.model import Extraction
from kg.pipeline import load
from kg.store.falkor import FalkorStore
from tests.conftest import make_extraction
from tests.graph_snapshot import Snapshot, grew, snapshot


def kg_build(data: Path, *paths: Path) -> None:
    result = CliRunner().invoke(main, ["build", *map(str, paths), "--store", str(data), "--no-html"])
    assert result.exit_code == 0, result.output


def stored(data: Path) -> Snapshot:
    with FalkorStore(data) as store:
        return snapshot(store)


def test_one_build_twice_and_one_report_at_a_time_backwards_give_one_graph(corpus_dir: Path,
                                                                            tmp_path: Path) -> None:
    kg_build(tmp_path / "together", corpus_dir)
    together = stored(tmp_path / "together")
    kg_build(tmp_path / "together", corpus_dir)
    assert stored(tmp_path / "together") == together

    before = None
    for path in sorted(corpus_dir.glob("*.txt"), reverse=True):
        kg_build(tmp_path / "apart", path)
        now = stored(tmp_path / "apart")
        if before is not None:
            assert grew(before, now) == [], f"adding {path.name} lost something"
        before = now
    assert before == together
    assert len(together[0]) > 400 and len(together[1]) > 800


# ---------------------------------------------------------------- any order, any chunking

def _project(report: str, stage: str | None, amount: float | None, role: str | None = None) -> Extraction:
    text = f"比亚迪投资建设比亚迪新能源汽车零部件项目，项目落户郑州航空港区。{report}"
    extraction = make_extraction(report, text, [
        ("Project", "比亚迪新能源汽车零部件项目", []),
        ("Company", "比亚迪", []),
        ("Park", "郑州航空港区", ["航空港区"]),
    ], [("INVESTS_IN", 2, 1, "比亚迪投资建设比亚迪新能源汽车零部件项目"), ("LOCATED_IN", 1, 3, "项目落户郑州航空港区")])
    attrs = {"stage": stage, "investment_cny": amount, "role": role}
    extraction.entities[0].attrs.update({k: v for k, v in attrs.items() if v is not None})
    return extraction


#: small reports that overlap: attribute conflicts, a short name re-keyed by a fuller one,
#: two stored nodes joined by a third report, a park named three ways
POOL = [
    _project("p1.txt", "签约", 1.0e9),
    _project("p2.txt", "投产", 2.5e9, "龙头"),
    _project("p3.txt", "在建", None, "配套"),
    make_extraction("s.txt", "中铁装备落户郑州经开区", [("Company", "中铁装备", []), ("Park", "郑州经开区", [])],
                    [("LOCATED_IN", 1, 2, "中铁装备落户郑州经开区")]),
    make_extraction("f.txt", "中铁工程装备集团有限公司生产盾构机", [("Company", "中铁工程装备集团有限公司", []),
                                                            ("Industry", "盾构机", [])],
                    [("IN_INDUSTRY", 1, 2, "中铁工程装备集团有限公司生产盾构机")]),
    make_extraction("y1.txt", "宇通客车落户郑州经开区", [("Company", "宇通客车", []), ("Park", "郑州经开区", [])],
                    [("LOCATED_IN", 1, 2, "宇通客车落户郑州经开区")]),
    make_extraction("y2.txt", "郑州宇通集团投资新能源商用车", [("Company", "郑州宇通集团", []),
                                                             ("Industry", "新能源商用车", [])],
                    [("IN_INDUSTRY", 1, 2, "郑州宇通集团投资新能源商用车")]),
    make_extraction("y3.txt", "宇通客车（宇通集团）在航空港实验区", [("Company", "宇通客车", ["宇通集团"]),
                                                              ("Park", "航空港实验区", ["郑州航空港区"])],
                    [("LOCATED_IN", 1, 2, "宇通客车（宇通集团）在航空港实验区")]),
]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorStore]:
    with FalkorStore(tmp_path_factory.mktemp("scratch") / "kg-data", persist=False) as store:
        yield store


@pytest.fixture(scope="module")
def all_at_once(scratch: FalkorStore) -> Snapshot:
    scratch.clear()
    load(scratch, POOL)
    return snapshot(scratch)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(len(POOL))), cuts=st.sets(st.integers(1, len(POOL) - 1)))
def test_any_order_and_chunking_gives_the_graph_of_loading_all_at_once(scratch: FalkorStore,
                                                                       all_at_once: Snapshot,
                                                                       order: list[int], cuts: set[int]) -> None:
    scratch.clear()
    bounds = [0, *sorted(cuts), len(POOL)]
    before = None
    for start, end in zip(bounds, bounds[1:]):
        load(scratch, [POOL[i] for i in order[start:end]])
        now = snapshot(scratch)
        if before is not None:
            assert grew(before, now) == []
        before = now
    assert before == all_at_once


def test_reports_that_disagree_keep_the_later_stage_and_the_larger_values(all_at_once: Snapshot) -> None:
    (project,) = [props for (labels, key), props in all_at_once[0].items() if key.startswith("Project:")]
    assert (project["stage"], project["investment_cny"], project["role"]) == ("投产", 2.5e9, "龙头")
