"""The interface every graph store offers, so Neo4j and FalkorDB are interchangeable."""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from kg.errors import StoreError

Row = dict[str, Any]
T = TypeVar("T")


def identifier(name: str) -> str:
    """Return `name` if it is a plain ASCII identifier (labels, types, properties are never data)."""
    if not name or not name.isascii() or not name.replace("_", "").isalnum() or name[0].isdigit():
        raise StoreError(f"not a valid label or property name: {name!r}")
    return name


def batched(rows: Iterable[T], size: int) -> Iterator[list[T]]:
    """Yield lists of at most `size` rows."""
    batch: list[T] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class GraphStore(ABC):
    """A Cypher graph store. Names from reports travel only as query parameters."""

    #: rows per UNWIND batch
    batch_size: int = 1000

    @abstractmethod
    def read(self, cypher: str, params: Row | None = None) -> list[Row]:
        """Run a read-only query and return its rows as dicts keyed by column name."""

    @abstractmethod
    def write(self, cypher: str, params: Row | None = None) -> list[Row]:
        """Run a write query in one transaction and return its rows."""

    #: whether `$value IN n.list_property` is answered from an index on that property
    #: (FalkorDB indexes list members; Neo4j 5 does not), so lookups pick their query
    indexes_list_members: bool = False

    @abstractmethod
    def ensure_indexes(self, labels: Sequence[str], prop: str = "key", *, unique: bool = True) -> None:
        """Create (once) for each label the unique constraint on `prop`, or a plain index
        when `unique` is False."""

    @abstractmethod
    def clear(self) -> None:
        """Delete every node and relationship of this graph."""

    @abstractmethod
    def close(self) -> None:
        """Release connections (and stop a server this store started)."""

    @property
    @abstractmethod
    def description(self) -> str:
        """Where the graph lives, for messages (never includes a password)."""

    def write_rows(self, cypher: str, rows: Iterable[Row], batch_size: int | None = None) -> int:
        """Run an `UNWIND $rows ...` write query over rows in batches; return the row count."""
        total = 0
        for batch in batched(rows, batch_size or self.batch_size):
            self.write(cypher, {"rows": batch})
            total += len(batch)
        return total

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
