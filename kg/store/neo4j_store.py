"""Neo4j 5 as the production store, through the official driver."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

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


SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
DATABASE_NOT_FOUND = "Neo.ClientError.Database.DatabaseNotFound"
DATABASE_UNAVAILABLE = "Neo.TransientError.Database.DatabaseUnavailable"
_REASON = re.compile(r"\(reason ([^\n]+)\)\s*$", re.MULTILINE)


def shown_uri(uri: str) -> str:
    """The URI for messages: any user:password@ part is dropped."""
    parts = urlsplit(uri)
    if "@" not in parts.netloc:
        return uri
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def check_uri(uri: str) -> None:
    """StoreError unless `uri` is a Bolt URI (bolt://, neo4j:// and their +s / +ssc forms) without
    a user or password in it."""
    parts = urlsplit(uri)
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise StoreError(f"not a Neo4j URI: {shown_uri(uri)!r} (expected bolt://HOST:7687 or neo4j://HOST:7687)")
    if "@" in parts.netloc:
        raise StoreError(f"Neo4j URI {shown_uri(uri)} holds a user name or password: "
                         "give them in NEO4J_USER / NEO4J_PASSWORD instead")


@dataclass(frozen=True)
class Target:
    """Where a Neo4j store connects, for messages (the password only to keep it out of them)."""

    uri: str
    user: str
    database: str | None
    password: str = field(default="", repr=False)

    @property
    def description(self) -> str:
        return f"Neo4j {self.uri}" + (f" (database {self.database!r})" if self.database else "")


def one_line(exc: BaseException, password: str = "") -> str:
    """The driver's message in one line (the socket's reason when it gives one), never the password."""
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    lines = [line for line in message.splitlines() if line.strip()] or [type(exc).__name__]
    reason = _REASON.search(message)
    # "Couldn't connect to HOST:" is followed by why: the socket's reason, or the last line
    line = reason.group(1) if reason else lines[-1] if lines[0].endswith(":") else lines[0]
    return line.replace(password, "***") if password else line


def store_error(exc: BaseException, target: Target, doing: str) -> StoreError:
    """One line saying what went wrong when the driver raised `exc` while `doing` ("connect" or
    "query"), naming the URI and never the password."""
    from neo4j import exceptions as ex

    where, why = f"Neo4j at {target.uri}", one_line(exc, target.password)
    if isinstance(exc, ex.AuthError):
        return StoreError(f"{where} refused the credentials of user {target.user!r} "
                          "(check NEO4J_USER / NEO4J_PASSWORD)")
    if getattr(exc, "code", None) == DATABASE_NOT_FOUND:
        return StoreError(f"{where} has no database {target.database!r} (check NEO4J_DATABASE)")
    if isinstance(exc, ex.DatabaseUnavailable) or getattr(exc, "code", None) == DATABASE_UNAVAILABLE:
        return StoreError(f"the database {target.database or '(default)'} of {where} is not available: {why}")
    if isinstance(exc, (ex.ServiceUnavailable, ex.SessionExpired, OSError)):
        return StoreError(f"cannot reach {where}: {why}")
    if isinstance(exc, ex.Neo4jError) and doing == "connect":  # the server turned the login down
        return StoreError(f"{where} refused the connection of user {target.user!r} "
                          f"(check NEO4J_USER / NEO4J_PASSWORD): {why}")
    if isinstance(exc, ex.ClientError):
        return StoreError(f"{doing} failed on {target.description}: {why}")
    return StoreError(f"{where} failed: {type(exc).__name__}: {why}")


class Neo4jStore(GraphStore):
    """A graph in a Neo4j server reached over Bolt."""

    batch_size = 500

    def __init__(self, uri: str, user: str = "neo4j", password: str = "", database: str | None = None) -> None:
        import neo4j

        check_uri(uri)
        self.target = Target(shown_uri(uri), user, database, password)
        self.uri, self.database = self.target.uri, database
        try:
            self._driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
        except (neo4j.exceptions.DriverError, ValueError) as exc:
            raise StoreError(f"cannot use Neo4j at {self.uri}: {one_line(exc, password)}") from exc
        try:
            self._driver.verify_connectivity()
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError) as exc:
            self._driver.close()
            raise store_error(exc, self.target, "connect") from exc
        try:
            self._run("RETURN 1", None, read_only=True)  # the database exists and takes queries
        except StoreError:
            self._driver.close()
            raise

    @property
    def description(self) -> str:
        return self.target.description

    def _run(self, cypher: str, params: Row | None, read_only: bool) -> list[Row]:
        def work(tx: Any) -> list[Row]:
            return [{k: _plain(v) for k, v in record.items()} for record in tx.run(cypher, params or {})]

        from neo4j import exceptions as ex

        try:
            with self._driver.session(database=self.database) as session:
                return session.execute_read(work) if read_only else session.execute_write(work)
        except (ex.Neo4jError, ex.DriverError, OSError) as exc:
            raise store_error(exc, self.target, "query") from exc

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

