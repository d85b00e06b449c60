"""Money amounts: ``30亿元`` -> 3e9 yuan; foreign currency kept verbatim."""
from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

AMOUNT = re.compile(
    r"(?P<num>\d[\d,，]*(?:\.\d+)?|[零〇一二三四五六七八九十百千两点]+)\s*"
    r"(?P<unit>万亿|亿|千万|百万|万|千)?\s*(?P<cur>元|美元|欧元|日元|港元|港币|英镑|人民币)"
)
# ``投资20亿元建设的`` / ``出资建设`` just before a project's name: who or how much builds it
FUNDS_BUILDING = re.compile(
    rf"(?:总?投资|出资)\s*(?:约|超|近)?\s*(?P<amount>{AMOUNT.pattern})?\s*(?:建设|兴建|打造|新建|实施)的?\s*"
)
_UNITS = {"万亿": 10**12, "亿": 10**8, "千万": 10**7, "百万": 10**6, "万": 10**4, "千": 10**3, None: 1}
_YUAN = frozenset({"元", "人民币"})


@dataclass(frozen=True)
class Amount:
    """A parsed amount: yuan value, or the original text for other currencies."""

    cny: int | None
    original: str


def parse_amount(text: str) -> Amount | None:
    """Parse the first amount in ``text`` (``84957.28 万元`` -> 849572800)."""
    m = AMOUNT.search(text)
    if not m:
        return None
    original = re.sub(r"\s+", "", m.group())
    number = _number(m.group("num"))
    if number is None:
        return None
    if m.group("cur") not in _YUAN:
        return Amount(None, original)
    return Amount(round(number * _UNITS[m.group("unit")]), original)


def _number(raw: str) -> float | None:
    raw = raw.replace(",", "").replace("，", "")
    try:
        return float(raw)
    except ValueError:
        try:
            return float(cn2an.cn2an(raw, "smart"))
        except (ValueError, KeyError):
            return None
