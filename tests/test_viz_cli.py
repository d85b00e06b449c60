"""`kg viz` end to end: the sample corpus built into a real FalkorDB store, plus a report with
hostile names loaded through the same merge path, drawn by the CLI and opened in headless
Chromium offline (tests/browser.py)."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.browser import ARTIFACTS, browser, click_canvas, open_page, severe_logs, visible_ids  # noqa: F401
from tests.conftest import CORPUS, make_extraction

XSS_IMG = "<img src=x onerror=window.pwned=1>"
XSS_SCRIPT = "<script>window.pwned=2</script>"
XSS_CYPHER = "'}) DETACH DELETE n //"
XSS_QUOTE = "<b onmouseover=window.pwned=4>零件</b>"
PARK = "郑州经开区"


def _hostile_extraction() -> Any:
    """A report whose company names and quotes are markup and Cypher, located in a sample park."""
    text = (f"{XSS_IMG}落户{PARK}。{XSS_CYPHER}位于{PARK}。"
            f"{XSS_CYPHER}为{XSS_IMG}供应{XSS_QUOTE}。")
    return make_extraction(
        "hostile.txt", text,
        [("Park", PARK, []), ("Company", XSS_IMG, [XSS_SCRIPT]), ("Company", XSS_CYPHER, [])],
        [("LOCATED_IN", 2, 1, f"{XSS_IMG}落户{PARK}"), ("LOCATED_IN", 3, 1, f"{XSS_CYPHER}位于{PARK}"),
         ("SUPPLIES", 3, 2, f"{XSS_CYPHER}为{XSS_IMG}供应{XSS_QUOTE}")])


def kg(*args: str) -> str:
    """Run `kg` in-process; return its output, failing on a non-zero exit."""
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _count_nodes(store_dir: Path) -> int:
    rows = json.loads(kg("query", "MATCH (n) RETURN count(n) AS n", "--store", str(store_dir), "--format", "json"))
    return rows[0]["n"]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus and the hostile report in one FalkorDB store (closed again)."""
    from kg import merge
    from kg.store.falkor import FalkorStore

    if not CORPUS.is_dir():
        pytest.skip(f"sample corpus not found at {CORPUS}")
    data = tmp_path_factory.mktemp("viz-cli") / "kg-data"
    kg("build", str(CORPUS), "--store", str(data), "--no-html")
    store = FalkorStore(data)
    try:
        merge.apply(store, merge.plan(store, [_hostile_extraction()]))
    finally:
        store.close()
    return data


def _viz(store_dir: Path, out: Path, *args: str) -> tuple[Path, int, int, str]:
    """Run `kg viz`; return the page and the node/edge counts it printed."""
    output = kg("viz", "--store", str(store_dir), "--out", str(out), *args)
    found = re.search(r"nodes: (\d+), edges: (\d+)", output)
    assert found and str(out) in output, output
    return out, int(found[1]), int(found[2]), output


def _page_data(page: Path) -> dict[str, Any]:
    html = page.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)[1])


@pytest.fixture(scope="module")
def whole(store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, int, str]:
    return _viz(store_dir, tmp_path_factory.mktemp("pages") / "graph.html")


# ---------------------------------------------------------------- without a browser

def test_hostile_names_are_stored_verbatim_and_delete_nothing(store_dir: Path, whole) -> None:
    before = _count_nodes(store_dir)
    rows = json.loads(kg("query", "MATCH (n:Company) WHERE n.name IN $names RETURN n.name AS name",
                         "-p", "names=" + json.dumps([XSS_IMG, XSS_CYPHER]), "--store", str(store_dir),
                         "--format", "json"))
    assert sorted(r["name"] for r in rows) == sorted([XSS_IMG, XSS_CYPHER])
    result = CliRunner().invoke(main, ["viz", "--store", str(store_dir), "--out", str(store_dir.parent / "p.html"),
                                       "--park", XSS_CYPHER, "--chain", XSS_SCRIPT])
    assert result.exit_code == 1 and repr(XSS_CYPHER) in result.output and len(result.output.splitlines()) == 1
    assert _count_nodes(store_dir) == before > 400


