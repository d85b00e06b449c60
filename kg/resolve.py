"""Entity resolution: one node per real-world thing across all reports.

Every surface form gets a match key (kg.names). Forms of one extracted entity are
joined; so are forms that share a match key across reports, rows of the alias
table, a short company name that abbreviates exactly one longer one, and keys
already in the store. Each join is recorded with its reason for `kg resolve --dry-run`.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from kg import names
from kg.errors import KGError
from kg.model import ENTITY_TYPES, Entity, Extraction

Element = tuple[str, str]  # (entity type, match key)


@dataclass(frozen=True)
class Join:
    """Why two match keys were put in one entity."""

    type: str
    a: str
    b: str
    reason: str


@dataclass(frozen=True)
class StoredNode:
    """A node already in the store: its key, type and the match keys it was built from."""

    key: str
    type: str
    match_keys: tuple[str, ...]


#: prefix of the union-find element that stands for a stored node (never a real match key)
STORED = "\x00"
STORED_REASON = "already stored as"


@dataclass
class Resolution:
    """The resolved graph, the joins that made it, and what happens to stored nodes.

    `node_of` maps every (type, match key) to its node key; `mentioned` lists per node the
    match keys the new reports brought; `stored` the stored nodes each node absorbs;
    `renames` maps a stored node key to the key its node has now (several stored nodes
    mapping to one key are merged).
    """

    graph: nx.MultiDiGraph
    joins: list[Join] = field(default_factory=list)
    node_of: dict[Element, str] = field(default_factory=dict)
    mentioned: dict[str, set[str]] = field(default_factory=dict)
    stored: dict[str, list[StoredNode]] = field(default_factory=dict)
    renames: dict[str, str] = field(default_factory=dict)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Element, Element] = {}

    def find(self, x: Element) -> Element:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Element, b: Element) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[max(ra, rb)] = min(ra, rb)
        return True


def load_alias_table(extra: Iterable[Path] = ()) -> list[tuple[str, str, str]]:
    """(type, canonical, alias) rows of the shipped alias table plus any user tables.

    A table is CSV with the header `type,canonical,alias`; lines starting with # are comments.
    """
    shipped = resources.files("ontology").joinpath("aliases.csv").read_text(encoding="utf-8")
    sources = [("ontology/aliases.csv", shipped)]
    for path in extra:
        try:
            sources.append((str(path), Path(path).read_text(encoding="utf-8-sig")))
        except (OSError, UnicodeDecodeError) as exc:
            raise KGError(f"cannot read alias table {path}: {getattr(exc, 'strerror', None) or exc}") from exc
    rows = []
    for name, text in sources:
        lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
        reader = csv.DictReader(lines)
        if not {"type", "canonical", "alias"} <= set(reader.fieldnames or ()):
            raise KGError(f"alias table {name} needs the header type,canonical,alias")
        for number, row in enumerate(reader, start=2):
            values = tuple((row.get(k) or "").strip() for k in ("type", "canonical", "alias"))
            if values[0] not in ENTITY_TYPES or not values[1] or not values[2]:
                raise KGError(f"alias table {name}, row {number}: expected one of {'/'.join(ENTITY_TYPES)}, "
                              f"a canonical name and an alias")
            rows.append(values)
    return rows


class _ReportContext:
    """Per-report facts that relative forms (管委会, 区党工委, 高新区) are resolved against."""

    def __init__(self, extraction: Extraction) -> None:
        self.report_id = extraction.report.id
        parks = [e for e in extraction.entities if e.type == "Park"]
        self.park_forms: list[tuple[str, str]] = []
        for park in parks:
            key = self.park_key(park)
            for form in park.forms():
                self.park_forms.append((names.normalize(form), key))
        self.park_forms.sort(key=lambda p: len(p[0]), reverse=True)
        main = max(parks, key=lambda e: len(e.spans), default=None)
        self.zone_key = self.park_key(main) if main else f"{self.report_id}#"

    def park_key(self, park: Entity) -> str:
        keys = [names.park_key(form) for form in park.forms()]
        specific = [k for k, ok in keys if ok]
        return specific[0] if specific else f"{self.report_id}#{keys[0][0]}"

    def key(self, entity_type: str, form: str) -> str:
        """The match key of one form of an entity of this report."""
        if entity_type == "Park":
            key, specific = names.park_key(form)
            return key if specific else f"{self.report_id}#{key}"
        if entity_type == "Company":
            return names.company_key(form)
        if entity_type == "Project":
            return names.project_key(form) or f"{self.report_id}#{names.normalize(form)}"
        if entity_type == "Industry":
            return names.industry_key(form)
        return self.agency_key(form)

    def agency_key(self, form: str) -> str:
        text = names.normalize(form)
        if len(text) > 3 and text[0] == "区":
            text = text[1:]
        for park_form, park_key in self.park_forms:
            if text.startswith(park_form) and len(text) > len(park_form):
                return f"{park_key}/{text[len(park_form):]}"
        place, rest = names.split_place(names.shorten_zone(text))
        if place:
            return f"{place}/{rest}"
        return f"{self.zone_key}/{text}"


def _abbreviates(short: str, long: str) -> bool:
    """`short` keeps the first two characters of `long` and the rest in order."""
    if len(short) < 3 or len(short) >= len(long) or short[:2] != long[:2]:
        return False
    it = iter(long)
    return all(ch in it for ch in short)


def abbreviations(keys: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(short, long) for every company key that abbreviates exactly one other key, shortest key order.

    Candidates come from an index of (first two characters, later character) -> keys: a
    long key must hold every later character of the short one, so only the keys in all
    those sets are compared (was every pair with the same first two characters).
    """
    companies = sorted(set(keys))
    holding: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key in companies:
        for ch in key[2:]:
            holding[(key[:2], ch)].add(key)
    for short in companies:
        if len(short) < 3:
            continue
        sets = sorted((holding.get((short[:2], ch), set()) for ch in set(short[2:])), key=len)
        longer = [k for k in sets[0].intersection(*sets[1:]) if _abbreviates(short, k)]
        if len(longer) == 1:
            yield short, longer[0]


