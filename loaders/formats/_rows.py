"""Rows of a list, read through a mapping, as one Extraction (no text extraction involved).

Each data row is rendered as one line of the report text (``第5行 企业名称：…；所在园区：…``):
that line is the evidence of every relation the row states, its offset the mention,
and each entity's span points at its cell, so provenance is the file and the row.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import ReportError
from kg.model import Entity, Extraction, Relation, Report, Span
from loaders.extract.amounts import parse_amount
from loaders.extract.stage import stage_of
from loaders.formats._mapping import DEFAULT_SPLIT, AttrRule, Mapping, Role, header_key
from loaders.formats._meta import report_meta

_PLAIN_NUMBER = re.compile(r"[\d,，]+(?:\.\d+)?")


@dataclass
class Sheet:
    """A grid of cell values; rows[0] is the sheet's row 1. `name` labels rows when a file has several."""

    name: str | None
    rows: list[list[Any]]


@dataclass
class _Columns:
    """Where the mapping's columns stand in one sheet's header row."""

    headers: dict[int, str] = field(default_factory=dict)  # column -> header text, for rendering
    roles: list[tuple[Role, int]] = field(default_factory=list)
    aliases: list[tuple[Role, int]] = field(default_factory=list)
    attrs: list[tuple[AttrRule, int, str | None]] = field(default_factory=list)  # rule, column, unit


def cell_text(value: Any) -> str:
    """A cell as text: ``30.0`` -> ``30``, dates as ISO, blanks collapsed."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _find_columns(row: list[Any], mapping: Mapping) -> _Columns:
    keys = [header_key(cell) for cell in row]
    where: dict[str, int] = {}
    for col, (name, _) in enumerate(keys):
        where.setdefault(name, col)
    claimed: set[int] = set()
    found = _Columns()

    def take(names: tuple[str, ...]) -> int | None:
        col = next((where[n] for n in names if n in where and where[n] not in claimed), None)
        if col is not None:
            claimed.add(col)
            found.headers[col] = cell_text(row[col])
        return col

    for role in mapping.roles:
        col = take(role.columns)
        if col is not None:
            found.roles.append((role, col))
    for role, _ in list(found.roles):
        while (col := take(role.aliases)) is not None:
            found.aliases.append((role, col))
    for rule in mapping.attrs:
        col = take(rule.columns)
        if col is not None:
            found.attrs.append((rule, col, keys[col][1]))
    return found


class _Builder:
    """Accumulates the report text, entities and relations of one file."""

    def __init__(self, report_id: str, relations: tuple[tuple[str, str, str], ...]) -> None:
        self.report_id = report_id
        self.relation_specs = relations
        self.lines: list[str] = []
        self.pos = 0
        self.entities: dict[tuple[str, str], Entity] = {}
        self.relations: dict[tuple[str, str, str, int], Relation] = {}

    def add_row(self, label: str, cells: dict[int, str], columns: _Columns) -> None:
        line, starts = label, {}
        for col in sorted(c for c in columns.headers if cells.get(c)):
            line += "；" if line != label else " "
            line += f"{columns.headers[col]}："
            starts[col] = self.pos + len(line)
            line += cells[col]
        values: dict[str, list[Entity]] = {}
        for role, col in columns.roles:
            text = cells.get(col, "")
            for name, offset in _items(text, role.split):
                start = starts[col] + offset
                entity = self._entity(role.type, name, Span(self.report_id, start, start + len(name)))
                if entity not in values.setdefault(role.name, []):
                    values[role.name].append(entity)
        if not any(values.values()):
            return
        for role, col in columns.aliases:
            if len(values.get(role.name, [])) == 1:
                owner = values[role.name][0]
                owner.aliases.extend(a for a, _ in _items(cells.get(col, ""), DEFAULT_SPLIT)
                                     if a != owner.name and a not in owner.aliases)
        span = Span(self.report_id, self.pos, self.pos + len(line))
        for head, rel, tail in self.relation_specs:
            for h in values.get(head, []):
                for t in values.get(tail, []):
                    if h is not t:
                        self.relations.setdefault((rel, h.id, t.id, span.start), Relation(rel, h.id, t.id, line, span))
        for rule, col, unit in columns.attrs:
            owner_role = next((r for r in rule.on if values.get(r)), None)
            if owner_role and cells.get(col):
                for entity in values[owner_role]:
                    for key, value in _attr(rule, cells[col], unit).items():
                        entity.attrs.setdefault(key, value)
        self.lines.append(line)
        self.pos += len(line) + 1

    def _entity(self, entity_type: str, name: str, span: Span) -> Entity:
        key = (entity_type, name)
        if key not in self.entities:
            self.entities[key] = Entity(f"E{len(self.entities) + 1}", entity_type, name)
        entity = self.entities[key]
        entity.spans.append(span)
        return entity


def _items(text: str, separators: str) -> list[tuple[str, int]]:
    """Names in a cell with their offsets: the whole cell, or its parts split at `separators`."""
    if not text:
        return []
    if not separators:
        return [(text, 0)]
    pattern = "[" + re.escape(separators) + "]+"
    out, pos = [], 0
    for part in re.split(pattern, text):
        start = text.index(part, pos)
        pos = start + len(part)
        if part.strip():
            lead = len(part) - len(part.lstrip())
            out.append((part.strip(), start + lead))
    return out


def _attr(rule: AttrRule, text: str, header_unit: str | None) -> dict[str, Any]:
    if rule.attr == "stage":
        return {"stage": stage_of(text) or text}
    if rule.attr == "role":
        return {"role": text}
    amount = parse_amount(text)
    unit = header_unit or rule.unit
    if amount is None and unit and _PLAIN_NUMBER.fullmatch(text):
        amount = parse_amount(text + unit) or parse_amount(text + unit + "元")
    if amount is None:
        return {}
    return {"investment_cny": amount.cny} if amount.cny is not None else {"investment_original": amount.original}


def rows_extraction(path: Path, sheets: list[Sheet], mapping: Mapping, fmt: str,
                    title: str | None = None) -> Extraction:
    """Entities and relations of every mapped row of `sheets`, as the Extraction of one report."""
    builder = _Builder(path.name, mapping.relations)
    headers_found = False
    for sheet in sheets:
        for index, row in enumerate(sheet.rows[: mapping.header_rows]):
            columns = _find_columns(row, mapping)
            if columns.roles:
                break
        else:
            continue
        headers_found = True
        for number, row in enumerate(sheet.rows[index + 1:], start=index + 2):
            cells = {col: cell_text(row[col]) for col in columns.headers if col < len(row)}
            label = f"{sheet.name} 第{number}行" if sheet.name else f"第{number}行"
            builder.add_row(label, cells, columns)
    if not headers_found:
        wanted = "、".join(c for role in mapping.roles for c in role.columns[:1])
        raise ReportError(f"{path}: no header row with a column of {mapping.path} (looked for {wanted} …)")
    if not builder.lines:
        raise ReportError(f"{path}: no rows with entities under the mapped columns")
    report = Report(id=path.name, path=str(path), text="\n".join(builder.lines),
                    meta=report_meta(path, fmt, title=title, zone=mapping.zone))
    return Extraction(report, list(builder.entities.values()), list(builder.relations.values()))
