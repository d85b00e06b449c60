"""Focus subgraph for `kg viz`: restrict a node/edge list by park, chain, neighbourhood and type.

The park/chain rule lives here only: `kg viz --park` uses it through `select`, and
the page's own park/chain filters use the member lists `scopes` computes for every
choice. A node belongs to park P when P is in its `parks` (or it is the Park node
P itself); its neighbours that carry no park at all (industries, segments,
chains; other parks excepted) come along as context. Chains work the same way
with `chains`.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

import networkx as nx

Node = dict[str, Any]
Edge = dict[str, Any]


def matches(node: Node, name: str) -> bool:
    """True when `name` is the node's key, name or one of its aliases (case-insensitive, trimmed)."""
    want = name.strip().casefold()
    return name.strip() == node["key"] or any(
        str(form).strip().casefold() == want for form in (node.get("name", ""), *node.get("aliases", [])))


def find(nodes: Iterable[Node], name: str) -> list[Node]:
    """All nodes keyed, named or aliased `name`."""
    return [n for n in nodes if matches(n, name)]


def _undirected(nodes: list[Node], edges: list[Edge]) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(n["key"] for n in nodes)
    graph.add_edges_from((e["source"], e["target"]) for e in edges
                         if e["source"] in graph and e["target"] in graph)
    return graph


def _scope(nodes: list[Node], graph: nx.Graph, *, attr: str, label: str, name: str) -> set[str]:
    """Members of park/chain `name` plus their neighbours that belong to no park/chain."""
    own = [n for n in nodes if n.get("label") == label and matches(n, name)]
    targets = {name.strip(), *(form for n in own for form in (n["name"], *n.get("aliases", [])))}
    members = {n["key"] for n in own} | {n["key"] for n in nodes if targets.intersection(n.get(attr, []))}
    if not members:
        raise LookupError(f"no {label} named {name!r}")
    unscoped = {n["key"] for n in nodes if not n.get(attr) and n.get("label") != label}
    context = {nb for key in members for nb in graph.neighbors(key) if nb in unscoped}
    return members | context


def scope_names(nodes: list[Node], attr: str, label: str) -> list[str]:
    """Every park (chain) name: those of `label` nodes first, then names only ever referenced in `attr`."""
    owners = [n for n in nodes if n.get("label") == label]
    own = sorted({n["name"] for n in owners})
    loose = {name for n in nodes for name in n.get(attr, [])}
    return own + sorted(name for name in loose if not any(matches(o, name) for o in owners))


def scopes(nodes: list[Node], edges: list[Edge], *, attr: str, label: str) -> list[tuple[str, set[str]]]:
    """(name, member keys) for every name of `scope_names`, by the same rule as `select`."""
    graph = _undirected(nodes, edges)
    return [(name, _scope(nodes, graph, attr=attr, label=label, name=name))
            for name in scope_names(nodes, attr, label)]


def select(
    nodes: list[Node],
    edges: list[Edge],
    *,
    park: str | None = None,
    chain: str | None = None,
    focus: str | None = None,
    depth: int = 1,
    types: Collection[str] | str | None = None,
) -> tuple[list[Node], list[Edge]]:
    """The subgraph to draw, in input order.

    park/chain: keep that scope (see module doc); both given means both must hold.
    focus: keep nodes within `depth` hops (ignoring direction) of every node named/aliased `focus`,
    inside the park/chain scope. types: node labels to keep ("Park,Company" or a collection);
    the focus node itself is always kept. Edges are kept when both ends are.
    Raises LookupError when park, chain or focus names nothing.
    """
    graph = _undirected(nodes, edges)
    keep = set(graph.nodes)
    if park:
        keep &= _scope(nodes, graph, attr="parks", label="Park", name=park)
    if chain:
        keep &= _scope(nodes, graph, attr="chains", label="Chain", name=chain)
    centres: set[str] = set()
    if focus:
        centres = {n["key"] for n in find(nodes, focus) if n["key"] in keep}
        if not centres:
            raise LookupError(f"no node named {focus!r}" + (" in that park/chain" if park or chain else ""))
        scoped = graph.subgraph(keep)
        reach = nx.multi_source_dijkstra_path_length(scoped, centres, cutoff=max(depth, 0))
        keep = set(reach)
    if types:
        wanted = {t.strip() for t in (types.split(",") if isinstance(types, str) else types)}
        keep = {n["key"] for n in nodes if n["key"] in keep and n.get("label") in wanted} | centres
    return ([n for n in nodes if n["key"] in keep],
            [e for e in edges if e["source"] in keep and e["target"] in keep])
