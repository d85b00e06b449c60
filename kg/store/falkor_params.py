"""Query parameters for FalkorDB, which takes them as Cypher literals in a `CYPHER name=value …`
header before the query text.

The same text as the falkordb client's own header (strings in double quotes with `\\` and `"`
escaped, map keys in backticks, None as null, other values by str()), written with less Python
work per value: a batch of 1,000 merge rows is tens of thousands of values.
"""
from __future__ import annotations

from typing import Any


def literal(value: Any) -> str:
    """One parameter value as a Cypher literal."""
    kind = type(value)
    if kind is str:
        if '"' in value or "\\" in value:
            value = value.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{value}"'
    if kind is list or kind is tuple:
        return f"[{','.join(map(literal, value))}]"
    if kind is dict:
        return "{" + ",".join([f"{_name(k)}:{literal(v)}" for k, v in value.items()]) + "}"
    if value is None:
        return "null"
    if isinstance(value, str):  # a str subclass
        return literal(str(value))
    return str(value)


def _name(key: Any) -> str:
    text = key.decode() if isinstance(key, bytes) else str(key)
    if not text or "`" in text:
        raise ValueError(f"a query parameter or map key must be non-empty and without backticks: {text!r}")
    return f"`{text}`"


def header(params: dict[str, Any] | None) -> str:
    """`CYPHER name=value … ` for `params` ('' for none), to put before the query text."""
    if not params:
        return ""
    return "CYPHER " + "".join(f"{_name(k)}={literal(v)} " for k, v in params.items())
