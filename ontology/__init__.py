"""Ontology (schema.ttl) and industrial-chain templates (chains.ttl), with their Python API.

Names load lazily, so importing a data subpackage (``ontology.lexicon``) stays cheap.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS: dict[str, str] = {
    "KG": "graph",
    "ID": "graph",
    "load_ontology": "graph",
    "TIERS": "chains",
    "Chain": "chains",
    "Segment": "chains",
    "chain_templates": "chains",
    "segments": "chains",
    "segment_graph": "chains",
    "ontology_rows": "chains",
    "Mapping": "mapping",
    "normalise": "mapping",
    "map_industry": "mapping",
    "unmapped": "mapping",
    "maps_to_rows": "mapping",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
