"""Enumerations (``A、B、C等…``) and what their items are.

The words around a list type its items: ``“签约一批”项目3个，包含A、B`` and
``A、B等项目`` list projects, ``A、B等细分产业`` / ``N大主导产业`` industries,
``以A、B为代表的X`` firms (or segments of X), ``划分为N个片区，即A、B``
parks, ``A、B N个办事处`` agencies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.extract.lexicon import cut, is_common_word, lexicon, word_tags
from loaders.extract.mentions import Mention
from loaders.extract.names import balanced_brackets, grow_left, head_type, is_generic, marker_length
from loaders.extract.stage import stage_of
from loaders.extract.tokens import Tokens

_CLAUSE = re.compile(r"[^，,；;：:。！？!?\n]+")
_PROJECT_TRIGGER = re.compile(
    r"(?P<stage>签约|开工|投产|竣工|在建|续建|新开工|建成)(?:一批)?[”\"]?项目[^：:，,。；;]{0,12}?"
    r"(?:[，,][^，,。；;]{0,20}?){0,2}(?:包含|包括|分别为|分别是|其中包括|[：:])"
)
_PROJECT_ITEM_SPLIT = re.compile(r"[、，,]|以及")
# (等 of 等离子, 高等级 … opens no list's tail)
_PROJECT_LIST_END = re.compile(r"[。；;]|[，,]\s*(?:总投资|计划|截至)|等[，,。]"
                               r"|等(?![离级同待候])[^，,。；;、]{0,10}?(?:项目|[\d一二三四五六七八九十]+个)")
# a clause about the project, not its name: 由X投资建设, 主要建设…, 位于…
_CLAUSE_ITEM = re.compile(r"^(?:由|为|在|将|是|已|预计|计划|主要|位于|投资方)|(?:投资|建设)$")
_ITEM_NOTE = re.compile(r"[（(][^）)]*(?:期|项目)[^）)]*[）)]$")
_TAIL = re.compile(
    r"(?P<tail>等.*|(?<![A-Za-z\d.])[\d一二三四五六七八九十两]+(?:大|个|家|类|项(?!目)).*|为代表.*"
    r"|(?:未来|前沿|主导|战略性?新兴)产业.*)$"
)
_INNER_TAIL = re.compile(r"(?<=..)(?<![A-Za-z\d.])[\d一二三四五六七八九十两]+(?:大|个|家|类)(?!一批)[^、]{0,8}$")
_COUNT = re.compile(r"^(?:等)?(?:[\d一二三四五六七八九十两]+(?:大|个|家|类|项)|一批)?")
_INDUSTRY_TAIL = re.compile(r"产业|领域|业态|行业|细分|集群|短板|环节")  # (补齐A、B等上游材料短板: the missing links)
_INDUSTRY_PRE = re.compile(r"重点引进|引进|聚焦|围绕|培育|发展|招引|布局|涵盖|支持|推进|突破|集聚|壮大|补齐|补链|强链|延链")
_PROJECT_TAIL = re.compile(r"^(?:等(?:[\d一二三四五六七八九十]+个|一批)?|[\d一二三四五六七八九十]+个)[^，,。；;]{0,16}?项目")
_COMPANY_TAIL = re.compile(r"^等[^，,。；;]{0,10}(?:企业|公司|产业基础|[设备供应厂制造服务运营]商|整车厂)")  # 依托A、B等现有产业基础: firms
_ZONE_WORD = re.compile(r"(?:全区|我区|本区|园区|开发区|经开区|高新区|新区|片区)")
_LIST_CUE = re.compile(r"片区|功能区|板块|组团|园区|企业")  # what _PARK_PRE and _COMPANY_PRE need
_FIELD_FIRMS = re.compile(r"^等(?:细分)?(?:领域|行业)")  # A、B等领域企业 (not 华为、中兴等通信领域企业: firms)
_SECTOR_FIRMS = re.compile(r"^等[^，,。；;]{0,10}(?:类|领域|行业|上下游|细分)[^，,。；;]{0,6}企业")
_COMPANY_PRE = re.compile(r"企业[，,]?(?:包括|如|有)$")
_PARK_PRE = re.compile(r"(?:片区|功能区|板块|组团|园区)[^。]{0,6}(?:即|分别为|包括|[：:])$")
_PARK_TAIL = re.compile(r"^等[^，,。；;]{0,6}(?:平台|载体|园区)")
_PLACE_HEAD_TAIL = re.compile(r"^(?:等|[\d一二三四五六七八九十]+个)(?P<head>(?:办事处|街道|乡镇)(?:党工委)?|安置区|片区|组团)")
_PARENT_SUBJECT = re.compile(r"^[\W_]*(?P<parent>[^，,]{2,14}?)(?:产业)?(?:将|要|还|也|已)?重点(?:引进|发展)")
_INTRODUCER = re.compile(r"^(?:即|包括|包含|其中包括|主要包括|主要有|分别为|分别是|涵盖)")
_OPEN_QUOTES, _CLOSE_QUOTES = "“‘「『", "”’」』"
_ITEM_SEPARATOR = re.compile(r"、|以及(?=\S{4})")
_NOT_A_PROJECT = re.compile(r"^[\d一二三四五六七八九十]+个|亿元|(?:企业|集群)$")  # counts, amounts, firms
_MAX_ITEM = {"Industry": 14, "Company": 20, "Park": 12, "Project": 45, "Agency": 12}


@dataclass
class ListMatch:
    """An enumeration whose items share a type."""

    kind: str  # entity type of the items
    items: list[Mention]
    sentence_start: int
    sentence_end: int
    parent: Mention | None = None  # the broader industry the items belong to
    extra: dict[str, str] = field(default_factory=dict)  # role / stage carried by the list


def project_lists(text: str, start: int, end: int) -> list[ListMatch]:
    """``“开工一批”项目6个，包含A、B、C等项目`` style project lists in one sentence."""
    out: list[ListMatch] = []
    for m in _PROJECT_TRIGGER.finditer(text, start, end):
        stop = _PROJECT_LIST_END.search(text, m.end(), end)
        list_end = stop.start() if stop else end
        items: list[Mention] = []
        pos = m.end()
        for part in _PROJECT_ITEM_SPLIT.split(text[m.end() : list_end]):
            stripped = part.strip()
            skip = marker_length(stripped)  # 1.蔚来…项目: no list marker
            item_start = pos + len(part) - len(part.lstrip()) + skip
            name = _ITEM_NOTE.sub("", stripped[skip:])
            name = _ITEM_NOTE.sub("", name).replace(" ", "")
            pos += len(part) + 1
            if 2 <= len(name) <= _MAX_ITEM["Project"] and not _CLAUSE_ITEM.search(name):
                items.append(Mention("Project", name, item_start, item_start + len(stripped) - skip, source="list"))
        if items:
            stage = stage_of(m.group("stage"))
            for it in items:
                it.attrs["stage"] = stage
            out.append(ListMatch("Project", items, start, end, extra={"stage": stage}))
    return out


def enumerations(text: str, start: int, end: int, tokens: Tokens) -> list[ListMatch]:
    """``A、B、C等…`` lists inside clauses of one sentence, typed by context."""
    out: list[ListMatch] = []
    for clause in _CLAUSE.finditer(text, start, end):
        body = clause.group()
        cuts = [(m.start(), m.end()) for m in _ITEM_SEPARATOR.finditer(body)]
        if not cuts:
            continue
        bounds = list(zip([0, *(e for _, e in cuts)], [*(s for s, _ in cuts), len(body)]))
        parts = [(clause.start() + a, body[a:b]) for a, b in bounds]
        ends = [k for k, (_, part) in enumerate(parts[1:-1], 1) if _INNER_TAIL.search(part)]
        if ends:  # 整车、…、智能网联|4个重点环节、23个细分领域: the count closes the list
            parts = parts[: ends[0] + 1]
        match = _typed_list(text, clause.start(), parts, start, end, tokens)
        if match:
            out.append(match)
    return out


def _typed_list(
    text: str, c_start: int, parts: list[tuple[int, str]], s_start: int, s_end: int, tokens: Tokens
) -> ListMatch | None:
    """Type the items of one clause's enumeration; ``parts`` are (offset, text) between separators."""
    lex = lexicon()
    first_end = c_start + len(parts[0][1])
    last = parts[-1][1]
    tail_m = _TAIL.search(last)
    tail = tail_m.group("tail") if tail_m else ""
    last_item = last[: len(last) - len(tail)] if tail else last
    if not tail and not _may_be_typed(text, s_start, first_end, parts[0][1], [*(p for _, p in parts[1:-1]), last_item]):
        return None  # (decided before the first item's extent is worked out, which needs segmentation)
    intro = _INTRODUCER.match(parts[0][1])
    first_start = c_start + intro.end() if intro else grow_left(text, first_end, "Industry", c_start, tokens)
    pre = text[s_start:first_start]
    names = [text[first_start:first_end], *(p for _, p in parts[1:-1]), last_item]
    offsets = [first_start, *(off for off, _ in parts[1:])]
    kind, head = _list_kind(pre, tail, names)
    if kind is None:
        return None
    if kind != "Industry" and not intro:  # 武汉|东湖综合保税区、…等开放平台: names, unlike industries, hold places
        first_start = grow_left(text, first_end, "Item", c_start, tokens)
        names[0], offsets[0] = text[first_start:first_end], first_start
    if tail.startswith("为代表") and names[0].startswith("以") and len(names[0]) > 2:
        names[0], offsets[0] = names[0][1:], offsets[0] + 1  # 以|源杰科技、炬光科技为代表
    if kind == "Industry" and len(names) >= 2:
        names, offsets = _split_last_conjunction(names, offsets)
        before, of, _ = names[-1].partition("的")
        if of and len(before) >= 2:
            names[-1] = before  # A、B、生物技术|的完整产业链: what follows 的 speaks of the whole list
    place = _ZONE_WORD.match(names[0]) if kind == "Industry" else None
    if place and len(names[0]) - place.end() >= 2:  # 壮大开发区|电力装备、发制品: where, not what
        names[0], offsets[0] = names[0][place.end() :], offsets[0] + place.end()
    items = []
    for name, off in zip(names, offsets):
        name = name.strip()
        name, off = _unquote(name, off)
        skip = marker_length(name)  # 1.A、2.B: no list markers
        name, off = name[skip:], off + skip
        if not name:
            continue
        item_kind = kind
        if kind == "Company" and name in lex.industries:
            item_kind = "Industry"
        if kind == "Project" and (name in lex.industries or _names_a_sector(name)):
            item_kind = "Industry"  # 支持国际高等教育、康养等项目落户: sectors welcome as projects
        full = name + head if head else name
        if not 2 <= len(full) <= _MAX_ITEM[item_kind] or not balanced_brackets(full) or _bad_item(full, item_kind):
            continue
        items.append(Mention(item_kind, full, off, off + len(name), source="list"))
    if len(items) < 2 and not (items and tail):
        return None
    match = ListMatch(kind, items, s_start, s_end)
    _attach_parent_and_role(match, text, c_start, first_start, tail, s_end)
    if kind == "Project":
        stage = stage_of(tail)
        if stage:
            match.extra["stage"] = stage
            for it in items:
                it.attrs.setdefault("stage", stage)
    return match


