"""Store faults on the real FalkorDB server: a server killed mid-build, what a killed command
leaves behind, two builds at once, and a build cut short at every single write.

After any of these, the next build says what happened and ends with the same graph as a
build that was never interrupted (compared node by node and relationship by relationship,
with every property and evidence quote).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from kg import build_marker
from kg.errors import StoreError
from kg.model import Extraction
from kg.pipeline import load
from kg.store.base import GraphStore, Row
from kg.store.falkor import FalkorStore
from kg.store.falkor_server import FalkorServer, socket_path_for
from tests.conftest import make_extraction
from tests.graph_snapshot import Snapshot, snapshot
from tests.test_loading import FULL, SHORT

KG = [sys.executable, "-m", "kg"]


def kg(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(KG + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})


def stored(data_dir: Path) -> Snapshot:
    with FalkorStore(data_dir) as store:
        return snapshot(store)


@pytest.fixture(scope="module")
def reports() -> Path:
    """The sample corpus: five reports, built one chunk per report where a test says so."""
    from tests.conftest import CORPUS

    if not CORPUS.is_dir():
        pytest.skip(f"sample corpus not found at {CORPUS}")
    return CORPUS


@pytest.fixture(scope="module")
def reference(reports: Path, tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    """The graph of one uninterrupted `kg build` of the reports."""
    data = tmp_path_factory.mktemp("reference") / "kg-data"
    proc = kg("build", str(reports), "--store", str(data), "--no-html")
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    return stored(data)


def _server_pid(data: Path, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            return int((data / "falkordb.pid").read_text())
        except (OSError, ValueError):
            time.sleep(0.02)
    raise AssertionError(f"no server started for {data}")


def _reports_written(data: Path) -> int:
    """Report nodes in the running server of `data` (written at the end of each chunk); -1 if it does not answer."""
    from falkordb import FalkorDB

    try:
        db = FalkorDB(unix_socket_path=str(socket_path_for(data)))
    except Exception:  # not up yet
        return -1
    try:
        return db.select_graph("kg").ro_query("MATCH (r:Report) RETURN count(r)").result_set[0][0]
    except Exception:  # the graph does not exist yet
        return -1
    finally:
        db.connection.close()


def test_server_killed_mid_build_is_reported_and_a_rerun_repairs_it(reports: Path, reference: Snapshot,
                                                                      tmp_path: Path) -> None:
    data = tmp_path / "kg-data"
    build = kg("build", str(reports), "--store", str(data), "--no-html", env={"KG_CHUNK_REPORTS": "1"})
    pid = _server_pid(data)
    while _reports_written(data) < 1:  # the first chunk is written
        assert build.poll() is None, build.communicate()
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    _, err = build.communicate(timeout=120)
    assert build.returncode == 1
    error = err.splitlines()[-1]
    assert error == (f"error: lost the connection to FalkorDB store {data} (graph 'kg'): the server was killed "
                     f"(signal 9); see {data / 'falkordb.log'}")
    assert "Traceback" not in err

    with FalkorStore(data) as store:  # what it left: some reports, and the marker naming the chunk it wrote
        (marker,) = build_marker.interrupted(store)
        assert 1 <= len(store.read("MATCH (r:Report) RETURN r.key AS key")) < 5
    assert len(marker.loading) == 1 and marker.loading[0].endswith(".txt")

    rerun = kg("build", str(reports), "--store", str(data), "--no-html")
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert (f"warning: the previous build of FalkorDB store {data} (graph 'kg') was interrupted "
            f"(started {marker.started} by pid {marker.pid}") in err
    assert f"while writing {marker.loading[0]}); this build repairs it" in err
    assert stored(data) == reference  # the marker is gone too: the reference has none


def test_commands_after_an_interrupted_build_warn_until_a_build_repairs_it(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    data = tmp_path / "kg-data"
    with FalkorStore(data) as store:
        build_marker.begin(store).loading(["a.txt", "b.txt", "c.txt", "d.txt"])  # as a killed build leaves it
    result = CliRunner().invoke(main, ["stats", "--store", str(data)])
    assert result.exit_code == 0
    assert "warning: the last build of FalkorDB store" in result.stderr
    assert "while writing a.txt, b.txt, c.txt and 1 more); the graph may lack part of those reports" \
           in result.stderr


class Crashing(GraphStore):
    """A real store whose connection is lost before its `at`-th write (counting all writes)."""

    def __init__(self, store: GraphStore, at: int) -> None:
        self.store, self.at, self.writes = store, at, 0
        self.indexes_list_members = store.indexes_list_members

    def read(self, cypher: str, params: Row | None = None) -> list[Row]:
        return self.store.read(cypher, params)

    def write(self, cypher: str, params: Row | None = None) -> list[Row]:
        self.writes += 1
        if self.writes == self.at:
            raise StoreError(f"lost the connection to {self.description} (test: before write {self.at})")
        return self.store.write(cypher, params)

    def ensure_indexes(self, labels: Sequence[str], prop: str = "key", *, unique: bool = True) -> None:
        self.store.ensure_indexes(labels, prop, unique=unique)

    def clear(self) -> None:
        self.store.clear()

    def close(self) -> None:
        """The wrapped store is closed by its owner."""

    @property
    def description(self) -> str:
        return self.store.description


OTHER = make_extraction("o.txt", "宇通客车落户郑州经开区", [("Company", "宇通客车", []), ("Park", "郑州经开区", [])],
                        [("LOCATED_IN", 1, 2, "宇通客车落户郑州经开区")])


def _no_shared_match_keys(store: GraphStore) -> None:
    seen: dict[tuple[str, str], str] = {}
    for row in store.read("MATCH (n:Entity) RETURN n.key AS key, n.type AS type, n.match_keys AS keys"):
        for match_key in row["keys"]:
            assert seen.setdefault((row["type"], match_key), row["key"]) == row["key"], \
                f"{row['key']} and {seen[(row['type'], match_key)]} are one entity in two nodes"


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorStore]:
    """A real server without persistence (a lost connection is what is tested here, not the disk)."""
    with FalkorStore(tmp_path_factory.mktemp("scratch") / "kg-data", persist=False) as store:
        yield store


@pytest.mark.parametrize("rerun", [[[FULL]], [[OTHER], [FULL]]], ids=["same-report", "other-report-first"])
def test_a_build_cut_short_at_any_write_is_repaired_by_the_next(scratch: FalkorStore,
                                                                 rerun: list[list[Extraction]]) -> None:
    """FULL re-keys the stored node of SHORT (fold, move relationships, delete) and maps names onto
    chains; the connection is lost before each of its writes in turn. Whatever report the next
    build brings, it leaves no entity split over two nodes, and once FULL is loaded again the
    graph is the one an uninterrupted load gives."""
    scratch.clear()
    load(scratch, [SHORT])
    load(scratch, [SHORT, FULL, OTHER])
    want = snapshot(scratch)
    counting = Crashing(scratch, at=0)
    scratch.clear()
    load(scratch, [SHORT])
    load(counting, [FULL])
    assert counting.writes > 15
    for at in range(1, counting.writes + 1):
        scratch.clear()
        load(scratch, [SHORT])
        with pytest.raises(StoreError, match=f"before write {at}"):
            load(Crashing(scratch, at), [FULL])
        for extractions in rerun:
            load(scratch, extractions)
            _no_shared_match_keys(scratch)
        load(scratch, [OTHER])
        assert snapshot(scratch) == want, f"cut short before write {at}"


def _hold_a_server(data: Path) -> subprocess.Popen[str]:
    """A process that started the server of `data` and keeps it (as a kg command does)."""
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom kg.store.falkor import FalkorStore\n"
                               f"store = FalkorStore({str(data)!r})\nprint('up', flush=True)\ntime.sleep(600)"],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "up\n"
    return holder


def _alive(pid: int) -> bool:
    from kg.store.falkor_server import _process_alive

    return _process_alive(pid)


@pytest.mark.parametrize("kill_server", [True, False], ids=["command-and-server-killed", "command-killed"])
def test_what_a_killed_command_leaves_does_not_block_the_next(tmp_path: Path, kill_server: bool) -> None:
    data = tmp_path / "kg-data"
    with FalkorStore(data) as store:
        store.write("CREATE (:Entity {key: 'Park:x', type: 'Park', name: 'x'})")
    holder = _hold_a_server(data)
    pid = _server_pid(data)
    holder.kill()
    holder.wait()
    if kill_server:
        os.kill(pid, signal.SIGKILL)
        while _alive(pid):
            time.sleep(0.02)
    assert (data / "falkordb.pid").exists() and socket_path_for(data).exists()  # left behind
    proc = kg("query", "MATCH (n:Entity) RETURN n.name AS name", "--store", str(data), "--format", "csv")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert out.splitlines() == ["name", "x"]
    assert not _alive(pid)  # a server left running was stopped
    assert not (data / "falkordb.pid").exists()


def test_a_pid_file_naming_another_process_does_not_stop_it(tmp_path: Path) -> None:
    """A dead server's pid may be reused by an unrelated process: only our server is stopped."""
    data = tmp_path / "kg-data"
    data.mkdir()
    other = subprocess.Popen(["sleep", "60"])
    try:
        (data / "falkordb.pid").write_text(str(other.pid))
        with FalkorStore(data) as store:
            assert store.read("RETURN 1 AS one") == [{"one": 1}]
        assert other.poll() is None
    finally:
        other.kill()
        other.wait()


def test_two_builds_at_once_take_turns_and_give_the_graph_of_one(reports: Path, reference: Snapshot,
                                                                 tmp_path: Path) -> None:
    data = tmp_path / "kg-data"
    first = kg("build", str(reports), "--store", str(data), "--no-html")
    _server_pid(data)  # the first holds the store
    second = kg("build", str(reports), "--store", str(data), "--no-html")
    results = [proc.communicate(timeout=300) for proc in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, results
    assert f"waiting for another kg command using {data} ..." in results[1][1]
    assert stored(data) == reference


def test_waiting_too_long_for_the_store_is_one_clear_error(falkor_store: FalkorStore) -> None:
    waiting = FalkorServer(falkor_store.server.data_dir, lock_timeout=0.5)
    with pytest.raises(StoreError, match=f"another kg command has held the store {falkor_store.server.data_dir} "
                                         "for too long; try again later"):
        waiting.start()
