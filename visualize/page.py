"""Render the knowledge graph as one self-contained HTML page that works offline.

The page inlines vis-network 9.1.2 as vendored by pyvis (pyvis's own template
cannot be used: even with cdn_resources="in_line" it links Bootstrap from a
CDN and renders the heading unescaped), our page.css/page.js, and the graph as
a JSON data block. Report text only ever reaches the DOM through textContent
or canvas labels; a Content-Security-Policy with script hashes backs that up.
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
from collections import Counter
from pathlib import Path
from typing import Any

import jinja2
import pyvis
from markupsafe import Markup

from .select import Edge, Node, scopes
from .style import (GAP, GAP_VALUE, LARGE_GRAPH, NODE_TYPES, TIERS, edge_style, gap_style, importance, legend,
                    vis_options)

ASSETS = Path(__file__).with_name("assets")
VIS_LIB = Path(pyvis.__file__).with_name("templates") / "lib" / "vis-9.1.2"
LABEL_MAX = 18  # characters of a name drawn on the canvas; the panel shows it in full

_JSON_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                               "\u2028": "\\u2028", "\u2029": "\\u2029"})
_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(ASSETS), autoescape=True,
                          undefined=jinja2.StrictUndefined)


def script_json(obj: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>', '&', U+2028 or U+2029 survive raw."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.translate(_JSON_ESCAPES)


def _raw_text(path: Path, closing: str) -> Markup:
    """A static asset to inline in <script>/<style>; refuses text that could close the element early."""
    text = path.read_text(encoding="utf-8")
    if closing in text.lower() or "<!--" in text:
        raise ValueError(f"{path.name} cannot be inlined: contains {closing!r} or '<!--'")
    return Markup(text)


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _short(name: str) -> str:
    return name if len(name) <= LABEL_MAX else name[: LABEL_MAX - 1] + "…"


def _amount(value: Any) -> float | None:
    """A usable investment amount, or None (JSON has no NaN/Infinity)."""
    return float(value) if isinstance(value, (int, float)) and math.isfinite(value) else None


def _vis_node(node: Node, degree: int) -> dict[str, Any]:
    name = str(node.get("name") or node["key"])
    investment = _amount(node.get("investment_cny"))
    return {
        "id": node["key"],
        "label": _short(name),
        "group": node.get("label", ""),
        "value": importance(degree, investment),
        "size_degree": importance(degree, None),
        "size_investment": importance(0, investment),
        "type": node.get("label", ""),
        "name": name,
        "aliases": [str(a) for a in node.get("aliases", [])],
        "reports": [str(r) for r in node.get("reports", [])],
        "stage": node.get("stage"),
        "investment_cny": investment,
        "investment_original": node.get("investment_original"),
        "parks": list(node.get("parks", [])),
        "chains": list(node.get("chains", [])),
        "degree": degree,
    }


def _evidence(edge: Edge) -> list[dict[str, str | None]]:
    """Quotes with their report: items are {"quote", "report"} dicts, or bare quotes of unknown report."""
    items = []
    for item in edge.get("evidence", []):
        if isinstance(item, dict):
            items.append({"quote": str(item["quote"]), "report": None if item.get("report") is None
                          else str(item["report"])})
        else:
            items.append({"quote": str(item), "report": None})
    return items


def _vis_edge(index: int, edge: Edge) -> dict[str, Any]:
    count = int(edge.get("count", 1) or 1)
    return {
        "id": f"e{index}",
        "from": edge["source"],
        "to": edge["target"],
        "type": edge.get("type", ""),
        "evidence": _evidence(edge),
        "reports": [str(r) for r in edge.get("reports", [])],
        "count": count,
        **edge_style(edge.get("type", ""), count),
    }


def _gap_overlay(gaps: list[dict[str, Any]], parks: dict[str, Node]) -> tuple[list[Node], list[Edge]]:
    """Missing segments (kg.analysis.gaps rows) of the parks drawn, as select-style nodes and edges:
    one hollow node per (park, chain, segment), tied to its park by a dashed edge."""
    nodes: list[Node] = []
    edges: list[Edge] = []
    seen: set[str] = set()
    for gap in gaps:
        park = parks.get(gap["park_key"])
        key = f"{GAP}:{gap['park_key']}:{gap['chain']}:{gap['segment']}"
        if park is None or key in seen:
            continue
        seen.add(key)
        nodes.append({"key": key, "label": GAP, "name": str(gap["segment"]), "parks": [park["name"]],
                      "chains": [str(gap["chain"])], "tier": gap.get("tier"),
                      "is_target": bool(gap.get("is_target"))})
        edges.append({"source": gap["park_key"], "target": key, "type": GAP, "evidence": [], "reports": []})
    return nodes, edges


def _vis_gap(node: Node) -> dict[str, Any]:
    tier = TIERS.get(node.get("tier") or "", node.get("tier") or "")
    return {
        "id": node["key"], "label": _short(node["name"]), "group": GAP, "value": GAP_VALUE, "size_degree": GAP_VALUE,
        "size_investment": GAP_VALUE, "type": GAP, "name": node["name"], "aliases": [], "reports": [],
        "parks": node["parks"], "chains": node["chains"], "tier": tier, "is_target": node["is_target"],
        "degree": 1, **gap_style(node["is_target"]),
    }


def _members(scoped: list[tuple[str, set[str]]], index: dict[str, int]) -> list[dict[str, Any]]:
    return [{"name": name, "members": sorted(index[k] for k in keys)} for name, keys in scoped]


def build_data(nodes: list[Node], edges: list[Edge], gaps: list[dict[str, Any]] | None = None,
               title: str = "") -> dict[str, Any]:
    """Everything the page needs as one JSON-able dict (vis nodes/edges, legend, filters, options).

    Edges whose ends are not among `nodes` are left out (counted in `dropped`). `filters.parks` /
    `filters.chains` list each choice with the positions in `nodes` of its members (select.scopes).
    """
    by_key: dict[str, Node] = {}
    for node in nodes:
        if node["key"] in by_key:
            raise ValueError(f"duplicate node key {node['key']!r}")
        by_key[node["key"]] = node
    kept = [e for e in edges if e["source"] in by_key and e["target"] in by_key]
    degree = Counter(k for e in kept for k in (e["source"], e["target"]))
    parks = {k: n for k, n in by_key.items() if n.get("label") == "Park"}
    gap_nodes, gap_edges = _gap_overlay(gaps or [], parks)
    all_nodes, all_edges = [*nodes, *gap_nodes], [*kept, *gap_edges]
    vis_nodes = [_vis_node(n, degree[n["key"]]) for n in nodes] + [_vis_gap(n) for n in gap_nodes]
    vis_edges = [_vis_edge(i, e) for i, e in enumerate(all_edges)]
    index = {n["key"]: i for i, n in enumerate(all_nodes)}
    present = {n["type"] for n in vis_nodes}
    return {
        "title": title,
        "nodes": vis_nodes,
        "edges": vis_edges,
        "dropped": len(edges) - len(kept),
        "legend": legend({e["type"] for e in vis_edges}),
        "filters": {
            "types": [t for t in NODE_TYPES if t in present] + sorted(present - NODE_TYPES.keys()),
            "parks": _members(scopes(all_nodes, all_edges, attr="parks", label="Park"), index),
            "chains": _members(scopes(all_nodes, all_edges, attr="chains", label="Chain"), index),
        },
        "large": len(vis_nodes) > LARGE_GRAPH,
        "threshold": LARGE_GRAPH,
        "options": vis_options(len(vis_nodes)),
    }


def write_html(data: dict[str, Any], out: Path) -> Path:
    """Write the page for `build_data` output to `out` and return it."""
    vis_js = _raw_text(VIS_LIB / "vis-network.min.js", "</script")
    page_js = _raw_text(ASSETS / "page.js", "</script")
    csp = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
           f"script-src {_csp_hash(vis_js)} {_csp_hash(page_js)}; base-uri 'none'; form-action 'none'")
    html = _ENV.get_template("page.html").render(
        title=data["title"],
        csp=csp,
        vis_css=_raw_text(VIS_LIB / "vis-network.css", "</style"),
        page_css=_raw_text(ASSETS / "page.css", "</style"),
        vis_js=vis_js,
        page_js=page_js,
        data_json=Markup(script_json(data)),
    )
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return out


def render_html(nodes: list[Node], edges: list[Edge], out: Path, *, title: str = "产业生态知识图谱",
                gaps: list[dict[str, Any]] | None = None) -> Path:
    """Write the interactive graph page to `out` and return it."""
    return write_html(build_data(nodes, edges, gaps, title), out)
