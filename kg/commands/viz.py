"""`kg viz`: write the interactive graph page for the stored graph or a focused part of it."""
from __future__ import annotations

from pathlib import Path

import click

from kg.commands.options import store_options
from kg.errors import KGError
from kg.store.base import GraphStore

NODE_TYPES = ("Park", "Company", "Project", "Industry", "Agency", "Chain", "Segment")


def parse_types(text: str | None) -> list[str] | None:
    """'Park,Company' -> ['Park', 'Company']; KGError naming an unknown type."""
    from kg.analysis.lookup import did_you_mean

    if not text:
        return None
    types = [t.strip() for t in text.split(",") if t.strip()]
    for name in types:
        if name not in NODE_TYPES:
            raise KGError(f"unknown node type {name!r} (one of {', '.join(NODE_TYPES)})"
                          f"{did_you_mean(name, NODE_TYPES)}")
    return types


@click.command()
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("graph.html"),
              show_default=True, help="Where to write the page.")
@click.option("--park", metavar="NAME", help="Only this park (name or alias): its members and their context.")
@click.option("--chain", metavar="NAME", help="Only this industrial chain (name or alias).")
@click.option("--focus", metavar="NAME", help="Only the neighbourhood of this node (name or alias).")
@click.option("--depth", type=click.IntRange(0, 10), default=1, show_default=True,
              help="Hops around --focus to keep.")
@click.option("--types", metavar="T1,T2", help=f"Node types to keep, e.g. Park,Company ({', '.join(NODE_TYPES)}).")
@click.option("--gaps", is_flag=True, help="Draw the missing segments of the park's chains as dashed nodes.")
@click.option("--title", default=None, help="Page title [default: from the selection].")
@store_options
def viz(out: Path, park: str | None, chain: str | None, focus: str | None, depth: int, types: str | None,
        gaps: bool, title: str | None, store: GraphStore) -> None:
    """Write one self-contained, offline HTML page of the stored graph.

    Filters narrow what is drawn; the page itself can filter by type, park
    and chain, search names, and focus on a node's neighbourhood.

    \b
    Example:
      kg viz --out graph.html
      kg viz --park 经开区 --gaps --out jingkai.html
      kg viz --focus 宇通 --depth 2 --types Park,Company,Project
    """
    from kg.graph_view import TITLE, draw, resolve, stored_selection

    wanted = parse_types(types)
    if focus is None and depth != 1:
        raise KGError("--depth needs --focus NAME")
    if gaps and not park:
        raise KGError("--gaps needs --park NAME (the park whose missing segments to draw)")
    selection = resolve(store, park=park, chain=chain, focus=focus)
    nodes, edges = stored_selection(store, selection, depth=depth, types=wanted)
    overlay = _gap_rows(store, park, chain) if gaps else None
    page = draw(nodes, edges, out, gaps=overlay, title=title or " · ".join([TITLE, *selection.names]))
    gap_note = f", {page.gaps} missing segments" if gaps else ""
    click.echo(f"nodes: {page.nodes}, edges: {page.edges}{gap_note}  ->  {page.path}")


def _gap_rows(store: GraphStore, park: str, chain: str | None) -> list[dict]:
    """Missing chain segments from the gap analysis (kg.analysis.gaps)."""
    from kg.analysis.gaps import gap_overlay

    return gap_overlay(store, park, chain)


COMMANDS = [viz]