def _may_be_typed(text: str, s_start: int, first_end: int, first_part: str, rest: list[str]) -> bool:
    """Could :func:`_list_kind` type a list with no tail, whatever its first item turns out to be?

    Every way it can needs one of these: all later items end in head words, an industry among the items
    (the first item ends its clause part), or a cue word before the list ends its first part.
    """
    lex = lexicon()
    if all(head_type(n.strip()) is not None for n in rest):
        return True
    first = first_part.rstrip()
    if any(n.strip() in lex.industries for n in rest) or any(first[i:] in lex.industries for i in range(len(first))):
        return True
    return _LIST_CUE.search(text, s_start, first_end) is not None or _PROJECT_TRIGGER.search(text, s_start, first_end) is not None


def _list_kind(pre: str, tail: str, names: list[str]) -> tuple[str | None, str]:
    lex = lexicon()
    known = sum(n.strip() in lex.industries for n in names)
    if tail.startswith("等地"):
        return None, ""
    if m := _PLACE_HEAD_TAIL.match(tail):
        return head_type(m.group("head")), m.group("head")
    item_heads = {head_type(n.strip()) for n in names}
    if len(item_heads) == 1 and None not in item_heads and "ambiguous" not in item_heads:
        return item_heads.pop(), ""
    if _PARK_PRE.search(pre) or _PARK_TAIL.match(tail):
        return "Park", ""
    headed = sum(head_type(n.strip()) is not None for n in names) * 2 >= len(names)
    if _PROJECT_TAIL.match(tail) or _PROJECT_TRIGGER.search(pre) and headed:  # (not 冲压、焊装…四大工艺车间)
        if known * 2 >= len(names):
            return "Industry", ""
        if re.match(r"^等[^，,。；;]{0,8}(?:产业|企业)[^，,。；;]{0,6}项目", tail):
            return "Company", ""  # A、B等电子信息产业项目, 腾讯、平安等企业总部项目: the firms behind them
        return "Project", ""
    if tail.startswith("为代表") or _COMPANY_TAIL.match(tail) or _COMPANY_PRE.search(pre):
        sectors = known + sum(n.strip() not in lex.industries and _names_a_sector(n.strip()) for n in names)
        if _FIELD_FIRMS.match(tail) or _SECTOR_FIRMS.match(tail) and sectors * 2 > len(names):
            return "Industry", ""  # 工业设计、精密加工等制造类上下游企业, A、B等领域企业: firms of those trades
        return ("Industry" if known * 2 > len(names) else "Company"), ""
    if known * 2 >= len(names) and (tail or _INDUSTRY_PRE.search(pre[-8:])):
        return "Industry", ""
    if tail and _INDUSTRY_TAIL.search(tail) and not tail.startswith("为代表"):
        return "Industry", ""
    if _INDUSTRY_PRE.search(pre[-6:]) and known:
        return "Industry", ""
    return None, ""


