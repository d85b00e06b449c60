"""Development-zone mentions and the report's main zone."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from loaders.extract.lexicon import cut, lexicon, may_open_with_tag, memoised, word_tags
from loaders.extract.mentions import Mention
from loaders.extract.names import grow_left
from loaders.extract.text import is_cjk
from loaders.extract.tokens import Tokens

_MAX_CORE = 6
_PLACE_TAGS = ("ns",)
_BEFORE_BARE_ZONE = re.compile(r"(?:入驻|落户|落地|坐落[在于]|位于|进驻|在|于|至|到|赴)$")
_DISTRICT = re.compile(r"[东西南北中]区")
_STANDALONE_KINDS = frozenset({"经开区", "高新区", "实验区", "新区"})
_KINDLESS = frozenset({"港区", "新区", "开发区"})  # short forms that do not say which kind of zone it is


@dataclass(frozen=True)
class ZoneKey:
    """What identifies a zone across surface forms: core name + short suffix."""

    core: str  # e.g. 航空港 (city prefix and suffix removed); "" for bare 经开区
    short: str  # e.g. 实验区
    place: str = ""  # the place names removed in front, e.g. 郑州 of 郑州经开区

    def label(self) -> str:
        """A text that tells zones apart: 航空港实验区; for a zone with no core of its own, with its city: 长沙经开区."""
        return f"{self.core or self.place}{self.short}"


def zone_mentions(text: str, mask: list[bool], tokens: Tokens) -> list[Mention]:
    """Every ``…经开区/高新区/实验区…`` style zone name in ``text``."""
    out: list[Mention] = []
    for m in lexicon().zone_re.finditer(text):
        floor = m.start()
        while floor > 0 and not mask[floor - 1] and text[floor - 1] not in "（(" and m.start() - floor < _MAX_CORE:
            floor -= 1
        start = grow_left(text, m.start(), "Park", floor, tokens) if m.start() > floor else m.start()
        if start == m.start() and m.start() > 0 and is_cjk(text[m.start() - 1]) and text[m.start() - 1] not in "区全" \
                and not _after_a_verb(text, m.start()):
            continue  # suffix glued to a word (建成区, 创新区, 引智|试验区); not 落户|开发区
        district = _DISTRICT.match(text, m.end())  # 开发区西区: a district of the zone, a park of its own
        end = district.end() if district else m.end()
        out.append(Mention("Park", text[start:end], start, end, source="district" if district else "zone"))
    return out


def _after_a_verb(text: str, pos: int) -> bool:
    """Does a bare zone word at ``pos`` follow a verb of place or a preposition (落户|开发区, 位于|新区)?"""
    return _BEFORE_BARE_ZONE.search(text, max(0, pos - 3), pos) is not None


def zone_key(name: str) -> ZoneKey:
    """Normalise a zone name: drop leading place names, map the suffix to its short form."""
    short = ""
    core = name
    for suffix, abbrev in lexicon().zone_suffixes:
        if name.endswith(suffix):
            core, short = name[: -len(suffix)], abbrev
            break
    stripped = strip_places(core)
    return ZoneKey(stripped, short, core[: len(core) - len(stripped)])


@memoised
def strip_places(name: str) -> str:
    """``name`` without leading place-name tokens (郑州, 河南省 ...)."""
    if not may_open_with_tag(name, _PLACE_TAGS) and "省" not in name and "市" not in name:
        return name
    tags = word_tags()
    tokens = cut(name)
    k = 0
    while k < len(tokens) - 1 and (tags.get(tokens[k], "").startswith(_PLACE_TAGS) or tokens[k].endswith(("省", "市"))):
        k += 1
    return "".join(tokens[k:])


def is_standalone(name: str) -> bool:
    """Is ``name`` a zone of a kind that sits in no other zone (经开区, 高新区, 新区), unlike a 综保区
    or 自贸片区 that may lie inside one?"""
    return any(name.endswith(suffix) for suffix, short in lexicon().zone_suffixes if short in _STANDALONE_KINDS)


def same_zone(a: ZoneKey, b: ZoneKey) -> bool:
    """Do two keys denote the same zone (航空港区 ~ 航空港经济综合实验区, not 东湖高新区 ~ 东湖综保区)?"""
    if not a.core and not a.place and a.short in _KINDLESS or not b.core and not b.place and b.short in _KINDLESS:
        return True  # a bare 开发区 or 新区 is the zone the report is about
    if not a.core or not b.core:
        if a.place and b.place and a.place != b.place or not a.core and a.place and b.core \
                or not b.core and b.place and a.core:
            return False  # 长沙经开区 is neither 郑州经开区 nor 望城经开区; a bare 经开区 may be either
        return a.short == b.short or not a.core and not b.core
    kinds_agree = a.short == b.short or a.short in _KINDLESS or b.short in _KINDLESS
    return kinds_agree and (a.core.startswith(b.core) or b.core.startswith(a.core))


def main_zone(mentions: list[Mention]) -> ZoneKey | None:
    """The zone most often mentioned (its longest core; on a tie, the one named first), or None."""
    keys = [zone_key(m.text) for m in mentions if m.source == "zone"]
    if not keys:
        return None
    named = [k for k in keys if k.core]
    counts: Counter[ZoneKey] = Counter()
    for k in keys:
        counts[k] += 1
    best, best_score = None, -1
    for cand in dict.fromkeys(keys):  # in order of first mention, so a tie goes to the zone named first
        score = sum(n for k, n in counts.items() if same_zone(cand, k))
        if score > best_score or (score == best_score and len(cand.core) > len(best.core)):
            best, best_score = cand, score
    if best is not None and not best.core:
        cores = [k for k in named if same_zone(best, k) and k.short == best.short]
        if cores:
            best = max(cores, key=lambda k: len(k.core))
    return best
