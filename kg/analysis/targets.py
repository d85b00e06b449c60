"""Link-building targets for a park, and matchmaking among its own firms.

A *target* is a company outside the park group that works in one of the park's gap
segments, or in a covered segment that feeds another covered one (强链: a second
supplier for the park's anchor firms). Its score adds up, transparently:

- fit: 补链 gap 3, 延链 gap 2, other gap 1, 强链 1; +1 when the park names the
  segment as its own target (best segment counts);
- ties: 1 per existing relationship to the park group or its firms (at most 3);
- size: 0.5 * log10(1 + known investment in 亿元) over the company's projects;
- reports: 0.5 per report naming the company (at most 2).

Every target carries quotes (how it works in the segment, where it is, its ties); a
company known only by a bare name, with no quote, is not proposed.

Only a shortlist is weighed in full (SHORTLIST_PER_TARGET companies per target asked for,
at least SHORTLIST_MIN), so a big graph is not read into Python: `kg build` pre-ranks every
company by the size and report parts of its score (queries/targets_prerank.cypher); the
best of that order are weighed with their fit and ties to the park group, in a pool widened
until no company outside it can reach the shortlist, and companies outside it whose ties
could still lift them in join it. Only a company whose stored report list undersells it
(reports known only through its projects) can be missed.

A *local match* is a pair of local companies whose segments are directly upstream /
downstream of each other and that have no SUPPLIES relationship yet.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import queries
from kg.analysis.gaps import COVERED, GAP, GapRow, gap_report
from kg.analysis.lookup import ParkScope
from kg.analysis.presence import SegmentLink, coverage, local_keys, segment_links
from kg.store.base import GraphStore, Row

FIT: dict[str, float] = {"补链": 3.0, "延链": 2.0, "other": 1.0, "强链": 1.0}
TARGET_BONUS = 1.0
TIE_WEIGHT, MAX_TIES = 1.0, 3
SIZE_WEIGHT = 0.5
REPORT_WEIGHT, MAX_REPORT_SCORE = 0.5, 2.0
YUAN_PER_YI = 1e8
EVIDENCE_SHOWN = 3
SHORTLIST_MIN, SHORTLIST_PER_TARGET, RANKED_PER_SHORTLISTED = 200, 10, 5
QUOTED_RELATIONS = 10  # relationships of a target whose quotes are read (where it is located first)
PROJECTS_PER_SEGMENT = 3  # a shortlisted company's projects read per segment (largest investment first)


@dataclass(frozen=True)
class Fit:
    """How well one segment of a company fits the park."""

    segment: str
    segment_key: str
    chain: str
    kind: str  # 补链 | 延链 | other | 强链
    is_target: bool
    score: float


@dataclass
class TargetRow:
    """A company worth approaching, its score by component, the reason in words and quotes."""

    company: str
    company_key: str
    where: list[str]  # parks it or its projects are in
    fits: list[Fit]  # best first
    via: list[str]  # how it works in those segments, in words
    ties: list[str]  # existing relationships to the park group, in words
    investment_cny: float | None
    reports: list[str]
    evidence: list[str]
    score: float = 0.0
    fit_score: float = 0.0
    tie_score: float = 0.0
    size_score: float = 0.0
    report_score: float = 0.0
    reason: str = ""

    @property
    def segment(self) -> str:
        return self.fits[0].segment

    @property
    def kind(self) -> str:
        return self.fits[0].kind


@dataclass(frozen=True)
class MatchPair:
    """Two local companies that could supply each other (upstream -> downstream)."""

    upstream: str
    upstream_key: str
    upstream_segment: str
    downstream: str
    downstream_key: str
    downstream_segment: str
    chains: tuple[str, ...]
    reason: str
    evidence: tuple[str, ...] = field(default=())


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(x for x in items if x))


def segment_fits(rows: list[GapRow]) -> dict[str, Fit]:
    """Segment key -> its best fit for the park: gaps by kind, and covered segments feeding covered ones."""
    fits: dict[str, Fit] = {}
    for row in rows:
        if row.status == GAP:
            kind = row.kind or "other"
        elif row.status == COVERED and row.neighbours:
            kind = "强链"
        else:
            continue
        fit = Fit(row.segment, row.segment_key, row.chain, kind, row.is_target,
                  FIT[kind] + (TARGET_BONUS if row.is_target else 0.0))
        if row.segment_key not in fits or fit.score > fits[row.segment_key].score:
            fits[row.segment_key] = fit
    return fits


def _weights() -> dict[str, float]:
    return {"size": SIZE_WEIGHT, "yuan_per_yi": YUAN_PER_YI, "report": REPORT_WEIGHT, "max_report": MAX_REPORT_SCORE}


def prerank(store: GraphStore) -> None:
    """Store on every company the park-independent part of its score and its place in that order
    (queries/targets_prerank.cypher); `kg build` does this at its end, `link_targets` when a company lacks it."""
    store.ensure_indexes(["Company"], "prerank", unique=False)
    store.write(queries.load("targets_prerank"), {"weights": _weights()})


def _ensure_prerank(store: GraphStore) -> None:
    if store.read(queries.load("targets_unranked"))[0]["n"]:
        prerank(store)


def _shortlist(store: GraphStore, fits: dict[str, Fit], scope: ParkScope, local: set[str], size: int) -> set[str]:
    """The `size` outside companies with the best score without their quotes (fit + ties + size + reports),
    and every tied company whose ties could lift it into them.

    Companies are weighed in the order of their park-independent part (prerank): a pool of the
    best of them, widened until no untied company outside it can reach the shortlist (its score
    is at most the best fit plus the pool's lowest park-independent part); a tied company outside
    it joins when its own best fit, park-independent part and ties get it there (its fits are read
    only when the best fit of all could). Ties are read for the pool and for the tied companies
    outside it that the best fit of all would lift to the shortlist's bar without ties (a lower
    bound of the bar), not for every company tied to the park group.
    """
    _ensure_prerank(store)
    segments = sorted(fits)
    best_fit = max(f.score for f in fits.values())
    pool_size = RANKED_PER_SHORTLISTED * size
    while True:
        static: dict[str, float] = {}
        fit: dict[str, float] = defaultdict(float)
        for row in store.read(queries.load("targets_pool"), {"limit": pool_size, "segments": segments}):
            static[row["key"]] = row["static"] or 0.0
            if row["segment"] is not None:
                fit[row["key"]] = max(fit[row["key"]], fits[row["segment"]].score)
        untied = {k: f + static[k] for k, f in fit.items() if k not in local}
        exhausted = len(static) < pool_size  # every company was weighed
        if not exhausted and len(untied) < size:  # the bar is not known yet: widen
            pool_size *= 4
            continue
        floor = sorted(untied.values(), reverse=True)[size - 1] - best_fit if len(untied) >= size else None
        tied = _ties_per_company(store, scope, local, pool_size, None if exhausted else floor)
        score = {k: s + _tie_score(tied[k]["ties"] if k in tied else 0) for k, s in untied.items()}
        best = sorted(score, key=lambda k: (-score[k], k))[:size]
        if exhausted:
            return set(best)
        ceiling = best_fit + min(static.values())  # of any untied company outside the pool
        bar = score[best[-1]]
        if ceiling < bar:  # tied companies outside the pool that score into the shortlist join it
            return set(best) | _tied_above(store, fits, {k: (tie["static"] or 0.0) + _tie_score(tie["ties"])
                                                         for k, tie in tied.items()
                                                         if k not in static and k not in local}, bar)
        pool_size *= 4


def _tie_score(ties: int) -> float:
    return TIE_WEIGHT * min(ties, MAX_TIES)


def _ties_per_company(store: GraphStore, scope: ParkScope, local: set[str], pool_size: int,
                      floor: float | None) -> dict[str, Row]:
    """Companies tied to the park group -> {static, ties}: those of the pool (prerank <= pool_size), and
    those whose park-independent part and ties reach `floor` (none when None)."""
    params = {"local": [*scope.keys, *sorted(local)], "max_rank": pool_size, "floor": floor,
              "tie_weight": TIE_WEIGHT, "max_ties": MAX_TIES}
    return {r["key"]: r for r in store.read(queries.load("targets_tied"), params)}


def _tied_above(store: GraphStore, fits: dict[str, Fit], rest: dict[str, float], bar: float) -> set[str]:
    """Of the companies in `rest` (key -> score without fit), those whose best fit lifts them to `bar`;
    only those that the best fit of all could lift are looked up."""
    best_fit = max(f.score for f in fits.values())
    maybe = sorted(k for k, score in rest.items() if best_fit + score >= bar)
    fit: dict[str, float] = defaultdict(float)
    for row in store.read(queries.load("targets_fits"), {"keys": maybe, "segments": sorted(fits)}) if maybe else ():
        fit[row["key"]] = max(fit[row["key"]], fits[row["segment"]].score)
    return {k for k, f in fit.items() if f + rest[k] >= bar}


def _candidates(store: GraphStore, fits: dict[str, Fit], local: set[str],
                keys: set[str] | None = None) -> dict[str, TargetRow]:
    """Outside companies working in a fitting segment, directly or through their projects (only `keys` if given)."""
    found: dict[str, TargetRow] = {}
    seen: set[tuple[str, str]] = set()

    def add(key: str, name: str, segment: str, via: str, evidence: Iterable[str], reports: Iterable[str]) -> None:
        if key in local or (keys is not None and key not in keys):
            return
        row = found.setdefault(key, TargetRow(name, key, [], [], [], [], None, [], []))
        if (key, segment) not in seen:
            seen.add((key, segment))
            row.fits.append(fits[segment])
        row.via = _unique([*row.via, via])
        row.evidence = _unique([*row.evidence, *evidence])
        row.reports = _unique([*row.reports, *reports])

    if keys is None:
        links = segment_links(store, segments=sorted(fits))
        invested: dict[str, object] = {"pairs": None}
    else:  # the shortlisted companies and (a bounded number of) their projects in the segments
        pairs = store.read(queries.load("targets_projects"), {"keys": sorted(keys), "segments": sorted(fits),
                                                              "per_segment": PROJECTS_PER_SEGMENT})
        projects = sorted({r["project"] for r in pairs})
        links = segment_links(store, keys=[*sorted(keys), *projects], segments=sorted(fits))
        invested = {"pairs": sorted([r["company"], r["project"]] for r in pairs), "projects": None}
    for link in links:
        if link.type == "Company":
            add(link.key, link.name, link.segment, f"{fits[link.segment].segment}: {link.explain()}",
                link.evidence, link.reports)
    by_project: dict[str, list[SegmentLink]] = defaultdict(list)
    for link in links:
        if link.type == "Project":
            by_project[link.key].append(link)
    investments = store.read(queries.load("targets_investors"), {"projects": sorted(by_project), **invested})
    for inv in sorted(investments, key=lambda r: (r["key"], r["project"])):  # not in the store's walk order
        place = f" in {'/'.join(sorted(inv['parks']))}" if inv["parks"] else ""
        for link in by_project[inv["project"]]:
            add(inv["key"], inv["name"], link.segment,
                f"{fits[link.segment].segment}: project {inv['project_name']}{place} ({link.explain()})",
                [*inv["evidence"], *link.evidence], [*inv["reports"], *link.reports])
    return found


def _facts(store: GraphStore, rows: dict[str, TargetRow], scope: ParkScope, local: set[str]) -> None:
    """Fill in where the companies are, their known investment, reports and ties to the park."""
    keys = sorted(rows)
    for fact in store.read(queries.load("targets_companies"), {"keys": keys}):
        row = rows[fact["key"]]
        row.where = sorted(set(fact["parks"]))
        total = (fact["projects_investment"] or 0) + (fact["own_investment"] or 0)
        row.investment_cny = float(total) if total else None
        row.reports = _unique([*fact["reports"], *row.reports])
    for quotes in store.read(queries.load("targets_quotes"), {"keys": keys, "per_company": QUOTED_RELATIONS}):
        row = rows[quotes["key"]]
        row.evidence = _unique([*row.evidence, *(q for group in quotes["quotes"] for q in group)])
    for tie in store.read(queries.load("targets_ties"), {"companies": keys, "local": [*scope.keys, *local]}):
        row = rows[tie["key"]]
        row.ties = _unique([*row.ties, f"{tie['rel']} {tie['other']}"])
        row.evidence = _unique([*row.evidence, *tie["evidence"]])


def _score(row: TargetRow, park: str) -> None:
    row.fits.sort(key=lambda f: (-f.score, f.segment))
    best = row.fits[0]
    row.fit_score = best.score
    row.tie_score = TIE_WEIGHT * min(len(row.ties), MAX_TIES)
    row.size_score = SIZE_WEIGHT * math.log10(1 + row.investment_cny / YUAN_PER_YI) if row.investment_cny else 0.0
    row.report_score = min(REPORT_WEIGHT * len(row.reports), MAX_REPORT_SCORE)
    row.score = round(row.fit_score + row.tie_score + row.size_score + row.report_score, 2)
    named = " that the park names as a target" if best.is_target else ""
    if best.kind == "强链":
        first = (f"works in {best.segment} of {best.chain}, which {park} has and which feeds its anchor firms "
                 f"(强链){named}")
    else:
        first = f"works in {best.segment}, a {'' if best.kind == 'other' else best.kind + ' '}gap of {best.chain} " \
                f"for {park}{named}"
    parts = [first]
    others = _unique(f.segment for f in row.fits[1:])
    if others:
        parts.append(f"also in {', '.join(others)}")
    how = [v.removeprefix(f"{best.segment}: ") for v in row.via if v.startswith(f"{best.segment}: ")]
    parts.append("; ".join(how[:2]) + (f" (+{len(how) - 2} more)" if len(how) > 2 else ""))
    if row.where:
        parts.append(f"present in {', '.join(row.where)}")
    parts.append(f"ties: {', '.join(row.ties)}" if row.ties else "no ties to the park yet")
    if row.investment_cny:
        parts.append(f"known investment {row.investment_cny / YUAN_PER_YI:g} 亿元")
    parts.append(f"named in {len(row.reports)} report(s)")
    row.reason = "; ".join(parts)


def link_targets(store: GraphStore, park: str, chain: str | None = None, limit: int | None = 20) -> list[TargetRow]:
    """Companies outside the park worth attracting for its gaps, best score first."""
    scope, rows = gap_report(store, park, chain)
    fits = segment_fits(rows)
    if not fits:
        return []
    local = local_keys(store, scope)
    keys = _shortlist(store, fits, scope, local, max(SHORTLIST_MIN, SHORTLIST_PER_TARGET * limit)) if limit else None
    found = _candidates(store, fits, local, keys)
    if not found:
        return []
    _facts(store, found, scope, local)
    quoted = [row for row in found.values() if row.evidence]  # a bare name with no quote is not proposed
    for row in quoted:
        _score(row, scope.name)
    ranked = sorted(quoted, key=lambda r: (-r.score, r.company))
    return ranked[:limit] if limit else ranked


def local_matches(store: GraphStore, park: str, chain: str | None = None) -> list[MatchPair]:
    """Pairs of local companies in directly linked segments with no SUPPLIES edge between them."""
    scope, rows = gap_report(store, park, chain)
    chains_of: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if row.status == COVERED:
            chains_of[row.segment_key].append(row.chain)
    covered = coverage(store, scope)
    firms = {seg: [c for c in covered.get(seg, []) if c.type == "Company"] for seg in chains_of}
    companies = sorted({c.key for items in firms.values() for c in items})
    supplies = {(r["supplier"], r["customer"])
                for r in store.read(queries.load("targets_supplies"), {"keys": companies})}
    pairs: list[MatchPair] = []
    for link in store.read(queries.load("targets_upstream"), {"segments": sorted(chains_of)}):
        shared = tuple(c for c in chains_of[link["upstream"]] if c in chains_of[link["downstream"]]) \
            or tuple(_unique([*chains_of[link["upstream"]], *chains_of[link["downstream"]]]))
        for up in firms[link["upstream"]]:
            for down in firms[link["downstream"]]:
                if up.key == down.key or (up.key, down.key) in supplies or (down.key, up.key) in supplies:
                    continue
                reason = (f"{up.name} ({link['upstream_name']}: {up.via}) can supply "
                          f"{down.name} ({link['downstream_name']}: {down.via}); no SUPPLIES link known")
                pairs.append(MatchPair(up.name, up.key, link["upstream_name"], down.name, down.key,
                                       link["downstream_name"], shared, reason,
                                       tuple(_unique([*up.evidence[:1], *down.evidence[:1]]))))
    return sorted(pairs, key=lambda p: (p.chains, p.upstream_segment, p.downstream_segment, p.upstream, p.downstream))
