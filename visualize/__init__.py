"""Interactive, offline HTML view of the knowledge graph (pyvis' vis-network, inlined)."""
from .page import build_data, render_html, script_json
from .select import find, select

__all__ = ["build_data", "find", "render_html", "script_json", "select"]
