"""One jieba segmentation of a whole clean text, shared by every rule.

jieba splits its input at every character outside ``[CJK letters digits +#&._%-]``
and segments each block on its own, so the tokens of a separator-bounded segment
are exactly the whole text's tokens that fall inside it: segmenting once is enough.
Only a token cut in two by a range's edge is segmented again, on its own.
"""
from __future__ import annotations

from bisect import bisect_right

from loaders.extract.lexicon import cut

_RESEGMENT_BEFORE = 2  # tokens re-segmented with one an edge cuts


class Tokens:
    """Tokens of ``text`` with their start offsets, searchable by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: tuple[str, ...] = cut(text)
        self.starts: list[int] = []
        pos = 0
        for word in self.words:
            self.starts.append(pos)
            pos += len(word)
        self.start_set = frozenset(self.starts)
        self.end_set = frozenset(s + len(w) for s, w in zip(self.starts, self.words))

    def covering(self, pos: int) -> tuple[int, str]:
        """(start, token) of the token that contains offset ``pos``."""
        k = bisect_right(self.starts, pos) - 1
        return self.starts[k], self.words[k]

    def between(self, start: int, end: int) -> list[str]:
        """Tokens of ``text[start:end]``: the whole text's, re-segmenting where an edge cuts a token.

        A token cut by ``end`` is re-segmented together with the tokens just before it
        (``住|建局`` cut before 局 becomes ``住建``), as segmenting the range itself would.
        """
        first = bisect_right(self.starts, start) - 1
        last = bisect_right(self.starts, end - 1) - 1
        if first < 0 or last < first:
            return []
        if first == last:
            return [self.words[first]] if (self.starts[first], self._end(first)) == (start, end) else \
                list(cut(self.text[start:end]))
        head: list[str] = []
        lo, hi = first, last + 1  # whole tokens words[lo:hi] are kept as they are
        if self.starts[first] < start:
            head, lo = list(cut(self.text[start : self.starts[first + 1]])), first + 1
        tail: list[str] = []
        if self._end(last) > end:
            hi = max(lo, last - _RESEGMENT_BEFORE)
            tail = list(cut(self.text[self.starts[hi] : end]))
        return [*head, *self.words[lo:hi], *tail]

    def _end(self, k: int) -> int:
        return self.starts[k] + len(self.words[k])
