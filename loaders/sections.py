"""Split a long text into sections at paragraph boundaries, so a huge report is extracted piece by piece.

Extraction works sentence by sentence, so cutting between paragraphs loses nothing a reader
would connect, and it keeps the time per character and the memory of one pass bounded.
"""
from __future__ import annotations

from collections.abc import Iterator

SECTION_CHARS = 50_000  # about 150 KB of Chinese text; ordinary reports are one section
_SENTENCE_ENDS = "。！？；!?;"


def sections(text: str, size: int = SECTION_CHARS) -> Iterator[tuple[int, int]]:
    """``[start, end)`` bounds that cover `text` in order, each at most `size` characters.

    A section ends at the last blank line in the second half of its window, else the last line
    break, else the last sentence end, else at the window's end.
    """
    start, length = 0, len(text)
    while length - start > size:
        end = _cut(text, start + size // 2, start + size)
        yield start, end
        start = end
    if start < length:
        yield start, length


def _cut(text: str, low: int, high: int) -> int:
    for mark in ("\n\n", "\n"):
        at = text.rfind(mark, low, high)
        if at >= 0:
            return at + len(mark)
    at = max(text.rfind(mark, low, high) for mark in _SENTENCE_ENDS)
    return at + 1 if at >= 0 else high
