"""Analysis commands: chain gaps, link-building targets, entity profiles, unmapped industries."""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

import click

import queries
from kg import table
from kg.commands.options import format_option, store_options
from kg.model import ENTITY_TYPES
from kg.store.base import GraphStore

CLIP = 36  # characters of a quote shown in a table cell
SHOWN = 4  # names shown in a table cell before "+N"


def _clip(text: str, fmt: str, width: int = CLIP) -> str:
    return text if fmt != "table" or len(text) <= width else text[: width - 1] + "…"


def _snippet(quotes: list[str] | tuple[str, ...], terms: list[str], width: int = CLIP) -> str:
    """A window of the first quote naming one of `terms` (else of the first quote), around that name."""
    for quote in quotes:
        for term in terms:
            at = quote.find(term) if term else -1
            if at >= 0:
                start = max(0, min(at - width // 4, len(quote) - width))
                text = quote[start:start + width]
                return ("…" if start else "") + text + ("…" if start + width < len(quote) else "")
    return _clip(quotes[0], "table", width) if quotes else ""


def _names(names: list[str], fmt: str, total: int | None = None) -> str:
    """Names, comma-separated; a table shows SHOWN of them and "+N" for the others (of `total` if more)."""
    names = list(dict.fromkeys(names))
    if fmt != "table":
        return ", ".join(names)
    more = max(total or 0, len(names)) - SHOWN
    return ", ".join(names[:SHOWN]) + (f" +{more}" if more > 0 else "")


def _evidence(quotes: list[str] | tuple[str, ...], terms: list[str], fmt: str) -> str:
    """Table: a snippet of the first quote around one of `terms`; else every quote, ' | '-separated."""
    quotes = list(dict.fromkeys(quotes))
    return _snippet(quotes, terms) if fmt == "table" else " | ".join(quotes)


def _echo(rows: list[dict[str, Any]], fmt: str, columns: list[str], empty: str) -> None:
    if not rows and fmt == "table":
        click.echo(empty, err=True)
        return
    click.echo(table.render(rows, fmt, columns=columns))


@click.command()
@click.option("--park", required=True, metavar="NAME", help="Park name, alias or part of one.")
@click.option("--chain", metavar="NAME", default=None,
              help="Only this chain (default: every chain the park focuses on).")
@format_option
@store_options
def gaps(park: str, chain: str | None, fmt: str, store: GraphStore) -> None:
    """Chain gaps of a park: each segment of its chains, covered (by whom) or a gap.

    A covered segment shows how many local firms work in it and the best known of them
    (most reports first) with a quote; "+N" counts the others.

    Firms of sub-parks count for the park. Gaps are ranked per chain: 补链 (directly
    upstream of a covered segment) before 延链 (directly downstream), then the rest;
    `target` marks segments the park's own reports name (重点引进).

    \b
    Example:
      kg gaps --park 经开区 --chain 新能源汽车
      kg gaps --park 航空港区 --format json
    """
    from kg.analysis.gaps import gap_report

    scope, rows = gap_report(store, park, chain)
    if fmt == "json":
        click.echo(table.render([asdict(r) for r in rows], fmt))
        return
    out = [{
        "chain": r.chain, "segment": r.segment, "tier": r.tier, "status": r.status, "kind": r.kind or "",
        "rank": r.rank, "target": "yes" if r.is_target else "",
        "next_to": (("feeds " if r.kind != "延链" else "fed by ") + ", ".join(r.neighbours)) if r.neighbours else "",
        "firms": r.firms if r.status == "covered" else "",
        "covered_by": _names([c.name for c in r.covering], fmt, r.firms),
        "evidence": _evidence([q for c in r.covering for q in c.evidence]
                              or [q for f in r.targeted_by for q in f.evidence],
                              [c.name for c in r.covering] or [f.industry for f in r.targeted_by], fmt),
    } for r in rows]
    if fmt == "table" and rows:
        subs = f" (with {len(scope.members)} sub-park(s))" if scope.members else ""
        click.echo(f"park: {scope.name}{subs}")
    _echo(out, fmt, list(out[0]) if out else [],
          f"{scope.name} focuses on no chain in the graph; name one with --chain")


@click.command()
@click.option("--park", required=True, metavar="NAME", help="Park name, alias or part of one.")
@click.option("--chain", metavar="NAME", default=None, help="Only gaps of this chain.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Most targets shown.")
@click.option("--matches", is_flag=True, help="List local matchmaking pairs (firms of the park that could "
              "supply each other) instead of outside targets.")
@format_option
@store_options
def targets(park: str, chain: str | None, limit: int, matches: bool, fmt: str, store: GraphStore) -> None:
    """Link-building targets: outside companies in the park's gap segments, scored.

    score = fit (补链 3, 延链 2, other gap 1, 强链 1; +1 if the park names the
    segment) + ties to the park (1 each, at most 3) + 0.5*log10(1 + known investment
    in 亿元) + 0.5 per report (at most 2). Each target comes with its reason and
    evidence. --matches lists pairs of the park's own firms in upstream/downstream
    segments with no SUPPLIES link yet.

    \b
    Example:
      kg targets --park 经开区
      kg targets --park 经开区 --chain 新能源汽车 --limit 5 --format json
      kg targets --park 经开区 --matches
    """
    from kg.analysis.targets import link_targets, local_matches

    if matches:
        pairs = local_matches(store, park, chain)
        if fmt == "json":
            click.echo(table.render([asdict(p) for p in pairs], fmt))
            return
        out = [{"upstream": p.upstream, "upstream_segment": p.upstream_segment, "downstream": p.downstream,
                "downstream_segment": p.downstream_segment, "chains": ", ".join(p.chains),
                "reason": p.reason if fmt != "table" else "",
                "evidence": _evidence(p.evidence, [p.upstream, p.downstream], fmt)} for p in pairs]
        columns = [c for c in (list(out[0]) if out else []) if fmt != "table" or c != "reason"]
        _echo(out, fmt, columns, "no local matchmaking pairs found")
        return
    rows = link_targets(store, park, chain, limit)
    if fmt == "json":
        click.echo(table.render([{**asdict(r), "segment": r.segment, "kind": r.kind} for r in rows], fmt))
        return
    out = [{
        "rank": i, "company": r.company, "where": _names(r.where, fmt), "segment": r.segment,
        "chain": r.fits[0].chain, "kind": r.kind, "target": "yes" if r.fits[0].is_target else "",
        "score": r.score, "fit": r.fit_score, "ties": r.tie_score, "size": round(r.size_score, 2),
        "reports": r.report_score, "reason": r.reason, "evidence": _evidence(r.evidence, [r.company], fmt),
    } for i, r in enumerate(rows, start=1)]
    columns = [c for c in (list(out[0]) if out else []) if fmt != "table" or c not in ("reason", "evidence")]
    _echo(out, fmt, columns, "no targets found: the park has no gap that outside firms fill")
    if fmt == "table":  # reasons and evidence are too long for cells: one paragraph per target
        for row in out:
            click.echo(f"\n{row['rank']}. {row['company']}: {row['reason']}\n   evidence: {row['evidence']}")


@click.command()
@click.argument("name")
@click.option("--type", "type_", type=click.Choice(ENTITY_TYPES), default=None,
              help="Entity type, when NAME names several.")
@format_option
@store_options
def profile(name: str, type_: str | None, fmt: str, store: GraphStore) -> None:
    """One entity's neighbourhood (NAME: a name, alias or part of one).

    For a park: its agencies, sub-parks, focus chains, firms, and projects by stage
    with the known investment. For a company: its parks, projects, industries, chain
    segments, suppliers and customers. For anything else: its relationships.

    \b
    Example:
      kg profile 经开区
      kg profile 宇通 --format json
      kg profile 郑州高新区 --type Park
    """
    from kg.analysis.profile import profile as run_profile

    rows = run_profile(store, name, type_)
    if fmt == "json":
        click.echo(table.render([asdict(r) for r in rows], fmt))
        return
    out = [{"section": r.section, "name": r.name, "detail": _clip(r.detail, fmt, 60),
            "evidence": _evidence(r.evidence, [r.name], fmt),
            "reports": ", ".join(r.reports) if fmt != "table" else len(r.reports)} for r in rows]
    _echo(out, fmt, list(out[0]), "")


@click.group()
def ontology() -> None:
    """Chain templates and how the graph's industry names map onto them.

    \b
    Example:
      kg ontology unmapped
    """


@ontology.command()
@format_option
@store_options
def unmapped(fmt: str, store: GraphStore) -> None:
    """Industry names in the graph that map to no chain segment (to extend ontology/chains.ttl).

    Names mapping to nothing come first, then those mapping only to a whole chain;
    `relations` counts how often the graph uses each.

    \b
    Example:
      kg ontology unmapped
      kg ontology unmapped --format csv > unmapped.csv
    """
    from kg.chains_store import ensure_chains

    ensure_chains(store)
    rows = store.read(queries.load("ontology_unmapped"))
    out = [{"industry": r["industry"], "maps_to": ", ".join(r["chains"]) if r["chains"] else "",
            "reports": r["reports"], "relations": r["relations"]} for r in rows]
    _echo(out, fmt, ["industry", "maps_to", "reports", "relations"], "every industry maps to a segment")


COMMANDS = [gaps, targets, profile, ontology]
