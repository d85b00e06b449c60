"""Extraction throughput: characters per second through clean + extract, against plain jieba.

The text is the sample corpus (the Report objects `loaders.read.load` makes), repeated
`rounds` times. `loaders.extract.extract` cleans (loaders.clean.clean) and extracts; it
is timed single-process and with a pool of `jobs` worker processes (each warmed up
before the clock starts, results sent back as in `kg extract --jobs`). The baseline is
`jieba.lcut` over the same texts in the same process, after one warm-up call, so the
ratio extract / jieba stays comparable on a busy machine; the two are timed turn about, and
the ratio is also taken on this process's CPU time, which other jobs on a shared machine do
not inflate. One untimed pass of each comes first (lexicons, jieba's dictionary and the
extractors' caches are loaded).
The extractor memoises jieba segmentations of text blocks and the answers of word functions
(``loaders.extract.lexicon.memoised``); as the corpus repeats, those memos are emptied before
every report, so no report is read faster because an earlier copy of it was.
"""
from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from bench.timing import best_of, timed_cpu
from kg.model import Extraction, Report


def sample_reports(corpus: Path) -> list[Report]:
    """The readable text reports of the corpus."""
    from loaders.read import find_reports, load

    return [r for r in (load(p) for p in find_reports([corpus])) if isinstance(r, Report)]


def _extract_all(reports: Sequence[Report]) -> list[Extraction]:
    return [_extract_one(r) for r in reports]


def _jieba_all(reports: Sequence[Report]) -> int:
    import jieba

    return sum(len(jieba.lcut(r.text)) for r in reports)


def _warm() -> None:
    import jieba

    from loaders.extract import extract

    jieba.setLogLevel(60)
    jieba.lcut("预热")
    extract(Report("warm.txt", "warm.txt", "郑州高新区管委会表示，某某科技有限公司投资建设智能传感器项目。"))


def _extract_one(report: Report) -> Extraction:
    """Extract one report with an empty segmentation memo (see the module docstring)."""
    from loaders.extract import extract
    from loaders.extract.lexicon import forget_memos

    forget_memos()
    return extract(report)


def _pool_all(pool: ProcessPoolExecutor, reports: Sequence[Report], jobs: int) -> list[Extraction]:
    return list(pool.map(_extract_one, reports, chunksize=max(1, len(reports) // (4 * jobs))))


def run(corpus: Path, *, rounds: int = 4, jobs: int = 2, repeats: int = 3) -> dict[str, Any]:
    """chars/s of jieba.lcut, extract (1 process) and extract (`jobs` processes); best of `repeats`."""
    reports = sample_reports(corpus) * rounds
    chars = sum(len(r.text) for r in reports)
    _warm()
    _jieba_all(reports[:len(reports) // rounds])  # untimed pass: caches as in steady state
    _extract_all(reports[:len(reports) // rounds])
    jieba_runs, single_runs = [], []
    for _ in range(repeats):  # alternated, so a change of load on the machine touches both sides
        jieba_runs.append(timed_cpu(lambda: _jieba_all(reports)))
        single_runs.append(timed_cpu(lambda: _extract_all(reports)))
    (jieba_s, jieba_cpu), (single_s, single_cpu) = (min(w for w, _ in jieba_runs), min(c for _, c in jieba_runs)), \
        (min(w for w, _ in single_runs), min(c for _, c in single_runs))
    with ProcessPoolExecutor(jobs, initializer=_warm) as pool:
        _pool_all(pool, reports[:len(reports) // rounds] * jobs, jobs)  # every worker up and warm
        pool_s = best_of(lambda: _pool_all(pool, reports, jobs), repeats)
    jieba_cps, single_cps, pool_cps = chars / jieba_s, chars / single_s, chars / pool_s
    return {
        "reports": len(reports), "chars": chars, "rounds": rounds, "jobs": jobs, "repeats": repeats,
        "jieba_chars_per_s": round(jieba_cps), "extract_chars_per_s": round(single_cps),
        "extract_jobs_chars_per_s": round(pool_cps),
        "ratio_vs_jieba": round(single_cps / jieba_cps, 3),
        "ratio_cpu_vs_jieba": round(jieba_cpu / single_cpu, 3),
        "ratio_jobs_vs_jieba": round(pool_cps / jieba_cps, 3),
        "speedup_jobs": round(pool_cps / single_cps, 2),
    }
