"""Sentences and name-bearing segments of a clean text."""
from __future__ import annotations

import re
from dataclasses import dataclass

TABLE_ROW = re.compile(r"[ \t]*\d{1,3}[ \t]+\S+[ \t]+\S")  # 1 许继电气智能制造产业园 许继集团有限公司 25 在建
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_HARD_SEPARATOR = re.compile("[" + re.escape("，,。；;：:、！？!?\n“”\"‘’《》「」（）()【】[]·—…●■▲★") + "]")
_OPEN_TO_CLOSE = {"（": "）", "(": ")", "“": "”", "‘": "’"}
_SOFT_OR_OPENING = re.compile("[ \u3000" + "".join(_OPEN_TO_CLOSE) + "]")  # characters the mask looks at twice
_MAX_PROTECTED = 12  # longest bracket/quote content kept inside a name
_UNMASKED_RUN = re.compile(rb"\x00+")  # in bytes(mask): characters that separate nothing
_PHASE = re.compile(r"[一二三四五六七八九十\d]+期|[东西南北中]区")


def is_cjk(ch: str) -> bool:
    """True for a CJK unified ideograph."""
    return "\u4e00" <= ch <= "\u9fff"


@dataclass(frozen=True)
class Sentence:
    """A sentence of the clean text: [start, end) and its text."""

    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """Split on sentence-final punctuation and line breaks (delimiters kept)."""
    out: list[Sentence] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() - start > 1:
            out.append(Sentence(start, m.end(), text[start : m.end()]))
        start = m.end()
    if start < len(text):
        out.append(Sentence(start, len(text), text[start:]))
    return out


def separator_mask(text: str) -> list[bool]:
    """Per character: does it separate names?

    Brackets and quotes are separators, except a short pair glued inside a
    name (``林德（中国）投资``, ``新能源“大小三电”``) or a phase tag after one
    (``产业园（一期）``). A space between two CJK characters separates too.
    """
    mask = [False] * len(text)
    for m in _HARD_SEPARATOR.finditer(text):  # (sparse: faster than asking of every character)
        mask[m.start()] = True
    for m in _SOFT_OR_OPENING.finditer(text):
        i, ch = m.start(), m.group()
        if ch in " \u3000" and 0 < i < len(text) - 1 and is_cjk(text[i - 1]) and is_cjk(text[i + 1]):
            mask[i] = True
        close = _OPEN_TO_CLOSE.get(ch)
        if close is None or i == 0 or not (is_cjk(text[i - 1]) or text[i - 1].isalnum()):
            continue
        j = text.find(close, i + 1, i + 2 + _MAX_PROTECTED)
        if j < 0 or any(mask[k] for k in range(i + 1, j)):
            continue
        inner = text[i + 1 : j]
        glued = j + 1 < len(text) and (is_cjk(text[j + 1]) or text[j + 1].isalnum())
        if glued or (ch in "（(" and _PHASE.fullmatch(inner)):
            mask[i] = mask[j] = False
    return mask


def separator_runs(mask: list[bool]) -> list[tuple[int, int]]:
    """Maximal separator-free runs [start, end) of a text, given its separator mask."""
    return [m.span() for m in _UNMASKED_RUN.finditer(bytes(mask))]
