"""Input commands: the file formats `kg build` reads, and the reports stored in the graph."""
from __future__ import annotations

import click

import queries
from kg import table
from kg.commands.options import format_option, store_options
from kg.store.base import GraphStore


@click.command("formats")
@format_option
def formats_command(fmt: str) -> None:
    """List the input formats: file suffixes, the content signature that picks them, what they yield.

    A file is loaded by the format whose signature its bytes carry, else by its
    suffix, else as plain text. Lists (CSV/XLSX) are read through a mapping file:
    <list>.mapping.yaml or mapping.yaml beside them, else the shipped sample mapping.

    \b
    Example:
      kg formats
      kg formats --format json
    """
    from loaders.formats import loaders

    rows = [{"format": loader.name, "suffixes": " ".join(loader.suffixes), "signature": loader.signature,
             "yields": "entities from rows (mapping)" if loader.structured else "report text"}
            for loader in loaders()]
    click.echo(table.render(rows, fmt, columns=["format", "suffixes", "signature", "yields"]))


@click.command("reports")
@click.argument("report_ids", nargs=-1)
@format_option
@store_options
def reports_command(report_ids: tuple[str, ...], fmt: str, store: GraphStore) -> None:
    """List stored reports with where and when they were reported (source, title, date, zone).

    REPORT_IDS (file names, as entities and relations list them) limit the list.

    \b
    Example:
      kg reports
      kg reports 002_eb3d5fa2d698886d.txt --format json
    """
    rows = store.read(queries.load("reports"), {"keys": list(report_ids) or None})
    missing = sorted(set(report_ids) - {r["report"] for r in rows})
    if missing:
        from kg.analysis.lookup import did_you_mean
        from kg.errors import KGError

        stored = [r["report"] for r in store.read(queries.load("reports"), {"keys": None})]
        raise KGError(f"no report named {missing[0]!r} in the graph{did_you_mean(missing[0], stored)}")
    click.echo(table.render(rows, fmt, columns=["report", "date", "title", "zone", "format", "source", "entities"]))


COMMANDS = [formats_command, reports_command]
