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

from .select import Edge, Node, matches
from .style import GAP, LARGE_GRAPH, NODE_TYPES, edge_style, gap_style, importance, legend, vis_options

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
        "type": node.get("label", ""),
        "name": name,
        "aliases": list(node.get("aliases", [])),
        "reports": list(node.get("reports", [])),
        "stage": node.get("stage"),
        "investment_cny": investment,
        "investment_original": node.get("investment_original"),
        "parks": list(node.get("parks", [])),
        "chains": list(node.get("chains", [])),
        "degree": degree,
    }


def _vis_edge(index: int, edge: Edge) -> dict[str, Any]:
    count = int(edge.get("count", 1) or 1)
    return {
        "id": f"e{index}",
        "from": edge["source"],
        "to": edge["target"],
        "type": edge.get("type", ""),
        "evidence": [str(q) for q in edge.get("evidence", [])],
        "reports": list(edge.get("reports", [])),
        "count": count,
        **edge_style(edge.get("type", ""), count),
    }


def _gap_overlay(gaps: list[dict[str, Any]], parks: dict[str, Node], start: int
                 ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Hollow nodes for missing segments of parks that are drawn, each tied to its park by a dashed edge."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    for gap in gaps:
        park = parks.get(gap["park"])
        if park is None:
            continue
        key = f"{GAP}:{gap['park']}:{gap['chain']}:{gap['segment']}"
        kind = gap.get("kind", "补链")
        nodes.append({
            "id": key, "label": _short(str(gap["segment"])), "group": GAP, "value": 1.0, "type": GAP,
            "name": str(gap["segment"]), "aliases": [], "reports": [], "parks": [park["name"]],
            "chains": [gap["chain"]], "kind": kind, "rank": gap.get("rank"), "degree": 1,
            **gap_style(kind),
        })
        edges.append({"id": f"e{start + len(edges)}", "from": gap["park"], "to": key, "type": GAP,
                      "label": f"{kind}#{gap.get('rank', '')}", "evidence": [], "reports": [], "count": 1,
                      **edge_style(GAP, 1)})
    return nodes, edges


def _scope_names(nodes: list[Node], attr: str, label: str, extra: list[str]) -> list[str]:
    """Choices for the park/chain select: named nodes first, then names only ever referenced."""
    own = sorted({n["name"] for n in nodes if n.get("label") == label})
    owners = [n for n in nodes if n.get("label") == label]
    loose = {name for n in nodes for name in n.get(attr, [])} | set(extra)
    return own + sorted(name for name in loose if not any(matches(o, name) for o in owners))


def build_data(nodes: list[Node], edges: list[Edge], gaps: list[dict[str, Any]] | None = None,
               title: str = "") -> dict[str, Any]:
    """Everything the page needs as one JSON-able dict (vis nodes/edges, legend, filters, options).

    Edges whose ends are not among `nodes` are left out (counted in `dropped`).
    """
    by_key: dict[str, Node] = {}
    for node in nodes:
        if node["key"] in by_key:
            raise ValueError(f"duplicate node key {node['key']!r}")
        by_key[node["key"]] = node
    kept = [e for e in edges if e["source"] in by_key and e["target"] in by_key]
    degree = Counter(k for e in kept for k in (e["source"], e["target"]))
    vis_nodes = [_vis_node(n, degree[n["key"]]) for n in nodes]
    vis_edges = [_vis_edge(i, e) for i, e in enumerate(kept)]
    parks = {k: n for k, n in by_key.items() if n.get("label") == "Park"}
    gap_nodes, gap_edges = _gap_overlay(gaps or [], parks, len(vis_edges))
    all_nodes = vis_nodes + gap_nodes
    present = {n["type"] for n in all_nodes}
    return {
        "title": title,
        "nodes": all_nodes,
        "edges": vis_edges + gap_edges,
        "dropped": len(edges) - len(kept),
        "legend": legend({e["type"] for e in vis_edges + gap_edges}),
        "filters": {
            "types": [t for t in NODE_TYPES if t in present] + sorted(present - NODE_TYPES.keys()),
            "parks": _scope_names(nodes, "parks", "Park", []),
            "chains": _scope_names(nodes, "chains", "Chain", [g["chain"] for g in gaps or []]),
        },
        "large": len(all_nodes) > LARGE_GRAPH,
        "threshold": LARGE_GRAPH,
        "options": vis_options(len(all_nodes)),
    }


def render_html(nodes: list[Node], edges: list[Edge], out: Path, *, title: str = "产业生态知识图谱",
                gaps: list[dict[str, Any]] | None = None) -> Path:
    """Write the interactive graph page to `out` and return it."""
    data = build_data(nodes, edges, gaps, title)
    vis_js = _raw_text(VIS_LIB / "vis-network.min.js", "</script")
    page_js = _raw_text(ASSETS / "page.js", "</script")
    csp = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
           f"script-src {_csp_hash(vis_js)} {_csp_hash(page_js)}; base-uri 'none'; form-action 'none'")
    html = _ENV.get_template("page.html").render(
        title=title,
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
