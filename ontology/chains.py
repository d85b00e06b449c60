"""Industrial-chain templates as typed records, a segment graph and store rows.

Keys match the graph store: ``Chain:<chain>`` and ``Segment:<home chain>/<segment>``
with the Chinese preferred labels.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, Node
from rdflib.namespace import RDF, SKOS

from ontology.graph import KG, load_ontology

TIERS: tuple[str, ...] = ("upstream", "midstream", "downstream")


@dataclass(frozen=True)
class Segment:
    """One segment of a chain template."""

    key: str  # "Segment:新能源汽车/动力电池"
    name: str  # Chinese preferred label
    name_en: str
    chain: str  # key of the home chain
    tier: str  # one of TIERS
    aliases: tuple[str, ...]  # skos:altLabel, the names reports use
    upstream_of: tuple[str, ...]  # keys of the segments it directly feeds
    chains: tuple[str, ...]  # keys of every chain listing it, home chain first
    iri: str


@dataclass(frozen=True)
class Chain:
    """An industrial-chain template with its segments (own and shared)."""

    key: str  # "Chain:新能源汽车"
    name: str
    name_en: str
    aliases: tuple[str, ...]
    segments: tuple[Segment, ...]  # upstream to downstream, then by key
    iri: str


def _label(graph: Graph, node: Node, lang: str) -> str:
    labels = [str(o) for o in graph.objects(node, SKOS.prefLabel) if isinstance(o, Literal) and o.language == lang]
    if len(labels) != 1:
        raise ValueError(f"{node} needs exactly one skos:prefLabel@{lang}, has {labels}")
    return labels[0]


def _aliases(graph: Graph, node: Node) -> tuple[str, ...]:
    return tuple(sorted(str(o) for o in graph.objects(node, SKOS.altLabel)))


@cache
def _templates() -> tuple[Chain, ...]:
    graph = load_ontology()
    chain_nodes = sorted(graph.subjects(RDF.type, KG.Chain))
    chain_key = {c: f"Chain:{_label(graph, c, 'zh')}" for c in chain_nodes}
    seg_key: dict[Node, str] = {}
    for seg in graph.subjects(RDF.type, KG.Segment):
        home = graph.value(seg, SKOS.inScheme)
        if home not in chain_key:
            raise ValueError(f"{seg} has no home chain (skos:inScheme)")
        seg_key[seg] = f"Segment:{_label(graph, home, 'zh')}/{_label(graph, seg, 'zh')}"

    segments: dict[Node, Segment] = {}
    for seg, key in seg_key.items():
        home = chain_key[graph.value(seg, SKOS.inScheme)]
        listed = sorted(chain_key[c] for c in graph.subjects(KG.hasSegment, seg))
        tier = str(graph.value(seg, KG.tier))
        if tier not in TIERS:
            raise ValueError(f"{seg} has tier {tier!r}, not one of {TIERS}")
        segments[seg] = Segment(
            key=key,
            name=_label(graph, seg, "zh"),
            name_en=_label(graph, seg, "en"),
            chain=home,
            tier=tier,
            aliases=_aliases(graph, seg),
            upstream_of=tuple(sorted(seg_key[t] for t in graph.objects(seg, KG.upstreamOf))),
            chains=(home, *(c for c in listed if c != home)),
            iri=str(seg),
        )

    def order(s: Segment) -> tuple[int, str]:
        return TIERS.index(s.tier), s.key

    return tuple(
        Chain(
            key=chain_key[c],
            name=_label(graph, c, "zh"),
            name_en=_label(graph, c, "en"),
            aliases=_aliases(graph, c),
            segments=tuple(sorted((segments[s] for s in graph.objects(c, KG.hasSegment)), key=order)),
            iri=str(c),
        )
        for c in chain_nodes
    )


def chain_templates() -> list[Chain]:
    """Every chain template, parsed once from the packaged Turtle."""
    return list(_templates())


def segments() -> dict[str, Segment]:
    """Every segment by key (a shared segment appears once)."""
    return {s.key: s for chain in _templates() for s in chain.segments}


def _cross_chain(head: Segment, tail: Segment) -> bool:
    return not set(head.chains) & set(tail.chains)


def segment_graph() -> nx.DiGraph:
    """Segments as nodes, an edge head -> tail for each UPSTREAM_OF (head feeds tail)."""
    graph = nx.DiGraph()
    by_key = segments()
    for key, seg in by_key.items():
        graph.add_node(key, name=seg.name, name_en=seg.name_en, chain=seg.chain, chains=seg.chains, tier=seg.tier)
    for seg in by_key.values():
        for tail in seg.upstream_of:
            graph.add_edge(seg.key, tail, cross_chain=_cross_chain(seg, by_key[tail]))
    return graph


def ontology_rows() -> dict[str, list[dict[str, Any]]]:
    """Rows per store label / relationship type: Chain, Segment, HAS_SEGMENT, UPSTREAM_OF."""
    templates = _templates()
    by_key = segments()
    return {
        "Chain": [
            {"key": c.key, "name": c.name, "name_en": c.name_en, "aliases": list(c.aliases), "iri": c.iri}
            for c in templates
        ],
        "Segment": [
            {"key": s.key, "name": s.name, "name_en": s.name_en, "chain": s.chain, "chains": list(s.chains),
             "tier": s.tier, "aliases": list(s.aliases), "iri": s.iri}
            for s in by_key.values()
        ],
        "HAS_SEGMENT": [
            {"head": c.key, "tail": s.key, "home": s.chain == c.key} for c in templates for s in c.segments
        ],
        "UPSTREAM_OF": [
            {"head": s.key, "tail": t, "cross_chain": _cross_chain(s, by_key[t])}
            for s in by_key.values() for t in s.upstream_of
        ],
    }

