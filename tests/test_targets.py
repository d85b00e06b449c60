"""Link-building targets and local matchmaking: exact answers on the hand-built graph,
robust properties on the graph of the five sample reports."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.analysis.gaps import chain_gaps
from kg.analysis.lookup import resolve_park
from kg.analysis.presence import local_firms, local_keys
from kg.analysis import targets
from kg.analysis.targets import FIT, TARGET_BONUS, local_matches, link_targets, segment_fits
from kg.cli import main
from kg.store.falkor import FalkorStore
from tests.toy_chain_graph import KEYS, evidence


# ---------------------------------------------------------------- the hand-built graph

def test_segment_fits_follow_gap_kinds(toy: FalkorStore) -> None:
    fits = {f.segment: f for f in segment_fits(chain_gaps(toy, "东区")).values()}
    assert fits["燃料电池"].kind == "补链" and fits["燃料电池"].score == FIT["补链"] + TARGET_BONUS
    assert (fits["动力电池"].kind, fits["动力电池"].score) == ("补链", FIT["补链"])
    assert fits["汽车后市场"].kind == "延链" and fits["充电设施"].kind == "other"
    assert fits["驱动电机"].kind == "强链"  # covered, feeds the covered 整车
    assert "整车" not in fits  # covered and feeds nothing covered


def test_toy_targets_ranking_and_scores(toy: FalkorStore) -> None:
    rows = link_targets(toy, "东区")
    assert [r.company for r in rows][:3] == ["丁氢能", "丙电池", "己汽车服务"]
    # not 癸电控: it works in the 电控 gap by its name, but no quote names it
    assert {r.company for r in rows} == {"丁氢能", "丙电池", "己汽车服务", "戊充电桩", "壬驱动电机"}
    ding, bing = rows[0], rows[1]
    # 丁氢能: 补链 gap the park names (3 + 1), 50 亿元 through its project, one report
    assert (ding.segment, ding.kind, ding.fit_score, ding.tie_score) == ("燃料电池", "补链", 4.0, 0.0)
    assert ding.investment_cny == 5e9 and ding.size_score == pytest.approx(0.5 * math.log10(51))
    assert ding.score == round(4.0 + 0.5 * math.log10(51) + 0.5, 2)
    assert ding.where == ["西区高新区"]
    assert evidence("丁氢能", "INVESTS_IN", "丁燃料电池项目") in ding.evidence
    assert evidence("丁燃料电池项目", "LOCATED_IN", "西区高新区") in ding.evidence
    # 丙电池 already supplies the park's 甲汽车: a tie
    assert (bing.segment, bing.fit_score, bing.tie_score, bing.ties) == ("动力电池", 3.0, 1.0, ["SUPPLIES 甲汽车"])
    assert evidence("丙电池", "SUPPLIES", "甲汽车") in bing.evidence
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)


def test_toy_target_reasons_are_words(toy: FalkorStore) -> None:
    rows = {r.company: r for r in link_targets(toy, "东区")}
    assert "燃料电池" in rows["丁氢能"].reason and "补链" in rows["丁氢能"].reason
    assert "names as a target" in rows["丁氢能"].reason and "50 亿元" in rows["丁氢能"].reason
    assert "丁燃料电池项目" in rows["丁氢能"].reason and "西区高新区" in rows["丁氢能"].reason
    assert "SUPPLIES 甲汽车" in rows["丙电池"].reason
    assert "强链" in rows["壬驱动电机"].reason


def test_local_firms_are_never_targets(toy: FalkorStore) -> None:
    local = set(local_firms(toy, resolve_park(toy, "东区")).keys())
    assert local_keys(toy, resolve_park(toy, "东区")) == local
    assert {KEYS["甲汽车"], KEYS["乙科技"], KEYS["庚汽车配件"]} <= local
    assert not {r.company_key for r in link_targets(toy, "东区")} & local


def test_targets_limit_and_chain(toy: FalkorStore) -> None:
    assert [r.company for r in link_targets(toy, "东区", limit=2)] == ["丁氢能", "丙电池"]
    assert link_targets(toy, "东区", "现代物流") == []  # 辛物流 is known only at chain level
    assert link_targets(toy, "西区") == []  # no focus chain, so no gaps


def test_toy_local_matches(toy: FalkorStore) -> None:
    pairs = local_matches(toy, "东区")
    # 乙科技 (驱动电机) could supply 甲汽车 (整车); 庚汽车配件 already SUPPLIES it
    assert [(p.upstream, p.upstream_segment, p.downstream, p.downstream_segment) for p in pairs] == [
        ("乙科技", "驱动电机", "甲汽车", "整车")]
    assert pairs[0].chains == ("新能源汽车",) and "no SUPPLIES" in pairs[0].reason
    assert pairs[0].evidence


def _ranking(rows: list[targets.TargetRow]) -> list[tuple[str, float]]:
    return [(r.company_key, r.score) for r in rows]


def _widening_matches_the_full_ranking(store: FalkorStore, park: str, limits: range,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """With a shortlist of two companies per target asked for (one may be a bare name with no
    quote, dropped later) and a pool no larger, the pool must widen (or take in tied companies)
    until the best `limit` equal those of weighing every company."""
    everything = _ranking(link_targets(store, park, limit=None))
    assert everything
    for name, value in (("SHORTLIST_MIN", 1), ("SHORTLIST_PER_TARGET", 2), ("RANKED_PER_SHORTLISTED", 1)):
        monkeypatch.setattr(targets, name, value)
    for limit in limits:
        assert _ranking(link_targets(store, park, limit=limit)) == everything[:limit], limit


def test_small_shortlists_widen_to_the_full_ranking(toy: FalkorStore, monkeypatch: pytest.MonkeyPatch) -> None:
    _widening_matches_the_full_ranking(toy, "东区", range(1, 8), monkeypatch)


def test_tied_companies_outside_the_pool_join_by_their_own_fit(falkor_store: FalkorStore,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """On a synthetic graph of 2,000 nodes (more companies than the pool holds), companies tied to
    the park but pre-ranked below the pool join the shortlist when their own best fit lifts them
    there, and the best `limit` equal those of weighing every company."""
    from bench.synth_graph import SyntheticGraph, write

    graph = SyntheticGraph(2000, seed=7)
    write(falkor_store, graph)
    joined: list[int] = []
    tied_above = targets._tied_above

    def counted(*args: object) -> set[str]:
        found = tied_above(*args)  # type: ignore[arg-type]
        joined.append(len(found))
        return found

    monkeypatch.setattr(targets, "_tied_above", counted)
    sizes = graph.park_sizes()
    for park, _ in (sizes[0], sizes[len(sizes) // 2]):
        everything = _ranking(link_targets(falkor_store, park, limit=None))
        for limit in (1, 5, 20):
            assert _ranking(link_targets(falkor_store, park, limit=limit)) == everything[:limit], (park, limit)
    assert joined and any(joined)  # the tied companies were weighed, and some joined


# ---------------------------------------------------------------- the sample graph

def test_sample_small_shortlists_widen_to_the_full_ranking(sample: FalkorStore,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    _widening_matches_the_full_ranking(sample, "经开区", range(1, 6), monkeypatch)


def test_build_preranks_every_company(sample: FalkorStore) -> None:
    rows = sample.read("MATCH (c:Company) RETURN c.prescore AS prescore, c.prerank AS prerank ORDER BY prerank")
    assert rows and [r["prerank"] for r in rows] == list(range(1, len(rows) + 1))
    assert [r["prescore"] for r in rows] == sorted((r["prescore"] for r in rows), reverse=True)


def test_sample_jingkai_targets_come_from_other_zones(sample: FalkorStore) -> None:
    scope = resolve_park(sample, "经开区")
    local = set(local_firms(sample, scope).keys())
    assert local_keys(sample, scope) == local
    rows = link_targets(sample, "经开区", limit=50)
    assert rows
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)
    assert not {r.company_key for r in rows} & local
    for row in rows:
        assert row.reason and row.evidence and row.fits, row.company
        assert row.score == round(row.fit_score + row.tie_score + row.size_score + row.report_score, 2)
    elsewhere = [r for r in rows if r.where]
    assert elsewhere
    own = {scope.name}
    assert all(not set(r.where) <= own for r in elsewhere)
    # the report of 经开区 names 氢燃料电池 as a frontier industry; 高新区 hosts fuel-cell firms
    fuel = [r for r in rows if any(f.segment == "燃料电池" for f in r.fits)]
    assert any("高新区" in place for r in fuel for place in r.where), [(r.company, r.where) for r in fuel]


def test_sample_local_matches_have_no_supply_link(sample: FalkorStore) -> None:
    pairs = local_matches(sample, "经开区")
    supplies = {(r["a"], r["b"]) for r in sample.read(
        "MATCH (a:Company)-[:SUPPLIES]->(b:Company) RETURN a.key AS a, b.key AS b")}
    for pair in pairs:
        assert pair.upstream_key != pair.downstream_key
        assert (pair.upstream_key, pair.downstream_key) not in supplies
        assert (pair.downstream_key, pair.upstream_key) not in supplies


def _run(args: list[str], store_dir: Path) -> str:
    result = CliRunner().invoke(main, [*args, "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_targets(sample_dir: Path) -> None:
    rows = json.loads(_run(["targets", "--park", "经开区", "--limit", "5", "--format", "json"], sample_dir))
    assert 0 < len(rows) <= 5
    assert all(r["reason"] and r["evidence"] and r["company"] for r in rows)
    table = _run(["targets", "--park", "经开区", "--limit", "3"], sample_dir)
    assert table.splitlines()[0].split()[:3] == ["rank", "company", "where"]
    assert "\n1. " in table and "evidence: " in table
    csv = _run(["targets", "--park", "经开区", "--matches", "--format", "csv"], sample_dir).splitlines()
    assert csv[0] == "upstream,upstream_segment,downstream,downstream_segment,chains,reason,evidence"
