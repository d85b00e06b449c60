"""`kg export`: every format parses back to the stored graph (real FalkorDB store)."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, Literal
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg import merge, writer
from kg.cli import main
from kg.export import export
from kg.export.neo4j_csv import paths_for
from kg.export.rdf import entity_iri
from kg.export.source import pages
from kg.store.falkor import FalkorStore
from ontology.graph import KG
from tests.conftest import make_extraction

TEXT_A = "郑州航空港区（一期）；富士康集团投资20亿元建设智能终端项目\n项目落户郑州航空港区"
TEXT_B = "航空港实验区/管委会 表示：富士康科技集团投资建设智能终端项目"


@pytest.fixture
def store(falkor_store: FalkorStore) -> FalkorStore:
    a = make_extraction("a;1.txt", TEXT_A, [
        ("Park", "郑州航空港区", []),
        ("Company", "富士康集团", []),
        ("Project", "智能终端项目", []),
    ], [("INVESTS_IN", 2, 3, "富士康集团投资20亿元建设智能终端项目\n项目落户"),
        ("LOCATED_IN", 3, 1, "郑州航空港区（一期）；富士康")])
    a.entities[2].attrs.update(investment_cny=2e9, investment_original="20亿元", stage="在建")
    b = make_extraction("b#2.txt", TEXT_B, [
        ("Park", "航空港实验区", []),
        ("Agency", "航空港实验区/管委会", []),
        ("Company", "富士康科技集团", ["富士康集团"]),
        ("Project", "智能终端", []),
    ], [("ADMINISTERS", 2, 1, "航空港实验区/管委会"), ("INVESTS_IN", 3, 4, "富士康科技集团投资建设智能终端项目")])
    writer.prepare(falkor_store)
    merge.apply(falkor_store, merge.plan(falkor_store, [a, b]))
    return falkor_store


def stored(store: FalkorStore) -> tuple[dict, dict]:
    nodes = {r["key"]: r for r in store.read("MATCH (n:Entity) RETURN n.key AS key, n.type AS type, "
                                             "n.name AS name, n.forms AS forms, n.reports AS reports")}
    edges = {(r["source"], r["type"], r["target"]): r for r in store.read(
        "MATCH (a:Entity)-[r]->(b:Entity) RETURN a.key AS source, type(r) AS type, b.key AS target, "
        "r.evidence AS evidence, r.evidence_reports AS sources, r.reports AS reports, r.count AS count")}
    return nodes, edges


def test_paging_reads_every_node_and_relationship_once(store: FalkorStore) -> None:
    nodes, edges = stored(store)
    seen_nodes, seen_edges = [], []
    for page_nodes, page_edges in pages(store, page=2):
        assert len(page_nodes) <= 2
        seen_nodes += [n["key"] for n in page_nodes]
        seen_edges += [(e["source"], e["type"], e["target"]) for e in page_edges]
    assert seen_nodes == sorted(nodes)
    assert sorted(seen_edges) == sorted(edges) and len(seen_edges) == len(edges) == 3


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_parse_back(store: FalkorStore, tmp_path: Path, fmt: str, reader) -> None:
    nodes, edges = stored(store)
    out = tmp_path / f"graph.{fmt}"
    assert export(store, fmt, out) == [out]
    graph = reader(out)
    assert set(graph.nodes) == set(nodes)
    for key, node in nodes.items():
        data = graph.nodes[key]
        assert data["label"] == node["name"] and data["type"] == node["type"]
        assert json.loads(data["forms"]) == node["forms"] and json.loads(data["reports"]) == node["reports"]
    project = graph.nodes["Project:智能终端"]
    assert float(project["investment_cny"]) == 2e9 and project["stage"] == "在建"
    found = {(h, d["relation"], t): d for h, t, d in graph.edges(data=True)}
    assert set(found) == set(edges)
    for key, edge in edges.items():
        assert json.loads(found[key]["evidence"]) == edge["evidence"]
        assert json.loads(found[key]["evidence_reports"]) == edge["sources"]
        assert int(found[key]["count"]) == edge["count"]


def test_csv_has_the_neo4j_admin_import_layout(store: FalkorStore, tmp_path: Path) -> None:
    nodes, edges = stored(store)
    nodes_path, edges_path = export(store, "csv", tmp_path / "graph.csv")
    assert (nodes_path.name, edges_path.name) == ("graph-nodes.csv", "graph-relationships.csv")
    with open(nodes_path, encoding="utf-8", newline="") as f:
        node_rows = list(csv.reader(f))
    with open(edges_path, encoding="utf-8", newline="") as f:
        edge_rows = list(csv.reader(f))
    assert node_rows[0][:2] == ["key:ID", ":LABEL"] and "forms:string[]" in node_rows[0]
    assert edge_rows[0][:3] == [":START_ID", ":END_ID", ":TYPE"] and "count:int" in edge_rows[0]
    header = node_rows[0]
    by_key = {row[0]: dict(zip(header, row)) for row in node_rows[1:]}
    assert set(by_key) == set(nodes)
    for key, node in nodes.items():
        assert by_key[key][":LABEL"].split(";") == ["Entity", node["type"]]
        assert by_key[key]["forms:string[]"].split(";") == node["forms"]
    assert by_key["Project:智能终端"]["investment_cny:double"] == "2000000000.0"
    header = edge_rows[0]
    rows = [dict(zip(header, row)) for row in edge_rows[1:]]
    assert {(r[":START_ID"], r[":TYPE"], r[":END_ID"]) for r in rows} == set(edges)
    assert all(r[":START_ID"] in by_key and r[":END_ID"] in by_key for r in rows)
    located = next(r for r in rows if r[":TYPE"] == "LOCATED_IN")
    # a ';' inside a value must not split the array: it is written as the full-width '；'
    assert located["evidence:string[]"].split(";") == ["郑州航空港区（一期）；富士康"]
    assert located["evidence_reports:string[]"].split(";") == ["a；1.txt"]
    invests = next(r for r in rows if r[":TYPE"] == "INVESTS_IN")
    assert invests["evidence:string[]"].split(";")[0] == "富士康集团投资20亿元建设智能终端项目\n项目落户"


def test_csv_names_for_a_folder_and_a_plain_name(tmp_path: Path) -> None:
    assert paths_for(tmp_path) == (tmp_path / "nodes.csv", tmp_path / "relationships.csv")
    assert paths_for(tmp_path / "zone") == (tmp_path / "zone-nodes.csv", tmp_path / "zone-relationships.csv")


@pytest.mark.parametrize("fmt, rdf_format", [("ttl", "turtle"), ("jsonld", "json-ld")])
def test_rdf_parses_back_with_the_ontology_iris(store: FalkorStore, tmp_path: Path, fmt: str,
                                                rdf_format: str) -> None:
    nodes, edges = stored(store)
    out = tmp_path / f"graph.{fmt}"
    export(store, fmt, out)
    graph = Graph().parse(out, format=rdf_format)
    for key, node in nodes.items():
        subject = entity_iri(key)
        assert (subject, RDF.type, KG[node["type"]]) in graph
        assert (subject, KG.key, Literal(key)) in graph
        forms = {str(o) for o in graph.objects(subject, SKOS.altLabel)} | {str(graph.value(subject, SKOS.prefLabel))}
        assert forms == set(node["forms"])
    assert "/" not in str(entity_iri("Agency:航空港区/管委会")).rsplit("agency/", 1)[1]
    park, company = entity_iri("Park:航空港区"), entity_iri("Company:富士康科技")
    assert (company, KG.investsIn, entity_iri("Project:智能终端")) in graph
    statements = list(graph.subjects(RDF.subject, company))
    assert len(statements) == 1
    statement = statements[0]
    assert int(graph.value(statement, KG.mentionCount)) == 2
    quotes = {(str(graph.value(e, PROV.value)), str(graph.value(graph.value(e, DCTERMS.source),
                                                                   DCTERMS.identifier)))
              for e in graph.objects(statement, PROV.wasDerivedFrom)}
    assert quotes == {("富士康集团投资20亿元建设智能终端项目\n项目落户", "a;1.txt"),
                      ("富士康科技集团投资建设智能终端项目", "b#2.txt")}
    assert (park, RDF.type, KG.Park) in graph
    assert len(set(graph.subjects(RDF.type, RDF.Statement))) == len(edges)


def test_export_command_writes_files_and_reports_a_missing_folder(store: FalkorStore, tmp_path: Path) -> None:
    data_dir = str(store.server.data_dir)
    store.close()  # the command starts its own server on the same data directory
    runner = CliRunner()
    out = tmp_path / "g.graphml"
    result = runner.invoke(main, ["export", "--format", "graphml", "--out", str(out), "--store", data_dir])
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(out).number_of_nodes() == 4
    bad = runner.invoke(main, ["export", "--format", "ttl", "--out", str(tmp_path / "no" / "g.ttl"),
                               "--store", data_dir])
    assert bad.exit_code == 1 and bad.output.startswith("error: cannot write") and "\n" == bad.output[-1]
