"""Extraction patterns, each on a sentence shaped like the ones in real zone reports."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.model import Extraction, Report
from loaders.clean import clean
from loaders.extract import ExtractionError, extract


def run(text: str) -> Extraction:
    return extract(Report(id="t.txt", path="t.txt", text=text))


def names(x: Extraction, etype: str) -> set[str]:
    return {e.name for e in x.entities if e.type == etype}


def triples(x: Extraction, rtype: str) -> set[tuple[str, str]]:
    by_id = {e.id: e.name for e in x.entities}
    return {(by_id[r.head], by_id[r.tail]) for r in x.relations if r.type == rtype}


def test_project_list_gives_projects_stage_investors_and_location() -> None:
    x = run("郑州经开区“开工一批”项目6个，总投资91.9亿元，包含一汽解放新能源商用车郑州基地、"
            "宇通新能源商用车基地项目、海尔压缩机项目等。")
    projects = {e.name: e for e in x.entities if e.type == "Project"}
    assert set(projects) == {"一汽解放新能源商用车郑州基地", "宇通新能源商用车基地项目", "海尔压缩机项目"}
    assert {e.attrs.get("stage") for e in projects.values()} == {"开工"}
    assert triples(x, "INVESTS_IN") == {("一汽解放", "一汽解放新能源商用车郑州基地"),
                                        ("宇通", "宇通新能源商用车基地项目"), ("海尔", "海尔压缩机项目")}
    assert ("海尔压缩机项目", "郑州经开区") in triples(x, "LOCATED_IN")
    park = next(e for e in x.entities if e.type == "Park")
    assert "investment_cny" not in park.attrs  # the list's total is no one entity's own


def test_one_projects_own_investment_in_yuan_and_foreign_currency_as_written() -> None:
    x = run("高新区签约雄韬氢能产业园项目，总投资30亿元。林德公司拟投资2500万美元在航空港区成立其子公司。")
    project = next(e for e in x.entities if e.name == "雄韬氢能产业园项目")
    assert project.attrs["investment_cny"] == 3_000_000_000
    assert ("林德公司", "航空港区") in triples(x, "INVESTS_IN")


def test_focus_list_with_introducer_and_category() -> None:
    x = run("航空港区重点引进新型显示、集成电路、智能终端等细分产业。")
    assert names(x, "Industry") == {"新型显示", "集成电路", "智能终端"}
    assert triples(x, "FOCUSES_ON") == {("航空港区", n) for n in ("新型显示", "集成电路", "智能终端")}


def test_counted_category_ends_the_last_item() -> None:
    x = run("经开区以汽车、装备、现代物流三大主导产业为基础，培育发展新动能。")
    assert "现代物流" in names(x, "Industry")
    assert not any("三大" in n for n in names(x, "Industry"))


def test_represented_firms_belong_to_the_industry_they_represent() -> None:
    x = run("经开区大力发展以中铁盾构、宇通重工、郑煤机为代表的大型成套装备。")
    assert triples(x, "IN_INDUSTRY") >= {("中铁盾构", "大型成套装备"), ("宇通重工", "大型成套装备"),
                                         ("郑煤机", "大型成套装备")}


def test_business_line_sentence() -> None:
    x = run("河南明晟新材料科技有限公司主要从事铝板带箔、合金板、超硬材料的研发、生产及销售。")
    assert ("河南明晟新材料科技有限公司", "超硬材料") in triples(x, "IN_INDUSTRY")


def test_titles_give_agencies_that_administer_the_zone() -> None:
    x = run("经开区党工委副书记表示，经开区管委会将持续优化营商环境。")
    assert {("经开区党工委", "经开区"), ("经开区管委会", "经开区")} <= triples(x, "ADMINISTERS")


def test_subordinate_agency_is_part_of_its_parent() -> None:
    x = run("航空港区投资促进局隶属于航空港区管委会。")
    assert ("航空港区投资促进局", "航空港区管委会") in triples(x, "PART_OF")
    assert not any(n.startswith("隶属") for e in x.entities for n in [e.name, *e.aliases])


def test_city_districts_listed_after_a_count_are_parks() -> None:
    x = run("航空港区将全区划分为21个城市片区，即北港城、文体城、大学城、会展城、双鹤湖科创城等。")
    assert {"北港城", "文体城", "大学城", "会展城", "双鹤湖科创城"} <= names(x, "Park")


def test_investor_keeps_its_business_line_word() -> None:
    x = run("经开区“投产一批”项目2个，包含安图生物体外诊断产业园、鸿基物流。")
    assert {"安图生物", "鸿基物流"} <= names(x, "Company")
    assert ("安图生物", "安图生物体外诊断产业园") in triples(x, "INVESTS_IN")


def test_generic_phrases_are_not_entities() -> None:
    x = run("郑州高新区不断完善项目推进机制，优化项目考核管理办法，全力招引龙头型、旗舰型项目。")
    assert names(x, "Project") == set() and names(x, "Company") == set()


def test_a_place_name_opens_a_zone_name() -> None:
    x = run("第七期“三个一批”活动郑州航空港区共签约项目12个。")
    assert "郑州航空港区" in names(x, "Park")
    assert not any(n.startswith("活动") for n in names(x, "Park"))


def test_evidence_is_verbatim_source_text() -> None:
    text = "航空港区重点引进新型显示、\n集成电路等细分产业。"
    x = run(text)
    assert x.relations
    for rel in x.relations:
        assert text[rel.span.start:rel.span.end].replace("\n", "") == rel.evidence.replace("\n", "")


@pytest.mark.parametrize(("raw", "fixed"), [
    ("高新区塔吊林立高新区塔吊林立，，项目建设热火朝天项目建设热火朝天 张勇张勇摄摄", "高新区塔吊林立，项目建设热火朝天 张勇摄"),
    ("签约项目敲敲敲敲敲敲敲12个。", "签约项目12个。"),
    ("航空港区将全区划分为21个城市片区，即北港城、数\n\n字港。", "航空港区将全区划分为21个城市片区，即北港城、数字港。"),
])
def test_cleaning_repairs_layout_and_maps_back(raw: str, fixed: str) -> None:
    ct = clean(Report(id="t.txt", path="t.txt", text=raw))
    assert ct.text == fixed
    start, end = ct.source_span(0, len(ct.text))
    assert 0 <= start < end <= len(raw)


def test_empty_report_is_a_clear_error() -> None:
    with pytest.raises(ExtractionError, match="t.txt"):
        run("   \n")


def test_subject_of_a_segment_list_is_their_parent_industry() -> None:
    x = run("●智能装备重点引进数控机床、机器人、智能物流仓储装备等细分产业。")
    assert triples(x, "SUB_INDUSTRY_OF") == {(n, "智能装备") for n in ("数控机床", "机器人", "智能物流仓储装备")}


def test_carrier_parks_named_after_places_or_firms_stay_parks() -> None:
    x = run("开发区已建成投用恒瑞科创园、西湖生物医药园、锦华信息科技园、新加坡科技园等创新平台载体200万平方米。")
    assert {"恒瑞科创园", "锦华信息科技园", "新加坡科技园"} <= names(x, "Park")
    assert not names(x, "Project")
    assert not names(x, "Company")  # 恒瑞 names the park; it is not shown investing in a project


def test_a_park_name_followed_by_key_projects_is_a_project_with_its_investor() -> None:
    x = run("加快华星高端智能化装备产业园等重点项目建设。")
    assert "华星高端智能化装备产业园" in names(x, "Project")
    assert ("华星", "华星高端智能化装备产业园") in triples(x, "INVESTS_IN")


def test_a_list_tail_before_projects_is_no_project_name() -> None:
    x = run("推动盛创二期、北斗星通等项目建成投产。签约蓝海智能制造产业园3个项目。")
    assert not any(n.endswith(("等项目", "个项目")) for n in names(x, "Project"))
    assert not any(n.endswith("等") for n in names(x, "Company"))


def test_resettlement_housing_has_no_investor_in_its_name() -> None:
    x = run("加速推进锦龙、锦祥等安置区施工。")
    assert {"锦龙安置区", "锦祥安置区"} <= names(x, "Project")
    assert not names(x, "Company") and not triples(x, "INVESTS_IN")


def test_firms_an_industrial_base_rests_on_belong_to_the_industry_it_builds() -> None:
    x = run("依托龙腾电子、华信检测等现有产业基础，将生物医药打造成为新的主导产业。")
    assert {"龙腾电子", "华信检测"} <= names(x, "Company")
    assert "现有" not in names(x, "Industry")
    assert {("龙腾电子", "生物医药"), ("华信检测", "生物医药")} <= triples(x, "IN_INDUSTRY")


def test_sectors_welcome_as_projects_are_industries() -> None:
    x = run("文旅商贸重点引进文化旅游等细分产业，支持国际高等教育、综合及特色专科医疗等项目落户。")
    assert {"国际高等教育", "综合及特色专科医疗"} <= names(x, "Industry")
    assert not names(x, "Project") and not names(x, "Company")


def test_agency_names_keep_their_task_and_stand_alone_bureaus() -> None:
    x = run("实验区党工委专职副书记、巡察工作领导小组组长出席会议。招商不仅是投资促进局一家的事。")
    assert {"巡察工作领导小组", "投资促进局"} <= names(x, "Agency")


def test_a_known_industry_before_a_conjunction_is_split_off() -> None:
    x = run("成立生物医药和大健康产业建设指挥部。")
    assert {"生物医药", "大健康产业"} <= names(x, "Industry")
    assert "生物医药和大健康产业" not in names(x, "Industry")


def test_a_level_and_a_head_name_no_park() -> None:
    x = run("加快建设现代化、国际化、世界级物流枢纽。")
    assert not names(x, "Park")


def test_a_firm_needs_a_trade_name() -> None:
    x = run("郑州第三电缆有限公司电缆智能制造项目开工。")
    assert "电缆有限公司" not in names(x, "Company")


def test_this_project_refers_to_the_last_project_named() -> None:
    x = run("郑州天健湖生命健康科技园（西区）项目也在全力冲刺。"
            "该项目以“创新生物药、医疗器械、智慧医疗”三大产业细分领域为重点。")
    project = "郑州天健湖生命健康科技园（西区）项目"
    assert {(project, n) for n in ("创新生物药", "医疗器械", "智慧医疗")} <= triples(x, "IN_INDUSTRY")


def test_a_trade_name_alone_refers_back_to_the_firm_named_in_full() -> None:
    x = run("富士康科技集团再出实招。林德（中国）投资有限公司拟投资2500万美元成立子公司，以此为平台为富士康和区内其他公司供应气体。")
    assert "富士康" in next(e for e in x.entities if e.name == "富士康科技集团").aliases
    assert ("林德（中国）投资有限公司", "富士康科技集团") in triples(x, "SUPPLIES")


def test_a_sentence_about_this_project_is_no_zone_focus() -> None:
    x = run("高新区开工郑州天健湖生命健康科技园（西区）项目。该项目以“创新生物药、医疗器械”等产业细分领域为重点，推动发展。")
    assert not triples(x, "FOCUSES_ON")


def test_a_zone_inside_a_project_name_is_no_investor() -> None:
    x = run("紫光计算机全球研发中心总部入驻郑州高新区天健湖智联网产业园项目。")
    assert not any("高新区" in n for n in names(x, "Company"))


def test_a_name_opens_with_a_letter_or_character_not_a_symbol() -> None:
    x = run("'}) DETACH DELETE n //比亚迪汽车有限公司投资建设新能源基地。")
    assert names(x, "Company") == {"比亚迪汽车有限公司"}


def test_two_lone_characters_before_a_business_line_spell_the_trade_name() -> None:
    x = run("苏州工业园区签约项目45个。其中，信达生物制药（苏州）有限公司投资20亿元建设的创新药产业化基地项目开工。")
    assert "信达生物制药（苏州）有限公司" in names(x, "Company")
    assert triples(x, "INVESTS_IN") == {("信达生物制药（苏州）有限公司", "创新药产业化基地项目")}
    project = next(e for e in x.entities if e.name == "创新药产业化基地项目")
    assert project.attrs["investment_cny"] == 2_000_000_000


def test_a_lone_place_character_does_not_open_a_park_name() -> None:
    x = run("苏州工业园区的独墅湖科教创新区位于园区东南部，是生物医药产业的主要承载地。")
    assert "独墅湖科教创新区" in names(x, "Park")


def test_a_rank_or_size_before_an_industry_is_not_part_of_it() -> None:
    x = run("高新区着力打造世界级生物医药产业集群，壮大千亿级电子信息产业，培育若干百亿级产业。")
    industries = {name.removesuffix("产业") for name in names(x, "Industry")}
    assert {"生物医药", "电子信息"} <= industries
    assert not any("级" in name for name in industries)


def test_a_firms_trade_name_and_city_supply_the_clients_it_serves_elsewhere() -> None:
    x = run("苏州工业园区签约博世汽车部件（苏州）有限公司新能源汽车电驱系统生产线项目。"
            "博世苏州将为理想汽车、蔚来汽车等整车企业配套供应电驱动总成。")
    firm = "博世汽车部件（苏州）有限公司"
    assert triples(x, "SUPPLIES") == {(firm, "理想汽车"), (firm, "蔚来汽车")}
    assert not {("理想汽车", "苏州工业园区"), ("蔚来汽车", "苏州工业园区")} & triples(x, "LOCATED_IN")


def test_a_name_does_not_open_with_the_verb_or_count_before_it() -> None:
    x = run("3月9日，经开区与两家企业签订投资协议书，共同投资华光新材料产业园项目。全年新开工3个项目。")
    assert "华光新材料产业园项目" in names(x, "Project")
    assert not any(name.startswith(("投资", "3个")) for name in names(x, "Project") | names(x, "Company"))


def test_bureaus_whose_name_jieba_knows_as_one_word_are_agencies() -> None:
    x = run("成都高新区投资服务局、高新区生态环境和城市管理局等部门协同推进，天府软件园、天府国际生物城等园区承载能力提升。")
    assert {"成都高新区投资服务局", "高新区生态环境和城市管理局"} <= names(x, "Agency")
    assert {"天府软件园", "天府国际生物城"} <= names(x, "Park")
    assert not any(name.startswith("等") or "等园区" in name for name in names(x, "Park"))


def test_a_firm_built_in_the_zone_its_generation_named_project_serving_clients() -> None:
    x = run("成都高新区新引进通威太阳能电池基地等重大项目28个，总投资超过1200亿元。京东方科技集团股份有限公司在高新区"
            "投资建设的成都第8.6代AMOLED生产线项目总投资630亿元，将为华为、小米等终端企业供货。")
    firm, fab = "京东方科技集团股份有限公司", "成都第8.6代AMOLED生产线项目"
    assert firm in names(x, "Company") and fab in names(x, "Project")
    assert (firm, fab) in triples(x, "INVESTS_IN")
    assert triples(x, "SUPPLIES") == {(firm, "华为"), (firm, "小米")}
    assert not {r for r in triples(x, "IN_INDUSTRY") if r[0] in ("华为", "小米")}  # their trade is not AMOLED
    base = next(e for e in x.entities if e.name == "通威太阳能电池基地")
    assert "investment_cny" not in base.attrs  # 1200亿 is the list's total
    assert next(e for e in x.entities if e.name == fab).attrs["investment_cny"] == 63_000_000_000


def test_a_park_of_the_zone_that_develops_industries_focuses_on_them_and_is_no_industry() -> None:
    x = run("成都高新区聚焦电子信息产业，天府软件园、成都芯谷等园区承载能力提升。成都芯谷重点发展集成电路设计、封装测试和半导体材料。")
    assert "成都芯谷" not in names(x, "Industry")
    assert {("成都芯谷", "封装测试"), ("成都芯谷", "半导体材料")} <= triples(x, "FOCUSES_ON")


def test_zones_of_different_kinds_with_one_place_name_stay_apart() -> None:
    x = run("武汉东湖新技术开发区管委会召开推进会。东湖高新区党工委副书记出席。东湖高新区生物产业加快发展。"
            "武汉东湖综合保税区、光谷自贸片区等开放平台持续发力。")
    zone = next(e for e in x.entities if e.name == "武汉东湖新技术开发区")
    assert "东湖高新区" in zone.aliases
    assert ("武汉东湖综合保税区", "武汉东湖新技术开发区") in triples(x, "LOCATED_IN")
    assert len([e for e in x.entities if e.name == "武汉东湖综合保税区"]) == 1


def test_firms_gathered_in_a_park_of_the_zone_are_located_there() -> None:
    x = run("东湖高新区加快发展。武汉光谷生物城位于东湖高新区，已集聚人福医药、华大基因、联影医疗等企业1000余家。")
    assert {("人福医药", "武汉光谷生物城"), ("华大基因", "武汉光谷生物城")} <= triples(x, "LOCATED_IN")


def test_this_park_and_this_firm_refer_to_the_last_ones_named() -> None:
    x = run("航空港区加快建设郑州临空生物医药园。该园区汇聚了一批生物医药创新企业，包括鸿运华宁、晟斯生物、泰基鸿诺等。"
            "长飞光纤光缆股份有限公司是光纤供应商。该公司为华为、中兴通讯等设备商配套供应光纤产品。")
    assert ("鸿运华宁", "郑州临空生物医药园") in triples(x, "LOCATED_IN")
    firm = "长飞光纤光缆股份有限公司"
    assert triples(x, "SUPPLIES") == {(firm, "华为"), (firm, "中兴通讯")}


def test_an_office_stationed_in_the_zone_is_one_agency_of_another_body() -> None:
    x = run("东湖高新区管委会召开会议，东湖高新区投资促进局、武汉海关驻东湖综保区办事处等单位参加。")
    assert "武汉海关驻东湖综保区办事处" in names(x, "Agency")
    assert not {r for r in triples(x, "PART_OF") if r[0] == "武汉海关驻东湖综保区办事处"}


def test_the_first_list_item_keeps_its_place_name_and_no_place_is_a_parent_industry() -> None:
    x = run("光谷新签约项目156个，其中长江存储二期、华星光电t5项目等重大项目进展顺利。"
            "光谷将重点引进激光、光通信、集成电路等产业链上下游企业。")
    assert "长江存储二期" in names(x, "Project")
    assert not {r for r in triples(x, "SUB_INDUSTRY_OF") if r[1].startswith("光谷")}


def test_numbered_project_lists_with_clauses_about_each_project() -> None:
    x = run("合肥经开区举行重大项目集中签约仪式。签约项目主要包括：\n1.蔚来汽车第二先进制造基地项目，由蔚来控股有限公司"
            "投资建设，总投资约50亿元，主要建设整车冲压、焊装、涂装、总装四大工艺车间。\n"
            "2.江淮汽车智能网联汽车零部件产业园，投资方为安徽江淮汽车集团股份有限公司，总投资8.5亿元。")
    projects = names(x, "Project")
    assert "蔚来汽车第二先进制造基地项目" in projects
    assert not any(name[0] in "：:1" or name.startswith("由") or name in ("焊装", "涂装") for name in projects)
    assert "蔚来控股有限公司" in names(x, "Company")
    assert "江淮汽车智能网联汽车零部件产业园" in projects | names(x, "Park")
    assert ("安徽江淮汽车集团股份有限公司", "江淮汽车智能网联汽车零部件产业园") in triples(x, "INVESTS_IN")


def test_a_subsidiary_named_first_and_its_business_line() -> None:
    x = run("国轩高科动力电池研究院二期项目开工。据悉，合肥国轩高科动力能源有限公司是国轩高科股份有限公司的全资子公司，"
            "主要从事动力锂电池的研发和生产。")
    child, owner = "合肥国轩高科动力能源有限公司", "国轩高科股份有限公司"
    assert (owner, child) in triples(x, "INVESTS_IN")
    assert ("合肥国轩高科动力能源有限公司", "锂电池") in triples(x, "IN_INDUSTRY")
    assert ("国轩高科", "国轩高科动力电池研究院二期项目") in triples(x, "INVESTS_IN") or \
        (owner, "国轩高科动力电池研究院二期项目") in triples(x, "INVESTS_IN")


def test_firms_representing_an_industry_and_a_zone_before_an_industry() -> None:
    x = run("西安高新区光子产业加快集聚，以源杰科技、炬光科技为代表的光子企业超过300家。")
    assert names(x, "Company") == {"源杰科技", "炬光科技"}
    assert names(x, "Industry") == {"光子产业"}
    assert {("源杰科技", "光子产业"), ("炬光科技", "光子产业")} <= triples(x, "IN_INDUSTRY")


def test_the_stages_of_an_industrial_chain_are_its_segments() -> None:
    x = run("西安高新区集成电路产业链条不断完善，上游涵盖芯片设计、半导体材料，中游包括晶圆制造、封装测试，"
            "下游延伸至消费电子、汽车电子等应用领域。")
    segments = {"芯片设计", "半导体材料", "晶圆制造", "封装测试", "消费电子", "汽车电子"}
    assert {(s, "集成电路") for s in segments} <= triples(x, "SUB_INDUSTRY_OF")
    assert "应用" not in names(x, "Industry")


def test_short_names_with_a_modifier_character_are_names_and_a_new_pattern_is_no_bureau() -> None:
    x = run("经开区加快构建现代产业新格局。大众汽车、光子科技等企业落户经开区。")
    assert not any(name.endswith("格局") for name in names(x, "Agency"))
    assert {"大众汽车", "光子科技"} <= names(x, "Company")


def test_the_trades_a_park_project_takes_in_are_its_industries() -> None:
    x = run("天宇智造产业园项目是经开区今年的重点项目，园区拟入驻企业涵盖了工业设计、检验检测、精密加工等制造类上下游企业。")
    project = "天宇智造产业园项目"
    assert {(project, "工业设计"), (project, "检验检测")} <= triples(x, "IN_INDUSTRY")


def test_district_bodies_and_firms_a_chain_leader_brings_along() -> None:
    x = run("坪山区委、区政府和坪山区投资推广署联合招商。比亚迪股份有限公司作为链主企业，带动弗迪电池、弗迪科技等配套企业加快发展。")
    assert {"坪山区委", "区政府", "坪山区投资推广署"} <= names(x, "Agency")
    assert {"弗迪电池", "弗迪科技"} <= names(x, "Company")  # two firms, though their keys share 弗迪
    assert triples(x, "SUPPLIES") == {("弗迪电池", "比亚迪股份有限公司"), ("弗迪科技", "比亚迪股份有限公司")}


def test_another_zone_of_the_city_is_no_part_of_the_reports_zone_nor_its_focus() -> None:
    x = run("长沙经济技术开发区新开工项目15个。同时，长沙高新区、望城经开区也在加快推进智能制造装备产业发展。"
            "中联重科智慧产业城在建。")
    located = triples(x, "LOCATED_IN")
    assert not {("长沙高新区", "长沙经济技术开发区"), ("望城经开区", "长沙经济技术开发区")} & located
    assert ("中联重科智慧产业城", "长沙经济技术开发区") in located
    assert not {r for r in triples(x, "FOCUSES_ON") if r[0] == "长沙经济技术开发区"}


def test_output_does_not_depend_on_the_hash_seed(corpus_dir: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    shutil.copytree(corpus_dir, reports)
    (reports / "tie.txt").write_text("长沙经济技术开发区开工项目15个。长沙高新区、望城经开区也在推进智能制造装备产业发展。", "utf-8")
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "kg", "extract", str(reports), "--out", str(out)], env=env, check=True,
                       capture_output=True)
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert len(outputs[0]) == 6 and outputs[0] == outputs[1]


def test_zone_alias_districts_joint_ventures_and_suppliers_to_a_trade_name() -> None:
    x = run("天津经济技术开发区（简称“泰达”）管委会下设投资促进局。一汽丰田汽车有限公司是开发区的链主企业。"
            "天津英创汇智汽车技术有限公司向一汽丰田供货制动系统。由长城汽车与德国宝马合资成立的光束汽车有限公司落户开发区西区。"
            "南港工业区重点发展石油化工产业。今年以来，泰达新签约康希诺生物疫苗产业化基地项目。")
    zone = next(e for e in x.entities if e.name == "天津经济技术开发区")
    assert "泰达" in zone.aliases
    assert ("天津英创汇智汽车技术有限公司", "一汽丰田汽车有限公司") in triples(x, "SUPPLIES")
    assert {("长城汽车", "光束汽车有限公司"), ("德国宝马", "光束汽车有限公司")} <= triples(x, "INVESTS_IN")
    located = triples(x, "LOCATED_IN")
    assert {("光束汽车有限公司", "开发区西区"), ("开发区西区", "天津经济技术开发区"),
            ("南港工业区", "天津经济技术开发区")} <= located
    assert ("南港工业区", "石油化工产业") in triples(x, "FOCUSES_ON")


def test_a_zone_named_with_a_place_word_and_a_state_firm_named_with_zhong() -> None:
    x = run("青岛西海岸新区：项目集中推进。“签约一批”项目12个，包括中船（青岛）轨道交通装备有限公司高端装备制造基地、"
            "歌尔智能硬件产业园二期等。新区党工委副书记、管委会主任表示，要瞄准集成电路产业。")
    zone = next(e for e in x.entities if e.type == "Park")
    assert zone.name == "青岛西海岸新区" and "新区" in zone.aliases
    assert "中船（青岛）轨道交通装备有限公司" in names(x, "Company")
    assert ("歌尔", "歌尔智能硬件产业园二期") in triples(x, "INVESTS_IN")


def test_rows_of_a_project_table_give_projects_and_who_builds_them() -> None:
    x = run("许昌经济技术开发区2024年重点项目清单\n\n序号 项目名称 建设单位 总投资（亿元） 建设阶段\n"
            "1 许继电气智能制造产业园 许继集团有限公司 25 在建\n2 森源电气储能装备项目 河南森源电气股份有限公司 12 签约\n\n"
            "上述项目建成后，将进一步壮大开发区电力装备、发制品两大主导产业。")
    assert {"许继电气智能制造产业园", "森源电气储能装备项目"} <= names(x, "Project")
    assert {("许继集团有限公司", "许继电气智能制造产业园"),
            ("河南森源电气股份有限公司", "森源电气储能装备项目")} <= triples(x, "INVESTS_IN")
    assert {"电力装备", "发制品"} <= names(x, "Industry") and "上述项目" not in names(x, "Project")


def test_a_table_row_keeps_its_line_in_cleaning() -> None:
    text = "序号 项目名称 建设单位\n1 甲乙产业园 甲乙集团有限公司\n2 丙丁项目 丙丁有限公司"
    assert clean(Report(id="t", path="t", text=text)).text.count("\n") == 2


def test_task_forces_offices_and_service_centres_are_agencies() -> None:
    x = run("郑州经开区成立汽车产业招商专班，经开区企业服务中心、经开区纪工委和国际物流园区管理办公室参加。")
    assert {"汽车产业招商专班", "经开区企业服务中心", "经开区纪工委", "国际物流园区管理办公室"} <= names(x, "Agency")


def test_industries_in_a_bodys_name_or_a_parks_intake_are_no_zone_focus() -> None:
    x = run("航空港区设立十大指挥部，分别为重点项目指挥部、会展商贸文化旅游指挥部等。"
            "天宇智造产业园是航空港区重点项目，园区拟入驻企业涵盖了工业设计、检验检测等制造类上下游企业。")
    focus = triples(x, "FOCUSES_ON")
    assert not {r for r in focus if r[0] == "航空港区" and r[1] in ("会展", "文化旅游", "工业设计", "检验检测")}


def test_a_paragraph_opening_on_one_industry_lists_its_parts() -> None:
    x = run("壮大现代物流产业。依托现有医药物流、冷链物流、保税物流等业态，重点发展高附加值物流。\n"
            "推进文化旅游发展。")
    parents = {(child, parent.removesuffix("产业")) for child, parent in triples(x, "SUB_INDUSTRY_OF")}
    assert {("医药物流", "现代物流"), ("冷链物流", "现代物流"), ("保税物流", "现代物流")} <= parents


def test_service_and_overseas_words_inside_firm_names() -> None:
    x = run("中联钢国际的子公司新丝路科技(河南)有限公司及河南海外仓供应链管理服务有限公司与合作伙伴共同搭建平台。")
    assert {"新丝路科技(河南)有限公司", "河南海外仓供应链管理服务有限公司"} <= names(x, "Company")


def test_a_zones_committee_named_by_the_bare_zone_word_and_valley_parks() -> None:
    x = run("南京江北新区举行签约仪式。新区管委会分别与多家企业签署协议。江北新区生物医药谷已集聚企业800余家，药明生物、世和基因等龙头企业相继落户。")
    assert ("新区管委会", "南京江北新区") in triples(x, "ADMINISTERS")
    assert {("药明生物", "江北新区生物医药谷"), ("江北新区生物医药谷", "南京江北新区")} <= triples(x, "LOCATED_IN")


def test_a_report_on_a_park_that_is_no_zone_is_about_that_park() -> None:
    x = run("张江科学城聚焦集成电路、生物医药、人工智能三大主导产业，已集聚中芯国际、华虹集团等龙头企业。"
            "今年，张江科学城新引进积塔半导体特色工艺生产线项目，总投资359亿元。")
    assert ("积塔半导体特色工艺生产线项目", "张江科学城") in triples(x, "LOCATED_IN")
    assert ("张江科学城", "集成电路") in triples(x, "FOCUSES_ON")
    assert not {r for r in triples(x, "IN_INDUSTRY") if r[0] in ("中芯国际", "华虹集团")}  # which one is not said


def test_parks_named_after_places_and_firms_jieba_does_not_know() -> None:
    x = run("杭州钱塘新区下辖大江东片区、下沙片区两个片区。入驻下沙片区的广汽传祺杭州工厂已投产。"
            "位于下沙片区内的杭州医药港小镇，已引进多家外资药企。这是郑州临空生物医药园的一部分。")
    parks = names(x, "Park")
    assert {"下沙片区", "杭州医药港小镇"} <= parks and "这是郑州临空生物医药园" not in parks
    assert "广汽传祺杭州工厂" in names(x, "Project")
    assert ("广汽传祺杭州工厂", "下沙片区") in triples(x, "LOCATED_IN")


def test_the_zones_party_committee_by_the_bare_word_and_a_lone_character_in_a_trade_name() -> None:
    x = run("郑州高新区举行签约活动。区党工委书记、管委会主任出席并讲话。郑州信大捷安信息技术股份有限公司将建设密码产业基地。")
    assert {"区党工委", "管委会"} <= names(x, "Agency")
    assert "郑州信大捷安信息技术股份有限公司" in names(x, "Company")


def test_a_firm_list_after_a_verb_keeps_its_first_name_and_takes_the_trade_its_tail_names() -> None:
    x = run("广州开发区集聚了小鹏汽车、广汽本田等整车企业，带动文远知行、小马智行等自动驾驶企业集聚发展。")
    assert {"文远知行", "小马智行"} <= names(x, "Company")
    assert {("文远知行", "自动驾驶"), ("小马智行", "自动驾驶"), ("小鹏汽车", "整车")} <= triples(x, "IN_INDUSTRY")
    assert ("文远知行", "整车") not in triples(x, "IN_INDUSTRY")


def test_a_project_list_ends_before_its_category_and_its_projects_are_the_parks() -> None:
    x = run("广州开发区成效明显。中新广州知识城作为开发区重要功能片区，今年新签约项目46个，总投资超800亿元，"
            "包括百济神州生物药生产基地、诺诚健华创新药研发总部等生物医药项目。")
    projects = names(x, "Project")
    assert "诺诚健华创新药研发总部" in projects and not any("等" in p for p in projects)
    assert "广州知识城" in names(x, "Park")
    assert {("诺诚健华创新药研发总部", "广州知识城"), ("诺诚健华创新药研发总部", "广州开发区")} <= triples(x, "LOCATED_IN")


def test_sector_words_before_a_firm_category_are_industries() -> None:
    x = run("杭州湾新区将重点引进动力电池、汽车芯片、智能座舱等关键零部件企业。")
    assert {"汽车芯片", "智能座舱"} <= names(x, "Industry") and not {"汽车芯片", "智能座舱"} & names(x, "Company")
    assert ("汽车芯片", "关键零部件") in triples(x, "SUB_INDUSTRY_OF")


def test_a_firms_short_name_in_a_list_is_the_firm_that_invests_and_keeps_its_place() -> None:
    x = run("苏州工业园区举行签约活动，信达生物制药（苏州）有限公司新药生产基地扩建项目等12个项目集中签约。"
            "BioBAY已集聚信达生物、基石药业、亚盛医药等创新企业500余家。")
    firm = "信达生物制药（苏州）有限公司"
    assert names(x, "Company") == {firm, "基石药业", "亚盛医药"}
    assert (firm, "信达生物制药（苏州）有限公司新药生产基地扩建项目") in triples(x, "INVESTS_IN")
    assert (firm, "苏州工业园区") in triples(x, "LOCATED_IN")


def test_fields_before_a_firm_category_and_a_phrase_after_the_last_industry() -> None:
    x = run("苏州纳米城汇聚了纳米新材料、第三代半导体、微纳制造等领域企业。"
            "园区生物医药产业形成了涵盖新药研发、医疗器械、生物技术的完整产业链。")
    assert {"纳米新材料", "微纳制造", "生物技术"} <= names(x, "Industry")
    assert not {"纳米新材料", "微纳制造"} & names(x, "Company")
    assert not any("的" in n for n in names(x, "Industry"))
    y = run("华为、中兴等通信领域企业已落户高新区。")
    assert {"华为", "中兴"} <= names(y, "Company")


def test_an_indented_line_opens_a_paragraph_so_a_title_stays_apart() -> None:
    raw = "合肥新站高新区：新型显示产业“强链”记\n　　在合肥新站高新区，一条完整的产业链\n已然成型。\n　　下一步继续推进。"
    assert clean(Report(id="t.txt", path="t.txt", text=raw)).text == \
        "合肥新站高新区：新型显示产业“强链”记\n在合肥新站高新区，一条完整的产业链已然成型。\n下一步继续推进。"
    x = run(raw)
    assert names(x, "Park") == {"合肥新站高新区"}


def test_a_zones_former_name_and_rank_are_not_part_of_its_name() -> None:
    x = run("长垣经济技术开发区（原长垣产业集聚区）成功晋级省级经济技术开发区，开发区起重装备、医疗器械两大主导产业集群产值突破900亿元。")
    park = next(e for e in x.entities if e.type == "Park")
    assert park.name == "长垣经济技术开发区"
    assert not any("（" in a or "晋级" in a or "省级" in a for a in park.aliases)
    assert names(x, "Industry") == {"起重装备", "医疗器械"}


def test_gaps_to_fill_are_the_zones_focus_and_a_firm_named_in_full_invests() -> None:
    x = run("合肥新站高新区将重点补齐掩膜版、光刻胶、OLED发光材料等上游材料短板。"
            "投资15亿元的河南矿山起重机有限公司智能制造基地项目开工建设。")
    assert {("合肥新站高新区", i) for i in ("掩膜版", "光刻胶", "OLED发光材料")} <= triples(x, "FOCUSES_ON")
    assert ("河南矿山起重机有限公司", "河南矿山起重机有限公司智能制造基地项目") in triples(x, "INVESTS_IN")
    y = run("郑州高新区河南省农用微生物创新中心项目开工。")
    assert not triples(y, "INVESTS_IN")


def test_a_chain_map_lists_links_and_firms_by_their_own_names() -> None:
    x = run("襄阳高新区梳理出整车、动力电池、电驱电控、智能网联4个重点环节、23个细分领域。"
            "高新区现有链主企业东风汽车股份有限公司，以及比亚迪襄阳产业园、骆驼集团股份有限公司等骨干企业68家。"
            "高新区共签约新能源汽车产业链项目9个，其中比亚迪襄阳产业园二期项目投资80亿元。")
    assert {("襄阳高新区", i) for i in ("整车", "动力电池", "电驱电控", "智能网联")} <= triples(x, "FOCUSES_ON")
    assert "东风汽车股份有限公司" in names(x, "Company") and not any(n.startswith("链主") for n in names(x, "Company"))
    assert "比亚迪襄阳产业园" not in names(x, "Company")
    assert names(x, "Project") == {"比亚迪襄阳产业园二期项目"}


def test_firms_behind_headquarters_projects_and_a_firm_named_after_a_bureau() -> None:
    x = run("深圳前海蛇口自贸片区发展迅速。腾讯、平安等企业总部项目加快建设。招商局集团有限公司投资建设的国际会议中心建成投用。")
    assert {"腾讯", "平安", "招商局集团有限公司"} <= names(x, "Company")
    assert "招商局" not in names(x, "Agency") and not names(x, "Industry")
    assert "企业总部项目" not in names(x, "Project")
    assert ("招商局集团有限公司", "国际会议中心") in triples(x, "INVESTS_IN")


def test_numbered_sections_and_their_headings_stand_apart() -> None:
    raw = "二、重点任务\n一是强化招商。\n三、保障措施\n区招商局牵头，区发改委、区商务局协同配合，\n建立机制。"
    assert clean(Report(id="t.txt", path="t.txt", text=raw)).text == \
        "二、重点任务\n一是强化招商。\n三、保障措施\n区招商局牵头，区发改委、区商务局协同配合，建立机制。"
    assert {"区招商局", "区发改委", "区商务局"} <= names(run(raw), "Agency")


def test_a_service_platform_is_named_with_its_service() -> None:
    x = run("以无锡国家高新区生命科技园为主阵地，推进药明康德新药研发服务平台、阿斯利康无锡供应基地三期项目建设。")
    assert {"药明康德新药研发服务平台", "阿斯利康无锡供应基地三期项目"} <= names(x, "Project")


def test_in_text_wrapped_to_a_width_a_short_line_ends_its_paragraph() -> None:
    body = "航空港区新签约项目十二个总投资超过三百亿元涵盖电子信息生物医药等多个领域同时新开工项目八个总投资一百二十亿元"
    lines = ["郑州航空港区招商成效明显"] + [body[i : i + 30] for i in range(0, len(body), 30)] * 6
    cleaned = clean(Report(id="t.txt", path="t.txt", text="\n".join(lines))).text
    assert cleaned.startswith("郑州航空港区招商成效明显\n航空港区新签约")
    assert body[:30] + body[30:60] in cleaned  # lines as long as the width still join


def test_a_firm_leading_an_industry_works_in_it_and_is_found_by_its_short_name() -> None:
    x = run("中铁工程装备集团有限公司位于郑州经开区。作为国内隧道掘进装备产业的领军者,中铁装备牵头组建了创新联合体。")
    assert ("中铁工程装备集团有限公司", "隧道掘进装备产业") in triples(x, "IN_INDUSTRY")
    assert names(x, "Company") == {"中铁工程装备集团有限公司"}


def test_the_width_a_line_is_wrapped_to_is_read_around_it() -> None:
    wide = "航空港区新签约项目十二个总投资超过三百亿元涵盖电子信息生物医药等多个领域同时新开工项目八个总投资一百二十亿元"
    narrow = "郑州高新区不断完善项目推进机制优化项目考核管理办法全力招引龙头型旗舰型项目"
    lines = [wide[i : i + 30] for i in range(0, 60, 30)] * 8 + [narrow[i : i + 17] for i in range(0, 34, 17)] * 8
    cleaned = clean(Report(id="t.txt", path="t.txt", text="\n".join(lines))).text
    assert narrow[:34] in cleaned  # lines as long as their own column join, however wide the page's other column


def test_a_park_developer_and_a_trade_name_opening_with_a_verb_character() -> None:
    x = run("该项目由郑州天健湖大数据产业园发展有限公司开发运营。港区与西安微电子技术研究所、达维多企业管理有限公司签订投资协议书。")
    assert {"郑州天健湖大数据产业园发展有限公司", "达维多企业管理有限公司"} <= names(x, "Company")
    y = run("项目公司是维多企业管理有限公司。")
    assert "是维多企业管理有限公司" not in names(y, "Company")


def test_the_firm_before_as_leads_not_the_partner_after() -> None:
    x = run("中铁工程装备集团有限公司作为隧道掘进装备行业龙头，与郑州大学有限公司共建实验室。")
    assert triples(x, "IN_INDUSTRY") >= {("中铁工程装备集团有限公司", "隧道掘进装备")}
    assert not any(h.startswith("郑州大学") for h, _ in triples(x, "IN_INDUSTRY"))


def test_a_bonded_zone_report_its_precision_firms_and_a_provincial_department() -> None:
    x = run("2023年郑州新郑综合保税区进出口总值连续多年位居全国综保区第一。"
            "富士康科技园带动了鸿富锦精密电子（郑州）有限公司等50余家配套企业入驻。"
            "航空港区管委会、郑州海关、河南省商务厅联合印发若干措施。")
    assert names(x, "Park") >= {"郑州新郑综合保税区"} and "全国综保区" not in names(x, "Park")
    assert "鸿富锦精密电子（郑州）有限公司" in names(x, "Company")
    assert {"郑州海关", "河南省商务厅"} <= names(x, "Agency")
