"""Graph page: how long the HTML of a stored graph takes to settle in headless Chromium, and its size.

A synthetic graph (bench.synth_graph) of about N entity nodes is written to a store and
its page written by `kg.graph_view.write_page` (what `kg build` / `kg viz` do). Chromium
(/usr/bin/chromium through /usr/bin/chromedriver, headless, offline) opens the file;
the time runs from the request until the page sets `window.kgReady` (visualize/assets/
page.js does that once vis-network's stabilisation iterations are done and physics is
off). The median of `repeats` loads is reported with the file size.
"""
from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.env import CHROMEDRIVER, CHROMIUM
from bench.synth_graph import SyntheticGraph, write
from bench.timing import timed
from kg.store.falkor import FalkorStore

FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,900")
OFFLINE = {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0}


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium driven by selenium with the network off; RuntimeError when it is missing."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        raise RuntimeError(f"the page benchmark needs {', '.join(missing)} (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM)
    os.environ["SE_OFFLINE"] = "true"  # selenium-manager must not download anything
    with tempfile.TemporaryDirectory(prefix="kg-bench-chromium-") as profile:
        list(map(options.add_argument, (*FLAGS, f"--user-data-dir={profile}")))
        driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
        for command, args in (("Network.enable", {}), ("Network.emulateNetworkConditions", OFFLINE)):
            driver.execute_cdp_cmd(command, args)
        try:
            yield driver
        finally:
            driver.quit()


def settle_seconds(driver: Any, page: Path, timeout: float = 300.0) -> float:
    """Seconds from requesting the page until it reports `window.kgReady`."""
    start = time.perf_counter()
    driver.get(page.resolve().as_uri())
    while not driver.execute_script("return window.kgReady === true"):
        if time.perf_counter() - start > timeout:
            raise RuntimeError(f"{page} did not set window.kgReady within {timeout:.0f} s")
        time.sleep(0.02)
    return time.perf_counter() - start


def run(sizes: Sequence[int], *, seed: int = 7, repeats: int = 3) -> list[dict[str, Any]]:
    """Page nodes, edges, file size, time to write the page and median time to settle, per size."""
    from kg.graph_view import write_page

    results = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-page-") as tmp, chromium() as driver:
        for nodes in sizes:
            with FalkorStore(Path(tmp) / f"kg-{nodes}", persist=False) as store:
                write(store, SyntheticGraph(nodes, seed))
                out = Path(tmp) / f"graph-{nodes}.html"
                write_s, page = timed(lambda: write_page(store, out))
            settle = [settle_seconds(driver, out) for _ in range(repeats)]
            results.append({"nodes_asked": nodes, "page_nodes": page.nodes, "page_edges": page.edges,
                            "bytes": out.stat().st_size, "write_s": round(write_s, 2),
                            "settle_median_s": round(statistics.median(settle), 2),
                            "settle_max_s": round(max(settle), 2), "repeats": repeats})
    return results
