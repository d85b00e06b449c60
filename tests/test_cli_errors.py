"""Every command meets bad arguments, a missing store and unreachable servers with one clear
line and a non-zero exit, never a traceback (unless --verbose asks for it); unknown park,
chain and entity names get the closest stored names offered.

Neo4j: an unreachable server and a refused login are exercised for real (a closed port, and
the Bolt listener of a real FalkorDB server, which accepts only its own user). A missing
database and Neo4j's own authentication failure cannot be produced without a Neo4j server;
their messages are checked on the exceptions the driver builds from those server codes.
"""
from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import main
from kg.store.falkor import FalkorStore
from tests.test_neo4j import _free_port

PASSWORD = "s3cret-pw"


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


def assert_one_line_error(result: Result, *fragments: str) -> str:
    """The command failed with exactly one 'error: ...' line holding every fragment; returns it."""
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if not line.startswith("warning:")]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.output and PASSWORD not in result.output
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


# ---------------------------------------------------------------- unknown names: did you mean

@pytest.mark.parametrize(("args", "hint"), [
    (["gaps", "--park", "航空港X区"], "no park named '航空港X区' in the graph; did you mean 航空港区"),
    (["gaps", "--park", "经开区", "--chain", "新能源气车"], "no chain named '新能源气车'; did you mean 新能源汽车"),
    (["targets", "--park", "经凯区"], "no park named '经凯区' in the graph; did you mean 经开区?"),
    (["targets", "--park", "经开区", "--chain", "生物医要"], "did you mean 生物医药"),
    (["profile", "中铁装被"], "no entity named '中铁装被' in the graph; did you mean 中铁装备"),
    (["viz", "--park", "航空港X区"], "did you mean 航空港区"),
    (["viz", "--chain", "新能源气车"], "did you mean 新能源汽车"),
    (["viz", "--focus", "中铁装被"], "did you mean 中铁装备"),
])
def test_unknown_names_suggest_close_ones(sample_dir: Path, tmp_path: Path, args: list[str], hint: str) -> None:
    out = ["--out", str(tmp_path / "x.html")] if args[0] == "viz" else []
    assert_one_line_error(run(*args, *out, "--store", str(sample_dir)), hint)


def test_each_node_is_offered_once_under_its_closest_name(sample_dir: Path) -> None:
    line = assert_one_line_error(run("gaps", "--park", "航空港X区", "--store", str(sample_dir)))
    offered = line.split("did you mean ")[1].rstrip("?").split(" or ")
    assert offered[0] == "航空港区" and "郑州航空港区" not in offered  # both name the same park


def test_part_of_a_chain_name_is_enough(sample_dir: Path) -> None:
    result = run("gaps", "--park", "经开区", "--chain", "新能源汽", "--format", "csv", "--store", str(sample_dir))
    assert result.exit_code == 0, result.output
    assert {row.split(",")[0] for row in result.stdout.splitlines()[1:]} == {"新能源汽车"}
    assert_one_line_error(run("gaps", "--park", "经开区", "--chain", "能源", "--store", str(sample_dir)),
                          "chain '能源' matches several: ", "give a fuller name")


# ---------------------------------------------------------------- every command fails clearly

READ_COMMANDS = [
    ["stats"], ["query", "RETURN 1"], ["gaps", "--park", "经开区"], ["targets", "--park", "经开区"],
    ["profile", "宇通"], ["viz"], ["export", "--format", "graphml", "--out", "g.graphml"], ["reports"],
    ["ontology", "unmapped"],
]


