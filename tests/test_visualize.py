"""visualize/: focus-subgraph selection, the offline HTML page, and the page in a real browser.

Browser tests drive Debian's chromium + chromium-driver through Selenium, from
disk (file://) with the network emulated offline. They skip, with the reason,
when selenium or the browser is missing. Screenshots go to tests/artifacts/.
"""
from __future__ import annotations

import json
import random
import re
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.browser import ARTIFACTS, browser, click_canvas, open_page, severe_logs, visible_ids  # noqa: F401
from visualize import build_data, render_html, script_json, select

HUB = "Park:郑州航空港经济综合实验区"
LUOYANG = "Park:洛阳高新区"
XSS_IMG = "<img src=x onerror=window.pwned=1>"
XSS_SCRIPT = "<script>window.pwned=2</script>"
XSS_BREAKOUT = "</script><script>window.pwned=3</script>&amp;\u2028\u2029尾"
XSS_QUOTE = "<b onmouseover=window.pwned=4>连接器</b>"


def _node(key: str, name: str, **attrs: Any) -> dict[str, Any]:
    label = key.split(":", 1)[0]
    return {"key": key, "label": label, "name": name, "aliases": [], "reports": ["r1"], **attrs}


def _edge(source: str, target: str, rel: str, *evidence: str, reports: list[str] | None = None,
          count: int = 1) -> dict[str, Any]:
    """An edge whose i-th quote was read in reports[i] (default: all in r1)."""
    reports = reports or ["r1"] * len(evidence)
    return {"source": source, "target": target, "type": rel, "count": count, "reports": sorted(set(reports)),
            "evidence": [{"quote": q, "report": r} for q, r in zip(evidence, reports)]}


