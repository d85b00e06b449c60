"""Repair PDF/OCR layout damage in a report while keeping a map to the original.

Cleaning only ever *deletes* characters, so the clean text is a subsequence of
``Report.text``: every clean character keeps its original offset, and any clean
substring is a verbatim (if de-duplicated) quote of the source. Width
differences (``（`` vs ``(``) are left alone here and handled by the matchers.

Repairs, in order, line by line (invisible and control characters go first):

1. layout-junk runs: one non-digit character repeated 4+ times (``敲敲敲敲…``);
2. doubled-character bold artefacts: a line made (almost) entirely of
   immediately repeated chunks (``高新区塔吊林立高新区塔吊林立，，``) keeps one
   copy of each chunk; ordinary lines with an occasional ``万万`` are untouched;
3. letter-spaced text (``有 限 公 司``) loses its spaces; other spaces stay as
   soft separators; leading/trailing blanks go;
4. lines broken mid-sentence are joined; a line ending a sentence keeps one
   ``\\n``, and so does a blank line unless it splits running prose (the line
   before has clause punctuation but no sentence end, the line after is not a
   short heading).
"""
from __future__ import annotations

import re

from kg.model import CleanText, Report

_JUNK_RUN = re.compile(r"([^\d\s])\1{3,}")
_LETTER_SPACED = re.compile(r"(?:[\u4e00-\u9fff][ \u3000]){2,}[\u4e00-\u9fff]")
# zero-width marks, stray carriage returns and control characters (a NUL would also break the store's
# query parameters); tab, form feed and vertical tab stay as blanks
_INVISIBLE = frozenset("\ufeff\u200b\u200c\u200d\r" + "".join(map(chr, [*range(0x09), *range(0x0e, 0x20), 0x7f])))
_SENTENCE_END = frozenset("。！？!?；;")
_CLOSING_QUOTES = frozenset("”’\"」』")
_CLAUSE_MARKS = frozenset("，,、")
_FIELD_GAP = re.compile(r"[ \t\u3000]+")  # what separates the fields of a table row
_NOT_A_ROW = re.compile("[" + re.escape("".join(sorted(_CLAUSE_MARKS | _SENTENCE_END))) + "]")
_HEADING_MAX = 24  # a shorter line without clause marks reads as a heading
_MAX_CHUNK = 40  # longest chunk a bold artefact repeats
_MIN_ARTEFACT_COVER = 0.8  # share of a line that must be doubled chunks
# anything a repair below could change: invisible characters, a junk run, letter spacing, a repeated chunk
_DAMAGE = re.compile(rf"[{re.escape(''.join(sorted(_INVISIBLE)))}]|{_JUNK_RUN.pattern}|{_LETTER_SPACED.pattern}"
                     rf"|(.{{1,{_MAX_CHUNK}}})\2")


def clean(report: Report) -> CleanText:
    """Return the repaired text of ``report`` with per-character source offsets."""
    text = report.text
    lines: list[list[int]] = []
    gaps: list[bool] = []  # gaps[k]: a blank line precedes lines[k]
    pos, blank = 0, False
    for line in text.split("\n"):
        idx = _clean_line(text, pos, len(line))
        pos += len(line) + 1
        if idx:
            lines.append(idx)
            gaps.append(blank)
            blank = False
        else:
            blank = bool(lines)
    rows = [_is_table_row(text, idx) for idx in lines]
    kept: list[int] = []
    for k, idx in enumerate(lines):
        if k and (rows[k - 1] or rows[k] or _keeps_break(text, lines[k - 1], idx, gaps[k])):  # a table's rows stay apart
            kept.append(_newline_before(text, idx[0]))
        kept.extend(idx)
    return CleanText(report.id, "".join(map(text.__getitem__, kept)), tuple(kept))


