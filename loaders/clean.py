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
   short heading); a line indented as a paragraph's first (``　　``) after one
   that is not opens a new line too, and so do a numbered section (``三、``,
   ``（二）``, ``1.``), its heading, the rows of a flattened table and, in text
   wrapped to a column width, a line well short of that width.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

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
_CLAUSE_OR_SENTENCE_MARK = re.compile("[" + re.escape("".join(sorted(_CLAUSE_MARKS | _SENTENCE_END))) + "]")
_PARAGRAPH_INDENT = re.compile(r"[ \t]*\u3000|[ \t]{2}")  # 　　 or two blanks before a paragraph's first line
_SECTION_MARK = re.compile(r"[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d)"
                           r"|第[一二三四五六七八九十\d]{1,3}[章节部分条]")  # 三、 （二） 1. 第一章
_HEADING_MAX = 24  # a shorter line without clause marks reads as a heading
_WRAP_MAX = 40  # widest column of wrapped text
_WRAP_WINDOW = 6  # lines on either side that tell the width a line is wrapped to
_SHORT_SHARE = 0.6  # a line shorter than this share of the width ends its paragraph
_MAX_CHUNK = 40  # longest chunk a bold artefact repeats
_MIN_ARTEFACT_COVER = 0.8  # share of a line that must be doubled chunks
# In a bold artefact each covered character stands in both copies of its chunk, so n non-blank characters of
# which at most (1 - cover) * n are uncovered hold at most n/2 + (1 - cover) * n/2 distinct ones.
_ARTEFACT_MAX_DISTINCT = (1 + (1 - _MIN_ARTEFACT_COVER)) / 2
_BLANKS = frozenset("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")  # every character str.isspace() accepts
# anything a repair below could change: invisible characters, a junk run, letter spacing, a repeated chunk
_DAMAGE = re.compile(rf"[{re.escape(''.join(sorted(_INVISIBLE)))}]|{_JUNK_RUN.pattern}|{_LETTER_SPACED.pattern}"
                     rf"|(.{{1,{_MAX_CHUNK}}})\2")


def clean(report: Report) -> CleanText:
    """Return the repaired text of ``report`` with per-character source offsets."""
    text = report.text
    lines: list[Sequence[int]] = []  # source offsets of the kept characters of each non-empty line
    pieces: list[str] = []  # those characters
    gaps: list[bool] = []  # gaps[k]: a blank line precedes lines[k]
    indents: list[bool] = []  # indents[k]: lines[k] is indented like a paragraph's first line
    pos, blank = 0, False
    for line in text.split("\n"):
        idx, piece = _clean_line(text, pos, len(line))
        pos += len(line) + 1
        if idx:
            lines.append(idx)
            pieces.append(piece)
            gaps.append(blank)
            indents.append(_PARAGRAPH_INDENT.match(line) is not None)
            blank = False
        else:
            blank = bool(lines)
    rows = [_is_table_row(text, idx, piece) for idx, piece in zip(lines, pieces)]
    ends_paragraph = _short_lines(pieces)
    kept: list[int] = []
    out: list[str] = []
    for k, idx in enumerate(lines):
        # a table's rows stay apart; an indented line after one that is not opens a paragraph, and in
        # text wrapped to a width a line well short of it ends one (a title, a paragraph's last line)
        new_paragraph = k > 0 and (indents[k] and not indents[k - 1] or ends_paragraph[k - 1])
        if k and (rows[k - 1] or rows[k] or new_paragraph or _keeps_break(pieces[k - 1], pieces[k], gaps[k])):
            newline = _newline_before(text, idx[0])
            kept.append(newline)
            out.append(text[newline])
        kept.extend(idx)
        out.append(pieces[k])
    return CleanText(report.id, "".join(out), tuple(kept))


