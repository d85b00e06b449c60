"""Report files on disk: find them in folders, read their bytes, name what is wrong with a bad one.

The walk never stops at a bad entry: a folder it cannot list, a link that loops back into the
folders being walked, a broken link or a link loop with a report suffix are all yielded like
report files, and :func:`read_bytes` then raises the one-line :class:`ReportError` that names
the path and the problem.
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import ReportError

HIDDEN_PREFIXES = (".", "~$")  # hidden files and folders, Office lock files
_KINDS = {stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device",
          stat.S_IFBLK: "a device"}

_Key = tuple[int, int]  # (device, inode): one file or folder however it is reached


def find_reports(paths: Iterable[str | Path], suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Files named by `paths` and files with one of `suffixes` in the folders among them, each once.

    Folders are walked in name order, a folder's files before its subfolders; hidden entries are
    passed over; links to folders are followed unless they lead back into a folder being walked.
    """
    wanted = tuple(s.lower() for s in suffixes)
    seen: set[_Key] = set()
    walked: set[_Key] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, wanted, seen, walked)
        elif _first_visit(path, seen):
            yield path


def _walk(top: Path, wanted: tuple[str, ...], seen: set[_Key], walked: set[_Key]) -> Iterator[Path]:
    """Depth-first without recursion, so deep trees are fine; `walked` keeps each folder to one visit."""
    pending: list[tuple[Path, frozenset[_Key]]] = [(top, frozenset())]
    while pending:
        folder, above = pending.pop()
        try:
            key = _key(folder.stat())
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            yield folder  # reading it names the problem
            continue
        if key in walked:
            continue
        walked.add(key)
        above = above | {key}
        subfolders = []
        for entry in entries:
            if entry.name.startswith(HIDDEN_PREFIXES):
                continue
            path = Path(entry.path)
            if _is_folder(entry):
                if entry.is_symlink() and _key(path.stat()) in above:
                    yield path  # a loop: reading it says so
                else:
                    subfolders.append(path)
            elif entry.name.lower().endswith(wanted) and _first_visit(path, seen):
                yield path
        pending.extend((sub, above) for sub in reversed(subfolders))


def _key(info: os.stat_result) -> _Key:
    return info.st_dev, info.st_ino


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _first_visit(path: Path, seen: set[_Key]) -> bool:
    """False for a file already yielded under another name (a link); True for one that cannot be stat'ed."""
    try:
        key = _key(path.stat())
    except OSError:
        return True
    if key in seen:
        return False
    seen.add(key)
    return True


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file; anything else raises a ReportError naming the path and the problem."""
    try:
        info = path.stat()
    except OSError as exc:
        raise ReportError(f"{path}: {_unreachable(path, exc)}") from exc
    if stat.S_ISDIR(info.st_mode):
        raise ReportError(f"{path}: {_folder_problem(path)}")
    if not stat.S_ISREG(info.st_mode):
        raise ReportError(f"{path}: {_KINDS.get(stat.S_IFMT(info.st_mode), 'a special file')}, not a report")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ReportError(f"{path}: cannot read ({exc.strerror})") from exc


def _unreachable(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return f"broken symbolic link (to {os.readlink(path)})" if path.is_symlink() else "no such file"
    return f"cannot read ({exc.strerror})"


def _folder_problem(path: Path) -> str:
    if path.is_symlink():
        target = path.resolve()
        if target == path.parent.resolve() or target in path.parent.resolve().parents:
            return f"symbolic link loop (to {os.readlink(path)})"
    try:
        with os.scandir(path):
            pass
    except OSError as exc:
        return f"cannot open folder ({exc.strerror})"
    return "is a folder, not a report"
