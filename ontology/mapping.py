"""Map an industry as a report names it onto a chain segment or a whole chain.

A mention and every label of the templates are normalised alike (`normalise`), then
these rules are tried in order; the one that matched is reported for explanations:

- ``exact``: the mention is a label (preferred, English or alternative).
- ``stripped``: it is one once a generic modifier is dropped (高端医疗器械 -> 医疗器械).
- ``contains``: it contains labels that name one target, or one segment plus chains
  that list it (新能源汽车零部件 -> 汽车零部件); the longest label wins otherwise.
- ``broader``: it contains labels of several targets that share a chain: that nearest
  common chain (IVD/第三方检测 -> 生物医药), with the targets in ``also``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from kg.names import normalize as surface_form
from ontology.chains import Chain, Segment, chain_templates

Target = Chain | Segment

_QUOTES = re.compile(r"[“”\"'‘’《》「」『』]")
_SUFFIX = re.compile(r"(?:细分产业|产业集群|产业链|产业|行业|领域|集群|板块|体系|等|业)$")
_MODIFIER_PREFIXES = ("高端", "先进", "高性能", "智能化", "现代", "大型", "重点", "特色", "绿色", "新兴", "前沿", "高附加值")
_MODIFIER_SUFFIXES = ("制造", "研发", "生产", "应用", "服务", "产品", "技术")
_ASCII_ALNUM = re.compile(r"[a-z0-9]")
_MIN_CONTAINED = 2  # shortest label looked for inside a longer mention


@dataclass(frozen=True)
class Mapping:
    """Where an industry mention lands in the chain templates, and why."""

    name: str  # the mention as given
    key: str  # "Segment:…" or "Chain:…"
    kind: str  # "Segment" | "Chain"
    chain: str  # the chain key itself, or the segment's home chain
    label: str  # Chinese name of the target
    rule: str  # exact | stripped | contains | broader
    matched: tuple[str, ...]  # normalised labels that matched
    also: tuple[str, ...] = ()  # further target keys the mention names

    @property
    def targets(self) -> tuple[str, ...]:
        """The target key followed by the further ones."""
        return (self.key, *self.also)

    def explain(self) -> str:
        """One line for people: mention, target, rule and evidence."""
        extra = f"; also {', '.join(self.also)}" if self.also else ""
        return f"{self.name} -> {self.key} ({self.rule}: {', '.join(self.matched)}{extra})"


@dataclass(frozen=True)
class _Index:
    labels: dict[str, str]  # normalised label -> target key
    targets: dict[str, Target]
    longest: int  # length of the longest label


def normalise(name: str) -> str:
    """NFKC, no white space or quotes, lower case, no 产业/行业/领域/集群/等 ending."""
    text = _QUOTES.sub("", surface_form(name)).lower()
    while (m := _SUFFIX.search(text)) and m.start() >= 2:
        text = text[: m.start()]
    return text


@cache
def _index() -> _Index:
    targets: dict[str, Target] = {}
    for chain in chain_templates():
        targets[chain.key] = chain
        targets.update((s.key, s) for s in chain.segments)
    labels: dict[str, str] = {}
    for key, target in targets.items():
        for label in (target.name, target.name_en, *target.aliases):
            if labels.setdefault(normalise(label), key) != key:
                raise ValueError(f"label {label!r} names both {labels[normalise(label)]} and {key}")
    return _Index(labels, targets, max(map(len, labels)))


def _mapping(name: str, key: str, rule: str, matched: Sequence[str], also: Sequence[str] = ()) -> Mapping:
    target = _index().targets[key]
    is_chain = isinstance(target, Chain)
    return Mapping(name=name, key=key, kind="Chain" if is_chain else "Segment",
                   chain=key if is_chain else target.chain, label=target.name, rule=rule,
                   matched=tuple(matched), also=tuple(also))


def _stripped(text: str) -> str | None:
    """A label the text becomes without one generic prefix and/or suffix."""
    heads = [text[len(p):] for p in _MODIFIER_PREFIXES if text.startswith(p)] + [text]
    for head in heads:
        for candidate in (head, *(head[: -len(s)] for s in _MODIFIER_SUFFIXES if head.endswith(s))):
            if candidate != text and len(candidate) >= 2 and candidate in _index().labels:
                return candidate
    return None


def _bounded(text: str, start: int, end: int) -> bool:
    """A Latin label must not sit inside a longer Latin word (cro in micro)."""
    def alnum(i: int) -> bool:
        return 0 <= i < len(text) and bool(_ASCII_ALNUM.match(text[i]))
    return not (alnum(start) and alnum(start - 1)) and not (alnum(end - 1) and alnum(end))


def _contained(text: str) -> list[str]:
    """Labels inside the text not covered by a longer one, longest (then leftmost) first."""
    index = _index()
    found = [(i, j) for i in range(len(text)) for j in range(i + _MIN_CONTAINED, min(len(text), i + index.longest) + 1)
             if text[i:j] in index.labels and _bounded(text, i, j)]
    kept = [(i, j) for i, j in found if not any(a <= i and j <= b and b - a > j - i for a, b in found)]
    return list(dict.fromkeys(text[i:j] for i, j in sorted(kept, key=lambda s: (s[0] - s[1], s[0]))))


def _chains_of(target: Target) -> tuple[str, ...]:
    return (target.key,) if isinstance(target, Chain) else target.chains


def _resolve(name: str, labels: list[str]) -> Mapping:
    index = _index()
    keys = list(dict.fromkeys(index.labels[x] for x in labels))
    segs = [index.targets[k] for k in keys if isinstance(index.targets[k], Segment)]
    keys = [k for k in keys if not (isinstance(index.targets[k], Chain) and any(k in s.chains for s in segs))]
    if len(keys) == 1:
        return _mapping(name, keys[0], "contains", labels)
    common = set.intersection(*(set(_chains_of(index.targets[k])) for k in keys))
    if common:
        home = _chains_of(index.targets[keys[0]])[0]
        return _mapping(name, home if home in common else min(common), "broader", labels, keys)
    return _mapping(name, keys[0], "contains", labels, keys[1:])


@lru_cache(maxsize=8192)
def map_industry(name: str) -> Mapping | None:
    """The segment or chain an industry mention names, or None when it is off-template."""
    text = normalise(name)
    if not text:
        return None
    labels = _index().labels
    if text in labels:
        return _mapping(name, labels[text], "exact", [text])
    if (label := _stripped(text)) is not None:
        return _mapping(name, labels[label], "stripped", [label])
    contained = _contained(text)
    return _resolve(name, contained) if contained else None


def unmapped(names: Iterable[str]) -> list[str]:
    """Distinct names that map to no chain or segment, in first-seen order."""
    return [n for n in dict.fromkeys(names) if map_industry(n) is None]


def maps_to_rows(nodes: Iterable[tuple[str, Sequence[str]]]) -> list[dict[str, Any]]:
    """MAPS_TO rows from (Industry node key, its forms): the first form that maps wins."""
    rows: list[dict[str, Any]] = []
    for node_key, forms in nodes:
        found = next((m for m in map(map_industry, forms) if m is not None), None)
        if found is not None:
            rows.extend({"head": node_key, "tail": key, "rule": found.rule, "matched": list(found.matched),
                         "primary": key == found.key} for key in found.targets)
    return rows
