"""Load the chain templates into the store and map stored names onto them.

Chain and Segment nodes with HAS_SEGMENT / UPSTREAM_OF come from ontology/chains.ttl;
each load stamps them with a version (a hash of the rows) and deletes template nodes
and links of another version, so loading twice changes nothing and edited templates
replace the old ones.

MAPS_TO links every Industry, Company and Project node whose name maps onto a segment
or chain (ontology/mapping.py). A node notes what it was mapped from (`maps_version`:
templates + mapping code, `maps_name`, `maps_forms`: its name and number of forms), so
a refresh maps again exactly the nodes that are new or changed, or all of them when
the templates or the mapping code changed.
"""
from __future__ import annotations

import hashlib
import inspect
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import queries
from kg.store.base import GraphStore, Row
import ontology.mapping as mapping
from ontology.chains import ontology_rows

_TEMPLATE_QUERIES = (("Chain", "chains_merge_chains"), ("Segment", "chains_merge_segments"),
                     ("HAS_SEGMENT", "chains_merge_has_segment"), ("UPSTREAM_OF", "chains_merge_upstream"))


@dataclass(frozen=True)
class ChainLoad:
    """What a load wrote: template nodes and relationships, and MAPS_TO edges."""

    chains: int
    segments: int
    template_edges: int
    maps_to: int
    version: str


def _version(rows: Any) -> str:
    text = json.dumps(rows, ensure_ascii=False, sort_keys=True, default=list)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def template_rows() -> tuple[dict[str, list[Row]], str]:
    """Store rows per label / relationship type (HAS_SEGMENT with a position) and their version."""
    rows = ontology_rows()
    position: Counter[str] = Counter()
    for row in rows["HAS_SEGMENT"]:  # listed in each chain's own order
        row["position"] = position[row["head"]]
        position[row["head"]] += 1
    return rows, _version(rows)


def template_version() -> str:
    """Version of the packaged templates (changes whenever chains.ttl does)."""
    return template_rows()[1]


def _stamped(rows: Iterable[Row], version: str) -> list[Row]:
    return [{**row, "version": version} for row in rows]


def _forms(row: Row) -> list[str]:
    """The node's name first, then its other forms."""
    return list(dict.fromkeys([row["name"], *(row.get("forms") or [])]))


def mapping_version() -> str:
    """Version of the mapping: the templates and the mapping code."""
    return _version([template_version(), inspect.getsource(mapping)])


def mapping_rows(nodes: Iterable[Row]) -> list[Row]:
    """MAPS_TO rows for stored nodes given as {key, name, forms}."""
    return mapping.maps_to_rows((n["key"], _forms(n)) for n in nodes)


def refresh_maps_to(store: GraphStore, everything: bool = False) -> int:
    """Map the Industry, Company and Project nodes that are new or changed (every one if `everything`).

    Returns the number of MAPS_TO edges written.
    """
    version = mapping_version()
    nodes = store.read(queries.load("chains_mappable"), {"version": version, "all": everything})
    store.write_rows(queries.load("chains_clear_maps_to"),
                     [{"key": n["key"], "name": n["name"], "forms": len(n["forms"]), "version": version}
                      for n in nodes])
    rows = mapping_rows(nodes)
    for label in ("Segment", "Chain"):
        wanted = [r for r in rows if r["tail"].startswith(f"{label}:")]
        store.write_rows(queries.render("chains_merge_maps_to", label=label), wanted)
    return len(rows)


def load_chains(store: GraphStore, remap: bool = False) -> ChainLoad:
    """Write the chain templates and refresh MAPS_TO (of every node if `remap`); idempotent.
    `maps_to` counts the edges written."""
    rows, version = template_rows()
    fresh = remap or not chains_loaded(store)  # new or other templates: every MAPS_TO edge is gone or stale
    store.ensure_indexes(["Chain", "Segment"])
    for name, query in _TEMPLATE_QUERIES:
        store.write_rows(queries.load(query), _stamped(rows[name], version))
    for rel in ("HAS_SEGMENT", "UPSTREAM_OF"):
        store.write(queries.render("chains_delete_stale_rels", rel=rel), {"version": version})
    for label in ("Segment", "Chain"):
        store.write(queries.render("chains_delete_stale_nodes", label=label), {"version": version})
    maps_to = refresh_maps_to(store, everything=fresh)
    return ChainLoad(chains=len(rows["Chain"]), segments=len(rows["Segment"]),
                     template_edges=len(rows["HAS_SEGMENT"]) + len(rows["UPSTREAM_OF"]),
                     maps_to=maps_to, version=version)


def chains_loaded(store: GraphStore) -> bool:
    """Whether the store holds the current templates (and only them)."""
    versions: Sequence[Row] = store.read(queries.load("chains_versions"))
    return [r["version"] for r in versions] == [template_version()]


def ensure_chains(store: GraphStore) -> None:
    """Load the templates (and MAPS_TO) when the store lacks them or holds an older version."""
    if not chains_loaded(store):
        load_chains(store)
