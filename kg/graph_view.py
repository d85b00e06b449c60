"""Read the stored graph as plain node and edge dicts, and write the HTML page from it."""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import queries
from kg import membership
from kg.errors import KGError
from kg.store.base import GraphStore

Row = dict[str, Any]
TITLE = "产业生态知识图谱"


def sources(evidence: list[str], reports: list[str], evidence_reports: list[str] | None) -> list[Row]:
    """Each evidence quote with the report it was read in (None when that is not known).

    `evidence_reports[i]` names the report of `evidence[i]` ("" when unknown, for relationships
    written before it was stored). `reports` is a separate set-union whose positions do not
    correspond to the quotes; it decides a quote's report only when it holds one report.
    """
    aligned = evidence_reports if evidence_reports is not None and len(evidence_reports) == len(evidence) \
        else [""] * len(evidence)
    only = reports[0] if len(reports) == 1 else None
    return [{"quote": q, "report": r or only} for q, r in zip(evidence, aligned)]


TEMPLATE = ("Chain", "Segment")


def _used_templates(nodes: list[Row], edges: list[Row]) -> tuple[list[Row], list[Row]]:
    """Drop chain-template nodes no report entity maps to: a Segment stays when something maps
    to it, a Chain when something maps to it or to one of its segments kept."""
    label = {n["key"]: n.get("label") for n in nodes}
    used = {e["target"] for e in edges if e["type"] == "MAPS_TO" and label.get(e["source"]) not in TEMPLATE}
    used |= {e["source"] for e in edges if e["type"] == "HAS_SEGMENT" and e["target"] in used}
    keep = {k for k, lab in label.items() if lab not in TEMPLATE or k in used}
    return ([n for n in nodes if n["key"] in keep],
            [e for e in edges if e["source"] in keep and e["target"] in keep])


def stored_graph(store: GraphStore) -> tuple[list[Row], list[Row]]:
    """All entities and relationships, with the chain templates that reports touch; each node
    with the parks and chains it belongs to (kg.membership)."""
    nodes, edges = _used_templates(store.read(queries.load("all_entities")), store.read(queries.load("all_relations")))
    for node in nodes:
        node["name"] = str(node.get("name") or node["key"])
        node["aliases"] = node.get("aliases") or []
        node["reports"] = node.get("reports") or []
    for edge in edges:
        edge["reports"] = edge.get("reports") or []
        edge["evidence"] = sources(edge.get("evidence") or [], edge["reports"], edge.pop("evidence_reports", None))
        edge["count"] = edge.get("count") or 1
    membership.annotate(nodes, edges)
    return nodes, edges


@dataclass(frozen=True)
class Page:
    """What `write_page` drew."""

    path: Path
    nodes: int
    edges: int
    gaps: int


@dataclass(frozen=True)
class Selection:
    """What the user asked to draw, with the names resolved to stored nodes (kg.analysis.lookup)."""

    park: str | None = None  # key of the park
    chain: str | None = None  # key of the chain template
    focus: str | None = None  # key of the centre node
    names: tuple[str, ...] = ()  # stored names of the above, for titles


def resolve(store: GraphStore, *, park: str | None = None, chain: str | None = None,
            focus: str | None = None) -> Selection:
    """Resolve the names as `kg gaps` / `kg profile` do; KGError with close names when one is unknown."""
    from kg.analysis.lookup import resolve_chain, resolve_entity, resolve_park

    found = [resolve_park(store, park) if park else None, resolve_chain(store, chain) if chain else None,
             resolve_entity(store, focus) if focus else None]
    keys = [ref.key if ref else None for ref in found]
    return Selection(*keys, names=tuple(ref.name for ref in found if ref))


def stored_selection(store: GraphStore, selection: Selection = Selection(), *, depth: int = 1,
                     types: Collection[str] | None = None) -> tuple[list[Row], list[Row]]:
    """The stored graph narrowed by `visualize.select` to a resolved selection."""
    from visualize import select

    nodes, edges = stored_graph(store)
    try:
        return select(nodes, edges, park=selection.park, chain=selection.chain, focus=selection.focus,
                      depth=depth, types=types)
    except LookupError as exc:  # e.g. a focus node outside the park/chain
        raise KGError(str(exc)) from exc


def draw(nodes: list[Row], edges: list[Row], out: Path, *, gaps: list[Row] | None = None,
         title: str = TITLE) -> Page:
    """Write the page for these nodes and edges (plus gap overlay rows) and say what it holds."""
    from visualize import build_data, write_html

    data = build_data(nodes, edges, gaps, title)
    path = write_html(data, Path(out))
    return Page(path, len(data["nodes"]), len(data["edges"]), sum(1 for n in data["nodes"] if n["type"] == "Gap"))


def write_page(store: GraphStore, out: Path, *, title: str = TITLE) -> Page:
    """Write the interactive page of the whole stored graph to `out`."""
    nodes, edges = stored_graph(store)
    return draw(nodes, edges, out, title=title)