def _clean_line(text: str, start: int, length: int) -> tuple[Sequence[int], str]:
    """Offsets of the characters of one line that survive cleaning, and those characters."""
    line = text[start : start + length]
    if not _DAMAGE.search(line):  # most lines: nothing to repair but the blanks around them
        stripped = line.lstrip()
        first = start + length - len(stripped)
        stripped = stripped.rstrip()
        return range(first, first + len(stripped)), stripped
    idx = [i for i in range(start, start + length) if text[i] not in _INVISIBLE]
    idx = _drop_junk_runs(text, idx)
    idx = _undouble(text, idx)
    idx = _drop_letter_spacing(text, idx)
    while idx and text[idx[0]].isspace():
        idx.pop(0)
    while idx and text[idx[-1]].isspace():
        idx.pop()
    return idx, "".join(map(text.__getitem__, idx))


def _drop_junk_runs(text: str, idx: list[int]) -> list[int]:
    line = "".join(map(text.__getitem__, idx))
    drop = {k for m in _JUNK_RUN.finditer(line) for k in range(m.start(), m.end())}
    return [i for k, i in enumerate(idx) if k not in drop] if drop else idx


def _undouble(text: str, idx: list[int]) -> list[int]:
    """Keep one copy of each repeated chunk if the line is a bold artefact."""
    line = "".join(map(text.__getitem__, idx))
    if not _may_be_doubled(line):
        return idx
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


def _may_be_doubled(line: str) -> bool:
    """Could the line be a bold artefact? Not when it has too many distinct characters (a cheap, sure test)."""
    distinct = len(set(line).difference(_BLANKS))
    return 0 < distinct <= _ARTEFACT_MAX_DISTINCT * len(line)


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
    line = "".join(map(text.__getitem__, idx))
    drop = {
        m.start() + k
        for m in _LETTER_SPACED.finditer(line)
        for k, ch in enumerate(m.group())
        if ch in " \u3000"
    }
    return [i for k, i in enumerate(idx) if k not in drop] if drop else idx


def _keeps_break(before: str, line: str, blank_between: bool) -> bool:
    """Whether the break between two non-empty (clean) lines is a real one."""
    last = before[-1]
    if last in _CLOSING_QUOTES and len(before) > 1:
        last = before[-2]
    section = _SECTION_MARK.match(before)
    if last in _SENTENCE_END or _SECTION_MARK.match(line) or section and _is_heading(before[section.end() :]):
        return True  # (三、保障措施 | 区招商局牵头…: a numbered section and its heading stand apart)
    if not blank_between:
        return False
    prose_before = any(mark in before for mark in _CLAUSE_MARKS)
    return not prose_before or _is_heading(line)


def _short_lines(pieces: list[str]) -> list[bool]:
    """For each line, whether it is well short of the width its neighbours are wrapped to (so ends a paragraph).

    Wrapped text has most lines as long as its width (the 80th percentile of the line lengths around,
    at most _WRAP_MAX characters: columns of a page); a paragraph per line has lengths all over. The
    width is read around each line, as one report may mix layouts.
    """
    lengths = [len(piece) for piece in pieces]
    out = []
    for k, length in enumerate(lengths):
        around = sorted(lengths[max(0, k - _WRAP_WINDOW) : k + _WRAP_WINDOW + 1])
        width = around[len(around) * 4 // 5]
        out.append(len(around) >= _WRAP_WINDOW and width <= _WRAP_MAX and length < width * _SHORT_SHARE)
    return out


def _is_heading(line: str) -> bool:
    """A short line without clause or sentence marks."""
    return len(line) < _HEADING_MAX and _CLAUSE_OR_SENTENCE_MARK.search(line) is None


def _is_table_row(text: str, line: Sequence[int], row: str) -> bool:
    """Is the line (its offsets and clean text) a row of a table flattened to text: three or more fields
    apart by blanks, no clause marks?"""
    if not _FIELD_GAP.search(text, line[0], line[-1]):  # most lines: no blank inside at all
        return False
    return len(_FIELD_GAP.findall(row)) >= 2 and _CLAUSE_OR_SENTENCE_MARK.search(row) is None


def _newline_before(text: str, first: int) -> int:
    """Offset of the newline that precedes the line starting at ``first``."""
    nl = text.rfind("\n", 0, first)
    return nl if nl >= 0 else first