@pytest.fixture(scope="module")
def graph() -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Two parks, a chain with segments, SUPPLIES/INVESTS_IN edges, hostile names, and gaps."""
    hub, ly = "郑州航空港经济综合实验区", "洛阳高新区"
    nodes = [
        _node(HUB, hub, aliases=["航空港区", "郑州航空港"]),
        _node(LUOYANG, ly, aliases=["洛阳高新技术产业开发区"]),
        _node("Agency:航空港区管委会", "航空港区管委会", parks=[hub]),
        _node("Company:中铁装备", "中铁装备", aliases=["中铁工程装备集团"], parks=[hub], chains=["盾构装备"],
              investment_cny=2e9),
        _node("Company:富士康", "富士康", aliases=["鸿富锦精密电子"], parks=["航空港区"], chains=["智能终端"]),
        _node("Company:中航光电", "中航光电", parks=[ly], chains=["智能终端"]),
        _node("Company:xss1", XSS_IMG, aliases=[XSS_SCRIPT], parks=[ly]),
        _node("Company:xss2", XSS_BREAKOUT, parks=[ly], chains=[XSS_SCRIPT], investment_cny=float("nan")),
        _node("Project:智能终端产业园", "智能终端产业园", parks=[hub], stage="在建",
              investment_cny=5e9, investment_original="50亿元"),
        _node("Industry:电子信息", "电子信息"),
        _node("Industry:装备制造", "装备制造"),
        _node("Chain:智能终端", "智能终端"),
        _node("Segment:芯片", "芯片", chains=["智能终端"]),
        _node("Segment:整机组装", "整机组装", chains=["智能终端"]),
    ]
    edges = [
        _edge("Company:中铁装备", HUB, "LOCATED_IN", "中铁装备位于航空港区"),
        _edge("Company:富士康", HUB, "LOCATED_IN", "富士康落户航空港区"),
        _edge("Company:中航光电", LUOYANG, "LOCATED_IN", "中航光电位于洛阳高新区"),
        _edge("Company:xss1", LUOYANG, "LOCATED_IN", XSS_QUOTE),
        _edge("Company:xss2", LUOYANG, "LOCATED_IN"),
        _edge("Agency:航空港区管委会", HUB, "ADMINISTERS", "管委会负责实验区建设"),
        _edge("Company:富士康", "Project:智能终端产业园", "INVESTS_IN", "富士康投资50亿元建设智能终端产业园"),
        _edge("Project:智能终端产业园", HUB, "LOCATED_IN", "项目选址航空港区"),
        _edge("Company:中航光电", "Company:富士康", "SUPPLIES", "中航光电为富士康供应连接器", XSS_QUOTE,
              reports=["r2.txt", "r3.txt"], count=2),
        _edge("Company:富士康", "Industry:电子信息", "IN_INDUSTRY"),
        _edge("Company:中航光电", "Industry:电子信息", "IN_INDUSTRY"),
        _edge("Company:中铁装备", "Industry:装备制造", "IN_INDUSTRY"),
        _edge(HUB, "Industry:电子信息", "FOCUSES_ON", "重点发展电子信息产业"),
        _edge("Company:富士康", "Segment:整机组装", "MAPS_TO"),
        _edge("Company:中航光电", "Segment:芯片", "MAPS_TO"),
        _edge("Segment:芯片", "Chain:智能终端", "PART_OF"),
        _edge("Segment:整机组装", "Chain:智能终端", "PART_OF"),
        _edge("Segment:芯片", "Segment:整机组装", "UPSTREAM_OF"),
        _edge("Company:富士康", "Company:不存在", "SUPPLIES", "dangling"),
    ]
    gaps = [
        {"park_key": HUB, "chain": "智能终端", "segment": "显示面板", "tier": "midstream", "is_target": True},
        {"park_key": HUB, "chain": "智能终端", "segment": "终端销售服务", "tier": "downstream", "is_target": False},
        {"park_key": "Park:不在图中", "chain": "智能终端", "segment": "芯片", "tier": "upstream", "is_target": False},
    ]
    return nodes, edges, gaps


def _keys(nodes: list[dict[str, Any]]) -> set[str]:
    return {n["key"] for n in nodes}


# ---------------------------------------------------------------- select()

def test_select_park_by_alias_keeps_members_and_unscoped_context(graph):
    nodes, edges, _ = graph
    sub_nodes, sub_edges = select(nodes, edges, park="航空港区")
    assert _keys(sub_nodes) == {HUB, "Agency:航空港区管委会", "Company:中铁装备", "Company:富士康",
                                "Project:智能终端产业园", "Industry:电子信息", "Industry:装备制造",
                                "Segment:整机组装"}
    assert all(e["source"] in _keys(sub_nodes) and e["target"] in _keys(sub_nodes) for e in sub_edges)
    assert not any(e["type"] == "SUPPLIES" for e in sub_edges)  # 中航光电 is in the other park


def test_select_chain_and_park_intersect(graph):
    nodes, edges, _ = graph
    chain_nodes, _ = select(nodes, edges, chain="智能终端")
    assert {"Company:富士康", "Company:中航光电", "Segment:芯片", "Chain:智能终端", HUB, LUOYANG} <= _keys(chain_nodes)
    assert "Company:中铁装备" not in _keys(chain_nodes)
    both, _ = select(nodes, edges, chain="智能终端", park="洛阳高新区")
    assert "Company:中航光电" in _keys(both) and "Company:富士康" not in _keys(both)


def test_select_focus_depth_and_types(graph):
    nodes, edges, _ = graph
    one, one_edges = select(nodes, edges, focus="中铁工程装备集团")  # by alias
    assert _keys(one) == {"Company:中铁装备", HUB, "Industry:装备制造"}
    assert len(one_edges) == 2
    two, _ = select(nodes, edges, focus="中铁装备", depth=2)
    assert {"Company:富士康", "Agency:航空港区管委会", "Industry:电子信息"} <= _keys(two)
    assert "Company:中航光电" not in _keys(two)
    typed, typed_edges = select(nodes, edges, focus="中铁装备", depth=2, types="Park,Agency")
    assert _keys(typed) == {"Company:中铁装备", HUB, "Agency:航空港区管委会"}  # focus node always kept
    assert {e["type"] for e in typed_edges} == {"LOCATED_IN", "ADMINISTERS"}
    assert _keys(select(nodes, edges, types=["Segment"])[0]) == {"Segment:芯片", "Segment:整机组装"}


def test_select_preserves_order_and_rejects_unknown_names(graph):
    nodes, edges, _ = graph
    assert select(nodes, edges) == (nodes, [e for e in edges if e["target"] != "Company:不存在"])
    for kwargs in ({"park": "不存在园区"}, {"chain": "不存在链"}, {"focus": "不存在企业"},
                   {"focus": "中铁装备", "park": "洛阳高新区"}):
        with pytest.raises(LookupError):
            select(nodes, edges, **kwargs)


# ---------------------------------------------------------------- HTML

class _Tags(HTMLParser):
    """Collects tags with attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None