def _split_last_conjunction(names: list[str], offsets: list[int]) -> tuple[list[str], list[int]]:
    """``细胞技术和IVD`` -> two items when the left part is a known industry."""
    lex = lexicon()
    last = names[-1]
    for conj in "和及与":
        left, _, right = last.partition(conj)
        if right and left in lex.industries and len(right) >= 2:
            return [*names[:-1], left, right], [*offsets, offsets[-1] + len(left) + 1]
    return names, offsets


def _unquote(name: str, off: int) -> tuple[str, int]:
    """Drop a quote mark the list cut off from its partner (“A、B、C” -> A, B, C; keep 新能源“大小三电”)."""
    if name[:1] in _OPEN_QUOTES and not any(c in _CLOSE_QUOTES for c in name):
        name, off = name[1:], off + 1
    if name[-1:] in _CLOSE_QUOTES and not any(c in _OPEN_QUOTES for c in name):
        name = name[:-1]
    return name, off


def _names_a_sector(name: str) -> bool:
    """Nothing in ``name`` but common words (国际|高等教育, 综合|及|特色|专科|医疗): no proper name,
    no head, no count (十个|重大), not firms (头部|企业)."""
    tokens = cut(name)
    return bool(tokens) and (head_type(name) is None and tokens[-1] != "企业" and not word_tags().get(tokens[0], "").startswith(("m", "q"))
            and all(is_common_word(tok) or tok in "和及与" for tok in tokens))


