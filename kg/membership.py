"""Which parks and which industrial chains each node of the stored graph belongs to.

Parks: a node belongs to every park it reaches by following LOCATED_IN and PART_OF
(any target), ADMINISTERS (a park it runs) and INVESTS_IN into a project or park,
so a firm belongs to the parks of the projects it invests in, and anything in a
sub-park also belongs to the parent park.

Chains: a node belongs to every chain it reaches by following IN_INDUSTRY,
SUB_INDUSTRY_OF and MAPS_TO, and from a segment back to the chains that list it
(HAS_SEGMENT, read against its direction).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

Row = dict[str, Any]

#: relation -> the target types it confers park membership through (None: any)
PARK_LINKS: dict[str, frozenset[str] | None] = {
    "LOCATED_IN": None,
    "PART_OF": None,
    "ADMINISTERS": frozenset({"Park"}),
    "INVESTS_IN": frozenset({"Project", "Park"}),
}
CHAIN_LINKS = ("IN_INDUSTRY", "SUB_INDUSTRY_OF", "MAPS_TO")
CHAIN_LISTS = "HAS_SEGMENT"  # Chain -> Segment: followed from the segment to the chain


def _reach(keys: Iterable[str], links: Iterable[tuple[str, str]], label: dict[str, str], name: dict[str, str],
           wanted: str) -> dict[str, list[str]]:
    """For each key, the sorted names of the `wanted`-type nodes it reaches along `links` (not itself)."""
    graph = nx.DiGraph()
    graph.add_nodes_from(keys)
    graph.add_edges_from(links)
    dag = nx.condensation(graph)  # the members of a cycle all reach the same nodes
    reach: dict[int, set[str]] = {}  # component -> wanted keys reachable from it, its own members included
    found: dict[str, list[str]] = {}
    for comp in reversed(list(nx.topological_sort(dag))):
        members = dag.nodes[comp]["members"]
        below = set().union(*(reach[s] for s in dag.successors(comp)))
        own = {k for k in members if label.get(k) == wanted} if len(members) > 1 else set()
        reach[comp] = below | {k for k in members if label.get(k) == wanted}
        for key in members:
            found[key] = sorted({name[k] for k in below | own if k != key})
    return found


def park_links(edges: Iterable[Row], label: dict[str, str]) -> list[tuple[str, str]]:
    """The (source, target) pairs that carry park membership from target to source."""
    links = []
    for edge in edges:
        if edge["type"] in PARK_LINKS and edge["source"] in label and edge["target"] in label:
            targets = PARK_LINKS[edge["type"]]
            if targets is None or label[edge["target"]] in targets:
                links.append((edge["source"], edge["target"]))
    return links


def chain_links(edges: Iterable[Row], label: dict[str, str]) -> list[tuple[str, str]]:
    """The (source, target) pairs that carry chain membership from target to source."""
    links = []
    for edge in edges:
        if edge["source"] not in label or edge["target"] not in label:
            continue
        if edge["type"] in CHAIN_LINKS:
            links.append((edge["source"], edge["target"]))
        elif edge["type"] == CHAIN_LISTS:
            links.append((edge["target"], edge["source"]))
    return links


def annotate(nodes: list[Row], edges: list[Row]) -> None:
    """Set `parks` and `chains` (sorted names) on every node, in place."""
    label = {n["key"]: n.get("label", "") for n in nodes}
    name = {n["key"]: str(n.get("name") or n["key"]) for n in nodes}
    parks = _reach(label, park_links(edges, label), label, name, "Park")
    chains = _reach(label, chain_links(edges, label), label, name, "Chain")
    for node in nodes:
        node["parks"] = parks[node["key"]]
        node["chains"] = chains[node["key"]]
