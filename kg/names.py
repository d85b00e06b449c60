"""Name normalisation and match keys used to resolve surface forms to one entity.

Match keys are for matching only: legal-form suffixes, brackets, place prefixes and
long zone-type suffixes are dropped or shortened; nodes keep every original form.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

_QUOTES = "“”\"'‘’《》「」『』"
_BRACKETS = re.compile(r"[(（\[【][^)）\]】]{0,12}[)）\]】]")
_LEGAL_SUFFIXES = ("集团股份有限公司", "集团有限责任公司", "股份有限公司", "有限责任公司", "集团有限公司",
                   "集团公司", "有限公司", "集团", "股份", "公司")
_PROJECT_SUFFIX = re.compile(r"(?:[(（]?第?[一二三四五六七八九十\d]+期[)）]?(?:工程)?|项目|工程)+$")
_INDUSTRY_SUFFIX = re.compile(r"(?:产业集群|产业链|产业|行业|领域|集群)$")
_RELATIVE_PREFIX = re.compile(r"^[区该本全]")


def _data_lines(name: str) -> list[str]:
    text = resources.files("ontology").joinpath("resolution", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def places() -> tuple[str, ...]:
    """Province and city names, longest first, with their 省/市 forms."""
    names = _data_lines("places.txt")
    return tuple(sorted({n + s for n in names for s in ("", "省", "市")}, key=len, reverse=True))


@cache
def zone_suffixes() -> tuple[tuple[str, str], ...]:
    """(long, short) zone-type suffix pairs, longest first."""
    rows = [line.split(",") for line in _data_lines("zone_suffixes.csv")[1:]]
    return tuple(sorted(((a, b) for a, b in rows), key=lambda p: len(p[0]), reverse=True))


@cache
def generic_forms() -> frozenset[str]:
    """Forms that name a kind of zone, not one place."""
    return frozenset(_data_lines("generic_forms.txt"))


def normalize(text: str) -> str:
    """NFKC, no white space, no surrounding quotes: the form the scorer compares."""
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in text if not ch.isspace()).strip(_QUOTES)


@cache
def _places_by_first() -> dict[str, tuple[str, ...]]:
    """`places()` grouped by first character, each group still longest first."""
    groups: dict[str, list[str]] = {}
    for place in places():
        groups.setdefault(place[0], []).append(place)
    return {first: tuple(group) for first, group in groups.items()}


def split_place(form: str) -> tuple[str, str]:
    """Split a leading province/city name off a form: ("郑州", "经开区")."""
    for place in _places_by_first().get(form[:1], ()):
        if form.startswith(place) and len(form) > len(place) + 1:
            return place.rstrip("省市"), form[len(place):]
    return "", form


def shorten_zone(form: str) -> str:
    """Replace a long zone-type ending by its short form (经济技术开发区 -> 经开区)."""
    for long, short in zone_suffixes():
        if form.endswith(long):
            stem = form[: -len(long)]
            return stem + short if stem else short
    return form


@lru_cache(maxsize=1 << 16)
def park_key(form: str) -> tuple[str, bool]:
    """Match key of a park form and whether it is specific (not just a zone type)."""
    place, rest = split_place(shorten_zone(normalize(form)))
    rest = _RELATIVE_PREFIX.sub("", rest) if len(rest) > 2 else rest
    if rest in generic_forms():
        return place + rest, bool(place)
    return rest, True


def company_key(form: str) -> str:
    """Match key of a company form: no brackets, legal-form suffix or place prefix."""
    text = _BRACKETS.sub("", normalize(form))
    changed = True
    while changed:
        changed = False
        for suffix in _LEGAL_SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix) + 1:
                text, changed = text[: -len(suffix)], True
    return split_place(text)[1]


def project_key(form: str) -> str:
    """Match key of a project form: no brackets, 项目/工程 or phase suffix.

    "" when nothing but a suffix is left (（一期）, 二期项目): such a form names no project
    on its own, and the resolver keeps it inside its report.
    """
    text = _BRACKETS.sub("", normalize(form))
    stripped = _PROJECT_SUFFIX.sub("", text)
    if len(stripped) >= 2:
        return stripped
    return text if stripped else ""


def industry_key(form: str) -> str:
    """Match key of an industry form: no 产业/行业/集群 ending."""
    text = normalize(form)
    stripped = _INDUSTRY_SUFFIX.sub("", text)
    return stripped if len(stripped) >= 2 else text
