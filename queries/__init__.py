"""Named Cypher queries, one `.cypher` file each, shared by every graph store.

A few write templates need a label or relationship type, which Cypher cannot take as
a parameter; those files hold a placeholder (`__LABEL__`, `__REL__`) that `render`
fills with a name checked against the schema. Data always travels as parameters.
"""
from __future__ import annotations

from functools import cache
from importlib import resources

from kg.model import ENTITY_TYPES, RELATION_TYPES
from kg.store.base import identifier

#: labels and relationship types the templates accept, beyond the schema's own
EXTRA_LABELS = ("Chain", "Segment")
EXTRA_RELATIONS = ("HAS_SEGMENT", "UPSTREAM_OF", "MAPS_TO")


@cache
def load(name: str) -> str:
    """The text of `queries/<name>.cypher`."""
    path = resources.files(__package__).joinpath(f"{name}.cypher")
    if not path.is_file():
        raise KeyError(f"no query named {name!r}")
    return path.read_text(encoding="utf-8")


def render(name: str, *, label: str | None = None, rel: str | None = None) -> str:
    """A query template with its label / relationship type placeholder filled in."""
    text = load(name)
    if label is not None:
        if label not in ENTITY_TYPES + EXTRA_LABELS:
            raise ValueError(f"unknown label {label!r}")
        text = text.replace("__LABEL__", identifier(label))
    if rel is not None:
        if rel not in RELATION_TYPES + EXTRA_RELATIONS:
            raise ValueError(f"unknown relationship type {rel!r}")
        text = text.replace("__REL__", identifier(rel))
    return text


def names() -> list[str]:
    """Every query name shipped in this package."""
    return sorted(p.name[: -len(".cypher")] for p in resources.files(__package__).iterdir()
                  if p.name.endswith(".cypher"))
