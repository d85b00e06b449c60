"""Entity resolution on the real name variants of the sample reports, built with
kg.pipeline.build into the real FalkorDB store."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import pytest

from kg import merge, names
from kg.model import Extraction
from kg.pipeline import build, extract_files
from kg.resolve import load_alias_table, resolve
from kg.store.falkor import FalkorStore
from tests.conftest import CORPUS, make_extraction

ZONE_FORMS = ("航空港区", "航空港实验区", "郑州航空港区", "郑州航空港经济综合实验区")
COMPANY_FORMS = ("中铁装备", "中铁工程装备集团有限公司")


@pytest.fixture(scope="module")
def corpus() -> tuple[list[Extraction], dict[str, str]]:
    """The extractions of the sample reports and their texts."""
    if not CORPUS.is_dir():
        pytest.skip(f"sample corpus not found at {CORPUS}")
    files = sorted(CORPUS.iterdir())
    return list(extract_files(files, [])), {p.name: p.read_text(encoding="utf-8") for p in files}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorStore]:
    if not CORPUS.is_dir():
        pytest.skip(f"sample corpus not found at {CORPUS}")
    with FalkorStore(tmp_path_factory.mktemp("corpus") / "kg-data") as store:
        result = build(store, sorted(CORPUS.iterdir()), aliases=load_alias_table())
        assert result.read == 5 and not result.skipped
        yield store


def nodes_with_forms(store: FalkorStore, label: str, forms: tuple[str, ...]) -> list[dict]:
    return store.read(f"MATCH (n:{label}) WHERE any(f IN n.forms WHERE f IN $forms) "
                      "RETURN n.key AS key, n.forms AS forms, n.reports AS reports", {"forms": list(forms)})


def extracted_forms(extractions: list[Extraction], label: str, forms: tuple[str, ...]) -> set[str]:
    return {f for x in extractions for e in x.entities if e.type == label for f in e.forms() if f in forms}


def test_the_zone_under_all_its_names_is_one_park(store: FalkorStore, corpus) -> None:
    extractions, texts = corpus
    for form in ZONE_FORMS:
        assert any(form in text for text in texts.values()), form  # real variants of the reports
    found = extracted_forms(extractions, "Park", ZONE_FORMS)
    assert len(found) >= 3, f"the extractor found only {found}"
    (park,) = nodes_with_forms(store, "Park", ZONE_FORMS)
    assert found <= set(park["forms"])
    assert park["key"] == "Park:航空港区" and len(park["reports"]) >= 2


def test_short_and_full_company_name_are_one_company(store: FalkorStore, corpus) -> None:
    extractions, texts = corpus
    assert all(any(form in text for text in texts.values()) for form in COMPANY_FORMS)
    found = extracted_forms(extractions, "Company", COMPANY_FORMS)
    nodes = nodes_with_forms(store, "Company", COMPANY_FORMS)
    assert len(nodes) == 1 and found <= set(nodes[0]["forms"])
    assert nodes[0]["key"] == "Company:中铁工程装备"


def test_projects_with_and_without_suffix_or_phase_are_one_project(store: FalkorStore, corpus) -> None:
    extractions, _ = corpus
    by_key: dict[str, set[str]] = defaultdict(set)
    for x in extractions:
        for e in x.entities:
            if e.type == "Project" and names.project_key(e.name):
                by_key[names.project_key(e.name)].add(e.name)
    variants = {k: v for k, v in by_key.items() if len(v) > 1}
    assert variants, "the sample reports name some project with and without 项目 / a phase"
    for key, forms in variants.items():
        nodes = nodes_with_forms(store, "Project", tuple(forms))
        assert len(nodes) == 1, (key, nodes)
        assert forms <= set(nodes[0]["forms"])


def test_no_two_nodes_of_one_type_share_a_match_key(store: FalkorStore) -> None:
    owner: dict[tuple[str, str], str] = {}
    rows = store.read("MATCH (n:Entity) RETURN n.key AS key, n.type AS type, n.name AS name, n.forms AS forms, "
                      "n.aliases AS aliases, n.match_keys AS match_keys, n.reports AS reports")
    assert len(rows) > 100
    for row in rows:
        assert row["key"].startswith(row["type"] + ":") and row["key"][len(row["type"]) + 1:] in row["match_keys"]
        assert row["reports"] and row["name"] in row["forms"]
        assert set(row["aliases"]) == set(row["forms"]) - {row["name"]}  # every surface form is kept
        for match_key in row["match_keys"]:
            assert owner.setdefault((row["type"], match_key), row["key"]) == row["key"]


def test_a_later_report_with_a_real_sentence_attaches_to_the_stored_nodes(store: FalkorStore, corpus) -> None:
    _, texts = corpus
    sentence = "作为国内隧道掘进装备产业的领军者,中铁装备联合14家高校"
    assert sentence in texts["002_eb3d5fa2d698886d.txt"]
    later = make_extraction("later.txt", "郑州航空港经济综合实验区。" + sentence, [
        ("Company", "中铁装备", []),
        ("Park", "郑州航空港经济综合实验区", []),
    ], [("LOCATED_IN", 1, 2, sentence)])
    alone = resolve([later])  # on its own the report knows only the short company name
    assert set(alone.graph.nodes) == {"Company:中铁装备", "Park:航空港区"}
    resolution = merge.plan(store, [later])
    assert set(resolution.graph.nodes) == {"Company:中铁工程装备", "Park:航空港区"}
    assert not resolution.renames
    assert all(merge.unchanged(resolution, node) for node in resolution.graph)
    assert merge.explain(resolution) == []  # nothing new to merge: both are stored with these names
