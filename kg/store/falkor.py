"""The default graph store: FalkorDB, started privately on demand (no server to set up)."""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

from kg.errors import StoreError
from kg.store.base import GraphStore, Row, batched, identifier
from kg.store.falkor_params import header
from kg.store.falkor_server import FalkorServer


_FIRST_QUERY_TIMEOUT = 60.0  # seconds a fresh server gets to answer its first query
_STARTS = 2  # starts tried before giving up


@cache
def _graph_types() -> tuple[type, type, type]:
    from falkordb import Edge, Node, Path as FPath

    return Node, Edge, FPath


def to_python(value: Any) -> Any:
    """Turn FalkorDB result values (nodes, edges, paths) into plain dicts and lists."""
    if value is None or isinstance(value, (str, int, float)):  # most values: nothing to turn
        return value
    Node, Edge, FPath = _graph_types()
    if isinstance(value, Node):
        return {"_labels": list(value.labels or []), **value.properties}
    if isinstance(value, Edge):
        return {"_type": value.relation, **value.properties}
    if isinstance(value, FPath):
        return {"nodes": [to_python(n) for n in value.nodes()], "edges": [to_python(e) for e in value.edges()]}
    if isinstance(value, list):
        return [to_python(v) for v in value]
    if isinstance(value, dict):
        return {k: to_python(v) for k, v in value.items()}
    return value


class FalkorStore(GraphStore):
    """A graph in a FalkorDB server that this object starts and stops itself."""

    def __init__(self, data_dir: Path, graph: str = "kg", *, bolt_port: int | None = None,
                 persist: bool = True) -> None:
        import redis
        from falkordb import FalkorDB

        self._redis_errors = redis.exceptions
        self.server = FalkorServer(Path(data_dir), bolt_port=bolt_port, persist=persist)
        for _ in range(_STARTS):
            self.server.start()
            try:
                if self._first_query_answers(graph):
                    self._db = FalkorDB(unix_socket_path=str(self.server.socket_path))
                    self._graph = self._db.select_graph(graph)
                    break
            except Exception:
                self.server.stop()
                raise
            self.server.stop()  # its query threads hung at start (seen on a loaded machine): start it again
        else:
            raise StoreError(f"FalkorDB in {data_dir} did not answer a first query within {_FIRST_QUERY_TIMEOUT:.0f}s "
                             f"({_STARTS} starts); see {self.server.log_file}")
        self.graph_name = graph

    @property
    def description(self) -> str:
        return f"FalkorDB store {self.server.data_dir} (graph {self.graph_name!r})"

    def _run(self, cypher: str, params: Row | None, read_only: bool, prepared: str | None = None) -> list[Row]:
        """Run `cypher` with `params` (or with `prepared`, its parameter header made already)."""
        try:
            run = self._graph.ro_query if read_only else self._graph.query
            result = run((header(params) if prepared is None else prepared) + cypher)
        except (self._redis_errors.ConnectionError, self._redis_errors.TimeoutError) as exc:
            raise StoreError(f"lost the connection to {self.description}: {self.server.status()}; "
                             f"see {self.server.log_file}") from exc
        except self._redis_errors.ResponseError as exc:
            raise StoreError(f"query failed on {self.description}: {str(exc).splitlines()[0]}") from exc
        columns = [column[1] if isinstance(column, (list, tuple)) else column for column in result.header]
        return [dict(zip(columns, (to_python(v) for v in row))) for row in result.result_set]

    def read(self, cypher: str, params: Row | None = None) -> list[Row]:
        return self._run(cypher, params, read_only=True)

    def write(self, cypher: str, params: Row | None = None) -> list[Row]:
        return self._run(cypher, params, read_only=False)

    def write_rows(self, cypher: str, rows: Iterable[Row], batch_size: int | None = None) -> int:
        """As GraphStore.write_rows, with the next batch's parameters written out (in a thread) while the
        server runs the current one: the two take about as long on a batch of merge rows."""
        total = 0
        pending: deque[tuple[Future[str], int]] = deque()  # (parameter header being written, rows)

        def send_oldest() -> None:
            nonlocal total
            prepared, size = pending.popleft()
            self._run(cypher, None, read_only=False, prepared=prepared.result())
            total += size

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-params") as pool:
            for batch in batched(rows, batch_size or self.batch_size):
                pending.append((pool.submit(header, {"rows": batch}), len(batch)))
                if len(pending) > 1:
                    send_oldest()
            while pending:
                send_oldest()
        return total

    indexes_list_members = True

    def ensure_indexes(self, labels: Sequence[str], prop: str = "key", *, unique: bool = True) -> None:
        # FalkorDB has no uniqueness constraints in its Cypher dialect (Neo4j's
        # CREATE CONSTRAINT differs); a range index serves MERGE lookups, and
        # uniqueness comes from MERGE on the key. On a list property the index
        # also answers `x IN n.prop`.
        existing = {
            (row["label"], p)
            for row in self.read("CALL db.indexes() YIELD label, properties RETURN label, properties")
            for p in row["properties"]
        }
        for label in labels:
            if (label, prop) not in existing:
                self.write(f"CREATE INDEX FOR (n:{identifier(label)}) ON (n.{identifier(prop)})")

    def _first_query_answers(self, graph: str, timeout: float | None = None) -> bool:
        """Create the graph key if need be (FalkorDB rejects read-only queries on a key that does not exist
        yet; any write query creates it) and say whether the server answered within ``timeout`` seconds."""
        import redis

        client = redis.Redis(unix_socket_path=str(self.server.socket_path),
                             socket_timeout=_FIRST_QUERY_TIMEOUT if timeout is None else timeout)
        try:
            client.execute_command("GRAPH.QUERY", graph, "RETURN 1")
            return True
        except redis.exceptions.TimeoutError:
            return False
        finally:
            client.close()

    def _create_graph(self) -> None:
        self._graph.query("RETURN 1")  # (see _first_query_answers)

    def clear(self) -> None:
        self._graph.delete()
        self._create_graph()

    def close(self) -> None:
        try:
            self._db.connection.close()
        finally:
            self.server.stop()