def resolve(extractions: Iterable[Extraction], *, aliases: Iterable[tuple[str, str, str]] = (),
            stored: Iterable[StoredNode] = ()) -> Resolution:
    """Merge the entities of many reports into one graph of resolved nodes and edges.

    `stored` are nodes already in the store that may take part (kg.merge looks them up):
    their match keys join the groups, so a new report attaches to what an earlier build
    created, and a group's node key is the same whatever order reports were loaded in.
    """
    uf = _UnionFind()
    joins: list[Join] = []
    mentions: list[tuple[Extraction, Entity, list[str]]] = []
    stored_nodes = {node.key: node for node in stored}

    def join(t: str, a: str, b: str, reason: str) -> None:
        if uf.union((t, a), (t, b)):
            joins.append(Join(t, a, b, reason))

    for node in stored_nodes.values():
        for match_key in node.match_keys:
            join(node.type, match_key, STORED + node.key, f"{STORED_REASON} {node.key}")
    for extraction in extractions:
        context = _ReportContext(extraction)
        for entity in extraction.entities:
            keys = list(dict.fromkeys(context.key(entity.type, f) for f in entity.forms() if names.normalize(f)))
            if not keys:
                continue
            for other in keys[1:]:
                join(entity.type, keys[0], other, f"forms of one entity in {extraction.report.id}")
            uf.find((entity.type, keys[0]))
            mentions.append((extraction, entity, keys))

    present = {element for element in uf.parent if not element[1].startswith(STORED)}
    for t, canonical, alias in aliases:
        a, b = table_key(t, canonical), table_key(t, alias)
        if (t, a) in present or (t, b) in present:
            join(t, a, b, "alias table")
    for short, long in abbreviations(k for t, k in present if t == "Company"):
        join("Company", short, long, f"abbreviation of {long}")

    groups: dict[Element, list[Element]] = defaultdict(list)
    for element in list(uf.parent):
        groups[uf.find(element)].append(element)
    node_of: dict[Element, str] = {}
    members: dict[str, list[str]] = {}
    renames: dict[str, str] = {}
    for group in groups.values():
        real = [k for k in group if not k[1].startswith(STORED)]
        if not real:
            continue
        best = max(real, key=lambda k: ("#" not in k[1], len(k[1]), k[1]))
        node_key = f"{best[0]}:{best[1]}"
        members[node_key] = sorted(k for _, k in real)
        for element in group:
            node_of[element] = node_key
            old = element[1][len(STORED):] if element[1].startswith(STORED) else None
            if old is not None and old != node_key:
                renames[old] = node_key

    graph = nx.MultiDiGraph()
    entity_node: dict[tuple[str, str], str] = {}
    mentioned: dict[str, set[str]] = defaultdict(set)
    for extraction, entity, keys in mentions:
        node_key = node_of[(entity.type, keys[0])]
        entity_node[(extraction.report.id, entity.id)] = node_key
        mentioned[node_key].update(keys)
        _add_mention(graph, node_key, extraction, entity, members[node_key])
    for extraction in {id(x): x for x, _, _ in mentions}.values():
        _add_relations(graph, extraction, entity_node)
    by_node: dict[str, list[StoredNode]] = defaultdict(list)
    for node in sorted(stored_nodes.values(), key=lambda n: n.key):
        by_node[node_of[(node.type, STORED + node.key)]].append(node)
    return Resolution(graph, joins, node_of, dict(mentioned), dict(by_node), renames)


