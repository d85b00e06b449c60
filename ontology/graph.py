"""The ontology as RDF: namespaces and the packaged Turtle files."""
from __future__ import annotations

from importlib import resources

from rdflib import Graph, Namespace
from rdflib.namespace import SKOS

#: ontology terms (classes, properties)
KG = Namespace("https://w3id.org/industrial-kg/ontology#")
#: instance data (chains, segments)
ID = Namespace("https://w3id.org/industrial-kg/id/")

FILES: tuple[str, ...] = ("schema.ttl", "chains.ttl")


def load_ontology() -> Graph:
    """A new graph holding the schema and the chain templates (the caller may modify it)."""
    graph = Graph()
    graph.bind("kg", KG)
    graph.bind("skos", SKOS)
    package = resources.files(__package__)
    for name in FILES:
        graph.parse(data=package.joinpath(name).read_text(encoding="utf-8"), format="turtle")
    return graph
