"""The stored graph as RDF with the ontology's IRIs (ontology/graph.py, schema.ttl).

- an entity is `id:<type>/<match key>` (e.g. id:park/航空港区), typed by the kg: class
  whose kg:storeLabel is its label; rdfs:label / skos:prefLabel its name, skos:altLabel
  every other surface form, kg:key and the kg: attribute properties, dcterms:source
  the reports (`id:report/<report id>`, with dcterms:identifier);
- a relationship is the triple `head kg:<property> tail` plus an rdf:Statement
  (`id:relation/<hash>`) carrying kg:mentionCount, dcterms:source and, per evidence
  quote, prov:wasDerivedFrom a prov:Entity with prov:value (the quote) and dcterms:source
  (the report it was quoted from).
"""
from __future__ import annotations

import hashlib
import unicodedata
from functools import cache
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from kg.export.source import Row, nodes_and_edges
from kg.store.base import GraphStore
from ontology.graph import ID, KG, load_ontology

_NODE_ATTRS = ("stage", "investment_cny", "investment_original", "role")


def iri_part(text: str) -> str:
    """`text` as one IRI path segment: non-ASCII letters and digits kept, anything else percent-encoded."""
    return "".join(ch if ord(ch) > 127 and unicodedata.category(ch)[0] in "LN" else quote(ch, safe="")
                   for ch in text)


def entity_iri(key: str) -> URIRef:
    """IRI of the entity with store key "Type:match key"."""
    label, _, rest = key.partition(":")
    return ID[f"{label.lower()}/{iri_part(rest)}"]


def report_iri(report: str) -> URIRef:
    return ID[f"report/{iri_part(report)}"]


@cache
def _terms() -> dict[tuple[URIRef, str], URIRef]:
    """(owl kind, kg:storeLabel) -> ontology term."""
    ontology = load_ontology()
    return {(kind, str(label)): term
            for term, label in ontology.subject_objects(KG.storeLabel)
            for kind in ontology.objects(term, RDF.type)}


def term(kind: URIRef, store_label: str) -> URIRef:
    """The ontology class / property whose kg:storeLabel is `store_label`."""
    try:
        return _terms()[(kind, store_label)]
    except KeyError:
        raise ValueError(f"the ontology has no {kind.fragment} for store label {store_label!r}") from None


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _add_node(graph: Graph, node: Row, reports: set[str]) -> None:
    subject = entity_iri(node["key"])
    graph.add((subject, RDF.type, term(OWL.Class, node["label"])))
    graph.add((subject, term(OWL.DatatypeProperty, "key"), Literal(node["key"])))
    if node["name"]:
        graph.add((subject, RDFS.label, Literal(node["name"], lang="zh")))
        graph.add((subject, SKOS.prefLabel, Literal(node["name"], lang="zh")))
    for form in node["forms"]:
        if form != node["name"]:
            graph.add((subject, SKOS.altLabel, Literal(form, lang="zh")))
    for attr in _NODE_ATTRS:
        value = node.get(attr)
        if value is not None:
            datatype = XSD.double if attr == "investment_cny" else None
            graph.add((subject, term(OWL.DatatypeProperty, attr),
                       Literal(float(value), datatype=datatype) if datatype else Literal(str(value))))
    for report in node["reports"]:
        graph.add((subject, DCTERMS.source, report_iri(report)))
        reports.add(report)


def _add_edge(graph: Graph, edge: Row, reports: set[str]) -> None:
    head, tail = entity_iri(edge["source"]), entity_iri(edge["target"])
    prop = term(OWL.ObjectProperty, edge["type"])
    graph.add((head, prop, tail))
    digest = _digest(edge["source"], edge["type"], edge["target"])
    statement = ID[f"relation/{digest}"]
    graph.add((statement, RDF.type, RDF.Statement))
    graph.add((statement, RDF.subject, head))
    graph.add((statement, RDF.predicate, prop))
    graph.add((statement, RDF.object, tail))
    graph.add((statement, term(OWL.DatatypeProperty, "count"), Literal(edge["count"])))
    for report in edge["reports"]:
        graph.add((statement, DCTERMS.source, report_iri(report)))
        reports.add(report)
    for quote_text, report in zip(edge["evidence"], edge["evidence_reports"]):
        evidence = ID[f"evidence/{_digest(digest, report, quote_text)}"]
        graph.add((statement, PROV.wasDerivedFrom, evidence))
        graph.add((evidence, RDF.type, PROV.Entity))
        graph.add((evidence, PROV.value, Literal(quote_text, lang="zh")))
        if report:
            graph.add((evidence, DCTERMS.source, report_iri(report)))
            reports.add(report)


def to_rdf(store: GraphStore) -> Graph:
    """An rdflib graph of every stored entity and relationship."""
    graph = Graph()
    for prefix, namespace in (("kg", KG), ("id", ID), ("skos", SKOS), ("dcterms", DCTERMS), ("prov", PROV)):
        graph.bind(prefix, namespace)
    nodes, edges = nodes_and_edges(store)
    reports: set[str] = set()
    for node in nodes:
        _add_node(graph, node, reports)
    for edge in edges:
        _add_edge(graph, edge, reports)
    for report in reports:
        graph.add((report_iri(report), DCTERMS.identifier, Literal(report)))
    return graph
