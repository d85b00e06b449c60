"""Mention records shared by the finders."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field


@dataclass
class Mention:
    """One surface occurrence of a candidate entity in the clean text."""

    type: str  # entity type, or "ambiguous" (park or project, decided later)
    text: str
    start: int  # clean-text offsets
    end: int
    attrs: dict[str, object] = field(default_factory=dict)  # stage, role, ...
    source: str = "head"  # which finder: head / list / lexicon / zone / alias


class SpanIndex:
    """The spans of some mentions, to ask which of them enclose a range."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self._spans = sorted((m.start, m.end, m.type) for m in mentions)
        self._starts = [a for a, _, _ in self._spans]
        self._longest = max((b - a for a, b, _ in self._spans), default=0)

    def enclosing(self, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        """Spans (start, end, type) with ``a <= start`` and ``end <= b`` (the range itself included)."""
        lo = bisect_left(self._starts, end - self._longest)
        hi = bisect_right(self._starts, start)
        return ((a, b, t) for a, b, t in self._spans[lo:hi] if end <= b)
