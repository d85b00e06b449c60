"""The query suite: every `.cypher` file under queries/ runs on the real FalkorDB store
built from the sample reports, and on Neo4j 5 when NEO4J_URI is set (that tier clears
the database it is pointed at).

Each query gets its parameters from SAMPLES by name (keys of stored nodes of the kind
the name says); templates run with every label / relationship type they accept. Read
queries run through `read` (read-only transactions), before any query that writes.
A new query with a new parameter name needs a sample here, and every parameter must be
documented in a `// $name:` comment of its file.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import queries
from kg.model import ENTITY_TYPES, RELATION_TYPES
from kg.pipeline import build
from kg.resolve import load_alias_table
from kg.store.base import GraphStore
from tests.conftest import CORPUS

_WRITES = re.compile(r"\b(MERGE|CREATE|SET|DELETE|REMOVE)\b", re.IGNORECASE)
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def _code(text: str) -> str:
    """The query without its // comment lines."""
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith("//"))


def _keys(store: GraphStore, label: str) -> list[str]:
    return [r["key"] for r in store.read(f"MATCH (n:{label}) RETURN n.key AS key ORDER BY key LIMIT 5")]


#: parameter name -> its sample value, computed from the built store
SAMPLES: dict[str, Callable[[GraphStore], Any]] = {
    "key": lambda s: (_keys(s, "Park") or ["Park:(none left)"])[0],
    "keys": lambda s: _keys(s, "Company") + _keys(s, "Park"),
    "parks": lambda s: _keys(s, "Park"),
    "examples": lambda s: 5,
    "per_segment": lambda s: 3,
    "per_company": lambda s: 10,
    "pairs": lambda s: [[r["c"], r["x"]] for r in s.read(
        "MATCH (c:Company)-[:INVESTS_IN]->(x:Project) RETURN c.key AS c, x.key AS x LIMIT 5")],
    "companies": lambda s: _keys(s, "Company"),
    "projects": lambda s: _keys(s, "Project"),
    "local": lambda s: _keys(s, "Park") + _keys(s, "Company"),
    "chains": lambda s: _keys(s, "Chain"),
    "segments": lambda s: _keys(s, "Segment"),
    "fits": lambda s: [1.0] * len(_keys(s, "Segment")),
    "weights": lambda s: {"size": 0.5, "yuan_per_yi": 1e8, "report": 0.5, "max_report": 2.0},
    "types": lambda s: list(ENTITY_TYPES),
    "prefixes": lambda s: ["航空", "中铁"],
    "name": lambda s: "航空港区",
    "exact": lambda s: False,
    "all": lambda s: True,
    "after": lambda s: "",
    "limit": lambda s: 10,
    "max_rank": lambda s: 10,
    "floor": lambda s: 1.0,
    "tie_weight": lambda s: 1.0,
    "max_ties": lambda s: 3,
    "version": lambda s: "query-suite",
    "rows": lambda s: [],  # UNWIND [] still plans the whole query; merge rows are tested elsewhere
}


def _variants(name: str) -> list[tuple[str, str]]:
    """(id, Cypher text) for a query: one per label / relationship type for templates."""
    text = queries.load(name)
    if "__LABEL__" in text:
        from queries import EXTRA_LABELS

        return [(f"{name}[{label}]", queries.render(name, label=label)) for label in ENTITY_TYPES + EXTRA_LABELS]
    if "__REL__" in text:
        from queries import EXTRA_RELATIONS

        return [(f"{name}[{rel}]", queries.render(name, rel=rel)) for rel in RELATION_TYPES + EXTRA_RELATIONS]
    return [(name, text)]


def _suite() -> list[tuple[str, str, bool]]:
    """Every query variant with whether it writes; reads first."""
    cases = [(case_id, text, bool(_WRITES.search(_code(text))))
             for name in queries.names() for case_id, text in _variants(name)]
    return sorted(cases, key=lambda c: (c[2], c[0]))


SUITE = _suite()


def _open_neo4j() -> GraphStore:
    from kg.store.neo4j_store import Neo4jStore

    store = Neo4jStore(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"),
                       os.environ.get("NEO4J_PASSWORD", ""), os.environ.get("NEO4J_DATABASE") or None)
    store.clear()
    return store


