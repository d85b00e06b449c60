"""Core commands: build, stats, extract, eval, query."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

import queries
from kg import table
from kg.commands.options import format_option, parse_param, store_options
from kg.errors import KGError
from kg.store.base import GraphStore

if TYPE_CHECKING:
    from kg.model import Extraction
    from kg.pipeline import Skipped


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--html", "html_out", type=click.Path(path_type=Path), default=Path("graph.html"), show_default=True,
              help="Where to write the interactive graph page.")
@click.option("--no-html", is_flag=True, help="Do not write the graph page.")
@click.option("--aliases", "alias_files", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Extra alias table(s), CSV with columns type,canonical,alias.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) if any report was skipped.")
@store_options
def build(paths: tuple[Path, ...], html_out: Path, no_html: bool, alias_files: tuple[Path, ...], strict: bool,
          store: GraphStore) -> None:
    """Read reports, extract, resolve and load them into the store; write graph.html.

    PATHS are report files or folders. A file that cannot be read is skipped with one line on
    stderr naming it and the problem; the others still load. Exit code 0 when every report was
    read, 2 when some were skipped (1 with --strict), 1 on an error.

    \b
    Example:
      kg build ../shared/corpus
      kg build --store ./zone-graph --no-html reports/2023/
    """
    from kg.pipeline import build as run_build
    from kg.resolve import load_alias_table

    files = _report_files(paths)
    with click.progressbar(length=len(files), label="reading reports", file=sys.stderr,
                           show_pos=True) as bar:
        result = run_build(store, files, aliases=load_alias_table(alias_files), on_progress=lambda _: bar.update(1))
    _echo_skipped(result.skipped)
    click.echo(f"reports read: {result.read}, skipped: {len(result.skipped)}  ->  {store.description}")
    _print_counts(store)
    if not no_html:
        from kg.graph_view import write_page

        write_page(store, html_out)
        click.echo(f"graph page: {html_out}")
    _exit_if_skipped(result.skipped, strict)


def _report_files(paths: tuple[Path, ...]) -> list[Path]:
    """The report files under PATHS (bad entries included, to be reported); none at all is an error."""
    from loaders.read import find_reports

    files = list(find_reports(paths))
    if not files:
        raise KGError(f"no report files in {', '.join(map(str, paths))}")
    return files


def _echo_skipped(skipped: list[Skipped]) -> None:
    for skip in skipped:
        click.echo(f"skipped: {skip.problem}", err=True)


def _exit_if_skipped(skipped: list[Skipped], strict: bool) -> None:
    """Exit 2 when reports were skipped, 1 under --strict."""
    if skipped:
        sys.exit(1 if strict else 2)


def _print_counts(store: GraphStore) -> None:
    labels = store.read(queries.load("count_by_label"))
    rels = store.read(queries.load("count_by_relationship"))
    click.echo("nodes:")
    click.echo(table.render(labels, columns=["label", "count"]))
    click.echo("relationships:")
    click.echo(table.render(rels, columns=["type", "count"]))


@click.command()
@store_options
def stats(store: GraphStore) -> None:
    """Print node counts per label and relationship counts per type.

    \b
    Example:
      kg stats --store ./kg-data
    """
    _print_counts(store)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for one JSON file per report (shared/gold/SCHEMA.md format).")
@click.option("--strict", is_flag=True, help="Fail (exit 1) if any report was skipped.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extract in this many processes; the output is the same, in the same order.")
def extract(paths: tuple[Path, ...], out_dir: Path, strict: bool, jobs: int) -> None:
    """Extract entities and relations from reports into JSON files (no store needed).

    Unreadable files are skipped as in `kg build`, with the same exit codes (0, 2, 1 with --strict).
    Reports with the same file stem get numbered files (name.json, name-2.json, ...).

    \b
    Example:
      kg extract ../shared/corpus --out pred/
      kg extract reports/ --out pred/ --jobs 4
    """
    from kg.pipeline import Skipped, extract_files

    files = _report_files(paths)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KGError(f"{out_dir}: cannot create the output folder ({exc.strerror or exc})") from exc
    skipped: list[Skipped] = []
    written: set[str] = set()
    for extraction in extract_files(files, skipped) if jobs == 1 else _extract_in_pool(files, skipped, jobs):
        name = _unused(Path(extraction.report.id).stem, written)
        written.add(name)
        target = out_dir / f"{name}.json"
        target.write_text(json.dumps(extraction.to_schema_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    _echo_skipped(skipped)
    click.echo(f"wrote {len(written)} file(s) to {out_dir}, skipped: {len(skipped)}")
    _exit_if_skipped(skipped, strict)


def _extract_or_skip(path: Path) -> Extraction | Skipped:
    """One file's extraction, or why it is skipped (in a worker process)."""
    from kg.pipeline import extract_files

    skipped: list[Skipped] = []
    found = list(extract_files([path], skipped))
    return found[0] if found else skipped[0]


def _extract_in_pool(files: list[Path], skipped: list[Skipped], jobs: int) -> Iterator[Extraction]:
    """`extract_files` across `jobs` processes: extractions in file order, skips appended to `skipped`."""
    from concurrent.futures import ProcessPoolExecutor

    from kg.model import Extraction

    with ProcessPoolExecutor(jobs) as pool:
        for result in pool.map(_extract_or_skip, files, chunksize=max(1, min(16, len(files) // (4 * jobs)))):
            if isinstance(result, Extraction):
                yield result
            else:
                skipped.append(result)


def _unused(stem: str, taken: set[str]) -> str:
    """`stem`, or `stem-2`, `stem-3`, ... whichever is not taken yet."""
    name, k = stem, 1
    while name in taken:
        k += 1
        name = f"{stem}-{k}"
    return name


@click.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("pred_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@format_option
def eval_command(gold_dir: Path, pred_dir: Path, fmt: str) -> None:
    """Score predictions against gold annotations: P/R/F1 per type and overall.

    \b
    Example:
      kg extract ../shared/corpus --out pred/ && kg eval ../shared/gold pred/
    """
    from kg.evaluate import evaluate

    rows = [{"type": s.name, "P": round(s.precision, 3), "R": round(s.recall, 3), "F1": round(s.f1, 3),
             "tp": s.tp, "fp": s.fp, "fn": s.fn} for s in evaluate(gold_dir, pred_dir)]
    click.echo(table.render(rows, fmt))


@click.command()
@click.argument("cypher")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE",
              help="Query parameter; VALUE is read as JSON when it parses, else as a string.")
@format_option
@store_options
def query(cypher: str, params: tuple[str, ...], fmt: str, store: GraphStore) -> None:
    """Run a read-only Cypher query with parameters and print the rows.

    \b
    Example:
      kg query "MATCH (n:Company) WHERE n.name CONTAINS $q RETURN n.name AS name" -p q=装备
      kg query "MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n" --format json
    """
    rows = store.read(cypher, dict(parse_param(p) for p in params))
    click.echo(table.render(rows, fmt))


COMMANDS = [build, stats, extract, eval_command, query]
