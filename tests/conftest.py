"""Shared fixtures: the sample corpus beside the checkout, and a real FalkorDB store."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.model import Entity, Extraction, Relation, Report, Span
from kg.store.falkor import FalkorStore
from tests.toy_chain_graph import build_sample, write_toy_graph

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"sample corpus not found at {CORPUS}")
    return CORPUS


@pytest.fixture
def gold_dir() -> Path:
    if not GOLD.is_dir():
        pytest.skip(f"gold annotations not found at {GOLD}")
    return GOLD


@pytest.fixture
def falkor_store(tmp_path: Path) -> Iterator[FalkorStore]:
    """A real FalkorDB server in a fresh data directory, stopped after the test."""
    store = FalkorStore(tmp_path / "kg-data")
    try:
        yield store
    finally:
        store.close()


def make_extraction(report_id: str, text: str, entities: list[tuple[str, str, list[str]]],
                    relations: list[tuple[str, int, int, str]]) -> Extraction:
    """An Extraction built by hand: entities as (type, name, aliases), relations as (type, head#, tail#, evidence)."""
    report = Report(id=report_id, path=report_id, text=text)
    ents = []
    for i, (etype, name, aliases) in enumerate(entities, start=1):
        start = max(text.find(name), 0)
        ents.append(Entity(id=f"E{i}", type=etype, name=name, aliases=aliases,
                           spans=[Span(report_id, start, start + len(name))]))
    rels = [Relation(type=t, head=f"E{h}", tail=f"E{tl}", evidence=ev,
                     span=Span(report_id, max(text.find(ev), 0), max(text.find(ev), 0) + len(ev)))
            for t, h, tl, ev in relations]
    return Extraction(report=report, entities=ents, relations=rels)


# Chain-analysis fixtures shared by test_gaps and test_targets: a hand-built toy graph and the sample graph.
@pytest.fixture(scope="module")
def toy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorStore]:
    store = FalkorStore(tmp_path_factory.mktemp("toy") / "kg-data")
    try:
        write_toy_graph(store)
        yield store
    finally:
        store.close()


@pytest.fixture(scope="module")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Data directory of the five sample reports built by the real pipeline (store closed)."""
    if not CORPUS.is_dir():
        pytest.skip(f"sample corpus not found at {CORPUS}")
    return build_sample(tmp_path_factory.mktemp("sample") / "kg-data")


@pytest.fixture
def sample(sample_dir: Path) -> Iterator[FalkorStore]:
    store = FalkorStore(sample_dir)
    try:
        yield store
    finally:
        store.close()