def _bad_item(name: str, kind: str) -> bool:
    if kind == "Industry":
        return bool(re.search(r"\d{2,}|项目|[，,。]", name)) or head_type(name) not in (None, "Industry")
    if kind == "Project":
        return bool(_NOT_A_PROJECT.search(name)) or is_generic(name, "", industries_generic=True)
    if kind == "Company":
        return head_type(name) not in (None, "Company")  # 比亚迪襄阳产业园 among firms is the park its head says
    return False


def _attach_parent_and_role(match: ListMatch, text: str, c_start: int, first_start: int, tail: str, s_end: int) -> None:
    lex = lexicon()
    rest = _COUNT.sub("", tail)
    for head, cat in lex.categories.items():
        if rest.startswith(head) or (tail and head in tail[:12]):
            if cat.role:
                match.extra["role"] = cat.role
            if cat.is_entity and match.kind == "Industry":
                off = text.find(head, c_start, s_end)
                match.parent = Mention("Industry", head, off, off + len(head), source="list")
                return
            if match.kind != "Industry" or cat.role:
                return
            break  # 智能装备重点引进A、B等细分产业: the subject is the parent
    if match.kind != "Industry":
        if tail.startswith("为代表") and match.kind == "Company":
            parent = _industry_prefix(tail[len("为代表的") :]) or _represented(tail[len("为代表的") :])
        else:  # A、B等电子信息产业项目: the firms or projects of that industry
            known = lexicon().industry_re.match(rest)
            parent = known.group() if known and known.group() not in lex.categories else None
        if parent:
            off = text.find(parent, c_start, s_end)
            match.parent = Mention("Industry", parent, off, off + len(parent), source="list")
        return
    subject = _PARENT_SUBJECT.match(text[c_start:first_start])
    parent = subject.group("parent") if subject else None
    if parent and (not _may_be_parent(parent) or not lex.industry_re.search(parent)):
        parent = None  # 航空港区重点引进…, 光谷将重点引进…: a place or an agency is no parent
    if parent is None:  # 新区将重点引进A、B等关键零部件企业: the category the tail names
        parent = _industry_prefix(rest.removeprefix("为代表的"))
        if parent and not _may_be_parent(parent):
            parent = None  # A、B等现有产业: a modifier is no parent
    if parent:
        off = text.find(parent, c_start, s_end)
        match.parent = Mention("Industry", parent, off, off + len(parent), source="list")


