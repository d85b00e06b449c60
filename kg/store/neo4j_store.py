"""Neo4j 5 as the production store, through the official driver."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kg.errors import StoreError
from kg.store.base import GraphStore, Row, identifier


def _plain(value: Any) -> Any:
    """Turn driver values (nodes, relationships, paths) into plain dicts and lists."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **dict(value)}
    if isinstance(value, Relationship):
        return {"_type": value.type, **dict(value)}
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes], "edges": [_plain(r) for r in value.relationships]}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Neo4jStore(GraphStore):
    """A graph in a Neo4j server reached over Bolt."""

    batch_size = 500

    def __init__(self, uri: str, user: str = "neo4j", password: str = "", database: str | None = None) -> None:
        import neo4j
        from neo4j import exceptions

        self._exceptions = exceptions
        self.uri, self.database = uri, database
        try:
            self._driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
            self._driver.verify_connectivity()
        except exceptions.AuthError as exc:
            raise StoreError(f"Neo4j at {uri} refused the credentials of user {user!r}") from exc
        except (exceptions.ServiceUnavailable, OSError) as exc:
            raise StoreError(f"cannot reach Neo4j at {uri}: {_first_line(exc)}") from exc
        except (exceptions.Neo4jError, exceptions.DriverError, ValueError) as exc:
            raise StoreError(f"cannot use Neo4j at {uri}: {_first_line(exc)}") from exc

    @property
    def description(self) -> str:
        return f"Neo4j {self.uri}" + (f" (database {self.database!r})" if self.database else "")

    def _run(self, cypher: str, params: Row | None, read_only: bool) -> list[Row]:
        def work(tx: Any) -> list[Row]:
            return [{k: _plain(v) for k, v in record.items()} for record in tx.run(cypher, params or {})]

        try:
            with self._driver.session(database=self.database) as session:
                return session.execute_read(work) if read_only else session.execute_write(work)
        except self._exceptions.ClientError as exc:
            raise StoreError(f"query failed on {self.description}: {_first_line(exc)}") from exc
        except (self._exceptions.Neo4jError, self._exceptions.DriverError, OSError) as exc:
            raise StoreError(f"{self.description} failed: {_first_line(exc)}") from exc

    def read(self, cypher: str, params: Row | None = None) -> list[Row]:
        return self._run(cypher, params, read_only=True)

    def write(self, cypher: str, params: Row | None = None) -> list[Row]:
        return self._run(cypher, params, read_only=False)

    def ensure_indexes(self, labels: Sequence[str], prop: str = "key", *, unique: bool = True) -> None:
        # Neo4j's constraint DDL differs from FalkorDB's index DDL; this adapter
        # owns that one difference. A uniqueness constraint also backs MERGE with an index.
        for label in labels:
            if unique:
                name = f"{identifier(label).lower()}_{identifier(prop)}_unique"
                self.write(f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE")
            else:
                name = f"{identifier(label).lower()}_{identifier(prop)}"
                self.write(f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")

    def clear(self) -> None:
        while self.write("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted")[0]["deleted"]:
            pass

    def close(self) -> None:
        self._driver.close()


def _first_line(exc: BaseException) -> str:
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return message.splitlines()[0]
