"""Mention records shared by the finders."""
from __future__ import annotations

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
