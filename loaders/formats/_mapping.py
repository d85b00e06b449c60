"""The YAML mapping that says which column of an enterprise / project list means what.

See ``sample_mapping.yaml`` beside this module for the format. A mapping names
roles (one entity per filled cell, of a given type, found under any of several
header names), relations between roles, and attributes taken from other columns.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kg.errors import ReportError
from kg.model import ENTITY_TYPES, RELATION_TYPES

ATTRS = ("investment", "stage", "role")  # investment -> investment_cny / investment_original
DEFAULT_SPLIT = "、，,;；/|\n"
_UNIT = re.compile(r"^(.+?)\((.+)\)$")


def header_key(header: object) -> tuple[str, str | None]:
    """A header cell as (name, unit): width-folded, blanks removed, a trailing ``（万元）`` split off."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(header or "")))
    m = _UNIT.match(text)
    return (m.group(1), m.group(2)) if m else (text, None)


@dataclass(frozen=True)
class Role:
    """A column (under one of several header names) whose cells are entities of one type."""

    name: str
    type: str
    columns: tuple[str, ...]
    aliases: tuple[str, ...] = ()  # columns with other names of the same entity
    split: str = ""  # characters that separate several names in one cell ("" = one name per cell)


@dataclass(frozen=True)
class AttrRule:
    """An attribute read from a column and given to the first role the row fills."""

    attr: str
    columns: tuple[str, ...]
    on: tuple[str, ...]
    unit: str | None = None  # unit of bare numbers when the header names none


@dataclass(frozen=True)
class Mapping:
    """A validated mapping file."""

    path: str
    roles: tuple[Role, ...]
    relations: tuple[tuple[str, str, str], ...]
    attrs: tuple[AttrRule, ...] = ()
    zone: str | None = None  # the zone the list belongs to, when the mapping states it
    header_rows: int = 10  # the header is the first of these rows naming a mapped column


def load_mapping(path: Path) -> Mapping:
    """Read and check a mapping file; any problem is a ReportError naming the file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ReportError(f"{path}: cannot read mapping ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise ReportError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from exc
    try:
        return _parse(path, data)
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise ReportError(f"{path}: bad mapping: {exc}") from exc


def _names(value: Any, what: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else list(value or [])
    if not all(isinstance(v, str) and v.strip() for v in items):
        raise ValueError(f"{what} must be header names")
    return tuple(header_key(v)[0] for v in items)


def _parse(path: Path, data: Any) -> Mapping:
    if not isinstance(data, dict) or not isinstance(data.get("entities"), dict) or not data["entities"]:
        raise ValueError("needs an 'entities' section naming at least one role")
    roles = []
    for name, spec in data["entities"].items():
        if not isinstance(spec, dict) or spec.get("type") not in ENTITY_TYPES:
            raise ValueError(f"role {name!r}: type must be one of {', '.join(ENTITY_TYPES)}")
        split = spec.get("split", False)
        split = DEFAULT_SPLIT if split is True else (split or "")
        roles.append(Role(str(name), spec["type"], _names(spec.get("columns"), f"role {name!r} columns"),
                          _names(spec.get("aliases"), f"role {name!r} aliases"), str(split)))
    known = {r.name for r in roles}
    relations = []
    for item in data.get("relations") or []:
        if not isinstance(item, list) or len(item) != 3:
            raise ValueError(f"relation {item!r}: write it as [head role, TYPE, tail role]")
        head, rel, tail = item
        if rel not in RELATION_TYPES:
            raise ValueError(f"relation {rel!r}: must be one of {', '.join(RELATION_TYPES)}")
        for role in (head, tail):
            if role not in known:
                raise ValueError(f"relation {head} {rel} {tail}: no role {role!r}")
        relations.append((head, rel, tail))
    attrs = []
    for attr, spec in (data.get("attrs") or {}).items():
        if attr not in ATTRS:
            raise ValueError(f"attribute {attr!r}: must be one of {', '.join(ATTRS)}")
        on = tuple(spec.get("of") or [])
        if not on or any(role not in known for role in on):
            raise ValueError(f"attribute {attr!r}: 'of' must list roles")
        attrs.append(AttrRule(attr, _names(spec.get("columns"), f"attribute {attr!r} columns"), on,
                              spec.get("unit")))
    zone = data.get("zone")
    return Mapping(str(path), tuple(roles), tuple(relations), tuple(attrs), str(zone) if zone else None,
                   int(data.get("header_rows", 10)))