def _may_be_parent(name: str) -> bool:
    """Can ``name`` be the broader industry of a list: no zone, no other type's head, not generic?"""
    return not (lexicon().zone_re.search(name) or head_type(name) not in (None, "Industry") or is_generic(name, ""))


def _represented(phrase: str) -> str | None:
    """What a ``以A、B为代表的…`` list represents when it is no known industry: 大型成套装备."""
    m = re.match(r"[^，,。；;、“”]{2,10}", phrase)
    if not m:
        return None
    name = re.sub(r"(?:等|的)?(?:企业|公司|产业|行业|领域).*$", "", m.group())  # 光子|企业超过300家
    return name if len(name) >= 2 and not is_generic(name, "") else None


def _industry_prefix(phrase: str) -> str | None:
    """The industry a tail phrase starts with: ``电子信息产业项目`` -> 电子信息."""
    m = lexicon().industry_re.match(phrase)
    if m and m.group() not in lexicon().categories:
        return m.group()
    m = re.match(r"([^，,。；;的]{2,8}?)(?:产业|核心领域|领域|业态|集群)", phrase)
    if m and not re.search(r"细分|重点|主导|相关|等|[\d]|^[百千万亿]+级", m.group(1)) and not is_generic(m.group(1), ""):
        return m.group(1)  # (not 消费电子、汽车电子等|应用|领域)
    return None
