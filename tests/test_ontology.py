"""Ontology schema, chain templates and industry-mention mapping."""
from __future__ import annotations

from importlib import resources

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.model import ENTITY_TYPES, RELATION_TYPES
from ontology import (
    ID,
    KG,
    TIERS,
    chain_templates,
    load_ontology,
    map_industry,
    maps_to_rows,
    normalise,
    ontology_rows,
    segment_graph,
    segments,
    unmapped,
)

REQUIRED_CHAINS = ("电子信息", "新能源汽车", "生物医药", "高端装备", "现代物流", "航空物流", "新材料",
                   "氢能与储能", "传感器与物联网", "航空航天")

# chain -> segment names the brief asks for (matched through labels, so synonyms count)
REQUIRED_SEGMENTS = {
    "电子信息": ("芯片与集成电路", "封装测试", "新型显示", "电子元器件", "智能终端", "服务器与算力"),
    "新能源汽车": ("锂电材料", "动力电池", "电机", "电控", "车载电子", "智能驾驶", "整车", "汽车零部件",
               "充电设施", "氢燃料电池"),
    "生物医药": ("原料药", "创新药", "医疗器械", "体外诊断", "CXO", "第三方检测", "细胞与基因治疗", "医药物流"),
    "高端装备": ("盾构", "隧道掘进装备", "矿山机械", "数控机床", "工业机器人", "智能物流仓储装备", "起重装备"),
    "航空物流": ("航空货运", "快递物流", "冷链物流", "电商物流", "跨境电商"),
}


@pytest.fixture(scope="module")
def graph() -> Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def chains() -> dict[str, object]:
    return {c.name: c for c in chain_templates()}


# ---------------------------------------------------------------- Turtle and schema

@pytest.mark.parametrize("name", ["schema.ttl", "chains.ttl"])
def test_packaged_turtle_parses(name: str) -> None:
    text = resources.files("ontology").joinpath(name).read_text(encoding="utf-8")
    assert len(Graph().parse(data=text, format="turtle")) > 50