@pytest.fixture(scope="module", params=["falkordb", "neo4j"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    """The sample corpus built into a real store of each kind."""
    if not CORPUS.is_dir():
        pytest.skip(f"sample corpus not found at {CORPUS}")
    if request.param == "neo4j":
        if not os.environ.get("NEO4J_URI"):
            pytest.skip("NEO4J_URI not set: no Neo4j server to run the query suite on")
        store = _open_neo4j()
    else:
        from kg.store.falkor import FalkorStore

        store = FalkorStore(tmp_path_factory.mktemp("queries") / "kg-data")
    try:
        result = build(store, sorted(CORPUS.iterdir()), aliases=load_alias_table())
        assert result.read == 5
        yield store
    finally:
        store.close()


def test_read_queries_return_rows_on_the_built_graph(built: GraphStore) -> None:
    """Runs before the suite below, whose write queries change the graph."""
    match_keys = [key.split(":", 1)[1] for key in _keys(built, "Park")]
    for name in ("all_entities", "all_relations", "count_by_label", "count_by_relationship", "entity_page",
                 "relations_from", "entity_forms", "entity_forms_scan", "company_prefixes",
                 "company_prefixes_scan"):
        text = queries.load(name)
        params = {n: SAMPLES[n](built) for n in set(_PARAM.findall(_code(text)))}
        if name == "relations_from":
            params["keys"] = _keys(built, "Project") + _keys(built, "Company")
        if name.startswith("entity_forms"):
            params["keys"] = match_keys
        assert built.read(text, params), name


def test_indexed_and_scanning_lookups_agree(built: GraphStore) -> None:
    keys = [key.split(":", 1)[1] for key in _keys(built, "Park") + _keys(built, "Company")] + ["no such key"]

    def found(name: str) -> list[tuple[str, str]]:
        return sorted((r["key"], r["type"]) for r in built.read(queries.load(name), {"keys": keys}))

    assert found("entity_forms") == found("entity_forms_scan") and len(found("entity_forms")) >= 2


def test_indexed_and_scanning_prefix_lookups_agree(built: GraphStore) -> None:
    prefixes = sorted({key.split(":", 1)[1][:2] for key in _keys(built, "Company")}) + ["无此"]

    def found(name: str) -> list[str]:
        return sorted(r["key"] for r in built.read(queries.load(name), {"prefixes": prefixes}))

    assert found("company_prefixes") == found("company_prefixes_scan")
    assert set(_keys(built, "Company")) <= set(found("company_prefixes"))


@pytest.mark.parametrize("case_id, text, writes", SUITE, ids=[c[0] for c in SUITE])
def test_query_runs(built: GraphStore, case_id: str, text: str, writes: bool) -> None:
    names = sorted(set(_PARAM.findall(_code(text))))
    missing = [n for n in names if n not in SAMPLES]
    assert not missing, f"{case_id}: add a sample value for ${', $'.join(missing)} to tests/test_queries.py"
    params = {n: SAMPLES[n](built) for n in names}
    rows = (built.write if writes else built.read)(text, params)
    assert isinstance(rows, list)


def test_every_query_documents_its_parameters() -> None:
    for name in queries.names():
        text = queries.load(name)
        comments = "\n".join(line for line in text.splitlines() if line.strip().startswith("//"))
        assert comments, f"{name}.cypher has no comment saying what it does"
        for param in set(_PARAM.findall(_code(text))):
            assert f"${param}" in comments, f"{name}.cypher: document ${param} in a // comment"


#: constructs the shared queries avoid, and why (README "Neo4j" section)
NON_PORTABLE = {
    r"\bapoc\.": "APOC is a Neo4j plugin; FalkorDB has no equivalent",
    r"\bCALL\s*\{(?!\s*WITH\s+\w+(\s*,\s*\w+)*\s*\n)": "a CALL {} subquery opens with an importing WITH of plain "
                                                      "variables (the form FalkorDB and Neo4j 4/5 share)",
    r"\bCALL\s*\(": "CALL (x) {} scopes are Neo4j 5.23+ only",
    r"\b(EXISTS|COLLECT|COUNT)\s*\{": "subquery expressions are Neo4j 5 only",
    r"\bCALL\s+(db|dbms|algo|gds)\.": "procedures differ between the stores",
    r"\b(CREATE|DROP)\s+(INDEX|CONSTRAINT)\b": "schema DDL differs; the store adapters own it",
    r"\bvecf32\(": "FalkorDB-only vector function",
}


@pytest.mark.parametrize("name", queries.names())
def test_queries_keep_to_the_common_dialect(name: str) -> None:
    code = _code(queries.load(name))
    for pattern, why in NON_PORTABLE.items():
        assert not re.search(pattern, code, re.IGNORECASE), f"{name}.cypher: {why}"
