"""Rule-based extraction of parks, companies, projects, industries and agencies.

``extract(report)`` cleans the report, finds mentions (zone names, head-word
names, enumerations, industry vocabulary), merges them into entities and
applies the relation rules of :mod:`loaders.extract.relations`.
"""
from __future__ import annotations

from kg.model import Entity, Extraction, Relation, Report, Span
from loaders.clean import clean
from loaders.extract.pipeline import build


class ExtractionError(RuntimeError):
    """A report could not be processed (the message starts with its id)."""


def extract(report: Report) -> Extraction:
    """Entities and relations of one report, with evidence from its text."""
    if not isinstance(report.text, str) or not report.text.strip():
        raise ExtractionError(f"{report.id}: empty or non-text report")
    try:
        ct = clean(report)
        candidates, found, attrs = build(ct.text)
    except Exception as exc:  # keep the report id on any internal failure
        raise ExtractionError(f"{report.id}: {type(exc).__name__}: {exc}") from exc
    ids = {id(c): f"E{k}" for k, c in enumerate(candidates, 1)}
    entities = []
    for c in candidates:
        spans = [Span(report.id, *ct.source_span(s, e)) for s, e in sorted(set(c.spans))]
        name = c.name()
        aliases = [f for f in dict.fromkeys(c.forms) if f != name]
        entities.append(Entity(ids[id(c)], c.type, name, aliases, attrs.get(id(c), {}), spans))
    relations = []
    for f in found:
        start, end = ct.source_span(f.start, f.end)
        evidence = ct.text[f.start : f.end].strip()
        relations.append(Relation(f.type, ids[id(f.head)], ids[id(f.tail)], evidence, Span(report.id, start, end)))
    return Extraction(report, entities, relations)


__all__ = ["ExtractionError", "extract"]
