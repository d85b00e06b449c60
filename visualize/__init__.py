"""Interactive, offline HTML view of the knowledge graph (pyvis' vis-network, inlined)."""
from .page import build_data, render_html, script_json, write_html
from .select import find, scopes, select

__all__ = ["build_data", "find", "render_html", "scopes", "script_json", "select", "write_html"]
