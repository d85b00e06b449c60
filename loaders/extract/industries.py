"""Industry mentions: vocabulary terms and ``X产业`` phrases."""
from __future__ import annotations

import re

from loaders.extract.lexicon import lexicon
from loaders.extract.mentions import Mention
from loaders.extract.names import balanced_brackets, grow_left, head_type, is_generic
from loaders.extract.tokens import Tokens

_SUFFIX = re.compile(r"产业(?![园链化区基地项城]|集聚区)")  # (长垣产业集聚区 is a zone)
_COUNTED_CATEGORY = re.compile(r"[一二三四五六七八九十两\d]+大")
_QUALIFIER = re.compile(r"(?:世界|国际|国家|全国|全球|省|市|[\d百千万亿]+)级|(?:国际|国内|全国|全球)(?:一流|领先|先进)的?")
_NOT_AFTER = re.compile(r"[园区城]")  # 生物医药园, 智慧物流园区: part of a place name


def industry_mentions(text: str, runs: list[tuple[int, int]], tokens: Tokens) -> list[Mention]:
    """Vocabulary industries (whole tokens only) and ``…产业`` phrases in the separator-free ``runs`` of ``text``."""
    lex = lexicon()
    out: list[Mention] = []
    for s, e in runs:
        for m in lex.industry_re.finditer(text, s, e):
            if m.end() < e and _NOT_AFTER.match(text, m.end()):
                continue
            cat = lex.categories.get(m.group())
            if cat is not None and not cat.is_entity:
                continue
            if not tokens.is_start(m.start()) or not tokens.is_end(m.end()):
                continue
            out.append(Mention("Industry", m.group(), m.start(), m.end(), source="lexicon"))
        seg = text[s:e]
        for m in _SUFFIX.finditer(seg):
            if m.start() < 2:
                continue
            name_start = grow_left(text, s + m.start(), "Industry", s, tokens) - s
            qualifier = _QUALIFIER.match(seg, name_start, m.start())
            if qualifier:  # 世界级|生物医药产业, 千亿级|电子信息产业: a rank or size, not part of the industry
                name_start = qualifier.end()
            name = seg[name_start : m.end()]
            counted = _COUNTED_CATEGORY.search(name)
            if counted:  # 现代物流|三大主导产业: the last item of a list before its category
                name = name[: counted.start()]
                if len(name) < 2 or name in lex.categories:
                    continue
                out.append(Mention("Industry", name, s + name_start, s + name_start + len(name), source="suffix"))
                continue
            zones = list(lex.zone_re.finditer(seg, name_start, m.start()))
            if zones:  # 西安高新区|光子产业: the zone is where the industry is; 经开区产业 names none
                name_start = zones[-1].end()
                name = seg[name_start : m.end()]
            if m.start() - name_start < 2 or is_generic(name, "产业") or head_type(seg[name_start : m.start()]) \
                    or not balanced_brackets(name):
                continue
            if name in lex.categories:
                continue
            out.extend(_split_known_left(name, s + name_start))
    return out


def _split_known_left(name: str, start: int) -> list[Mention]:
    """``生物医药和大健康产业`` names two industries when the part before the conjunction is a known one."""
    for k, ch in enumerate(name):
        if ch in "和及与" and name[:k] in lexicon().industries and len(name) - k - 1 - len("产业") >= 2:
            return [Mention("Industry", name[:k], start, start + k, source="suffix"),
                    Mention("Industry", name[k + 1 :], start + k + 1, start + len(name), source="suffix")]
    return [Mention("Industry", name, start, start + len(name), source="suffix")]


def industry_key(name: str) -> str:
    """``新材料产业`` and ``新材料`` are one industry."""
    lex = lexicon()
    if name in lex.categories:
        return "战略性新兴产业" if "新兴" in name else name
    base = name.removesuffix("产业集群").removesuffix("产业").removesuffix("集群")
    if base.endswith("业") and base[:-1] in lex.industries:
        base = base[:-1]
    return base if len(base) >= 2 else name