@pytest.mark.parametrize("args", READ_COMMANDS, ids=lambda a: a[0])
def test_reading_a_store_that_does_not_exist_says_how_to_make_one(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "no-such-store"
    assert_one_line_error(run(*args, "--store", str(missing)),
                          f"no graph store at {missing}: build one with `kg build PATHS --store {missing}`")
    assert not missing.exists()


@pytest.mark.parametrize(("args", "message"), [
    (["query", "MATCH (n RETURN n"], "query failed on FalkorDB store"),
    (["query", "RETURN $x AS x"], "Missing parameters"),
    (["query", "CREATE (:Entity {key: 'x'})"], "read-only"),
    (["profile", " "], "no name given"),
    (["profile", "宇通", "--type", "Park"], "no Park entity named '宇通'"),
    (["gaps", "--park", "经开区", "--chain", " "], "no chain name given"),
    (["viz", "--depth", "2"], "--depth needs --focus NAME"),
    (["export", "--format", "csv", "--out", "/no/such/folder/g.csv"], "folder /no/such/folder does not exist"),
    (["resolve", "--aliases", "."], "cannot read alias table"),
])
def test_bad_arguments_are_one_line_errors(sample_dir: Path, tmp_path: Path, args: list[str],
                                           message: str) -> None:
    out = ["--out", str(tmp_path / "x.html")] if args[0] == "viz" else []
    assert_one_line_error(run(*args, *out, "--store", str(sample_dir)), message)


@pytest.mark.parametrize("args", [["targets", "--park", "经开区", "--limit", "0"], ["query"],
                                  ["eval", "/no/such/gold", "."], ["viz", "--types"], ["nosuchcommand"]])
def test_malformed_command_lines_are_usage_errors(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2 and "Error:" in result.output and "Traceback" not in result.output


def test_verbose_shows_the_traceback(tmp_path: Path) -> None:
    missing = str(tmp_path / "no-such-store")
    quiet = subprocess.run([sys.executable, "-m", "kg", "stats", "--store", missing], capture_output=True, text=True)
    loud = subprocess.run([sys.executable, "-m", "kg", "--verbose", "stats", "--store", missing],
                          capture_output=True, text=True)
    assert quiet.returncode == 1 and quiet.stderr.startswith("error: no graph store") and "Traceback" not in quiet.stderr
    assert loud.returncode == 1 and loud.stderr.startswith("Traceback (most recent call last)")
    assert "kg.errors.StoreError: no graph store at" in loud.stderr


# ---------------------------------------------------------------- Neo4j

def test_unreachable_neo4j_is_one_line_naming_the_uri(tmp_path: Path) -> None:
    uri = f"bolt://127.0.0.1:{_free_port()}"  # nothing listens there
    result = run("stats", "--neo4j", uri, env={"NEO4J_PASSWORD": PASSWORD})
    assert_one_line_error(result, f"cannot reach Neo4j at {uri}: ", "Connection refused")


@pytest.fixture
def bolt_uri(tmp_path: Path) -> Iterator[str]:
    """The Bolt listener of a real FalkorDB server (it accepts user 'falkordb' with no password)."""
    port = _free_port()
    with FalkorStore(tmp_path / "bolt", bolt_port=port, persist=False):
        yield f"bolt://127.0.0.1:{port}"


def test_a_refused_login_is_one_line_naming_the_uri_and_user(bolt_uri: str) -> None:
    result = run("stats", "--neo4j", bolt_uri, env={"NEO4J_USER": "falkordb", "NEO4J_PASSWORD": PASSWORD})
    assert_one_line_error(result, f"Neo4j at {bolt_uri} refused the connection of user 'falkordb' "
                                  "(check NEO4J_USER / NEO4J_PASSWORD)")


@pytest.mark.parametrize(("uri", "message"), [
    ("http://localhost:7474", "not a Neo4j URI: 'http://localhost:7474' (expected bolt://HOST:7687"),
    ("bolt://", "not a Neo4j URI: 'bolt://'"),
    (f"bolt://neo4j:{PASSWORD}@localhost:7687", "Neo4j URI bolt://localhost:7687 holds a user name or password"),
])
def test_a_uri_that_is_not_a_bolt_uri_is_refused_before_connecting(uri: str, message: str) -> None:
    assert_one_line_error(run("stats", "--neo4j", uri), message)


def _server_error(code: str, message: str) -> Exception:
    """The exception the driver raises when a server answers with this status code."""
    from neo4j.exceptions import Neo4jError

    return Neo4jError._hydrate_neo4j(code=code, message=message)


@pytest.mark.parametrize(("code", "server_message", "expected"), [
    ("Neo.ClientError.Database.DatabaseNotFound", "Database does not exist. Database name: 'zones'.",
     "Neo4j at bolt://db.example:7687 has no database 'zones' (check NEO4J_DATABASE)"),
    ("Neo.ClientError.Security.Unauthorized", "The client is unauthorized due to authentication failure.",
     "Neo4j at bolt://db.example:7687 refused the credentials of user 'neo4j' (check NEO4J_USER / NEO4J_PASSWORD)"),
    ("Neo.TransientError.Database.DatabaseUnavailable", "Database 'zones' is unavailable.",
     "the database zones of Neo4j at bolt://db.example:7687 is not available: Database 'zones' is unavailable."),
    ("Neo.ClientError.Statement.SyntaxError", f"Invalid input near '{PASSWORD}'\nline 2",
     "query failed on Neo4j bolt://db.example:7687 (database 'zones'): Invalid input near '***'"),
])
def test_neo4j_server_errors_become_one_line(code: str, server_message: str, expected: str) -> None:
    from kg.store.neo4j_store import Target, store_error

    target = Target("bolt://db.example:7687", "neo4j", "zones", PASSWORD)
    message = str(store_error(_server_error(code, server_message), target, "query"))
    assert message == expected


def test_an_output_folder_that_cannot_be_made_is_one_line(corpus_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    out = blocker / "pred"
    assert_one_line_error(run("extract", str(corpus_dir), "--out", str(out)), f"{out}: cannot create the output folder")
