"""Store administration: init-db, resolve (with --dry-run), export."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kg import table
from kg.commands.options import format_option, store_options
from kg.errors import KGError
from kg.store.base import GraphStore


@click.command("init-db")
@store_options
def init_db(store: GraphStore) -> None:
    """Create the uniqueness constraints / indexes the graph needs (safe to run again).

    `kg build` does this too on its first load; run it once ahead on a new Neo4j database.

    \b
    Example:
      kg init-db --neo4j bolt://localhost:7687
      kg init-db --store ./zone-graph
    """
    from kg import writer
    from kg.model import ENTITY_TYPES

    writer.prepare(store)
    click.echo(f"ready: unique key on Entity, {', '.join(ENTITY_TYPES)}; lookup index on Entity.match_keys"
               f"  ->  {store.description}")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--aliases", "alias_files", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Extra alias table(s), CSV with columns type,canonical,alias.")
@click.option("--dry-run", is_flag=True, help="Only show what would merge and why; change nothing.")
@format_option
@store_options
def resolve(paths: tuple[Path, ...], alias_files: tuple[Path, ...], dry_run: bool, fmt: str,
            store: GraphStore) -> None:
    """Show (and apply) how entities merge into one node per real thing.

    With PATHS: resolve those reports against the stored graph, list every node where
    something merges (match keys joined, stored nodes attached or re-keyed) with the
    reason, then load them as `kg build` does unless --dry-run. Without PATHS:
    re-resolve the stored nodes among themselves (e.g. after adding rows to an alias
    table) and merge them unless --dry-run.

    \b
    Example:
      kg resolve ../shared/corpus --dry-run
      kg resolve --aliases my-aliases.csv --dry-run
    """
    from kg import build_marker, chains_store, merge, writer
    from kg.pipeline import Skipped, extract_files, guarded, load
    from kg.resolve import load_alias_table
    from loaders.read import find_reports

    aliases = load_alias_table(alias_files)
    skipped: list[Skipped] = []
    if paths:
        extractions = list(extract_files(find_reports(paths), skipped))
        resolution = merge.plan(store, extractions, aliases)
    else:
        extractions = []
        resolution = merge.plan_store(store, aliases)
    for skip in skipped:
        click.echo(f"skipped: {skip.problem}", err=True)
    rows = merge.explain(resolution)
    click.echo(table.render(_grouped(rows) if fmt == "table" else rows, fmt,
                            columns=["node", "name", "merged", "reason"]))
    summary = (f"{len({r['node'] for r in rows})} node(s) merge something; "
               f"{len(resolution.renames)} stored node(s) re-keyed or merged")
    if paths:
        graph = resolution.graph
        same = sum(merge.unchanged(resolution, node) for node in graph)
        summary = (f"{len(extractions)} report(s) -> {graph.number_of_nodes()} node(s), {same} already stored "
                   f"unchanged; {summary}")
    if dry_run:
        build_marker.warn_if_interrupted(store)
        click.echo(f"{summary} (dry run: nothing written to {store.description})", err=True)
    else:
        if paths:  # what `kg build` does with them: entities, relationships, reports, chain mappings
            load(store, extractions, aliases=aliases)
        else:
            writer.prepare(store)
            with guarded(store, aliases) as run:
                merge.apply(store, resolution)
                if run.earlier:
                    chains_store.load_chains(store, remap=True)
        click.echo(f"{summary}; written to {store.description}", err=True)
    if skipped:
        sys.exit(2)


def _grouped(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Blank the node and name of every row after the first of its node (table output)."""
    out, last = [], None
    for row in rows:
        out.append(row if row["node"] != last else {**row, "node": "", "name": ""})
        last = row["node"]
    return out


@click.command()
@click.option("--format", "fmt", required=True, type=click.Choice(["graphml", "gexf", "csv", "ttl", "jsonld"]),
              help="graphml/gexf for Gephi, csv for neo4j-admin import, ttl/jsonld for RDF tools.")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path),
              help="Output file. csv writes OUT-nodes.csv and OUT-relationships.csv (a .csv suffix is dropped), "
                   "or nodes.csv / relationships.csv inside OUT when it is a folder.")
@store_options
def export(fmt: str, out: Path, store: GraphStore) -> None:
    """Export the stored graph (entities, relationships, provenance) to a file.

    \b
    Example:
      kg export --format graphml --out graph.graphml
      kg export --format csv --out graph.csv && neo4j-admin database import full \\
          --nodes=graph-nodes.csv --relationships=graph-relationships.csv --multiline-fields=true neo4j
      kg export --format ttl --out graph.ttl --neo4j bolt://localhost:7687
    """
    from kg.export import export as run_export

    if out.parent and not out.parent.exists():
        raise KGError(f"cannot write {out}: folder {out.parent} does not exist")
    try:
        written = run_export(store, fmt, out)
    except OSError as exc:
        raise KGError(f"cannot write {exc.filename or out}: {exc.strerror}") from exc
    for path in written:
        click.echo(f"wrote {path}")


COMMANDS = [init_db, resolve, export]