@pytest.fixture(scope="module")
def page(graph, tmp_path_factory) -> Path:
    nodes, edges, gaps = graph
    return render_html(nodes, edges, tmp_path_factory.mktemp("viz") / "graph.html",
                       title="测试 <b>图谱</b>", gaps=gaps)


def _parse(path: Path) -> _Tags:
    parser = _Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_script_json_escapes_html_and_line_separators():
    value = {"name": XSS_BREAKOUT, "q": "a<b>&c\u2028d\u2029"}
    text = script_json(value)
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == value


def test_page_is_self_contained(page):
    parsed = _parse(page)
    html = page.read_text(encoding="utf-8")
    for tag, attrs in parsed.tags:
        for attr in ("src", "href"):
            assert not (attrs.get(attr) or ""), f"<{tag} {attr}=...> would load a resource"
    assert not any(tag == "link" for tag, _ in parsed.tags)
    assert re.findall(r"url\(\s*(?!['\"]?data:)", html) == []
    assert "@import" not in html
    csp = next(a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_page_embeds_hostile_text_inertly(page, graph):
    parsed = _parse(page)
    assert len(parsed.scripts) == 3, "an injected <script> would add a script element"
    (data_attrs, data_text), = [(a, t) for a, t in parsed.scripts if a.get("id") == "kg-data"]
    assert data_attrs["type"] == "application/json"
    assert not set("<>&\u2028\u2029") & set(data_text)
    data = json.loads(data_text)
    names = {n["name"] for n in data["nodes"]}
    assert {XSS_IMG, XSS_BREAKOUT} <= names
    assert not any(tag in {"img", "b"} for tag, _ in parsed.tags)
    assert "<title>测试 &lt;b&gt;图谱&lt;/b&gt;</title>" in page.read_text(encoding="utf-8")


def test_build_data_counts_gaps_and_dropped_edges(graph):
    nodes, edges, gaps = graph
    data = build_data(nodes, edges, gaps)
    assert len(data["nodes"]) == len(nodes) + 2  # the gap of a park not drawn is skipped
    assert len(data["edges"]) == len(edges) - 1 + 2
    assert data["dropped"] == 1
    gap_edges = [e for e in data["edges"] if e["type"] == "Gap"]
    assert {e["from"] for e in gap_edges} == {HUB} and all(e["dashes"] for e in gap_edges)
    parks = [p["name"] for p in data["filters"]["parks"]]
    assert parks[:2] == ["洛阳高新区", "郑州航空港经济综合实验区"] and "航空港区" not in parks  # aliases not repeated
    assert [c["name"] for c in data["filters"]["chains"]] == ["智能终端", XSS_SCRIPT, "盾构装备"]
    for choice in data["filters"]["parks"]:  # the page's member lists are select()'s park scope, plus gaps
        drawn = {data["nodes"][i]["id"] for i in choice["members"]}
        assert {k for k in drawn if not k.startswith("Gap:")} == _keys(select(nodes, edges, park=choice["name"])[0])
    gap_nodes = [n for n in data["nodes"] if n["type"] == "Gap"]
    assert [(n["name"], n["tier"], n["is_target"]) for n in gap_nodes] == [("显示面板", "中游", True),
                                                                             ("终端销售服务", "下游", False)]
    assert all(n["shapeProperties"]["borderDashes"] and n["color"]["background"] == "#ffffff" for n in gap_nodes)
    assert [e["type"] for e in data["legend"]["edges"]][:2] == ["SUPPLIES", "INVESTS_IN"]
    assert "MAPS_TO" in {e["type"] for e in data["legend"]["edges"]}
    assert next(n for n in data["nodes"] if n["id"] == "Company:xss2")["investment_cny"] is None  # NaN dropped
    sizes = {n["id"]: n["value"] for n in data["nodes"]}
    assert sizes["Company:富士康"] > sizes["Company:xss2"]
    with pytest.raises(ValueError, match="duplicate"):
        build_data(nodes + nodes[:1], edges)


# ---------------------------------------------------------------- real browser

def test_browser_renders_graph_offline(browser, page, graph):
    nodes, edges, _ = graph
    open_page(browser, page)
    expected_nodes, expected_edges = len(nodes) + 2, len(edges) - 1 + 2
    counts = browser.execute_script(
        "const pos = kgNetwork.getPositions();"
        "return {data: kgData.nodes.length, set: kgNodes.length, edges: kgEdges.length, visible: kgVisible(),"
        " drawn: Object.keys(pos).filter(k => isFinite(pos[k].x) && isFinite(pos[k].y)).length,"
        " physics: kgNetwork.physics.physicsEnabled,"
        " resources: performance.getEntriesByType('resource').length}")
    assert counts == {"data": expected_nodes, "set": expected_nodes, "edges": expected_edges,
                      "visible": {"nodes": expected_nodes, "edges": expected_edges}, "drawn": expected_nodes,
                      "physics": False, "resources": 0}
    legend = browser.execute_script("return document.getElementById('kg-panel').innerText")
    assert "园区" in legend and "供应" in legend and "投资" in legend and "缺失环节" in legend
    assert browser.execute_script("return document.getElementById('kg-notice').hidden") is True
    assert severe_logs(browser) == []


def test_browser_park_and_type_filters_hide_others(browser, page, graph):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    nodes, edges, _ = graph
    open_page(browser, page)
    Select(browser.find_element(By.ID, "kg-park")).select_by_value("郑州航空港经济综合实验区")
    gap_ids = {f"Gap:{HUB}:智能终端:显示面板", f"Gap:{HUB}:智能终端:终端销售服务"}
    expected = _keys(select(nodes, edges, park="郑州航空港经济综合实验区")[0]) | gap_ids
    assert visible_ids(browser) == expected  # the page's filter agrees with select()
    assert LUOYANG not in expected
    hidden_edges = browser.execute_script(
        "return kgEdges.get({filter: e => !e.hidden}).every(e => !kgNodes.get(e.from).hidden && !kgNodes.get(e.to).hidden)")
    assert hidden_edges is True
    browser.find_element(By.CSS_SELECTOR, "#kg-types input[value='Company']").click()
    assert not any(k.startswith("Company:") for k in visible_ids(browser))
    assert "Company" not in browser.execute_script("return kgNodes.get({filter: n => !n.hidden}).map(n => n.type)")
    browser.find_element(By.ID, "kg-reset").click()
    assert len(visible_ids(browser)) == len(nodes) + 2
    chains = Select(browser.find_element(By.ID, "kg-chain"))
    assert XSS_SCRIPT in [o.text for o in chains.options]  # hostile chain name listed as text
    chains.select_by_value("智能终端")
    assert visible_ids(browser) == _keys(select(nodes, edges, chain="智能终端")[0]) | gap_ids
    browser.find_element(By.ID, "kg-reset").click()


def test_browser_hostile_names_render_as_text(browser, page):
    from selenium.webdriver.common.by import By

    open_page(browser, page)
    box = browser.find_element(By.ID, "kg-search")
    box.send_keys("onerror")
    results = browser.find_elements(By.CSS_SELECTOR, "#kg-results li[data-id]")
    assert [r.find_element(By.TAG_NAME, "span").text for r in results] == [XSS_IMG]
    results[0].click()
    assert browser.find_element(By.CSS_SELECTOR, "#kg-details h3").text == XSS_IMG
    assert XSS_SCRIPT in browser.find_element(By.ID, "kg-details").text  # alias shown as text
    assert browser.execute_script("return kgNetwork.getSelectedNodes()") == ["Company:xss1"]
    box.clear()
    box.send_keys("尾")
    browser.find_element(By.CSS_SELECTOR, "#kg-results li[data-id]").click()
    # innerText turns U+2028/U+2029 into line breaks; textContent keeps the exact name
    assert browser.execute_script("return document.querySelector('#kg-details h3').textContent") == XSS_BREAKOUT
    tooltip = browser.execute_script(
        "const t = kgNodes.get('Company:xss1').title; return [t instanceof HTMLElement, t.textContent, t.querySelectorAll(':not(div)').length]")
    assert tooltip[0] is True and XSS_IMG in tooltip[1] and tooltip[2] == 0  # only our own divs
    assert browser.execute_script("return window.pwned") is None
    assert browser.execute_script("return document.querySelectorAll('img, b, #kg-panel script').length") == 0
    assert severe_logs(browser) == []


def test_browser_click_edge_shows_evidence_and_screenshot(browser, page):
    from selenium.webdriver.common.by import By

    open_page(browser, page)
    supplies = browser.execute_script("return kgEdges.getIds({filter: e => e.type === 'SUPPLIES'})")
    assert len(supplies) == 1
    click_canvas(browser, f"return kgNetwork.canvasToDOM(kgNetwork.body.edges['{supplies[0]}'].edgeType.getPoint(0.5))")
    details = browser.find_element(By.ID, "kg-details")
    assert "供应 SUPPLIES" in details.find_element(By.TAG_NAME, "h3").text
    quotes = [q.text for q in details.find_elements(By.TAG_NAME, "blockquote")]
    assert quotes == ["中航光电为富士康供应连接器", XSS_QUOTE]
    assert [s.text for s in details.find_elements(By.CLASS_NAME, "kg-source")] == ["来源：r2.txt", "来源：r3.txt"]
    click_canvas(browser, "return kgNetwork.canvasToDOM(kgNetwork.getPositions(['Project:智能终端产业园'])"
                           "['Project:智能终端产业园'])")
    text = browser.find_element(By.ID, "kg-details").text
    assert "智能终端产业园" in text and "在建" in text and "50亿元" in text and "郑州航空港经济综合实验区" in text
    assert browser.execute_script("return window.pwned") is None
    ARTIFACTS.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(ARTIFACTS / "graph.png"))