def _clean_line(text: str, start: int, length: int) -> list[int]:
    """Offsets of the characters of one line that survive cleaning."""
    line = text[start : start + length]
    if not _DAMAGE.search(line):  # most lines: nothing to repair but the blanks around them
        stripped = line.lstrip()
        first = start + length - len(stripped)
        return list(range(first, first + len(stripped.rstrip())))
    idx = [i for i in range(start, start + length) if text[i] not in _INVISIBLE]
    idx = _drop_junk_runs(text, idx)
    idx = _undouble(text, idx)
    idx = _drop_letter_spacing(text, idx)
    while idx and text[idx[0]].isspace():
        idx.pop(0)
    while idx and text[idx[-1]].isspace():
        idx.pop()
    return idx


def _drop_junk_runs(text: str, idx: list[int]) -> list[int]:
    line = "".join(text[i] for i in idx)
    drop = {k for m in _JUNK_RUN.finditer(line) for k in range(m.start(), m.end())}
    return [i for k, i in enumerate(idx) if k not in drop] if drop else idx


def _undouble(text: str, idx: list[int]) -> list[int]:
    """Keep one copy of each repeated chunk if the line is a bold artefact."""
    line = "".join(text[i] for i in idx)
    n = len(line)
    budget = (1 - _MIN_ARTEFACT_COVER) * sum(not ch.isspace() for ch in line)
    keep: list[int] = []
    i = 0
    while i < n:
        if line[i].isspace():
            keep.append(i)
            i += 1
            continue
        k = _repeat_length(line, i)
        if k:
            keep.extend(range(i, i + k))
            i += 2 * k
            continue
        budget -= 1
        if budget < 0:
            return idx
        keep.append(i)
        i += 1
    return [idx[k] for k in keep] if len(keep) < n else idx


def _repeat_length(line: str, i: int) -> int:
    """Length of the longest chunk starting at ``i`` that is immediately repeated."""
    top = min(_MAX_CHUNK, (len(line) - i) // 2)
    nxt = line.rfind(line[i], i + 1, i + top + 1)  # a repeat starts with the same character
    while nxt > i:
        k = nxt - i
        if line[i:nxt] == line[nxt : nxt + k] and not line[i:nxt].isspace():
            return k
        nxt = line.rfind(line[i], i + 1, nxt)
    return 0


def _drop_letter_spacing(text: str, idx: list[int]) -> list[int]:
    line = "".join(text[i] for i in idx)
    drop = {
        m.start() + k
        for m in _LETTER_SPACED.finditer(line)
        for k, ch in enumerate(m.group())
        if ch in " \u3000"
    }
    return [i for k, i in enumerate(idx) if k not in drop] if drop else idx


def _keeps_break(text: str, prev: list[int], line: list[int], blank_between: bool) -> bool:
    """Whether the break between two non-empty lines is a real one."""
    last = text[prev[-1]]
    if last in _CLOSING_QUOTES and len(prev) > 1:
        last = text[prev[-2]]
    if last in _SENTENCE_END:
        return True
    if not blank_between:
        return False
    prose_before = any(text[i] in _CLAUSE_MARKS for i in prev)
    heading_after = len(line) < _HEADING_MAX and not any(text[i] in _CLAUSE_MARKS or text[i] in _SENTENCE_END
                                                          for i in line)
    return not prose_before or heading_after


def _is_table_row(text: str, line: list[int]) -> bool:
    """Is the line a row of a table flattened to text: three or more fields apart by blanks, no clause marks?"""
    if not _FIELD_GAP.search(text, line[0], line[-1]):  # most lines: no blank inside at all
        return False
    row = "".join(map(text.__getitem__, line))
    return len(_FIELD_GAP.findall(row)) >= 2 and _NOT_A_ROW.search(row) is None


def _newline_before(text: str, first: int) -> int:
    """Offset of the newline that precedes the line starting at ``first``."""
    nl = text.rfind("\n", 0, first)
    return nl if nl >= 0 else first
