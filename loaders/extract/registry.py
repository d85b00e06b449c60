"""Merge mentions into one entity per real-world thing of a report."""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from loaders.extract.companies import company_key
from loaders.extract.industries import industry_key
from loaders.extract.lexicon import lexicon
from loaders.extract.mentions import Mention
from loaders.extract.zone import ZoneKey, same_zone, strip_places, zone_key

MAIN_ZONE = "@main"
_LEGAL_FORMS = ("公司", "集团")  # a firm named with one of these is named in full
_PROJECT_TAIL = re.compile(r"(?:[（(][^）)]*[）)]|[一二三四五六七八九十\d]+期|项目)+$")


@lru_cache(maxsize=1)
def _zone_endings() -> tuple[str, ...]:
    return tuple(suffix for suffix, _ in lexicon().zone_suffixes)


@dataclass
class Candidate:
    """An entity under construction."""

    type: str
    key: str
    forms: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # clean offsets
    attrs: dict[str, object] = field(default_factory=dict)

    @property
    def first(self) -> int:
        return min(s for s, _ in self.spans)

    def name(self) -> str:
        """The fullest form (for industries: the bare sector name when seen; for firms: the legal name when seen)."""
        if self.type == "Industry" and self.key in self.forms:
            return self.key
        if self.type != "Company":
            return max(self.forms, key=lambda f: (len(f), -self.forms.index(f)))
        legal = [f for f in self.forms if f.endswith(_LEGAL_FORMS)]
        # of two firm names as long, the one less made of place names (重塑科技, not 上海重塑)
        return max(legal or self.forms, key=lambda f: (len(f), len(strip_places(f)), -self.forms.index(f)))


class Registry:
    """Entities of one report, keyed by type and normalised name."""

    def __init__(self, main: ZoneKey | None) -> None:
        self.main = main
        self._by_key: dict[tuple[str, str], Candidate] = {}
        self._keys: dict[tuple[str, str, str], str] = {}  # key() of each surface form seen
        self._folded: dict[tuple[str, str], Candidate] = {}  # keys of firms folded into another, and that firm

    def add(self, m: Mention) -> Candidate:
        """Record ``m`` and return the entity it denotes."""
        key = self.key(m.type, m.text, m.source)
        cand = self._by_key.get((m.type, key)) or self._folded.get((m.type, key))
        if cand is None:
            cand = self._by_key[(m.type, key)] = Candidate(m.type, key)
        if m.text not in cand.forms:
            cand.forms.append(m.text)
        cand.spans.append((m.start, m.end))
        for k, v in m.attrs.items():
            if v is not None:
                cand.attrs.setdefault(k, v)
        return cand

    def get(self, etype: str, text: str, source: str = "") -> Candidate | None:
        """The entity a surface form of ``etype`` denotes, if known."""
        key = (etype, self.key(etype, text, source))
        return self._by_key.get(key) or self._folded.get(key)

    def main_zone(self) -> Candidate | None:
        """The zone the report is about: its development zone, else the park it names most (张江科学城)."""
        zone = self._by_key.get(("Park", MAIN_ZONE))
        if zone is not None:
            return zone
        parks = [c for (t, _), c in self._by_key.items() if t == "Park"]
        return max(parks, key=lambda c: (len(c.spans), -c.first), default=None)

    def candidates(self) -> list[Candidate]:
        """All entities in order of first appearance."""
        return sorted(self._by_key.values(), key=lambda c: c.first)

    def key(self, etype: str, text: str, source: str) -> str:
        """Normalised identity of a surface form."""
        known = self._keys.get((etype, text, source))
        if known is None:
            known = self._keys[(etype, text, source)] = self._new_key(etype, text, source)
        return known

    def _new_key(self, etype: str, text: str, source: str) -> str:
        if etype == "Park" and (source == "zone" or text.endswith(_zone_endings())):  # a zone in a list is a zone
            zk = zone_key(text)
            return MAIN_ZONE if self._is_main(zk) else f"zone:{zk.label()}"
        if etype in ("Park", "Project"):
            name = _PROJECT_TAIL.sub("", text) or text
            core = strip_places(name)
            return name if core in _head_words() else core  # 下沙|片区 and 江东|片区 stay two
        if etype == "Company":
            return company_key(text)
        if etype == "Agency":
            return agency_key(text)
        if etype == "Industry":
            return industry_key(text)
        return text

    def _is_main(self, zk: ZoneKey) -> bool:
        return self.main is not None and same_zone(self.main, zk)

    def merge_company_prefixes(self) -> dict[int, Candidate]:
        """Fold short company names into the one whose key they begin (雄韬 -> 雄韬电源); return the id of
        each folded firm -> the firm it is now part of.

        A firm named with its legal form (…有限公司) is complete: it is never folded into a longer
        guess (国轩高科股份有限公司 stays, 国轩高科动力电池研究院 from a project name joins it), and two
        such firms stay two.
        """
        companies = [c for (t, _), c in self._by_key.items() if t == "Company"]
        folded_keys: dict[int, tuple[str, str]] = {}  # id of each folded firm -> its key
        for short in sorted(companies, key=lambda c: -len(c.key)):  # 信达生物 joins 信达生物制药 before 信达 is weighed
            if short not in companies:
                continue
            longer = [c for c in companies if c is not short and len(c.key) > len(short.key) >= 2 and c.key.startswith(short.key)]
            if len(longer) != 1 or _legal(longer[0]) and _legal(short) or not _abbreviates(short, longer[0]):
                continue
            kept, folded = (short, longer[0]) if _legal(short) else (longer[0], short)
            kept.forms.extend(f for f in folded.forms if f not in kept.forms)
            kept.spans.extend(folded.spans)
            del self._by_key[("Company", folded.key)]
            for key, firm in self._folded.items():
                if firm is folded:
                    self._folded[key] = kept
            self._folded[("Company", folded.key)] = kept  # a list item named by the folded key still finds the firm
            companies.remove(folded)
            folded_keys[id(folded)] = ("Company", folded.key)
        return {firm: self._folded[key] for firm, key in folded_keys.items()}  # (where it is now, if folded again)


def _abbreviates(short: Candidate, longer: Candidate) -> bool:
    """Does one of the firms' names begin another's (after any place name), not just its key
    (雄韬 / 深圳雄韬电源; not 弗迪科技 / 弗迪电池)?"""
    shorts, longers = {strip_places(f) for f in short.forms}, {strip_places(f) for f in longer.forms}
    return _legal(short) or any(b.startswith(a) or a.startswith(b) for a in shorts for b in longers)


@lru_cache(maxsize=1)
def _head_words() -> frozenset[str]:
    return frozenset(h for hs in lexicon().heads.values() for h in hs)


def _legal(firm: Candidate) -> bool:
    """Is the firm named with its legal form somewhere (…有限公司, …集团)?"""
    return any(f.endswith(_LEGAL_FORMS) for f in firm.forms)


def agency_key(name: str) -> str:
    """``郑州航空港区管委会`` / ``区管委会`` / ``管委会`` share the key 管委会."""
    m = None
    for m in lexicon().zone_re.finditer(name):
        pass
    if m is not None and m.end() < len(name):
        name = name[m.end() :]
    name = strip_places(name)
    return name[1:] if name.startswith("区") and len(name) > 2 else name
