"""Typed records that flow through the pipeline.

report file -> Report -> CleanText -> Extraction (entities + relations with
provenance) -> resolved networkx graph -> graph store.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES: tuple[str, ...] = ("Park", "Company", "Project", "Industry", "Agency")
RELATION_TYPES: tuple[str, ...] = (
    "LOCATED_IN",
    "PART_OF",
    "ADMINISTERS",
    "INVESTS_IN",
    "SUPPLIES",
    "IN_INDUSTRY",
    "FOCUSES_ON",
    "SUB_INDUSTRY_OF",
)


@dataclass(frozen=True)
class Report:
    """One input document as read from disk, before any cleaning."""

    id: str  # stable id: the file name, e.g. "002_eb3d5fa2d698886d.txt"
    path: str  # where it was read from
    text: str  # decoded text as received (line endings normalised to "\n")
    meta: dict[str, Any] = field(default_factory=dict)  # title, date, source, zone ...


@dataclass(frozen=True)
class CleanText:
    """Cleaned text plus a map from every clean character to its source offset."""

    report_id: str
    text: str
    offsets: tuple[int, ...]  # offsets[i] = index in Report.text of text[i]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean [start, end) span back to the original report text."""
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else (self.offsets[-1] + 1 if self.offsets else 0)
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True, slots=True)
class Span:
    """Where something was read: character offsets into the original report text."""

    report_id: str
    start: int
    end: int


@dataclass
class Entity:
    """An entity of one report: fullest name, other surface forms, attributes."""

    id: str  # unique within its Extraction, e.g. "E7"
    type: str  # one of ENTITY_TYPES
    name: str
    aliases: list[str] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)  # stage, investment_cny, investment_original, role
    spans: list[Span] = field(default_factory=list)

    def forms(self) -> list[str]:
        """The name followed by every alias."""
        return [self.name, *self.aliases]


@dataclass
class Relation:
    """A typed edge between two entities of one report, with its evidence."""

    type: str  # one of RELATION_TYPES
    head: str  # Entity.id
    tail: str  # Entity.id
    evidence: str  # verbatim quote from the report
    span: Span | None = None  # where the evidence stands in the original text


@dataclass
class Extraction:
    """Everything extracted from one report."""

    report: Report
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def to_schema_json(self) -> dict[str, Any]:
        """The report in the gold-annotation format of shared/gold/SCHEMA.md."""
        entities = []
        for e in self.entities:
            item: dict[str, Any] = {"id": e.id, "type": e.type, "name": e.name, "aliases": list(e.aliases)}
            if e.attrs:
                item["attrs"] = dict(e.attrs)
            entities.append(item)
        relations = [
            {"type": r.type, "head": r.head, "tail": r.tail, "evidence": r.evidence} for r in self.relations
        ]
        return {"doc": self.report.id, "entities": entities, "relations": relations}
