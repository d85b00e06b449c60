"""Graph stores: a registry from a store name to the class that opens it."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kg.errors import StoreError
from kg.store.base import GraphStore

DEFAULT_STORE_DIR = "./kg-data"


@dataclass(frozen=True)
class StoreConfig:
    """Which store to open: Neo4j when a URI is given, else the private FalkorDB in `data_dir`."""

    data_dir: Path = Path(DEFAULT_STORE_DIR)
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str | None = None
    graph: str = "kg"

    @classmethod
    def from_env(cls, data_dir: str | None = None, neo4j_uri: str | None = None) -> "StoreConfig":
        """Options first, then KG_STORE / NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE."""
        return cls(
            data_dir=Path(data_dir or os.environ.get("KG_STORE") or DEFAULT_STORE_DIR),
            neo4j_uri=neo4j_uri or os.environ.get("NEO4J_URI") or None,
            neo4j_user=os.environ.get("NEO4J_USER", "neo4j"),
            neo4j_password=os.environ.get("NEO4J_PASSWORD", ""),
            neo4j_database=os.environ.get("NEO4J_DATABASE") or None,
        )

    @property
    def kind(self) -> str:
        return "neo4j" if self.neo4j_uri else "falkordb"


def _open_falkordb(config: StoreConfig, create: bool) -> GraphStore:
    from kg.store.falkor import FalkorStore
    from kg.store.falkor_server import holds_store

    if not create and not holds_store(config.data_dir):
        raise StoreError(f"no graph store at {config.data_dir}: build one with `kg build PATHS --store "
                         f"{config.data_dir}`, or point --store / KG_STORE at an existing one")
    return FalkorStore(config.data_dir, config.graph)


def _open_neo4j(config: StoreConfig, create: bool) -> GraphStore:
    from kg.store.neo4j_store import Neo4jStore

    assert config.neo4j_uri
    return Neo4jStore(config.neo4j_uri, config.neo4j_user, config.neo4j_password, config.neo4j_database)


STORES = {"falkordb": _open_falkordb, "neo4j": _open_neo4j}


def open_store(config: StoreConfig, create: bool = True) -> GraphStore:
    """Open the store the config names (a FalkorDB store must exist already unless `create`);
    close it when done (it is a context manager)."""
    return STORES[config.kind](config, create)
