"""Company names: short keys, declared aliases, investors named in project names."""
from __future__ import annotations

import re

from loaders.extract.lexicon import BRAND_TAGS, cut, is_common_word, is_one_common_word, lexicon, memoised, word_tags
from loaders.extract.mentions import Mention
from loaders.extract.names import head_type, name_start
from loaders.extract.zone import strip_places

_ORG_FORMS = ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团", "公司")
_BUSINESS_WORDS = ("科技", "实业", "投资", "电子科技", "信息技术", "企业管理", "技术")
_BRACKETS = re.compile(r"[（(][^）)]*[）)]")
_DECLARED = re.compile(r"[（(](?:以下简称|下称|简称)[“\"]?(?P<alias>[^）)”\"]{2,12})[”\"]?[）)]")
_NAMED_AFTER_PLACE = ("安置区",)  # resettlement housing bears its community's name, not an investor's


@memoised
def company_key(name: str) -> str:
    """Short core of a company name: ``林德（中国）投资有限公司`` -> 林德."""
    core = _BRACKETS.sub("", name)
    core = strip_places(core)
    for form in _ORG_FORMS:
        if core.endswith(form) and len(core) > len(form) + 1:
            core = core[: -len(form)]
            break
    for word in _BUSINESS_WORDS:
        if core.endswith(word) and len(core) > len(word) + 1:
            core = core[: -len(word)]
            break
    return core


def is_trade_name(word: str) -> bool:
    """Can ``word`` stand alone for a firm: not a common word, a place, an industry or a head word?"""
    if len(word) < 2 or word in lexicon().industries or head_type(word):
        return False
    return not (is_one_common_word(word) or word_tags().get(word, "").startswith("ns") and len(cut(word)) == 1)


_FOUNDING = re.compile(r"(?:共同|联合)?(?:合资|出资|投资)(?:成立|组建|设立|新设)的?")
_FOUNDERS = re.compile(r"(?P<a>[^，,。；;、：:由与和及的]{2,12})(?:与|和|及)(?P<b>[^，,。；;、：:与和及的]{2,12})$")


def joint_ventures(text: str, start: int = 0, end: int | None = None) -> list[tuple[re.Match[str], int]]:
    """``由A与B合资成立的C`` in ``text[start:end]``: the founders (groups ``a``, ``b``) and where the founding verb ends.

    The verb is found first and the founders are read backwards from it, so the text is
    scanned once whatever its length.
    """
    out = []
    for verb in _FOUNDING.finditer(text, start, len(text) if end is None else end):
        founders = _FOUNDERS.search(text, max(start, verb.start() - 26), verb.start())
        if founders:
            out.append((founders, verb.end()))
    return out


def joint_venture_mentions(text: str) -> list[Mention]:
    """The founders named in ``A与B合资成立C``, as firms (they carry no head word: 长城汽车, 德国宝马)."""
    out = []
    for founders, _ in joint_ventures(text):
        for slot in ("a", "b"):
            start, end = founders.span(slot)
            start = name_start(text, start, end)
            name = text[start:end]
            if len(name) >= 2 and not is_one_common_word(name) and head_type(name) is None:
                out.append(Mention("Company", name, start, end, source="slot"))
    return out


def declared_aliases(text: str) -> list[tuple[int, str]]:
    """``（下称中联钢国际）`` declarations: (offset of the bracket, alias)."""
    return [(m.start(), m.group("alias")) for m in _DECLARED.finditer(text)]


def investor_prefix(project: str) -> str | None:
    """The investor a project name starts with (``格力智慧物流中心项目`` -> 格力), if any."""
    lex = lexicon()
    descriptors = lex.project_descriptors
    tags = word_tags()
    tokens = cut(project)
    taken: list[str] = []
    business = 0  # business-line words taken after the trade name (安图|生物)
    at = 0  # offset of tok in project
    is_place_first = common_after_place = False  # the name opens with a place (郑州, 河南省), then a common noun
    for k, tok in enumerate(tokens):
        at, tag = at + len(tokens[k - 1]) if k else 0, tags.get(tok, "")
        industry = lex.industry_re.match(project, at) if taken and not business else None
        if industry and industry.end() > at + len(tok):
            break  # 国轩高科|动力电池研究院: an industry of several tokens starts the description
        if tok in lex.business_words and taken and not taken[-1].endswith(("科技", "技术")):
            taken.append(tok)
            business += 1
            continue
        if business:
            break  # only business-line words may follow one: 海尔生物医疗|检测设备
        is_place = tag.startswith("ns") or tok.endswith(("省", "市"))
        if k == 0 and is_place:
            is_place_first = True
            if len(tokens) > 1 and _stops_investor(tokens[1], descriptors):
                return None
            taken.append(tok)
            continue
        if _stops_investor(tok, descriptors) or is_place or not re.match(r"[\u4e00-\u9fffA-Za-z]", tok) \
                or tok == "第":  # 京东方|第|8.6代…: a generation starts the description (not 郑州第三电缆)
            break
        if taken and len(tok) >= 2 and tag == "n" and tags.get(taken[-1], "").startswith(BRAND_TAGS):
            if not (k == 1 and is_place_first):
                break  # 海尔|压缩机: a common noun after a brand starts the description
            common_after_place = True  # 河南|矿山|起重机: a firm only if its legal form follows (…有限公司)
        taken.append(tok)
    name = "".join(taken)
    if common_after_place and not project.startswith(_ORG_FORMS, len(name)):
        return None  # 河南省|农用微生物|创新中心项目: a field, no firm
    if lex.zone_re.search(name):
        return None  # 郑州高新区|天健湖…产业园: a zone in the name is where the project is, not who invests
    rest = project[len(name) :]
    if business:  # 卫华|装备 may be the whole project name: the firm's own project
        trade = taken[:-business]
        generic_trade = len(trade) == 1 and (is_common_word(trade[0]) or trade[0] in lex.industries)
        return name if len("".join(trade)) >= 2 and not generic_trade and not head_type(name) else None
    if len(name) < 2 or not rest or head_type(name) or name in lex.industries:
        return None
    core = taken[1:] if tags.get(taken[0], "").startswith("ns") else taken
    if len(core) == 1 and is_common_word(core[0]):
        return None
    if not core or len("".join(core)) < 2:
        return None
    return name


def _stops_investor(tok: str, descriptors: frozenset[str]) -> bool:
    lex = lexicon()
    return tok in descriptors or tok in lex.industries or head_type(tok) is not None or tok.isdigit()


def investor_mention(project: Mention) -> Mention | None:
    """A Company mention for the investor that opens ``project``'s name."""
    if project.text.endswith(_NAMED_AFTER_PLACE):
        return None
    name = investor_prefix(project.text)
    if not name:
        return None
    return Mention("Company", name, project.start, project.start + len(name), source="investor")
