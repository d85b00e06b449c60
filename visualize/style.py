"""Visual vocabulary of the graph page: node groups, edge styles, fonts, vis options.

Everything here is plain data so it can be embedded in the page as JSON and
drive both vis-network and the legend from one source.
"""
from __future__ import annotations

import math
from typing import Any

FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", '
    '"PingFang SC", "WenQuanYi Micro Hei", sans-serif'
)

# Label shown for gap-overlay nodes (missing chain segments).
GAP = "Gap"

# Size driver (`value`) of a gap node: as large as a well-connected node, so the gap is seen.
GAP_VALUE = 6.0

# Above this many nodes the page opens with a notice recommending the focus view.
LARGE_GRAPH = 1500

# type -> (Chinese name, vis shape, fill colour). Shapes all draw the label
# outside the glyph so that `value` (importance) scales the node size.
NODE_TYPES: dict[str, tuple[str, str, str]] = {
    "Park": ("园区", "hexagon", "#e15759"),
    "Company": ("企业", "dot", "#4e79a7"),
    "Project": ("项目", "square", "#f28e2b"),
    "Industry": ("产业", "diamond", "#59a14f"),
    "Agency": ("机构", "triangle", "#b07aa1"),
    "Segment": ("产业链环节", "triangleDown", "#76b7b2"),
    "Chain": ("产业链", "star", "#edc948"),
    GAP: ("缺失环节", "dot", "#ffffff"),
}
_FALLBACK_NODE = ("其他", "dot", "#bab0ac")
#: border of a gap node: a segment the park's reports name as a target, or any other missing one
GAP_BORDER = {True: "#d62728", False: "#8c6d31"}
#: chain-template tiers in Chinese
TIERS = {"upstream": "上游", "midstream": "中游", "downstream": "下游"}

# relation -> (Chinese name, colour, width, dashes, emphasised)
EDGE_TYPES: dict[str, tuple[str, str, float, bool | list[int], bool]] = {
    "SUPPLIES": ("供应", "#d62728", 3.0, False, True),
    "INVESTS_IN": ("投资", "#ff7f0e", 3.0, False, True),
    "LOCATED_IN": ("位于", "#8c96a0", 1.0, False, False),
    "PART_OF": ("隶属", "#8c96a0", 1.0, [2, 4], False),
    "ADMINISTERS": ("管理", "#b07aa1", 1.5, False, False),
    "IN_INDUSTRY": ("所属产业", "#59a14f", 1.0, [6, 4], False),
    "FOCUSES_ON": ("主导产业", "#59a14f", 1.5, False, False),
    "SUB_INDUSTRY_OF": ("子产业", "#8cd17d", 1.0, [2, 4], False),
    "MAPS_TO": ("对应环节", "#76b7b2", 1.0, [6, 4], False),
    "HAS_SEGMENT": ("包含环节", "#edc948", 1.0, [2, 4], False),
    "UPSTREAM_OF": ("上游", "#edc948", 2.0, False, False),
    GAP: ("缺失环节", "#d62728", 2.0, [8, 6], False),
}
_FALLBACK_EDGE = ("其他关系", "#bbbbbb", 1.0, False, False)


def node_type_info(label: str) -> tuple[str, str, str]:
    """(Chinese name, shape, colour) of a node type; unknown types get a neutral style."""
    return NODE_TYPES.get(label, _FALLBACK_NODE)


def edge_type_info(rel: str) -> tuple[str, str, float, bool | list[int], bool]:
    """(Chinese name, colour, width, dashes, emphasised) of a relation type."""
    return EDGE_TYPES.get(rel, _FALLBACK_EDGE)


def importance(degree: int, investment_cny: float | None) -> float:
    """Node size driver: degree plus a log bonus for investment (in 亿元, 1e8 CNY)."""
    bonus = 2 * math.log10(1 + investment_cny / 1e8) if investment_cny and investment_cny > 0 else 0.0
    return 1.0 + degree + bonus


def edge_style(rel: str, count: int) -> dict[str, Any]:
    """vis-network edge attributes for a relation, thicker when seen in more reports."""
    _, colour, width, dashes, emphasised = edge_type_info(rel)
    opacity = 1.0 if emphasised else 0.55
    return {
        "color": {"color": colour, "highlight": colour, "hover": colour, "opacity": opacity},
        "width": width + 0.5 * min(max(count - 1, 0), 4),
        "dashes": dashes,
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6 if not emphasised else 0.9}},
    }


def gap_style(is_target: bool) -> dict[str, Any]:
    """Hollow, dashed-border look of a gap node; red border when the park names it as a target."""
    border = GAP_BORDER[bool(is_target)]
    return {
        "color": {"background": "#ffffff", "border": border,
                  "highlight": {"background": "#fff5f5", "border": border}},
        "borderWidth": 3,
        "borderWidthSelected": 4,
        "shapeProperties": {"borderDashes": [5, 3]},
        "font": {"color": border},
    }


def _groups() -> dict[str, dict[str, Any]]:
    """vis groups per node type. Gap nodes carry their own colours (gap_style): a group colour
    would override a node's own background and border in vis-network."""
    return {label: {"shape": shape} if label == GAP else
            {"shape": shape, "color": {"background": colour, "border": colour}}
            for label, (_, shape, colour) in NODE_TYPES.items()}


def legend(edge_types: set[str]) -> dict[str, list[dict[str, Any]]]:
    """Legend entries: every known node type, and the edge styles of the relations present."""
    nodes = [{"type": t, "name": zh, "shape": shape, "color": colour,
              "border": GAP_BORDER[False] if t == GAP else colour}
             for t, (zh, shape, colour) in NODE_TYPES.items()]
    shown = [t for t in EDGE_TYPES if t in edge_types] + sorted(edge_types - EDGE_TYPES.keys())
    edges = [{"type": t, "name": zh, "color": colour, "width": width, "dashed": bool(dashes)}
             for t in shown for zh, colour, width, dashes, _ in [edge_type_info(t)]]
    return {"nodes": nodes, "edges": edges, "gap_target": GAP_BORDER[True]}


def vis_options(n_nodes: int) -> dict[str, Any]:
    """vis-network options; physics is bounded so big graphs settle fast, then the page turns it off."""
    large = n_nodes > LARGE_GRAPH
    iterations = max(50, 300_000 // n_nodes) if large else (300 if n_nodes > 300 else 600)
    return {
        "autoResize": True,
        "groups": _groups(),
        "layout": {"improvedLayout": n_nodes <= 300, "randomSeed": 7},
        "nodes": {
            "font": {"face": FONT_STACK, "size": 14, "color": "#222222",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"min": 8, "max": 40,
                        "label": {"enabled": True, "min": 12, "max": 44, "maxVisible": 24, "drawThreshold": 7}},
            "borderWidth": 1,
        },
        "edges": {
            "smooth": False if n_nodes > 300 else {"type": "continuous"},
            "font": {"face": FONT_STACK, "size": 11, "align": "middle", "strokeWidth": 3},
            "selectionWidth": 2,
        },
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110, "avoidOverlap": 0.3},
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25, "fit": True},
            "minVelocity": 1.0,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "navigationButtons": False,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
        },
    }
