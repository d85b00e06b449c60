"""Options shared by the `kg` commands: store selection, output format, query parameters."""
from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from kg import table
from kg.store import StoreConfig, open_store

F = TypeVar("F", bound=Callable[..., Any])


def store_options(func: F) -> F:
    """Add --store / --neo4j options and pass an opened `store` to the command."""

    @click.option("--store", "store_dir", metavar="DIR", envvar="KG_STORE", default=None,
                  help="Data directory of the default FalkorDB store [env KG_STORE; default ./kg-data].")
    @click.option("--neo4j", "neo4j_uri", metavar="URI", default=None,
                  help="Use the Neo4j server at URI instead [env NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE].")
    @wraps(func)
    def wrapper(*args: Any, store_dir: str | None, neo4j_uri: str | None, **kwargs: Any) -> Any:
        with open_store(StoreConfig.from_env(store_dir, neo4j_uri)) as store:
            return func(*args, store=store, **kwargs)

    return wrapper  # type: ignore[return-value]


def format_option(func: F) -> F:
    """Add --format table|json|csv."""
    return click.option("--format", "fmt", type=click.Choice(table.FORMATS), default="table",
                        show_default=True, help="Output format.")(func)


def parse_param(text: str) -> tuple[str, Any]:
    """Split KEY=VALUE; VALUE is JSON when it parses, else a string."""
    if "=" not in text:
        raise click.BadParameter(f"expected key=value, got {text!r}")
    key, raw = text.split("=", 1)
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        value = raw
    return key.strip(), value


