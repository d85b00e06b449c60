"""Chain gaps of a park: which segments of its chains local firms cover, which are missing.

For each chain the park group focuses on (FOCUSES_ON of the park, its sub-parks or
their agencies, mapped onto a chain or onto a segment of it), every segment is
*covered* (local companies / projects work in it, with evidence) or a *gap*. Gaps are
ranked: 补链 (directly upstream of a covered segment: the chain misses a supplier)
before 延链 (directly downstream of one: the chain can be extended), before the
others; within a kind, segments the park itself names (is_target, 重点引进) first.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

import queries
from kg.analysis.lookup import ChainRef, ParkScope, resolve_chain, resolve_park
from kg.analysis.presence import Covering, SegmentCover, segment_cover, with_examples
from kg.chains_store import ensure_chains
from kg.store.base import GraphStore, Row
from ontology.chains import TIERS

COVERED, GAP = "covered", "gap"
KINDS: tuple[str, ...] = ("补链", "延链", "other")  # gap kinds, in rank order


@dataclass(frozen=True)
class Focus:
    """Why a park counts a chain or segment among its own: the FOCUSES_ON statements."""

    actor: str  # park or agency name
    industry: str  # the industry as the report names it
    evidence: tuple[str, ...]
    reports: tuple[str, ...] = ()


@dataclass(frozen=True)
class GapRow:
    """One segment of one chain of a park: covered by local firms, or a gap."""

    park: str  # name of the park asked about
    park_key: str
    chain: str
    chain_key: str
    segment: str
    segment_key: str
    tier: str  # upstream | midstream | downstream
    status: str  # covered | gap
    kind: str | None  # gaps: 补链 | 延链 | other; None when covered
    rank: int | None  # gaps: 1 = first to close in this chain
    is_target: bool  # the park's own reports name the segment (FOCUSES_ON / 重点引进)
    # gaps: the covered segments it feeds (补链) or is fed by (延链); covered: the covered ones it feeds
    neighbours: tuple[str, ...]
    covering: tuple[Covering, ...]  # covered: the best known local firms and projects, with evidence
    targeted_by: tuple[Focus, ...]  # the statements naming it as a target
    firms: int = 0  # covered: how many local firms and projects work in it (`covering` shows the first few)


@dataclass
class ParkFocus:
    """The chains a park group focuses on, and the segments it names."""

    chains: dict[str, list[Focus]]  # chain key -> statements
    segments: dict[str, list[Focus]]  # segment key -> statements


def park_focus(store: GraphStore, scope: ParkScope) -> ParkFocus:
    """Chains and segments the park group's reports name as its own industries."""
    rows = store.read(queries.load("gaps_focus"), {"parks": scope.keys})
    chains: dict[str, list[Focus]] = defaultdict(list)
    segments: dict[str, list[Focus]] = defaultdict(list)

    def add(into: dict[str, list[Focus]], key: str, row: Row) -> None:
        focus = Focus(row["actor_name"], row["industry"], tuple(row["evidence"]), tuple(row["reports"]))
        if focus not in into[key]:
            into[key].append(focus)

    for row in rows:
        if row["kind"] == "Chain":
            add(chains, row["target"], row)
        else:
            add(segments, row["target"], row)
    for row in rows:  # a named segment brings its chain: one the park names anyway, else its home chain
        if row["kind"] == "Segment":
            named = [c for c in row["chains"] if c in chains]
            for chain in named or row["chains"][:1]:
                add(chains, chain, row)
    return ParkFocus(dict(chains), dict(segments))


def _tier_order(tier: str) -> int:
    return TIERS.index(tier) if tier in TIERS else len(TIERS)


