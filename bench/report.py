"""Turn benchmark results into the Markdown table (results.md) and keep them as JSON (results.json)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

GIB_MIB = 1024


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


def _n(value: float) -> str:
    return f"{value:,.0f}"


def _check(ok: bool) -> str:
    return "yes" if ok else "**no**"


def _extraction(r: dict[str, Any]) -> list[list[str]]:
    cpu = r.get("ratio_cpu_vs_jieba")  # runs before CPU time was measured have only the wall-time ratio
    return [
        ["Extraction", "jieba.lcut (baseline)", f"{_n(r['jieba_chars_per_s'])} chars/s", "", ""],
        ["Extraction", "clean + extract, 1 process", f"{_n(r['extract_chars_per_s'])} chars/s",
         f"{r['ratio_vs_jieba']} × jieba (wall time)" + ("" if cpu is None else f", {cpu} × (CPU time)"),
         f"≥ 0.5 × jieba: {_check((r['ratio_vs_jieba'] if cpu is None else cpu) >= 0.5)}"],
        ["Extraction", f"clean + extract, {r['jobs']} processes", f"{_n(r['extract_jobs_chars_per_s'])} chars/s",
         f"{r['ratio_jobs_vs_jieba']} × jieba, {r['speedup_jobs']} × 1 process", ""],
    ]


def _loading(r: dict[str, Any]) -> list[list[str]]:
    return [
        ["Loading", f"one row per query (baseline), {_n(r['per_row_items'])} items",
         f"{_n(r['per_row_items_per_s'])} items/s", "", ""],
        ["Loading", f"batched UNWIND ({r['batch_size']} rows/query), same items"
         + (f", median of {len(r['batched_runs_s'])} loads" if len(r.get("batched_runs_s", [])) > 1 else ""),
         f"{_n(r['batched_items_per_s'])} items/s", f"{r['ratio_batched_vs_per_row']} × per row",
         f"≥ 20 ×: {_check(r['ratio_batched_vs_per_row'] >= 20)}; "
         f"≥ 20,000/s: {_check(r['batched_items_per_s'] >= 20_000)}"],
    ]


def _latency(q: dict[str, Any]) -> str:
    return f"median {_ms(q['median_s'])}, p95 {_ms(q['p95_s'])}"


def _queries(r: dict[str, Any]) -> list[list[str]]:
    rows = []
    last = r["sizes"][-1]
    for size in r["sizes"]:
        graph = f"{_n(size['nodes'])} nodes / {_n(size['relationships'])} rels"
        for role, park in size["parks"].items():
            what = f"{role} park ({_n(park['firms'])} firms)"
            gaps = park["gaps"]
            target = f"< 1 s: {_check(gaps['median_s'] < 1)}" if size is last and size["nodes_asked"] >= 1_000_000 \
                else ""
            rows.append([f"Queries, {graph}", f"gaps, {what}", _latency(gaps), f"{gaps['runs']} runs", target])
            if "targets" in park:
                t = park["targets"]
                rows.append([f"Queries, {graph}", f"targets, {what}", _latency(t), f"{t['runs']} runs", ""])
            elif "targets_skipped" in park:
                skip = park["targets_skipped"]
                rows.append([f"Queries, {graph}", f"targets, {what}", "not run",
                             f"≈ {_n(skip['projected_s'])} s projected linearly from {_n(skip['from_nodes'])} nodes",
                             ""])
    for key, g in r["growth"].items():
        if key != "nodes_x":
            rows.append(["Queries, growth", f"{key.removesuffix('_x').replace('_', ' ')}: median latency",
                         f"× {g['latency_x']}", f"nodes × {g['nodes_x']}",
                         f"≤ nodes ×: {_check(g['latency_x'] <= g['nodes_x'])}"])
    return rows


def _end_to_end(r: dict[str, Any]) -> list[list[str]]:
    rows = []
    for b in r["builds"]:
        pss = b.get("peak_tree_pss_mib")  # runs before PSS was measured have only the RSS sum
        tree = b["peak_tree_rss_mib"] if pss is None else pss
        target = f"< 1 GiB: {_check(tree < GIB_MIB)}" if b["reports"] >= 10_000 else ""
        memory = (f"peak RSS {b['peak_rss_mib']} MiB (kg) / {b['peak_tree_rss_mib']} MiB (with FalkorDB)"
                  if pss is None else f"peak {pss} MiB PSS with FalkorDB (RSS: {b['peak_rss_mib']} MiB kg, "
                                      f"{b['peak_tree_rss_mib']} MiB summed over the processes)")
        rows.append(["End to end", f"kg build, {_n(b['reports'])} reports ({_n(b['chars'])} chars)",
                     f"{b['wall_s']} s, {b['reports_per_s']} reports/s", memory, target])
    g = r["growth"]
    tree_x = g.get("peak_tree_pss_x")
    rows.append(["End to end", f"growth × {g['reports_x']} reports", f"time × {g['wall_x']}",
                 f"peak RSS × {g['peak_rss_x']} (kg) / × {g['peak_tree_rss_x']} (with FalkorDB)" if tree_x is None
                 else f"peak PSS × {tree_x} (with FalkorDB), RSS × {g['peak_rss_x']} (kg)", ""])
    return rows


def _page(r: list[dict[str, Any]]) -> list[list[str]]:
    return [["Page", f"{_n(p['page_nodes'])} nodes, {_n(p['page_edges'])} edges",
             f"settles in {p['settle_median_s']} s (median of {p['repeats']})",
             f"{p['bytes'] / 2**20:.1f} MiB HTML, written in {p['write_s']} s", ""] for p in r]


SECTIONS = {"extraction": _extraction, "loading": _loading, "queries": _queries, "end_to_end": _end_to_end,
            "page": _page}


def markdown(results: dict[str, Any]) -> str:
    """The results as one Markdown table, preceded by the machine it ran on."""
    m = results["machine"]
    versions = ", ".join(f"{k} {v}" for k, v in m["packages"].items() if v)
    runs = "; ".join(f"{r['started']}: {', '.join(r['benchmarks'])}" for r in results.get("runs", []))
    lines = [
        f"Run {results['started']} ({'quick' if results['quick'] else 'full'}), {results['seconds']:.0f} s"
        + (f" (runs {runs})" if runs else "") + "; "
        f"{m['cores']} cores, {m['memory_gib']} GiB, load average at start {m['load_average']}; "
        f"Python {m['python']}; {versions}; {m['chromium'] or 'no chromium'}.",
        "",
        "| Benchmark | Measure | Result | Against baseline / detail | Target met |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, render in SECTIONS.items():
        if name in results["results"]:
            lines += ["| " + " | ".join(row) + " |" for row in render(results["results"][name])]
    for name, problem in results.get("errors", {}).items():
        lines.append(f"| {name} | failed | {problem} | | |")
    if results.get("note"):
        lines += ["", results["note"]]
    return "\n".join(lines) + "\n"


def combine(runs: list[dict[str, Any]], note: str = "") -> dict[str, Any]:
    """One result from several runs: each benchmark from the last run that has it; when each ran is listed."""
    merged: dict[str, Any] = {**runs[-1], "results": {}, "errors": {}, "runs": []}
    for run in runs:
        for name, result in run["results"].items():
            merged["results"][name] = result
            merged["errors"].pop(name, None)
        for name, problem in run.get("errors", {}).items():
            if name not in merged["results"]:
                merged["errors"][name] = problem
        merged["runs"].append({"started": run["started"], "benchmarks": sorted(run["results"]),
                               "seconds": round(run["seconds"])})
    merged["seconds"] = sum(r["seconds"] for r in runs)
    merged["note"] = " ".join(x for x in (note, *(r.get("note", "") for r in runs)) if x)
    return merged


def save(results: dict[str, Any], out: Path) -> tuple[Path, Path]:
    """Write results.json and results.md into `out`; return both paths."""
    out.mkdir(parents=True, exist_ok=True)
    json_path, md_path = out / "results.json", out / "results.md"
    json_path.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    md_path.write_text(markdown(results), encoding="utf-8")
    return json_path, md_path
