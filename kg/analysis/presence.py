"""Who is in a park, and which chain segments entities work in — with the evidence.

An entity works in a segment when its own name maps there (宇通新能源商用车基地 ->
整车) or an industry it is IN_INDUSTRY of does. A company or project is local to a park
group when it is located in or invests in one of its parks; a company also when it
invests in a project located there (and then that project's segments count for it).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace

import queries
from kg.analysis.lookup import ParkScope
from kg.store.base import GraphStore

FIRM_TYPES: tuple[str, ...] = ("Company", "Project")


@dataclass(frozen=True)
class SegmentLink:
    """One reason an entity works in a segment."""

    key: str
    name: str
    type: str
    segment: str  # segment key
    segment_name: str
    via: str  # "name" | "industry"
    via_name: str  # the name that mapped (the entity's own, or the industry's)
    rule: str  # mapping rule (ontology/mapping.py): exact | stripped | contains | broader
    matched: tuple[str, ...]  # template labels found in it
    evidence: tuple[str, ...]
    reports: tuple[str, ...]

    def explain(self) -> str:
        """In words: 'name 宇通新能源商用车基地 mentions 新能源商用车'."""
        labels = "/".join(self.matched)
        if self.via == "industry":
            return f"in industry {self.via_name}" + (f" (mentions {labels})" if self.rule != "exact" else "")
        return f"name mentions {labels}"


@dataclass(frozen=True)
class LocalLink:
    """Why an entity counts as local: its link to one park of the group."""

    park: str  # park name
    rel: str  # LOCATED_IN | INVESTS_IN
    project: str | None  # project key when a company is local through its project
    project_name: str | None
    evidence: tuple[str, ...]
    reports: tuple[str, ...]

    def explain(self) -> str:
        if self.project_name:
            return f"invests in {self.project_name} ({self.park})"
        return f"{'located in' if self.rel == 'LOCATED_IN' else 'invests in'} {self.park}"


@dataclass(frozen=True)
class Covering:
    """A local company or project that covers a segment, how, and the quotes that say so."""

    key: str
    name: str
    type: str
    via: str  # in words
    evidence: tuple[str, ...]
    reports: tuple[str, ...]


@dataclass
class LocalFirms:
    """The companies and projects of a park group with their links to it."""

    names: dict[str, tuple[str, str]]  # key -> (name, type)
    links: dict[str, list[LocalLink]]  # key -> links
    attrs: dict[str, tuple[str | None, float | None]]  # key -> (stage, investment_cny)
    _by_project: dict[str, list[tuple[str, LocalLink]]] | None = field(default=None, init=False, repr=False)

    def add(self, other: "LocalFirms") -> None:
        """Take in the firms of `other` (firms of the same park group not known here yet)."""
        for key in other.names.keys() - self.names.keys():
            self.names[key], self.links[key], self.attrs[key] = other.names[key], other.links[key], other.attrs[key]
        self._by_project = None

    def keys(self, type_: str | None = None) -> list[str]:
        return sorted(k for k, (_, t) in self.names.items() if type_ in (None, t))

    def investors(self, project: str) -> list[tuple[str, LocalLink]]:
        """Local companies investing in a local project, with that link."""
        if self._by_project is None:  # one pass over all links, not one per project asked
            self._by_project = defaultdict(list)
            for key, links in self.links.items():
                for link in links:
                    if link.project is not None:
                        self._by_project[link.project].append((key, link))
        return list(self._by_project.get(project, ()))


#: quotes kept per firm and segment (a firm with hundreds of links is not quoted whole)
QUOTES_PER_FIRM = 10
#: projects through which an example firm is shown to cover a segment (largest known investment first)
PROJECTS_PER_EXAMPLE = 10


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(x for x in items if x))


def local_firms(store: GraphStore, scope: ParkScope, keys: Sequence[str] | None = None,
                projects: Sequence[str] | None = None) -> LocalFirms:
    """Companies and projects local to the park group (only those of `keys` if given; companies of
    `keys` local through a project only through those of `projects` if given)."""
    names: dict[str, tuple[str, str]] = {}
    links: dict[str, list[LocalLink]] = defaultdict(list)
    attrs: dict[str, tuple[str | None, float | None]] = {}
    seen: set[tuple[str, LocalLink]] = set()
    params = {"parks": scope.keys, "keys": None if keys is None else list(keys),
              "projects": None if projects is None else list(projects)}
    rows = store.read(queries.load("gaps_local"), params) if keys is None or keys else []
    # in a fixed order, so links (and the words built from them) do not follow the store's walk
    for row in sorted(rows, key=lambda r: (r["key"], r["park"], r["rel"], r["project"] or "")):
        names[row["key"]] = (row["name"], row["type"])
        attrs[row["key"]] = (row["stage"], row["investment_cny"])
        link = LocalLink(row["park_name"], row["rel"], row["project"], row["project_name"],
                         _unique(row["evidence"]), _unique(row["reports"]))
        if (row["key"], link) not in seen:
            seen.add((row["key"], link))
            links[row["key"]].append(link)
    return LocalFirms(names, dict(links), attrs)


def local_keys(store: GraphStore, scope: ParkScope) -> set[str]:
    """Keys of the companies and projects local to the park group (those of `local_firms`, without links)."""
    return {key for row in store.read(queries.load("gaps_local_keys"), {"parks": scope.keys}) for key in row["keys"]}


def segment_links(store: GraphStore, *, keys: Sequence[str] | None = None,
                  segments: Sequence[str] | None = None,
                  types: Sequence[str] = FIRM_TYPES) -> list[SegmentLink]:
    """Why entities work in segments, filtered by entity keys and/or segment keys (by key, segment and way)."""
    params = {"keys": None if keys is None else list(keys),
              "segments": None if segments is None else list(segments), "types": list(types)}
    if (keys is not None and not keys) or (segments is not None and not segments):
        return []
    rows = store.read(queries.load("gaps_entity_segments"), params)
    return [SegmentLink(r["key"], r["name"], r["type"], r["segment"], r["segment_name"], r["via"], r["via_name"],
                        r["rule"], tuple(r["matched"] or ()), _unique(r["evidence"]), _unique(r["reports"]))
            for r in sorted(rows, key=lambda r: (r["key"], r["segment"], r["via"], r["via_name"]))]


@dataclass
class _Merged:
    """The ways one firm covers one segment, merged as they come: the first as it is, and from the
    second on the distinct parts of `via`, the first QUOTES_PER_FIRM distinct quotes and every
    distinct report (one pass, however many projects a firm covers the segment through)."""

    first: Covering
    via: dict[str, None] = field(default_factory=dict)
    evidence: dict[str, None] = field(default_factory=dict)
    reports: dict[str, None] = field(default_factory=dict)
    merged: bool = False

    def __post_init__(self) -> None:
        self._take(self.first)

    def _take(self, item: Covering) -> None:
        self.via.update(dict.fromkeys(x for x in item.via.split("; ") if x))
        for quote in item.evidence:
            if len(self.evidence) >= QUOTES_PER_FIRM:
                break
            if quote:
                self.evidence[quote] = None
        self.reports.update(dict.fromkeys(x for x in item.reports if x))

    def add(self, item: Covering) -> None:
        self._take(item)
        self.merged = True

    def covering(self) -> Covering:
        if not self.merged:
            return self.first
        first = self.first
        return Covering(first.key, first.name, first.type, "; ".join(self.via), tuple(self.evidence),
                        tuple(self.reports))


def _merge(found: dict[tuple[str, str], _Merged], segment: str, item: Covering) -> None:
    old = found.get((segment, item.key))
    if old is None:
        found[(segment, item.key)] = _Merged(item)
    else:
        old.add(item)


def coverage(store: GraphStore, scope: ParkScope, keys: Sequence[str] | None = None,
             segments: Sequence[str] | None = None,
             through: Collection[tuple[str, str, str]] | None = None) -> dict[str, list[Covering]]:
    """Segment key -> the local companies and projects working in it (only those of `keys`, and only
    `segments`, if given). Given `through`, (company, segment, project) triples, a company covers a
    segment through those projects only."""
    if keys is not None and through is not None:  # those projects are read with the firms, in one go
        projects = sorted({x for _, _, x in through})
        firms = local_firms(store, scope, sorted({*keys, *projects}), projects)
    else:
        firms = local_firms(store, scope, keys)
    if keys is not None and through is None:  # companies local through a project: its segments and quotes count
        via = {link.project for links in firms.links.values() for link in links if link.project}
        firms.add(local_firms(store, scope, sorted(via - set(firms.names))))
    found: dict[tuple[str, str], _Merged] = {}
    for seg in segment_links(store, keys=firms.keys(), segments=segments):
        for link in firms.links[seg.key]:
            if link.project:  # a company's project elsewhere in the group does not make its own name count twice
                continue
            _merge(found, seg.segment, Covering(seg.key, seg.name, seg.type, f"{link.explain()}; {seg.explain()}",
                                                link.evidence + seg.evidence, link.reports + seg.reports))
        if seg.type == "Project":  # its investors cover the segment too: they invest, the project is here
            here = firms.links[seg.key]
            for investor, link in firms.investors(seg.key):
                if through is not None and (investor, seg.segment, seg.key) not in through:
                    continue
                name, type_ = firms.names[investor]
                _merge(found, seg.segment, Covering(
                    investor, name, type_, f"{link.explain()}; {seg.explain()}",
                    link.evidence + tuple(q for h in here for q in h.evidence) + seg.evidence,
                    link.reports + tuple(r for h in here for r in h.reports) + seg.reports))
    result: dict[str, list[Covering]] = defaultdict(list)
    for (segment, _), merged in sorted(found.items(), key=lambda kv: (kv[0][0], kv[1].first.type, kv[1].first.name)):
        if keys is None or merged.first.key in keys:
            result[segment].append(merged.covering())
    return dict(result)


@dataclass(frozen=True)
class SegmentCover:
    """Who covers a segment: how many local firms, and the best known of them with their quotes."""

    firms: int  # local companies and projects working in the segment
    best: tuple[str, ...]  # keys of at most EXAMPLES of them: most reports naming them first, then key
    examples: tuple[Covering, ...] = ()  # those firms with how they cover it and quotes (see with_examples)


#: local firms per segment shown with their quotes (the others are only counted)
EXAMPLES = 5


def segment_cover(store: GraphStore, scope: ParkScope, segments: Sequence[str],
                  examples: int = EXAMPLES) -> dict[str, SegmentCover]:
    """Of `segments`, those local firms work in -> how many and which `examples` of them are best known.

    The store counts and ranks the firms (queries/gaps_coverage.cypher), so no firm's links
    or quotes are read here: a park of 30,000 firms costs little more than one of 30.
    """
    params = {"parks": scope.keys, "segments": list(segments), "examples": examples}
    return {row["segment"]: SegmentCover(row["firms"], tuple(row["best"]))
            for row in (store.read(queries.load("gaps_coverage"), params) if segments else ())}


def with_examples(store: GraphStore, scope: ParkScope, covers: dict[str, SegmentCover]) -> dict[str, SegmentCover]:
    """`covers` with the examples of each segment read in full: how they cover it, and the quotes
    (a company covering a segment through many projects: through PROJECTS_PER_EXAMPLE of them)."""
    if not covers:
        return {}
    pairs = sorted([key, segment] for segment, cover in covers.items() for key in cover.best)
    params = {"pairs": pairs, "parks": scope.keys, "per_segment": PROJECTS_PER_EXAMPLE}
    through = {(row["company"], row["segment"], row["project"])
               for row in store.read(queries.load("gaps_example_projects"), params)}
    detail = coverage(store, scope, sorted({key for key, _ in pairs}), sorted(covers), through)
    result: dict[str, SegmentCover] = {}
    for segment, cover in covers.items():
        by_key = {c.key: c for c in detail.get(segment, [])}
        result[segment] = replace(cover, examples=tuple(by_key[k] for k in cover.best if k in by_key))
    return result
