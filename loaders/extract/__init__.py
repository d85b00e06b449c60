"""Rule-based extraction of parks, companies, projects, industries and agencies.

``extract(report)`` cleans the report, finds mentions (zone names, head-word
names, enumerations, industry vocabulary), merges them into entities and
applies the relation rules of :mod:`loaders.extract.relations`. A long report
is read section by section (:mod:`loaders.sections`), so time and memory grow
linearly with its length.
"""
from __future__ import annotations

from kg.model import Entity, Extraction, Relation, Report, Span
from loaders.clean import clean
from loaders.extract.pipeline import build
from loaders.sections import sections


class ExtractionError(RuntimeError):
    """A report could not be processed (the message starts with its id)."""


def extract(report: Report) -> Extraction:
    """Entities and relations of one report, with evidence from its text.

    Sections of a long report keep offsets into the whole text; entities of the same type and
    name found in several sections become one, and a relation found again keeps its first evidence.
    """
    if not isinstance(report.text, str) or not report.text or report.text.isspace():
        raise ExtractionError(f"{report.id}: empty or non-text report")
    bounds = list(sections(report.text))
    if len(bounds) == 1:
        return Extraction(report, *_extract_section(report, report.text, 0))
    merged = _Merged()
    for start, end in bounds:
        part = report.text[start:end]
        if not part.isspace():
            merged.add(*_extract_section(report, part, start))
    return Extraction(report, merged.entities, merged.relations)


def _extract_section(report: Report, text: str, offset: int) -> tuple[list[Entity], list[Relation]]:
    """Entities and relations of `text`, which stands at `offset` in the report."""
    try:
        ct = clean(Report(report.id, report.path, text))
        candidates, found, attrs = build(ct.text)
    except Exception as exc:  # keep the report id on any internal failure
        raise ExtractionError(f"{report.id}: {type(exc).__name__}: {exc}") from exc

    def span(start: int, end: int) -> Span:
        source_start, source_end = ct.source_span(start, end)
        return Span(report.id, offset + source_start, offset + source_end)

    ids = {id(c): f"E{k}" for k, c in enumerate(candidates, 1)}
    entities = []
    for c in candidates:
        name = c.name()
        aliases = [f for f in dict.fromkeys(c.forms) if f != name]
        spans = [span(s, e) for s, e in sorted(set(c.spans))]
        entities.append(Entity(ids[id(c)], c.type, name, aliases, attrs.get(id(c), {}), spans))
    relations = [Relation(f.type, ids[id(f.head)], ids[id(f.tail)], ct.text[f.start : f.end].strip(),
                          span(f.start, f.end)) for f in found]
    return entities, relations


class _Merged:
    """The entities and relations of several sections of one report, merged by entity type and name."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.relations: list[Relation] = []
        self._by_name: dict[tuple[str, str], Entity] = {}
        self._relation_keys: set[tuple[str, str, str]] = set()

    def add(self, entities: list[Entity], relations: list[Relation]) -> None:
        """Add one section's results (ids local to the section)."""
        ids = {}
        for entity in entities:
            kept = self._by_name.get((entity.type, entity.name))
            if kept is None:
                kept = Entity(f"E{len(self.entities) + 1}", entity.type, entity.name, list(entity.aliases),
                              dict(entity.attrs), list(entity.spans))
                self._by_name[(entity.type, entity.name)] = kept
                self.entities.append(kept)
            else:
                kept.aliases.extend(a for a in entity.aliases if a not in kept.aliases)
                for key, value in entity.attrs.items():
                    kept.attrs.setdefault(key, value)
                kept.spans.extend(entity.spans)
            ids[entity.id] = kept.id
        for relation in relations:
            key = (relation.type, ids[relation.head], ids[relation.tail])
            if key not in self._relation_keys:
                self._relation_keys.add(key)
                self.relations.append(Relation(*key, relation.evidence, relation.span))


__all__ = ["ExtractionError", "extract"]