def _kg_terms(graph: Graph) -> set[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return {s for kind in kinds for s in graph.subjects(RDF.type, kind)
            if isinstance(s, URIRef) and s.startswith(str(KG))}


def test_every_term_has_zh_en_labels_and_definition(graph: Graph) -> None:
    terms = _kg_terms(graph)
    assert len(terms) >= 5 + 2 + 8 + 3
    for term in terms:
        langs = {o.language for o in graph.objects(term, RDFS.label) if isinstance(o, Literal)}
        assert {"zh", "en"} <= langs, term
        notes = list(graph.objects(term, SKOS.definition)) + list(graph.objects(term, RDFS.comment))
        assert notes, term


def _store_labels(graph: Graph, node) -> set[str]:
    """Store labels of a class or of the members of an owl:unionOf."""
    union = graph.value(node, OWL.unionOf)
    members = list(Collection(graph, union)) if union is not None else [node]
    return {str(graph.value(m, KG.storeLabel)) for m in members}


def _property(graph: Graph, store_label: str) -> URIRef:
    found = [s for s in graph.subjects(KG.storeLabel, Literal(store_label))
             if (s, RDF.type, OWL.ObjectProperty) in graph]
    assert len(found) == 1, store_label
    return found[0]


def test_schema_covers_the_model(graph: Graph) -> None:
    classes = {str(graph.value(c, KG.storeLabel)) for c in graph.subjects(RDF.type, OWL.Class)
               if isinstance(c, URIRef)}
    assert set(ENTITY_TYPES) | {"Chain", "Segment"} <= classes
    for rel in (*RELATION_TYPES, "HAS_SEGMENT", "UPSTREAM_OF", "MAPS_TO"):
        _property(graph, rel)


@pytest.mark.parametrize("rel, domain, range_", [
    ("LOCATED_IN", {"Company", "Project", "Park"}, {"Park"}),
    ("PART_OF", {"Agency", "Park"}, {"Agency", "Park"}),
    ("ADMINISTERS", {"Agency"}, {"Park"}),
    ("INVESTS_IN", {"Company"}, {"Project", "Park", "Company"}),
    ("SUPPLIES", {"Company"}, {"Company"}),
    ("IN_INDUSTRY", {"Company", "Project"}, {"Industry"}),
    ("FOCUSES_ON", {"Park", "Agency"}, {"Industry"}),
    ("SUB_INDUSTRY_OF", {"Industry"}, {"Industry"}),
    ("HAS_SEGMENT", {"Chain"}, {"Segment"}),
    ("UPSTREAM_OF", {"Segment"}, {"Segment"}),
    ("MAPS_TO", {"Industry", "Company", "Project"}, {"Segment", "Chain"}),
])
def test_domain_and_range_follow_schema_md(graph: Graph, rel: str, domain: set[str], range_: set[str]) -> None:
    prop = _property(graph, rel)
    assert _store_labels(graph, graph.value(prop, RDFS.domain)) == domain
    assert _store_labels(graph, graph.value(prop, RDFS.range)) == range_


# ---------------------------------------------------------------- chain templates

@pytest.mark.parametrize("name", REQUIRED_CHAINS)
def test_required_chain_has_five_segments(chains: dict, name: str) -> None:
    chain = chains[name]
    assert chain.key == f"Chain:{name}"
    assert chain.name_en and chain.aliases
    assert len(chain.segments) >= 5


@pytest.mark.parametrize("chain, names", sorted(REQUIRED_SEGMENTS.items()))
def test_required_segments_are_in_their_chain(chain: str, names: tuple[str, ...]) -> None:
    for name in names:
        found = map_industry(name)
        assert found is not None and found.kind == "Segment", name
        assert f"Chain:{chain}" in segments()[found.key].chains, name


def test_segments_are_complete() -> None:
    for key, seg in segments().items():
        assert key == f"Segment:{seg.chain.removeprefix('Chain:')}/{seg.name}"
        assert "/" not in seg.name and seg.name_en and seg.aliases, key
        assert seg.tier in TIERS, key
        assert seg.chains[0] == seg.chain and seg.iri.startswith(str(ID)), key
        assert set(seg.upstream_of) <= segments().keys(), key


def test_chain_segments_include_shared_ones(chains: dict) -> None:
    aviation = {s.name for s in chains["航空物流"].segments}
    assert {"冷链物流", "快递物流", "医药物流"} <= aviation
    assert "燃料电池" in {s.name for s in chains["新能源汽车"].segments}


def test_upstream_links_form_a_dag_in_each_chain_and_overall(chains: dict) -> None:
    graph = segment_graph()
    assert nx.is_directed_acyclic_graph(graph)
    for chain in chains.values():
        sub = graph.subgraph(s.key for s in chain.segments)
        assert nx.is_directed_acyclic_graph(sub), chain.name
        assert not [n for n in sub if sub.degree(n) == 0], f"{chain.name} has segments linked to none of its own"


def test_ontology_rows_are_consistent() -> None:
    rows = ontology_rows()
    assert set(rows) == {"Chain", "Segment", "HAS_SEGMENT", "UPSTREAM_OF"}
    chain_keys = {r["key"] for r in rows["Chain"]}
    seg_keys = {r["key"] for r in rows["Segment"]}
    assert len(seg_keys) == len(rows["Segment"]) and all(k.startswith("Chain:") for k in chain_keys)
    assert all(r["head"] in chain_keys and r["tail"] in seg_keys for r in rows["HAS_SEGMENT"])
    assert all(r["head"] in seg_keys and r["tail"] in seg_keys for r in rows["UPSTREAM_OF"])
    homes = [r["tail"] for r in rows["HAS_SEGMENT"] if r["home"]]
    assert sorted(homes) == sorted(seg_keys)  # every segment listed once by its home chain
    assert len(rows["UPSTREAM_OF"]) == segment_graph().number_of_edges()


# ---------------------------------------------------------------- mapping

def test_every_label_maps_back_to_its_own_target() -> None:
    for chain in chain_templates():
        for target in (chain, *chain.segments):
            for label in (target.name, target.name_en, *target.aliases):
                found = map_industry(label)
                assert found is not None and found.key == target.key and found.rule == "exact", label


@pytest.mark.parametrize("raw, expected", [
    ("装备制造产业集群", "装备制造"),
    ("现代物流业", "现代物流"),
    ("ＩＶＤ", "ivd"),
    ("新能源“大小三电”", "新能源大小三电"),
    ("数控 机床", "数控机床"),
    ("商业", "商业"),
])
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


# real industry phrases of the sample reports
@pytest.mark.parametrize("mention, key, rule", [
    ("新能源电池", "Segment:新能源汽车/动力电池", "exact"),
    ("车体电子控制系统", "Segment:新能源汽车/电控", "exact"),
    ("车载电子电器", "Segment:新能源汽车/车载电子", "exact"),
    ("车联网及智能驾驶", "Segment:新能源汽车/智能网联", "exact"),
    ("新能源整车", "Segment:新能源汽车/整车", "exact"),
    ("新能源汽车及零部件", "Chain:新能源汽车", "exact"),
    ("智能网联和新能源汽车产业", "Chain:新能源汽车", "exact"),
    ("新能源“大小三电”", "Chain:新能源汽车", "exact"),
    ("智能终端及新型显示产业", "Chain:电子信息", "exact"),
    ("封测", "Segment:电子信息/封装测试", "exact"),
    ("数算产业", "Segment:电子信息/服务器与算力", "exact"),
    ("数控机床", "Segment:高端装备/数控机床", "exact"),
    ("智能物流仓储装备", "Segment:高端装备/智能物流仓储装备", "exact"),
    ("隧道掘进装备产业", "Segment:高端装备/盾构", "exact"),
    ("装备制造业", "Chain:高端装备", "exact"),
    ("冷链物流", "Segment:现代物流/冷链物流", "exact"),
    ("物流产业", "Chain:现代物流", "exact"),
    ("航空物流产业", "Chain:航空物流", "exact"),
    ("氢燃料电池", "Segment:氢能与储能/燃料电池", "exact"),
    ("IVD", "Segment:生物医药/体外诊断", "exact"),
    ("新药研发", "Segment:生物医药/创新药研发", "exact"),
    ("细胞技术", "Segment:生物医药/细胞与基因治疗", "exact"),
    ("传感器产业", "Segment:传感器与物联网/传感器", "exact"),
    ("北斗应用", "Segment:航空航天/卫星应用", "exact"),
    ("航空制造和服务产业", "Chain:航空航天", "exact"),
    ("整机交付", "Segment:航空航天/整机制造与交付", "exact"),
    ("高端医疗器械", "Segment:生物医药/医疗器械", "stripped"),
    ("高附加值物流", "Chain:现代物流", "stripped"),
    ("新能源汽车零部件", "Segment:新能源汽车/汽车零部件", "contains"),
    ("肿瘤检测体外诊断试剂及仪器", "Segment:生物医药/体外诊断", "contains"),
    ("维修及飞机租赁", "Segment:航空航天/航空租赁", "contains"),
    ("IVD/第三方检测", "Chain:生物医药", "broader"),
    # company and project names carry industry words too (MAPS_TO from Company / Project)
    ("宇通新能源商用车基地项目", "Segment:新能源汽车/整车", "contains"),
    ("重塑科技郑州燃料电池生产项目", "Segment:氢能与储能/燃料电池", "contains"),
    ("郑州第三电缆有限公司", "Segment:高端装备/电力装备", "contains"),  # not 三电 (a chain nickname)
])
def test_map_report_phrases(mention: str, key: str, rule: str) -> None:
    found = map_industry(mention)
    assert found is not None, mention
    assert (found.key, found.rule) == (key, rule), found.explain()


def test_broader_mapping_lists_the_segments() -> None:
    found = map_industry("IVD/第三方检测")
    assert found.kind == "Chain" and found.chain == "Chain:生物医药"
    assert set(found.also) == {"Segment:生物医药/体外诊断", "Segment:生物医药/医药外包与检测"}
    assert "broader" in found.explain()


def test_shared_segments_map_into_every_chain_listing_them() -> None:
    assert "Chain:航空物流" in segments()[map_industry("冷链物流").key].chains
    assert "Chain:新能源汽车" in segments()[map_industry("氢燃料电池").key].chains


@pytest.mark.parametrize("mention", ["房地产", "会展商贸文旅", "总部经济", "数字经济", "战略性新兴产业", "", "micro"])
def test_off_template_phrases_stay_unmapped(mention: str) -> None:
    assert map_industry(mention) is None


def test_unmapped_keeps_first_seen_order_without_repeats() -> None:
    assert unmapped(["房地产", "冷链物流", "商贸", "房地产"]) == ["房地产", "商贸"]


def test_maps_to_rows() -> None:
    rows = maps_to_rows([("Industry:IVD/第三方检测", ["IVD/第三方检测"]),
                         ("Industry:电池", ["某某", "新能源电池"]),
                         ("Industry:房地产", ["房地产"])])
    assert [(r["head"], r["tail"], r["primary"]) for r in rows] == [
        ("Industry:IVD/第三方检测", "Chain:生物医药", True),
        ("Industry:IVD/第三方检测", "Segment:生物医药/医药外包与检测", False),
        ("Industry:IVD/第三方检测", "Segment:生物医药/体外诊断", False),
        ("Industry:电池", "Segment:新能源汽车/动力电池", True),
    ]


def test_mapping_is_fast() -> None:
    import time
    names = [f"某某{i}产业园区配套服务中心" for i in range(2000)]
    start = time.perf_counter()
    for name in names:
        map_industry(name)
    assert time.perf_counter() - start < 2.0
