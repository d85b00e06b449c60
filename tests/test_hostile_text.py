"""Hostile text from reports: quotes, backslashes, braces, newlines, Cypher and markup in names and
quotes are stored exactly in the real FalkorDB store, reach Cypher only as parameters, and show as
plain text on the graph page written by `kg build` (checked in headless Chromium). A report
without entities loads cleanly. (tests/test_viz_cli.py covers markup names in the sample graph.)"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from kg.model import Extraction
from kg.pipeline import extract_file, load
from kg.store.falkor import FalkorStore
from tests.browser import browser, open_page, severe_logs  # noqa: F401
from tests.conftest import make_extraction
from tests.test_bad_input import kg
from tests.test_fuzz import is_subsequence

PARK = "郑州经开区"
# each name starts with its own marker (甲, 乙, ...) so the page search finds exactly it
NAMES = [
    "甲\"双引号\" 与 '单引号' 公司",
    "乙C:\\reports\\new\\x41\\u0041 反斜杠\\ 公司",
    "丙{{name}} ${x} {\"a\": 1} 花括号公司",
    "丁第一行\n第二行\r\n第三行公司",
    "戊'}) DETACH DELETE n //",
    "己\"}) MATCH (m) DETACH DELETE m RETURN 1 //",
    "庚<script>window.__pwned=1</script>",
    "辛</script><script>window.__pwned=2</script><!--",
    "壬<img src=x onerror=\"window.__pwned=3\">",
]
# a report as a scanner or a web page might deliver it; the extractor finds names and quotes in it
REPORT = (f"{PARK}招商引资工作报告\n"
          f"<script>window.__pwned=4</script>郑州宇通客车有限公司落户{PARK}。\n"
          f"'}}) DETACH DELETE n //比亚迪汽车有限公司投资建设\"新能源{{电池}}\\项目\"，位于{PARK}。\n"
          f"富士康科技集团为比亚迪汽车有限公司供应零部件'\"\\{{}}</script>。\n")


def _hand_made() -> Extraction:
    """Names the extractor would never produce (newlines, markup), through the same load path."""
    text = "".join(f"{name}落户{PARK}。" for name in NAMES) + f"{NAMES[4]}为{NAMES[6]}供应{NAMES[7]}。"
    return make_extraction(
        "hostile-hand.txt", text,
        [("Park", PARK, []), *(("Company", name, []) for name in NAMES)],
        [*(("LOCATED_IN", k, 1, f"{name}落户{PARK}") for k, name in enumerate(NAMES, start=2)),
         ("SUPPLIES", 6, 8, f"{NAMES[4]}为{NAMES[6]}供应{NAMES[7]}")])


class RecordingStore(FalkorStore):
    """The real store, noting each query text and its parameters on the way through."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(data_dir)
        self.calls: list[tuple[str, Any]] = []

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        self.calls.append((cypher, params))
        return super().read(cypher, params)

    def write(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        self.calls.append((cypher, params))
        return super().write(cypher, params)

    def write_rows(self, cypher: str, rows: Iterable[dict[str, Any]], batch_size: int | None = None) -> int:
        rows = list(rows)  # FalkorStore sends its batches without going through write()
        self.calls.append((cypher, {"rows": rows}))
        return super().write_rows(cypher, rows, batch_size)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The hand-made extraction loaded, then the hostile report built by `kg build` with its page."""
    root = tmp_path_factory.mktemp("hostile")
    report = root / "hostile.txt"
    report.write_text(REPORT, encoding="utf-8")
    store = RecordingStore(root / "kg-data")
    try:
        load(store, [_hand_made()])
    finally:
        store.close()
    proc = kg("build", str(report), "--store", str(root / "kg-data"), "--html", str(root / "graph.html"))
    assert proc.returncode == 0, proc.stderr
    return {"root": root, "calls": store.calls, "extraction": extract_file(report)}


def _stored(root: Path) -> tuple[set[str], list[str], int]:
    """Every stored name and form, every evidence quote, and the node count."""
    store = FalkorStore(root / "kg-data")
    try:
        forms = {f for row in store.read("MATCH (n:Entity) RETURN n.name AS name, n.forms AS forms")
                 for f in [row["name"], *row["forms"]]}
        quotes = [q for row in store.read("MATCH ()-[r]->() WHERE r.evidence IS NOT NULL RETURN r.evidence AS e")
                  for q in row["e"]]
        count = store.read("MATCH (n) RETURN count(n) AS n")[0]["n"]
    finally:
        store.close()
    return forms, quotes, count


def test_hostile_names_and_quotes_are_stored_exactly(built: dict[str, Any]) -> None:
    forms, quotes, count = _stored(built["root"])
    assert set(NAMES) <= forms  # read back equal to the input, character for character
    hand = _hand_made()
    assert {r.evidence for r in hand.relations} <= set(quotes)
    extraction: Extraction = built["extraction"]
    assert {"新能源{电池}\\项目"} <= {e.name for e in extraction.entities} <= forms
    extracted = [r.evidence for r in extraction.relations]
    assert any("DETACH DELETE" in q for q in extracted) and any("<script>" in q for q in extracted)
    assert any("'\"\\{}</script>" in q for q in extracted)
    for quote in extracted:
        assert quote in quotes and is_subsequence(quote, REPORT)
    assert count > len(NAMES) + 3  # nothing was deleted


def test_cypher_gets_report_text_only_as_parameters(built: dict[str, Any]) -> None:
    calls = built["calls"]
    params = json.dumps([p for _, p in calls], ensure_ascii=False)
    for name in NAMES:
        assert json.dumps(name, ensure_ascii=False)[1:-1] in params  # the recorder saw every name
        assert not any(name in cypher for cypher, _ in calls)
    assert not any(marker in cypher for cypher, _ in calls for marker in ("甲", "DETACH DELETE n //", "__pwned"))


def test_a_report_without_entities_loads_cleanly(tmp_path: Path) -> None:
    (tmp_path / "calm.txt").write_text("今天天气很好，大家在公园里散步、聊天。\n晚上下了一场小雨。\n", encoding="utf-8")
    proc = kg("build", str(tmp_path / "calm.txt"), "--store", str(tmp_path / "kg-data"),
              "--html", str(tmp_path / "graph.html"))
    assert proc.returncode == 0, proc.stderr
    assert "reports read: 1, skipped: 0" in proc.stdout and "skipped:" not in proc.stderr
    store = FalkorStore(tmp_path / "kg-data")
    try:
        assert store.read("MATCH (r:Report) RETURN r.key AS key") == [{"key": "calm.txt"}]
        assert store.read("MATCH (n:Entity) RETURN count(n) AS n")[0]["n"] == 0
    finally:
        store.close()
    assert (tmp_path / "graph.html").stat().st_size > 1000
    proc = kg("extract", str(tmp_path / "calm.txt"), "--out", str(tmp_path / "pred"))
    assert proc.returncode == 0
    assert json.loads((tmp_path / "pred" / "calm.json").read_text(encoding="utf-8")) == \
        {"doc": "calm.txt", "entities": [], "relations": []}


def test_browser_shows_hostile_names_and_quotes_as_text(browser, built: dict[str, Any]) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, built["root"] / "graph.html")
    scripts = browser.execute_script("return document.scripts.length")
    for name in NAMES:
        box = browser.find_element(By.ID, "kg-search")
        box.clear()
        box.send_keys(name[0])
        hits = browser.find_elements(By.CSS_SELECTOR, "#kg-results li[data-id]")
        assert len(hits) == 1, name
        hits[0].click()
        assert browser.execute_script("return document.querySelector('#kg-details h3').textContent") == name
        located_in = "//*[@id='kg-details']//li/button[1][starts-with(., '位于')]"
        browser.find_element(By.XPATH, located_in).click()
        quote = browser.execute_script("return document.querySelector('#kg-details blockquote').textContent")
        assert quote == f"{name}落户{PARK}"
    box = browser.find_element(By.ID, "kg-search")
    box.clear()
    box.send_keys("新能源{电池}")
    browser.find_element(By.CSS_SELECTOR, "#kg-results li[data-id]").click()
    assert browser.execute_script("return document.querySelector('#kg-details h3').textContent") == "新能源{电池}\\项目"
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert browser.execute_script("return document.scripts.length") == scripts
    assert browser.execute_script("return document.querySelectorAll('#kg-panel img, #kg-panel script').length") == 0
    assert severe_logs(browser) == []