def test_viz_counts_equal_the_page_data_and_the_store(store_dir: Path, whole) -> None:
    from kg.graph_view import stored_graph
    from kg.store.falkor import FalkorStore

    page, n_nodes, n_edges, _ = whole
    data = _page_data(page)
    assert (len(data["nodes"]), len(data["edges"])) == (n_nodes, n_edges)
    store = FalkorStore(store_dir)
    try:
        nodes, edges = stored_graph(store)
        entities = store.read("MATCH (n:Entity) RETURN count(n) AS n")[0]["n"]
    finally:
        store.close()
    assert (n_nodes, n_edges) == (len(nodes), len(edges)) and n_nodes >= entities
    assert {n["type"] for n in data["nodes"]} >= {"Park", "Company", "Project", "Industry", "Agency"}
    assert data["filters"]["parks"] and data["filters"]["chains"]


def test_viz_park_selection_is_the_page_park_filter(store_dir: Path, whole) -> None:
    page, _, _, _ = whole
    choice = next(p for p in _page_data(page)["filters"]["parks"] if p["name"] == PARK)
    all_nodes = _page_data(page)["nodes"]
    in_page = {all_nodes[i]["id"] for i in choice["members"]}
    park_page, _, _, _ = _viz(store_dir, page.with_name("park.html"), "--park", "经开区")  # an alias
    assert {n["id"] for n in _page_data(park_page)["nodes"]} == in_page
    assert sum(1 for n in _page_data(park_page)["nodes"] if n["type"] == "Park") < \
        sum(1 for n in all_nodes if n["type"] == "Park")


def test_evidence_quotes_name_the_report_they_come_from(store_dir: Path) -> None:
    from kg.graph_view import stored_graph
    from kg.store.falkor import FalkorStore

    store = FalkorStore(store_dir)
    try:
        _, edges = stored_graph(store)
    finally:
        store.close()
    texts = {p.name: re.sub(r"\s+", "", p.read_text(encoding="utf-8")) for p in CORPUS.iterdir() if p.is_file()}
    checked = 0
    for edge in edges:
        for item in edge["evidence"]:
            quote = re.sub(r"\s+", "", item["quote"])
            holders = [name for name, text in texts.items() if quote in text]
            assert item["report"] in edge["reports"] or item["report"] is None
            if len(edge["reports"]) > 1 and len(holders) == 1:
                assert item["report"] == holders[0], (edge["source"], edge["type"], edge["target"], item)
                checked += 1
    assert checked >= 5  # relationships seen in several reports, each quote with its own report


@pytest.mark.parametrize(("args", "message"), [
    (["--park", "不存在的园区"], "no park named '不存在的园区'"),
    (["--park", "经开"], None),
    (["--focus", "宇通客车有限公司XYZ"], "no entity named"),
    (["--types", "Park,Compny"], "did you mean Company?"),
    (["--chain", "新能源气车"], "did you mean 新能源汽车"),
    (["--chain", "新能源车", "--park", "经开区"], None),
    (["--gaps"], "--gaps needs --park"),
])
def test_unknown_names_are_one_line_errors_with_hints(store_dir: Path, tmp_path: Path, args: list[str],
                                                     message: str | None) -> None:
    result = CliRunner().invoke(main, ["viz", "--store", str(store_dir), "--out", str(tmp_path / "x.html"), *args])
    if message is None:  # a part of a name resolves like `kg gaps` does
        assert result.exit_code == 0, result.output
        assert (tmp_path / "x.html").stat().st_size > 10_000
        return
    assert result.exit_code == 1 and result.output.startswith("error: ") and message in result.output
    assert len(result.output.strip().splitlines()) == 1 and not (tmp_path / "x.html").exists()


# ---------------------------------------------------------------- in the browser

def test_browser_renders_what_the_page_data_holds(browser, whole) -> None:
    page, n_nodes, n_edges, _ = whole
    open_page(browser, page, timeout=120)
    counts = browser.execute_script(
        "const pos = kgNetwork.getPositions();"
        "return {data: [kgData.nodes.length, kgData.edges.length], visible: kgVisible(),"
        " drawn: Object.keys(pos).filter(k => isFinite(pos[k].x) && isFinite(pos[k].y)).length,"
        " physics: kgNetwork.physics.physicsEnabled, resources: performance.getEntriesByType('resource').length}")
    assert counts == {"data": [n_nodes, n_edges], "visible": {"nodes": n_nodes, "edges": n_edges},
                      "drawn": n_nodes, "physics": False, "resources": 0}
    assert severe_logs(browser) == []