def table_key(entity_type: str, form: str) -> str:
    if entity_type == "Company":
        return names.company_key(form)
    if entity_type == "Project":
        return names.project_key(form) or names.normalize(form)
    if entity_type == "Industry":
        return names.industry_key(form)
    if entity_type == "Park":
        return names.park_key(form)[0]
    return names.normalize(form)


def _add_mention(graph: nx.MultiDiGraph, node_key: str, extraction: Extraction, entity: Entity,
                 keys: list[str]) -> None:
    if node_key not in graph:
        graph.add_node(node_key, label=entity.type, name=entity.name, forms=set(), match_keys=set(),
                       reports=set(), attrs={})
    data = graph.nodes[node_key]
    if _fuller(entity.name, data["name"]):
        data["name"] = entity.name
    data["forms"].update(f for f in entity.forms() if f)
    data["match_keys"].update(keys)
    data["reports"].add(extraction.report.id)
    for attr, value in entity.attrs.items():
        data["attrs"][attr] = preferred(attr, data["attrs"].get(attr), value)


#: project stages in the order a project passes through them
STAGES = ("签约", "开工", "在建", "建成", "投产")


def stage_rank(stage: str | None) -> int:
    """1.. for the stages in STAGES, 0 for any other (or no) stage."""
    return STAGES.index(stage) + 1 if stage in STAGES else 0


def preferred(attr: str, old: Any, new: Any) -> Any:
    """The value a node keeps when reports give it two: the later stage, else the larger value
    (amount, text), so it does not depend on the order reports arrive in. merge_entities.cypher
    applies the same rule to values already stored."""
    if old is None or new is None:
        return new if old is None else old
    if attr == "stage":
        return max(old, new, key=lambda v: (stage_rank(v), v))
    return max(old, new)


def _fuller(a: str, b: str) -> bool:
    """Whether name `a` should replace `b`: longer wins, then the smaller string (order-independent)."""
    return len(a) > len(b) or (len(a) == len(b) and a < b)


def _add_relations(graph: nx.MultiDiGraph, extraction: Extraction, entity_node: dict[tuple[str, str], str]) -> None:
    report = extraction.report.id
    for relation in extraction.relations:
        head = entity_node.get((report, relation.head))
        tail = entity_node.get((report, relation.tail))
        if head is None or tail is None or head == tail:
            continue
        if not graph.has_edge(head, tail, key=relation.type):
            graph.add_edge(head, tail, key=relation.type, evidence=[], evidence_reports=[], reports=set(),
                           mentions=set())
        data = graph.edges[head, tail, relation.type]
        if relation.evidence and (relation.evidence, report) not in zip(data["evidence"], data["evidence_reports"]):
            data["evidence"].append(relation.evidence)  # evidence[i] was quoted from evidence_reports[i]
            data["evidence_reports"].append(report)
        data["reports"].add(report)
        where = relation.span.start if relation.span else relation.evidence
        data["mentions"].add(f"{report}@{where}")