def _chain_rows(scope: ParkScope, chain: ChainRef, segs: list[Row], covered: dict[str, SegmentCover],
                focus: ParkFocus) -> list[GapRow]:
    feeds = {s["key"]: set(s["feeds"]) for s in segs}
    fed_by: dict[str, set[str]] = defaultdict(set)
    for head, tails in feeds.items():
        for tail in tails:
            fed_by[tail].add(head)
    names = {s["key"]: s["name"] for s in segs}
    rows: list[GapRow] = []
    for seg in segs:
        key = seg["key"]
        targeted = tuple(focus.segments.get(key, ()))
        common = dict(park=scope.name, park_key=scope.key, chain=chain.name, chain_key=chain.key,
                      segment=seg["name"], segment_key=key, tier=seg["tier"], is_target=bool(targeted),
                      targeted_by=targeted)
        feeds_covered = sorted(t for t in feeds[key] if t in covered)
        if key in covered:
            rows.append(GapRow(status=COVERED, kind=None, rank=None, neighbours=tuple(names[n] for n in feeds_covered),
                               covering=covered[key].examples, firms=covered[key].firms, **common))
            continue
        fed_by_covered = sorted(h for h in fed_by[key] if h in covered)
        kind, near = ("补链", feeds_covered) if feeds_covered else ("延链", fed_by_covered) if fed_by_covered \
            else ("other", [])
        rows.append(GapRow(status=GAP, kind=kind, rank=None, neighbours=tuple(names[n] for n in near),
                           covering=(), **common))
    order = {s["key"]: i for i, s in enumerate(segs)}
    gaps = sorted((r for r in rows if r.status == GAP),
                  key=lambda r: (KINDS.index(r.kind or "other"), not r.is_target, _tier_order(r.tier),
                                 order[r.segment_key]))
    covered_rows = [r for r in rows if r.status == COVERED]
    ranked = [replace(r, rank=i) for i, r in enumerate(gaps, start=1)]
    return covered_rows + ranked


def _chains_to_analyse(store: GraphStore, chain: str | None, focus: ParkFocus) -> list[ChainRef]:
    """The chain asked for, else the chains the park focuses on (unordered)."""
    if chain is not None:
        return [resolve_chain(store, chain)]
    names = {c["key"]: c["name"] for c in store.read(queries.load("gaps_chains"))}
    return [ChainRef(k, names[k]) for k in focus.chains if k in names]


def gap_report(store: GraphStore, park: str, chain: str | None = None) -> tuple[ParkScope, list[GapRow]]:
    """The resolved park and its gap rows (see `chain_gaps`); chains with most covered segments first."""
    ensure_chains(store)
    scope = resolve_park(store, park)
    focus = park_focus(store, scope)
    chains = _chains_to_analyse(store, chain, focus)
    segs = store.read(queries.load("gaps_chain_segments"), {"chains": [c.key for c in chains]})
    covered = with_examples(store, scope, segment_cover(store, scope, sorted({s["key"] for s in segs})))
    by_chain: dict[str, list[Row]] = defaultdict(list)
    for seg in segs:
        by_chain[seg["chain"]].append(seg)
    cover = {c.key: sum(1 for s in by_chain[c.key] if s["key"] in covered) for c in chains}
    chains.sort(key=lambda c: (-cover[c.key], c.name))
    return scope, [row for c in chains for row in _chain_rows(scope, c, by_chain[c.key], covered, focus)]


def chain_gaps(store: GraphStore, park: str, chain: str | None = None) -> list[GapRow]:
    """Segments of the park's chains (or of `chain`) with status, gap kind and rank.

    Raises KGError for an unknown park or chain. A park that focuses on no chain
    gives no rows unless `chain` is named.
    """
    return gap_report(store, park, chain)[1]


def gap_overlay(store: GraphStore, park: str, chain: str | None = None) -> list[dict[str, Any]]:
    """The missing segments for the graph page: {segment, chain, park_key, tier, is_target}.

    Also carries `park` (= park_key), `kind` and `rank` for drawing. Names, not keys,
    for segment and chain; the shape is stable.
    """
    return [{"segment": r.segment, "chain": r.chain, "park_key": r.park_key, "tier": r.tier,
             "is_target": r.is_target, "park": r.park_key, "kind": r.kind, "rank": r.rank}
            for r in chain_gaps(store, park, chain) if r.status == GAP]
