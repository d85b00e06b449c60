"""A small hand-built zone graph whose chain gaps and targets are known, written into a real store.

东区经开区 (alias 东区) focuses on 新能源汽车 and names 氢燃料电池 as a target; its agency
names 智能网联. Its sub-park 东区汽车城 hosts 甲汽车's 甲新能源整车项目 (整车). Local firms:
乙科技 (IN_INDUSTRY 电机 -> 驱动电机) and 庚汽车配件 (name -> 汽车零部件, already SUPPLIES 甲汽车).
西区高新区 hosts the outside firms: 丙电池 (动力电池, SUPPLIES 甲汽车), 丁氢能 (through its
project 丁燃料电池项目 -> 燃料电池, 50 亿元), 戊充电桩 (充电设施), 己汽车服务 (汽车后市场),
壬驱动电机 (驱动电机: covered in 东区, feeding its 整车: 强链) and 辛物流 (chain-level 现代物流
only). 癸电控 is a bare name with no relationship (no quote to show). 西区 focuses on nothing.
"""
from __future__ import annotations

from pathlib import Path

from kg.chains_store import load_chains
from kg.store.base import GraphStore

REPORT = "toy.txt"

# (type, name, forms, extra properties)
NODES: list[tuple[str, str, list[str], dict]] = [
    ("Park", "东区经开区", ["东区"], {}),
    ("Park", "东区汽车城", [], {}),
    ("Park", "西区高新区", ["西区"], {}),
    ("Agency", "东区管委会", [], {}),
    ("Agency", "东区招商局", [], {}),
    ("Industry", "新能源汽车", [], {}),
    ("Industry", "氢燃料电池", [], {}),
    ("Industry", "智能网联", [], {}),
    ("Industry", "电机", [], {}),
    ("Industry", "动力电池", [], {}),
    ("Industry", "房地产", [], {}),
    ("Company", "甲汽车", [], {}),
    ("Project", "甲新能源整车项目", [], {"stage": "开工", "investment_cny": 2e9}),
    ("Company", "乙科技", [], {}),
    ("Company", "庚汽车配件", [], {}),
    ("Company", "丙电池", [], {}),
    ("Company", "丁氢能", [], {}),
    ("Project", "丁燃料电池项目", [], {"stage": "签约", "investment_cny": 5e9}),
    ("Company", "戊充电桩", [], {}),
    ("Company", "己汽车服务", [], {}),
    ("Company", "壬驱动电机", [], {}),
    ("Company", "辛物流", [], {}),
    ("Company", "癸电控", [], {}),
]

# (head name, relation, tail name)
EDGES: list[tuple[str, str, str]] = [
    ("东区汽车城", "LOCATED_IN", "东区经开区"),
    ("东区管委会", "ADMINISTERS", "东区经开区"),
    ("东区招商局", "PART_OF", "东区管委会"),
    ("东区经开区", "FOCUSES_ON", "新能源汽车"),
    ("东区经开区", "FOCUSES_ON", "氢燃料电池"),
    ("东区经开区", "FOCUSES_ON", "房地产"),
    ("东区招商局", "FOCUSES_ON", "智能网联"),
    ("甲汽车", "INVESTS_IN", "甲新能源整车项目"),
    ("甲新能源整车项目", "LOCATED_IN", "东区汽车城"),
    ("乙科技", "LOCATED_IN", "东区经开区"),
    ("乙科技", "IN_INDUSTRY", "电机"),
    ("庚汽车配件", "LOCATED_IN", "东区经开区"),
    ("庚汽车配件", "SUPPLIES", "甲汽车"),
    ("丙电池", "LOCATED_IN", "西区高新区"),
    ("丙电池", "IN_INDUSTRY", "动力电池"),
    ("丙电池", "SUPPLIES", "甲汽车"),
    ("丁氢能", "INVESTS_IN", "丁燃料电池项目"),
    ("丁燃料电池项目", "LOCATED_IN", "西区高新区"),
    ("戊充电桩", "LOCATED_IN", "西区高新区"),
    ("己汽车服务", "LOCATED_IN", "西区高新区"),
    ("壬驱动电机", "LOCATED_IN", "西区高新区"),
    ("辛物流", "LOCATED_IN", "西区高新区"),
]

KEYS = {name: f"{type_}:{name}" for type_, name, _, _ in NODES}


def evidence(head: str, rel: str, tail: str) -> str:
    """The quote a hand-built relation carries."""
    return f"{head}{rel}{tail}。"


def write_toy_graph(store: GraphStore) -> None:
    """Write the toy graph (Entity nodes as the pipeline stores them) and load the chain templates."""
    for type_, name, forms, extra in NODES:
        props = {"key": KEYS[name], "type": type_, "name": name, "forms": [name, *forms], "aliases": forms,
                 "reports": [REPORT], "stage": None, "investment_cny": None, **extra}
        store.write(f"CREATE (n:Entity:{type_}) SET n = $props", {"props": props})
    for head, rel, tail in EDGES:
        store.write(f"MATCH (a:Entity {{key: $head}}), (b:Entity {{key: $tail}}) "
                    f"CREATE (a)-[:{rel} {{evidence: $evidence, reports: $reports, count: 1}}]->(b)",
                    {"head": KEYS[head], "tail": KEYS[tail], "evidence": [evidence(head, rel, tail)],
                     "reports": [REPORT]})
    load_chains(store)


def build_sample(data_dir: Path) -> Path:
    """Build the sample corpus with the real pipeline into `data_dir`; return it (store closed)."""
    from kg.pipeline import build
    from kg.store.falkor import FalkorStore
    from loaders.read import find_reports
    from tests.conftest import CORPUS

    with FalkorStore(data_dir) as store:
        assert build(store, list(find_reports([CORPUS]))).read == 5
    return data_dir
