"""Small timing helpers shared by the benchmarks."""
from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Wall seconds of one call of `fn`, and what it returned."""
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def timed_cpu(fn: Callable[[], Any]) -> tuple[float, float]:
    """Wall seconds and CPU seconds of this process for one call of `fn`."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) by linear interpolation between closest ranks."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def latency(fn: Callable[[], Any], repeats: int, warmup: int = 1) -> dict[str, float]:
    """Median and p95 wall seconds of `repeats` calls of `fn` after `warmup` untimed calls."""
    for _ in range(warmup):
        fn()
    runs = [timed(fn)[0] for _ in range(repeats)]
    return {"median_s": statistics.median(runs), "p95_s": percentile(runs, 95), "runs": repeats}


def best_of(fn: Callable[[], Any], repeats: int) -> float:
    """The fastest of `repeats` timed calls (the least disturbed by other load on the machine)."""
    return min(timed(fn)[0] for _ in range(repeats))
