"""Run every benchmark and write results.md + results.json.

    python -m bench                      # full run (the numbers in the README)
    python -m bench --quick              # small sizes, a few minutes
    python -m bench --only queries --query-sizes 10000,100000 --out /tmp/bench
    python -m bench --combine a/results.json b/results.json   # one table from several runs

Sizes and counts are parameters; --quick only changes their defaults. Ratios are
taken against a baseline run in the same process (see each module), so a busy
machine slows both sides alike.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import end_to_end, extraction, loading, page, query_latency, report
from bench.env import machine

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
NAMES = ("extraction", "loading", "queries", "end_to_end", "page")


@dataclass
class Settings:
    """Sizes and repeats of one run."""

    corpus: Path
    jobs: int
    extract_rounds: int
    extract_repeats: int
    load_nodes: int
    query_sizes: list[int]
    query_repeats: int
    targets_repeats: int
    targets_max_nodes: int
    report_counts: list[int]
    page_sizes: list[int]
    page_repeats: int
    seed: int


FULL = dict(extract_rounds=4, extract_repeats=9, load_nodes=3000, query_sizes=[10_000, 100_000, 1_000_000],
            query_repeats=7, targets_repeats=2, targets_max_nodes=1_000_000, report_counts=[1000, 10_000], page_sizes=[500, 2000, 5000],
            page_repeats=3)
QUICK = dict(extract_rounds=1, extract_repeats=1, load_nodes=500, query_sizes=[2000, 10_000], query_repeats=3,
             targets_repeats=1, targets_max_nodes=10_000, report_counts=[50, 200], page_sizes=[300], page_repeats=1)


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def parse(argv: list[str] | None = None) -> tuple[Settings, argparse.Namespace]:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes (minutes, not an hour)")
    parser.add_argument("--out", type=Path, default=Path("bench/results"), help="folder for results.md/.json")
    parser.add_argument("--only", default=",".join(NAMES), help=f"comma-separated subset of {', '.join(NAMES)}")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="sample reports (real text for extraction)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for parallel extraction")
    parser.add_argument("--seed", type=int, default=7, help="seed of the synthetic graphs and reports")
    parser.add_argument("--load-nodes", type=int, help="synthetic graph size for the loading benchmark")
    parser.add_argument("--query-sizes", type=_ints, help="graph sizes in nodes, e.g. 10000,100000,1000000")
    parser.add_argument("--targets-max-nodes", type=int, help="largest graph to time targets on")
    parser.add_argument("--report-counts", type=_ints, help="synthetic report counts for kg build, e.g. 1000,10000")
    parser.add_argument("--page-sizes", type=_ints, help="graph sizes for the page, e.g. 500,2000,5000")
    parser.add_argument("--note", default="", help="a line to print under the table (e.g. what else ran)")
    parser.add_argument("--combine", type=Path, nargs="+", metavar="JSON",
                        help="write one table from these results.json files (later runs win) instead of running")
    parser.add_argument("--work", type=Path, default=Path("/var/tmp/kg-bench"),
                        help="folder for the temporary stores and reports (removed as each benchmark ends)")
    args = parser.parse_args(argv)
    preset = dict(QUICK if args.quick else FULL)
    for key in ("load_nodes", "query_sizes", "targets_max_nodes", "report_counts", "page_sizes"):
        if getattr(args, key) is not None:
            preset[key] = getattr(args, key)
    unknown = set(args.only.split(",")) - set(NAMES)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    return Settings(corpus=args.corpus, jobs=args.jobs, seed=args.seed, **preset), args


def benchmarks(s: Settings) -> dict[str, Callable[[], Any]]:
    """Each benchmark as a call with this run's settings."""
    return {
        "extraction": lambda: extraction.run(s.corpus, rounds=s.extract_rounds, jobs=s.jobs,
                                             repeats=s.extract_repeats),
        "loading": lambda: loading.run(s.load_nodes, seed=s.seed),
        "queries": lambda: query_latency.run(s.query_sizes, seed=s.seed, repeats=s.query_repeats,
                                             targets_repeats=s.targets_repeats, targets_max_nodes=s.targets_max_nodes),
        "end_to_end": lambda: end_to_end.run(s.report_counts, seed=s.seed),
        "page": lambda: page.run(s.page_sizes, seed=s.seed, repeats=s.page_repeats),
    }


def main(argv: list[str] | None = None) -> int:
    settings, args = parse(argv)
    if args.combine:
        results = report.combine([json.loads(p.read_text(encoding="utf-8")) for p in args.combine], args.note)
    else:
        args.work.mkdir(parents=True, exist_ok=True)
        before, tempfile.tempdir = tempfile.tempdir, str(args.work)  # every benchmark's temporary folders go there
        try:
            results = run(settings, args)
        finally:
            tempfile.tempdir = before
    json_path, md_path = report.save(results, args.out)
    print(md_path.read_text(encoding="utf-8"))
    print(f"wrote {md_path} and {json_path}", file=sys.stderr)
    return 1 if results["errors"] else 0


def run(settings: Settings, args: argparse.Namespace) -> dict[str, Any]:
    """Run the chosen benchmarks; a failing one is recorded in `errors` and the others still run."""
    started = time.perf_counter()
    results: dict[str, Any] = {"started": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "quick": args.quick,
                               "machine": machine(), "settings": {k: str(v) if isinstance(v, Path) else v
                                                                  for k, v in vars(settings).items()},
                               "results": {}, "errors": {}, "note": args.note}
    for name, call in benchmarks(settings).items():
        if name not in args.only.split(","):
            continue
        print(f"[bench] {name} ...", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            results["results"][name] = call()
        except Exception as exc:  # one failing benchmark must not lose the others' numbers
            traceback.print_exc()
            results["errors"][name] = f"{type(exc).__name__}: {exc}".splitlines()[0]
        print(f"[bench] {name} done in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    results["seconds"] = time.perf_counter() - started
    return results


if __name__ == "__main__":
    sys.exit(main())
