"""Options shared by the `kg` commands: store selection, output format, query parameters."""
from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from kg import build_marker, table
from kg.store import StoreConfig, open_store

F = TypeVar("F", bound=Callable[..., Any])

#: commands that load reports: they repair an interrupted build and say so themselves (kg.pipeline.guarded)
LOADING = ("build", "resolve")
#: commands that create the store when it does not exist yet; the others need an existing one
CREATING = (*LOADING, "init-db")


def store_options(func: F) -> F:
    """Add --store / --neo4j options and pass an opened `store` to the command."""

    @click.option("--store", "store_dir", metavar="DIR", envvar="KG_STORE", default=None,
                  help="Data directory of the default FalkorDB store [env KG_STORE; default ./kg-data].")
    @click.option("--neo4j", "neo4j_uri", metavar="URI", default=None,
                  help="Use the Neo4j server at URI instead [env NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE].")
    @wraps(func)
    def wrapper(*args: Any, store_dir: str | None, neo4j_uri: str | None, **kwargs: Any) -> Any:
        command = click.get_current_context().info_name
        with open_store(StoreConfig.from_env(store_dir, neo4j_uri), create=command in CREATING) as store:
            if command not in LOADING:
                build_marker.warn_if_interrupted(store)
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


