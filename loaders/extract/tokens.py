"""The jieba segmentation of a clean text, computed only where the rules look.

jieba splits its input into blocks of ``[CJK letters digits +#&._%-]`` and segments
each block on its own; every other character is a token by itself. So the tokens
of any part of a text are the tokens of the blocks it touches: each block is
segmented once, the first time a rule asks about it, and blocks no rule asks about
are never segmented. Only a token cut in two by a range's edge is segmented again.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from jieba import re_han_default as _BLOCK

from loaders.extract.lexicon import cut

_RESEGMENT_BEFORE = 2  # tokens re-segmented with one an edge cuts


class Tokens:
    """The tokens of ``text``, looked up by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._blocks = [(m.start(), m.end()) for m in _BLOCK.finditer(text)]
        self._block_starts = [a for a, _ in self._blocks]
        self._segmented: dict[int, tuple[list[int], tuple[str, ...]]] = {}

    def covering(self, pos: int) -> tuple[int, str]:
        """(start, token) of the token that contains offset ``pos`` (0 <= pos < len(text))."""
        k = bisect_right(self._block_starts, pos) - 1
        if k < 0 or pos >= self._blocks[k][1]:
            return pos, self.text[pos]  # outside every block: a character is a token by itself
        starts, words = self._segment(k)
        i = bisect_right(starts, pos) - 1
        return starts[i], words[i]

    def is_start(self, pos: int) -> bool:
        """Does a token start at ``pos``? (A block's edge is a token's: no segmentation needed.)"""
        if not 0 <= pos < len(self.text):
            return False
        k = bisect_right(self._block_starts, pos) - 1
        if k < 0 or pos == self._blocks[k][0] or pos >= self._blocks[k][1]:
            return True
        return self.covering(pos)[0] == pos

    def is_end(self, pos: int) -> bool:
        """Does a token end at ``pos``? (A block's edge is a token's: no segmentation needed.)"""
        if not 0 < pos <= len(self.text):
            return False
        k = bisect_right(self._block_starts, pos - 1) - 1
        if k < 0 or pos == self._blocks[k][1] or pos - 1 >= self._blocks[k][1]:
            return True
        start, token = self.covering(pos - 1)
        return start + len(token) == pos

    def between(self, start: int, end: int) -> list[str]:
        """Tokens of ``text[start:end]``: the text's own, re-segmenting where an edge cuts a token.

        A token cut by ``end`` is re-segmented together with the tokens just before it
        (``住|建局`` cut before 局 becomes ``住建``), as segmenting the range itself would.
        """
        if start >= end:
            return []
        tokens = self._overlapping(start, end)
        first_start, first = tokens[0]
        if len(tokens) == 1:
            return [first] if (first_start, len(first)) == (start, end - start) else list(cut(self.text[start:end]))
        lo, hi = 0, len(tokens)  # tokens[lo:hi] are kept whole
        head: list[str] = []
        if first_start < start:
            head, lo = list(cut(self.text[start : tokens[1][0]])), 1
        tail: list[str] = []
        last_start, last = tokens[-1]
        if last_start + len(last) > end:
            hi = max(lo, len(tokens) - 1 - _RESEGMENT_BEFORE)
            tail = list(cut(self.text[tokens[hi][0] : end]))
        return [*head, *(word for _, word in tokens[lo:hi]), *tail]

    def _overlapping(self, start: int, end: int) -> list[tuple[int, str]]:
        """(start, token) of every token that overlaps [start, end), in order."""
        out: list[tuple[int, str]] = []
        k = max(bisect_right(self._block_starts, start) - 1, 0)
        pos = start
        while pos < end:
            while k < len(self._blocks) and self._blocks[k][1] <= pos:
                k += 1
            if k < len(self._blocks) and self._blocks[k][0] <= pos:
                starts, words = self._segment(k)
                i = bisect_right(starts, pos) - 1
                while i < len(words) and starts[i] < end:
                    out.append((starts[i], words[i]))
                    i += 1
                pos = self._blocks[k][1]
            else:
                stop = min(end, self._blocks[k][0] if k < len(self._blocks) else len(self.text))
                out.extend((p, self.text[p]) for p in range(pos, stop))
                pos = stop
        return out

    def _segment(self, k: int) -> tuple[list[int], tuple[str, ...]]:
        """Token starts and tokens of block ``k`` (segmented on first use)."""
        done = self._segmented.get(k)
        if done is None:
            a, b = self._blocks[k]
            words = cut(self.text[a:b])
            done = self._segmented[k] = (list(accumulate(map(len, words[:-1]), initial=a)), words)
        return done
