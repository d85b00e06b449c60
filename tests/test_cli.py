"""The `kg` command line end to end on the sample corpus, with the real embedded store."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

KG = [sys.executable, "-m", "kg"]


@pytest.fixture(scope="module")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the sample corpus once into a fresh store; return its data directory."""
    from tests.conftest import CORPUS

    if not CORPUS.is_dir():
        pytest.skip(f"sample corpus not found at {CORPUS}")
    root = tmp_path_factory.mktemp("cli")
    result = CliRunner().invoke(main, ["build", str(CORPUS), "--store", str(root / "kg-data"),
                                       "--html", str(root / "graph.html")])
    assert result.exit_code == 0, result.output
    assert "reports read: 5, skipped: 0" in result.output
    assert (root / "graph.html").stat().st_size > 10_000
    return root / "kg-data"


def test_build_prints_counts_per_type(built_store: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "--store", str(built_store)])
    assert result.exit_code == 0, result.output
    for label in ("Park", "Company", "Project", "Industry", "Agency", "LOCATED_IN", "FOCUSES_ON"):
        assert label in result.output


def test_query_in_a_new_process_reads_the_persisted_graph(built_store: Path) -> None:
    proc = subprocess.run(
        KG + ["query", "MATCH (n:Park) WHERE n.name CONTAINS $w RETURN n.name AS name", "-p", "w=郑州",
              "--store", str(built_store), "--format", "json"],
        capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    names = [row["name"] for row in json.loads(proc.stdout)]
    assert names and all("郑州" in name for name in names)


def test_query_parameters_are_json_or_text(built_store: Path) -> None:
    result = CliRunner().invoke(main, ["query", "RETURN $n + 1 AS n, $s AS s", "-p", "n=41", "-p", "s=经开区",
                                       "--store", str(built_store), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["n,s", "42,经开区"]


def test_bad_cypher_is_one_line_error(built_store: Path) -> None:
    result = CliRunner().invoke(main, ["query", "MATCH (n RETURN n", "--store", str(built_store)])
    assert result.exit_code == 1
    assert result.output.startswith("error:") and "Traceback" not in result.output


def test_extract_writes_one_json_per_report(tmp_path: Path, corpus_dir: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(corpus_dir), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    files = sorted(tmp_path.glob("*.json"))
    assert [f.stem for f in files] == sorted(p.stem for p in corpus_dir.glob("*.txt"))
    doc = json.loads(files[0].read_text(encoding="utf-8"))
    ids = {e["id"] for e in doc["entities"]}
    assert doc["doc"] == files[0].stem + ".txt"
    assert all(r["head"] in ids and r["tail"] in ids and r["evidence"] for r in doc["relations"])


def test_extract_in_processes_writes_the_same_files(tmp_path: Path, corpus_dir: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    for path in sorted(corpus_dir.glob("*.txt")):
        (reports / path.name).write_bytes(path.read_bytes())
    (reports / "empty.txt").write_text("", encoding="utf-8")  # skipped the same way in both
    outputs = []
    for jobs in ("1", "2"):
        result = CliRunner().invoke(main, ["extract", str(reports), "--out", str(tmp_path / jobs), "--jobs", jobs])
        assert result.exit_code == 2, result.output
        outputs.append((result.output, {f.name: f.read_text(encoding="utf-8") for f in (tmp_path / jobs).glob("*")}))
    assert outputs[0][1] and outputs[0][1] == outputs[1][1]
    assert outputs[0][0].replace(str(tmp_path / "1"), "OUT") == outputs[1][0].replace(str(tmp_path / "2"), "OUT")


@pytest.mark.parametrize("command", ["build", "extract", "eval", "query", "stats"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Example" in result.output