def test_browser_park_filter_hides_other_parks(browser, whole) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    page = whole[0]
    open_page(browser, page, timeout=120)
    data = _page_data(page)
    Select(browser.find_element(By.ID, "kg-park")).select_by_value(PARK)
    choice = next(p for p in data["filters"]["parks"] if p["name"] == PARK)
    shown = visible_ids(browser)
    assert shown == {data["nodes"][i]["id"] for i in choice["members"]} and len(shown) < len(data["nodes"])
    parks_shown = browser.execute_script("return kgNodes.get({filter: n => !n.hidden && n.type === 'Park'})"
                                         ".map(n => [n.name, n.parks])")
    assert all(name == PARK or PARK in parks for name, parks in parks_shown)  # only it and its sub-parks
    edges_ok = browser.execute_script("return kgEdges.get({filter: e => !e.hidden})"
                                      ".every(e => !kgNodes.get(e.from).hidden && !kgNodes.get(e.to).hidden)")
    assert edges_ok is True
    assert browser.execute_script("return kgVisible().nodes") == len(shown)


def test_browser_hostile_names_from_the_store_render_as_text(browser, whole) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, whole[0], timeout=120)
    for query, name in (("onerror", XSS_IMG), ("DETACH", XSS_CYPHER)):
        box = browser.find_element(By.ID, "kg-search")
        box.clear()
        box.send_keys(query)
        hits = browser.find_elements(By.CSS_SELECTOR, "#kg-results li[data-id]")
        assert [h.find_element(By.TAG_NAME, "span").text for h in hits] == [name]
        hits[0].click()
        assert browser.find_element(By.CSS_SELECTOR, "#kg-details h3").text == name
    assert PARK in browser.find_element(By.ID, "kg-details").text  # the park it belongs to
    supplies = browser.execute_script(
        "return kgEdges.get({filter: e => e.type === 'SUPPLIES' && kgNodes.get(e.to).name.includes('onerror')})"
        ".map(e => e.id)")
    assert len(supplies) == 1
    browser.execute_script("kgFocus(kgEdges.get(arguments[0]).to, 1)", supplies[0])  # few nodes, room to click
    click_canvas(browser, "return kgNetwork.canvasToDOM(kgNetwork.body.edges[arguments[0]].edgeType.getPoint(0.5))",
                 supplies[0])
    quotes = [q.text for q in browser.find_elements(By.CSS_SELECTOR, "#kg-details blockquote")]
    assert quotes == [f"{XSS_CYPHER}为{XSS_IMG}供应{XSS_QUOTE}"]
    assert browser.find_element(By.CSS_SELECTOR, "#kg-details .kg-source").text == "来源：hostile.txt"
    assert browser.execute_script("return window.pwned") is None
    assert browser.execute_script("return document.querySelectorAll('img, b, #kg-panel script').length") == 0
    assert severe_logs(browser) == []


def test_browser_gaps_are_dashed_hollow_nodes_tied_to_the_park(browser, store_dir: Path, whole) -> None:
    page, n_nodes, n_edges, output = _viz(store_dir, whole[0].with_name("gaps.html"), "--park", "经开区", "--gaps")
    missing = int(re.search(r"(\d+) missing segments", output)[1])
    assert missing > 0
    open_page(browser, page, timeout=120)
    gaps = browser.execute_script(
        "return kgNodes.getIds({filter: n => n.type === 'Gap'}).map(id => {"
        " const o = kgNetwork.body.nodes[id].options;"
        " const links = kgEdges.get({filter: e => e.to === id});"
        " return {dashes: o.shapeProperties.borderDashes, fill: o.color.background, border: o.color.border,"
        "  links: links.map(e => [kgNodes.get(e.from).type, kgNodes.get(e.from).name,"
        "   kgNetwork.body.edges[e.id].options.dashes])};})")
    assert len(gaps) == missing
    for gap in gaps:
        assert gap["dashes"] and gap["fill"] == "#ffffff" and gap["border"] != "#ffffff"
        assert len(gap["links"]) == 1 and gap["links"][0][:2] == ["Park", PARK] and gap["links"][0][2]
    assert browser.execute_script("return kgVisible()") == {"nodes": n_nodes, "edges": n_edges}
    ARTIFACTS.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(ARTIFACTS / "graph-gaps.png"))
