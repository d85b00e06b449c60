"""End to end: `kg build` on synthetic report folders, as a subprocess: wall time and peak memory.

The reports come from bench.synth_reports (written before the clock starts). `kg build
FOLDER --store TMP --no-html` runs in its own process; psutil samples the resident
memory (RSS) of that process and of its children (the FalkorDB server it starts) every
`POLL_S` seconds. Reported: wall seconds, reports per second, the peak RSS of the kg
process alone, the peak of the whole tree as RSS and as PSS (see `_memory`: the target
is checked on PSS, which does not count pages shared with FalkorDB's short-lived forks
twice), and how the peaks grow from the smallest to the largest count (flat memory means
the build streams instead of holding all texts).
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.synth_reports import write_reports

POLL_S = 0.05
MIB = 2**20


def _memory(proc: Any) -> tuple[int, int, int]:
    """(RSS of the process, RSS summed over it and its descendants, PSS summed likewise) in bytes.

    RSS counts a page in every process that maps it: the children FalkorDB forks for a moment
    (index garbage collection, append-only-file rewrite) share the server's pages copy-on-write,
    so the RSS sum counts those pages twice. PSS splits each shared page among the processes
    sharing it: its sum is the memory the build really occupies. Gone processes count 0.
    """
    import psutil

    own = rss = pss = 0
    try:
        own = proc.memory_info().rss
        for member in [proc, *proc.children(recursive=True)]:
            try:
                info = member.memory_full_info()
                rss, pss = rss + info.rss, pss + info.pss
            except psutil.Error:
                pass
    except psutil.Error:
        pass
    return own, rss, pss


def measure(command: Sequence[str]) -> dict[str, Any]:
    """Run `command`; wall seconds, exit code and peak memory (own RSS; RSS and PSS of the tree)."""
    import psutil

    start = time.perf_counter()
    popen = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc = psutil.Process(popen.pid)
    peak_own = peak_rss = peak_pss = 0
    while popen.poll() is None:
        own, rss, pss = _memory(proc)
        peak_own, peak_rss, peak_pss = max(peak_own, own), max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(POLL_S)
    wall = time.perf_counter() - start
    out, err = popen.communicate()
    if popen.returncode not in (0, 2):  # 2: some reports skipped, the build still ran
        raise RuntimeError(f"{' '.join(command)} failed ({popen.returncode}): {err.decode()[-500:]}")
    return {"wall_s": round(wall, 1), "exit": popen.returncode, "peak_rss_mib": round(peak_own / MIB),
            "peak_tree_rss_mib": round(peak_rss / MIB), "peak_tree_pss_mib": round(peak_pss / MIB),
            "stdout": out.decode("utf-8", "replace")[-2000:]}


def kg_command() -> list[str]:
    """`kg` of this interpreter's environment."""
    return [sys.executable, "-m", "kg"]


def run_count(count: int, seed: int = 11) -> dict[str, Any]:
    """Write `count` synthetic reports, build them into a fresh store and measure the build."""
    with tempfile.TemporaryDirectory(prefix="kg-bench-e2e-") as tmp:
        folder = Path(tmp) / "reports"
        chars = write_reports(folder, count, seed)
        result = measure([*kg_command(), "build", str(folder), "--store", str(Path(tmp) / "kg-data"), "--no-html"])
    result.update({"reports": count, "chars": chars, "reports_per_s": round(count / result["wall_s"], 1),
                   "chars_per_s": round(chars / result["wall_s"])})
    return result


def run(counts: Sequence[int], seed: int = 11) -> dict[str, Any]:
    """Every count, smallest first, and the growth of the peaks from the first to the last."""
    results = [run_count(n, seed) for n in sorted(counts)]
    first, last = results[0], results[-1]
    return {
        "builds": results,
        "growth": {
            "reports_x": round(last["reports"] / first["reports"], 1),
            "wall_x": round(last["wall_s"] / first["wall_s"], 1),
            "peak_rss_x": round(last["peak_rss_mib"] / first["peak_rss_mib"], 2),
            "peak_tree_rss_x": round(last["peak_tree_rss_mib"] / first["peak_tree_rss_mib"], 2),
            "peak_tree_pss_x": round(last["peak_tree_pss_mib"] / first["peak_tree_pss_mib"], 2),
        },
    }
