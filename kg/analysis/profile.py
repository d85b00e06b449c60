"""One entity's neighbourhood as rows (section, name, detail, evidence) for people.

A park: its agencies, sub-parks, focus chains, firms, and projects by stage with the
known investment. A company: its parks, projects, industries and chain segments,
suppliers and customers. Any other entity: its relationships by type.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import queries
from kg.analysis.gaps import park_focus
from kg.analysis.lookup import EntityRef, ParkScope, park_members, resolve_entity
from kg.analysis.presence import local_firms, segment_links
from kg.chains_store import ensure_chains
from kg.store.base import GraphStore, Row

YUAN_PER_YI = 1e8
NO_STAGE = "stage unknown"


@dataclass(frozen=True)
class ProfileRow:
    """One line of a profile."""

    section: str
    name: str
    detail: str = ""
    evidence: tuple[str, ...] = field(default=())
    reports: tuple[str, ...] = field(default=())


def _yi(amount: float | None) -> str:
    return f"{amount / YUAN_PER_YI:g} 亿元" if amount else ""


def _join(*parts: str | None) -> str:
    return "; ".join(p for p in parts if p)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(x for x in items if x))


def _header(store: GraphStore, ref: EntityRef) -> ProfileRow:
    own = store.read(queries.load("profile_entity"), {"key": ref.key})[0]
    aliases = f"also {', '.join(own['aliases'])}" if own["aliases"] else ""
    extra = _join(own["stage"], _yi(own["investment_cny"]), own["role"] and f"role {own['role']}")
    return ProfileRow(ref.type.lower(), ref.name, _join(ref.key, aliases, extra), (), tuple(own["reports"]))


def _neighbours(store: GraphStore, key: str) -> list[Row]:
    return store.read(queries.load("profile_neighbours"), {"key": key})


def _edge_row(section: str, n: Row, detail: str = "") -> ProfileRow:
    return ProfileRow(section, n["name"], detail, tuple(n["evidence"]), tuple(n["reports"]))


def _park_rows(store: GraphStore, ref: EntityRef) -> list[ProfileRow]:
    members = park_members(store, [ref.key]).get(ref.key, [])
    scope = ParkScope(ref.key, ref.name, tuple(members))
    near = _neighbours(store, ref.key)
    rows = [_edge_row("agency", n) for n in near if n["rel"] == "ADMINISTERS" and n["direction"] == "in"]
    rows += [_edge_row("sub-park", n, f"{n['rel']} {ref.name}") for n in near
             if n["type"] == "Park" and n["direction"] == "in" and n["key"] in members]
    focus = park_focus(store, scope)
    chains = {c["key"]: c["name"] for c in store.read(queries.load("gaps_chains"))}
    for chain, statements in sorted(focus.chains.items(), key=lambda kv: chains.get(kv[0], kv[0])):
        named = _unique(f.industry for f in statements)
        rows.append(ProfileRow("focus chain", chains.get(chain, chain), f"named as {', '.join(named)}",
                               _unique(q for f in statements for q in f.evidence),
                               _unique(r for f in statements for r in f.reports)))
    firms = local_firms(store, scope)
    for key in firms.keys("Company"):
        links = firms.links[key]
        rows.append(ProfileRow("firm", firms.names[key][0], _join(*(link.explain() for link in links[:2])),
                               _unique(q for link in links for q in link.evidence),
                               _unique(r for link in links for r in link.reports)))
    by_stage: dict[str, list[str]] = defaultdict(list)
    for key in firms.keys("Project"):
        by_stage[firms.attrs[key][0] or NO_STAGE].append(key)
    for stage in sorted(by_stage, key=lambda s: (s == NO_STAGE, s)):
        keys = by_stage[stage]
        total = sum(firms.attrs[k][1] or 0 for k in keys)
        known = sum(1 for k in keys if firms.attrs[k][1])
        rows.append(ProfileRow("projects by stage", stage,
                               _join(f"{len(keys)} project(s)", total and f"{_yi(total)} known for {known}")))
        for key in sorted(keys, key=lambda k: firms.names[k][0]):
            links = firms.links[key]
            rows.append(ProfileRow("project", firms.names[key][0],
                                   _join(stage, _yi(firms.attrs[key][1]), *(link.explain() for link in links[:1])),
                                   _unique(q for link in links for q in link.evidence),
                                   _unique(r for link in links for r in link.reports)))
    return rows


def _company_rows(store: GraphStore, ref: EntityRef) -> list[ProfileRow]:
    near = _neighbours(store, ref.key)
    rows = [_edge_row("park", n) for n in near if n["rel"] == "LOCATED_IN" and n["type"] == "Park"]
    through: dict[str, list[Row]] = defaultdict(list)
    for row in store.read(queries.load("profile_project_parks"), {"key": ref.key}):
        through[row["park"]].append(row)
    direct = {r.name for r in rows}
    rows += [ProfileRow("park", park, f"through {', '.join(r['project'] for r in items)}",
                        _unique(q for r in items for q in r["evidence"]),
                        _unique(x for r in items for x in r["reports"]))
             for park, items in through.items() if park not in direct]
    projects = [n for n in near if n["rel"] == "INVESTS_IN" and n["direction"] == "out" and n["type"] == "Project"]
    rows += [_edge_row("project", n, _join(n["stage"], _yi(n["investment_cny"]))) for n in projects]
    rows += [_edge_row("invests in", n) for n in near
             if n["rel"] == "INVESTS_IN" and n["direction"] == "out" and n["type"] != "Project"]
    rows += [_edge_row("investor", n) for n in near if n["rel"] == "INVESTS_IN" and n["direction"] == "in"]
    rows += [_edge_row("industry", n) for n in near if n["rel"] == "IN_INDUSTRY"]
    seen: set[tuple[str, str]] = set()
    for link in segment_links(store, keys=[ref.key, *(n["key"] for n in projects)]):
        via = link.explain() if link.key == ref.key else f"project {link.name}: {link.explain()}"
        if (link.segment, via) not in seen:
            seen.add((link.segment, via))
            rows.append(ProfileRow("segment", link.segment_name, via, link.evidence, link.reports))
    rows += [_edge_row("supplier", n) for n in near if n["rel"] == "SUPPLIES" and n["direction"] == "in"]
    rows += [_edge_row("customer", n) for n in near if n["rel"] == "SUPPLIES" and n["direction"] == "out"]
    return rows


def _other_rows(store: GraphStore, ref: EntityRef) -> list[ProfileRow]:
    near = _neighbours(store, ref.key)
    ordered = sorted(near, key=lambda n: (n["direction"], n["rel"], n["name"]))
    return [_edge_row(f"{n['rel']} {'->' if n['direction'] == 'out' else '<-'}", n, n["type"]) for n in ordered]


def profile(store: GraphStore, name: str, type_: str | None = None) -> list[ProfileRow]:
    """The neighbourhood of the entity `name` names (KGError when unknown or ambiguous)."""
    ensure_chains(store)
    ref = resolve_entity(store, name, type_)
    body = {"Park": _park_rows, "Company": _company_rows}.get(ref.type, _other_rows)(store, ref)
    return [_header(store, ref), *body]
