"""Resolve the park, chain or entity a user names to stored nodes, or say what was meant.

Names are compared normalised (NFKC, no spaces, lower case); an exact match of any
surface form wins over a form that merely contains the name. Unknown names raise a
KGError with the closest stored names (difflib).
"""
from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import queries
from kg.errors import KGError
from kg.names import normalize, park_key
from kg.store.base import GraphStore, Row
from ontology.mapping import map_industry, normalise

_SHOWN = 5  # candidates named in an ambiguity message


@dataclass(frozen=True)
class ParkScope:
    """A park and the parks inside it (its sub-parks), whose firms count as its own."""

    key: str
    name: str
    members: tuple[str, ...]  # keys of the sub-parks

    @property
    def keys(self) -> list[str]:
        """The park's key followed by its sub-parks' keys."""
        return [self.key, *self.members]


@dataclass(frozen=True)
class ChainRef:
    """A chain template stored in the graph."""

    key: str
    name: str


@dataclass(frozen=True)
class EntityRef:
    """One stored entity."""

    key: str
    name: str
    type: str


def _plain(text: str) -> str:
    return normalize(text).lower()


def did_you_mean(name: str, choices: Iterable[str | tuple[str, str]], *, show_owner: bool = False) -> str:
    """'; did you mean X or Y?' with the closest choices, or '' when none is close.

    A choice is a name, or a (name, owner) pair: then only the closest name of each owner
    (e.g. one node with several forms) is offered, or the owner itself if `show_owner`.
    """
    owner_of: dict[str, str] = {}
    for choice in choices:
        form, owner = (choice, choice) if isinstance(choice, str) else choice
        owner_of.setdefault(form, owner)
    best: dict[str, str] = {}
    for form in difflib.get_close_matches(name, sorted(owner_of), n=12, cutoff=0.4):
        best.setdefault(owner_of[form], form)
    shown = list(best if show_owner else best.values())[:3]
    return f"; did you mean {' or '.join(shown)}?" if shown else ""


def _ambiguous(kind: str, name: str, rows: Sequence[Row], hint: str) -> KGError:
    shown = ", ".join(f"{r['name']}" + (f" ({r['type']})" if "type" in r and kind == "entity" else "")
                      for r in rows[:_SHOWN])
    more = f" and {len(rows) - _SHOWN} more" if len(rows) > _SHOWN else ""
    return KGError(f"{kind} {name!r} matches several: {shown}{more}; {hint}")


# ---------------------------------------------------------------- parks

def _park_forms(row: Row) -> list[str]:
    return list(dict.fromkeys([row["name"], *(row.get("forms") or [])]))


def _park_exact(name: str) -> Callable[[Row], bool]:
    """Whether a park has a form equal to `name` (normalised, or by park key); `name` is normalised once."""
    plain, key = _plain(name), park_key(name)[0]
    return lambda row: any(_plain(f) == plain or park_key(f)[0] == key for f in _park_forms(row))


def _park_contains(name: str) -> Callable[[Row], bool]:
    """Whether a park has a form containing `name` (normalised)."""
    plain = _plain(name)
    return lambda row: any(plain in _plain(f) for f in _park_forms(row))


def park_members(store: GraphStore, keys: Sequence[str]) -> dict[str, list[str]]:
    """Sub-park keys of each given park (each once, nearest first)."""
    rows = store.read(queries.load("gaps_park_members"), {"parks": list(keys)})
    return {r["key"]: list(dict.fromkeys(r["members"] or [])) for r in rows}


def resolve_park(store: GraphStore, name: str) -> ParkScope:
    """The park `name` names (exact form first, then one containing it), with its sub-parks."""
    parks = store.read(queries.load("gaps_parks"))
    if not name.strip():
        raise KGError("no park name given")
    for matches in (_park_exact(name), _park_contains(name)):
        found = [p for p in parks if matches(p)]
        if not found:
            continue
        members = park_members(store, [p["key"] for p in found])
        inside = {m for p in found for m in members.get(p["key"], [])}
        roots = [p for p in found if p["key"] not in inside] or found[:1]
        if len(roots) > 1:
            raise _ambiguous("park", name, roots, "give a fuller name")
        root = roots[0]
        return ParkScope(root["key"], root["name"], tuple(members.get(root["key"], [])))
    if not parks:
        raise KGError(f"no park named {name!r}: the graph holds no parks yet (run `kg build`)")
    hint = did_you_mean(name, ((f, p["key"]) for p in parks for f in _park_forms(p)))
    raise KGError(f"no park named {name!r} in the graph{hint}")


# ---------------------------------------------------------------- chains

def stored_chains(store: GraphStore) -> list[ChainRef]:
    """Every chain template in the store."""
    return [ChainRef(r["key"], r["name"]) for r in store.read(queries.load("gaps_chains"))]


def _chain_forms(row: Row) -> list[str]:
    return [x for x in (row["name"], row["name_en"] or "", *row["aliases"]) if x]


def resolve_chain(store: GraphStore, name: str) -> ChainRef:
    """The chain `name` names: a chain name or alias, else the chain of what the name maps to,
    else the one chain with a name or alias containing it."""
    rows = store.read(queries.load("gaps_chains"))
    wanted = normalise(name)
    if not wanted:
        raise KGError("no chain name given")
    for row in rows:
        if wanted in {normalise(x) for x in _chain_forms(row)}:
            return ChainRef(row["key"], row["name"])
    by_key = {r["key"]: r for r in rows}
    found = map_industry(name)
    if found is not None and found.chain in by_key:
        return ChainRef(found.chain, by_key[found.chain]["name"])
    partial = [r for r in rows if any(wanted in normalise(x) for x in _chain_forms(r))]
    if len(partial) > 1:
        raise _ambiguous("chain", name, partial, "give a fuller name")
    if partial:
        return ChainRef(partial[0]["key"], partial[0]["name"])
    if not rows:
        raise KGError(f"no chain named {name!r}: the graph holds no chain templates yet (run `kg build`)")
    hint = did_you_mean(name, ((x, r["name"]) for r in rows for x in _chain_forms(r)), show_owner=True)
    raise KGError(f"no chain named {name!r}" + (hint or f"; the chains are {', '.join(r['name'] for r in rows)}"))


# ---------------------------------------------------------------- any entity

def resolve_entity(store: GraphStore, name: str, type_: str | None = None) -> EntityRef:
    """The entity `name` names (one of its forms, else one form containing it), optionally of one type."""
    text = normalize(name)
    if not text:
        raise KGError("no name given")
    # stored forms keep their spaces and widths (TCL 科技), so the name is tried as typed too
    spellings = list(dict.fromkeys([name.strip(), text]))
    for exact in (True, False):
        rows = []
        for spelling in spellings:
            rows = rows or store.read(queries.load("profile_find"), {"name": spelling, "exact": exact, "limit": 50})
        rows = [r for r in rows if type_ is None or r["type"] == type_]
        if len(rows) == 1:
            return EntityRef(rows[0]["key"], rows[0]["name"], rows[0]["type"])
        if rows:
            named = [r for r in rows if r["name"] in spellings]  # the name itself beats an alias
            if len(named) == 1 and exact:
                return EntityRef(named[0]["key"], named[0]["name"], named[0]["type"])
            raise _ambiguous("entity", name, rows, "give a fuller name or --type")
    everything = store.read(queries.load("profile_names"))
    hint = did_you_mean(text, ((f, r["key"]) for r in everything if type_ in (None, r["type"])
                               for f in r["forms"]))
    kind = f"{type_} " if type_ else ""
    raise KGError(f"no {kind}entity named {name!r} in the graph{hint}")