def _large_graph(n: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rng = random.Random(7)
    parks = [_node(f"Park:园区{i}", f"园区{i}") for i in range(20)]
    industries = [_node(f"Industry:产业{i}", f"产业{i}") for i in range(30)]
    companies = [_node(f"Company:企业{i}", f"企业{i}", parks=[f"园区{i % 20}"]) for i in range(n - 50)]
    edges = [_edge(c["key"], f"Park:园区{i % 20}", "LOCATED_IN") for i, c in enumerate(companies)]
    edges += [_edge(c["key"], rng.choice(industries)["key"], "IN_INDUSTRY") for c in companies]
    edges += [_edge(rng.choice(companies)["key"], rng.choice(companies)["key"], "SUPPLIES", "供应")
              for _ in range(n // 3)]
    return parks + industries + companies, edges


def test_browser_large_graph_settles_and_suggests_focus(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    nodes, edges = _large_graph(2000)
    page = render_html(nodes, edges, tmp_path / "large.html")
    started = time.monotonic()
    open_page(browser, page, timeout=120)
    settle = time.monotonic() - started
    notice = browser.find_element(By.ID, "kg-notice")
    assert notice.is_displayed() and "kg viz --focus" in notice.text
    assert browser.execute_script("return kgNetwork.physics.physicsEnabled") is False
    assert browser.execute_script("return kgVisible()") == {"nodes": len(nodes), "edges": len(edges)}
    started = time.monotonic()
    Select(browser.find_element(By.ID, "kg-park")).select_by_value("园区3")
    filtered = time.monotonic() - started
    assert len(visible_ids(browser)) == len(select(nodes, edges, park="园区3")[0])
    assert filtered < 5, f"park filter took {filtered:.1f}s"
    browser.find_element(By.ID, "kg-notice-focus").click()  # the focus view the notice offers
    hub = max(nodes, key=lambda n: sum(n["key"] in (e["source"], e["target"]) for e in edges))
    assert visible_ids(browser) == _keys(select(nodes, edges, focus=hub["name"], depth=1)[0])
    assert browser.find_element(By.ID, "kg-focus").is_displayed()
    browser.find_element(By.ID, "kg-focus-clear").click()
    assert len(visible_ids(browser)) == len(nodes)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "graph-large.png"))
    print(f"large graph: {len(nodes)} nodes settled in {settle:.1f}s, park filter {filtered:.2f}s")
