"""CSV files in the header layout `neo4j-admin database import full` reads.

`--out FILE` writes two files next to each other: FILE's name without a `.csv` suffix
plus `-nodes.csv` and `-relationships.csv` (`--out graph.csv` -> graph-nodes.csv,
graph-relationships.csv); when FILE is an existing folder, nodes.csv and
relationships.csv inside it. Arrays use `:string[]` columns with the default `;`
delimiter; a `;` inside a value is written as the full-width `；` so it cannot split it.
Rows are written a page at a time, so memory stays flat however large the graph is.

    neo4j-admin database import full --nodes=graph-nodes.csv \
        --relationships=graph-relationships.csv --multiline-fields=true neo4j
"""
from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kg.export.source import Row, pages
from kg.store.base import GraphStore

ARRAY_DELIMITER = ";"
ESCAPED_DELIMITER = "；"

#: (header, row field) of the nodes file; key:ID also stores the id as property `key`
NODE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("key:ID", "key"), (":LABEL", "_labels"), ("type", "label"), ("name", "name"),
    ("forms:string[]", "forms"), ("aliases:string[]", "aliases"), ("match_keys:string[]", "match_keys"),
    ("reports:string[]", "reports"), ("stage", "stage"), ("investment_cny:double", "investment_cny"),
    ("investment_original", "investment_original"), ("role", "role"),
)
EDGE_COLUMNS: tuple[tuple[str, str], ...] = (
    (":START_ID", "source"), (":END_ID", "target"), (":TYPE", "type"),
    ("evidence:string[]", "evidence"), ("evidence_reports:string[]", "evidence_reports"),
    ("reports:string[]", "reports"), ("mentions:string[]", "mentions"), ("count:int", "count"),
)


def paths_for(out: Path) -> tuple[Path, Path]:
    """The nodes and relationships files that `--out out` names."""
    if out.is_dir():
        return out / "nodes.csv", out / "relationships.csv"
    base = out.with_suffix("") if out.suffix.lower() == ".csv" else out
    return base.with_name(base.name + "-nodes.csv"), base.with_name(base.name + "-relationships.csv")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, ESCAPED_DELIMITER) for v in value)
    return str(value)


def _row(record: Row, columns: Sequence[tuple[str, str]]) -> list[str]:
    return [_cell(record.get(field)) for _, field in columns]


def write(store: GraphStore, out: Path) -> list[Path]:
    """Write the nodes and relationships files for `out`; return both paths."""
    nodes_path, edges_path = paths_for(out)
    with open(nodes_path, "w", encoding="utf-8", newline="") as nodes_file, \
            open(edges_path, "w", encoding="utf-8", newline="") as edges_file:
        nodes, edges = csv.writer(nodes_file), csv.writer(edges_file)
        nodes.writerow([header for header, _ in NODE_COLUMNS])
        edges.writerow([header for header, _ in EDGE_COLUMNS])
        for page_nodes, page_edges in pages(store):
            for node in page_nodes:
                nodes.writerow(_row({**node, "_labels": ["Entity", node["label"]]}, NODE_COLUMNS))
            edges.writerows(_row(edge, EDGE_COLUMNS) for edge in page_edges)
    return [nodes_path, edges_path]
