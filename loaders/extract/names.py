"""Name boundaries: where a name that ends in a head word begins.

A name is grown leftwards from its head word token by token (jieba) until a
boundary word, a predicate/function word (jieba dictionary tag), a foreign head
word, a separator or the length limit is reached.
"""
from __future__ import annotations

import re
from functools import lru_cache

from loaders.extract.lexicon import alternation, cut, lexicon, may_open_with_tag, memoised, word_tags
from loaders.extract.text import is_cjk
from loaders.extract.tokens import Tokens

# "Item": a list item of any type but Industry, bounded by the list's separators, so head words inside do not end it
MAX_LEN = {"Company": 24, "Agency": 24, "Project": 40, "Park": 16, "Industry": 14, "Item": 40}
_CONJUNCTIONS = frozenset("和及与暨")
_STOP_TAGS = ("v", "p", "c", "d", "r", "u", "m", "q", "t", "f", "y", "e", "o", "a", "z", "s")
_NAME_VERBS = frozenset(
    "创新 研发 孵化 示范 检测 制造 研究 焊接 共享 计算 转化 应用 建设 生产 服务 发展 投资 管理 装备 运营 招商 促进 "
    "监察 考核 保障 更新 规划 智造 联动 配套 高端 智能 绿色 先进 新型 综合 特色 现代 控股 推广 扩建 改扩建 技改 扩能 精密".split()
)
_FUNCTION_TAGS = ("p", "c", "u", "d", "r", "m", "q", "f", "x", "y", "e", "o", "t", "ns")  # 与|达, 在|建: no trade name
_FUNCTION_CHARS = frozenset("这那是在的了和与及为将把被从对向于也就都")  # no trade name is made of these
_NAME_BEFORE_PLACE = ("ns", "nt", "nz", "nr", "j", "eng", "n")  # tags of words that may precede a place in a name
_AGENCY_INTERNAL = frozenset("建设 服务 发展 促进".split())
_DEVELOPER_WORDS = frozenset("发展 开发 建设 运营 管理 投资 置业 实业".split())  # …产业园|发展|有限公司
_AFTER_ENTERPRISE = frozenset("管理 服务 发展 集团 孵化 咨询 管理咨询 孵化器".split())  # 企业 inside a firm's name
_CLOSE = {"）": "（", ")": "("}
_OPENING_BRACKETS = "（(“"
_LEADING_NUMBER = re.compile(r"[\d一二三四五六七八九十两百千万]+[个家项批座条所]")
_NUMERAL_WORD = re.compile(r"[一二三四五六七八九十百千万零]{2,}")  # 三一|重工, not 3|个 or 一|批
_ORDINAL = re.compile(r"第[一二三四五六七八九十\d]+")
_PHASE = re.compile(r"[一二三四五六七八九十]+期")
_GENERATION = re.compile(r"第[\d.一二三四五六七八九十]+代$")
# 共同投资|晨达合光通信项目, 由|蔚来控股, 区政府和|坪山区投资推广署
_LEADING_VERB = re.compile(r"(?:投资|出资|新建|兴建|签约|引进|开工)(?:建设)?|[由和及与为向]")
_LIST_MARKER = re.compile(r"(?:[（(]\d{1,2}[）)]|(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.．、)）](?!\d))\s*")  # 1. （2） 三、
_CROSSES = {  # head types a name of this type may contain
    "Company": {"Agency"},
    "Project": {"Company", "Project", "Agency"},
    "Agency": {"Project", "Park", "ambiguous"},
    "Park": set(),
    "Industry": set(),
    "Item": {"Company", "Project", "Agency", "Park", "ambiguous", "Industry"},
}


@memoised
def head_type(token: str) -> str | None:
    """The entity type whose head word ends ``token`` (longest head wins)."""
    suffixes, lengths = _head_suffixes()
    for n in lengths:
        htype = suffixes.get(token[-n:])
        if htype is not None:
            return htype
    return None


@lru_cache(maxsize=1)
def _head_suffixes() -> tuple[dict[str, str], list[int]]:
    """Head word -> its entity type (the first type listing it), and the head lengths, longest first."""
    suffixes: dict[str, str] = {}
    for etype, heads in lexicon().heads.items():
        for h in heads:
            suffixes.setdefault(h, etype)
    return suffixes, sorted({len(h) for h in suffixes}, reverse=True)


def grow_left(text: str, end: int, etype: str, floor: int, segmentation: Tokens) -> int:
    """Start of the name of type ``etype`` whose head part is ``text[end:...]``.

    ``text[floor:end]`` is scanned leftwards, token by token of ``segmentation`` (of ``text``);
    the returned start is >= floor.
    """
    lex = lexicon()
    tags = word_tags()
    tokens = segmentation.between(floor, end)
    limit = MAX_LEN[etype]
    crosses = _CROSSES[etype]
    pos = end
    k = len(tokens) - 1
    while k >= 0:
        tok = tokens[k]
        if tok in _CLOSE:  # keep a glued bracket group whole
            j = k - 1
            while j >= 0 and tokens[j] != _CLOSE[tok]:
                j -= 1
            if j < 0:
                break
            span = sum(len(t) for t in tokens[j : k + 1])
            pos, k = pos - span, j - 1
            continue
        generation = _GENERATION.search(text, max(floor, pos - 10), pos) if tok == "代" else None
        if generation and etype == "Project":  # 成都|第8.6代|AMOLED生产线: a generation is part of the name
            width = pos - generation.start()
            while width > 0 and k >= 0:
                width, k = width - len(tokens[k]), k - 1
            if width < 0:
                break
            pos = generation.start()
            continue
        if tok in _CONJUNCTIONS and etype in ("Project", "Agency", "Industry") and k > 0 and pos < end:
            pos, k = pos - 1, k - 1
            continue
        if etype == "Company" and tok == "企业" and pos < end and tokens[k + 1] not in _AFTER_ENTERPRISE:
            break  # 链主企业|东风汽车股份有限公司 (not 某某|企业|管理有限公司)
        internal = etype in ("Agency", "Company") or etype == "Project" and pos == end  # (研发|服务|平台)
        if (tok in lex.boundary_words and not (internal and tok in _AGENCY_INTERNAL)) \
                or tok.isspace():
            break
        if etype == "Industry" and pos < end and tags.get(tok, "").startswith("ns"):
            break
        tag = tags.get(tok)
        task = etype == "Agency" and pos < end and tokens[k + 1] == "工作"  # 巡察|工作|领导小组: the body's task
        task = task or etype == "Agency" and tok == "驻"  # 武汉海关|驻|东湖综保区办事处: an office stationed away
        if etype in ("Company", "Project", "Item") and _unknown_pair(tokens, k, tags):
            tok = tokens[k - 1] + tok  # 信|达 生物制药有限公司: two lone characters jieba did not know spell a trade name
            k -= 1
        elif not task and _ends_name(tok, tag, etype, inside=pos < end) and not _lone_part(tokens, k, tags, etype):
            break
        if pos < end and len(tokens[k + 1]) > 1 and tags.get(tokens[k + 1], "").startswith("ns") \
                and not _joins_place(tok, tag) and not (etype == "Agency" and tok == "驻"):
            break  # 活动|郑州航空港区, 这是|郑州…园: a place name opens the name (not a lone 湖 of 独墅|湖)
        htype = head_type(tok)
        developer = etype == "Company" and pos < end and tokens[k + 1] in _DEVELOPER_WORDS
        if htype is not None and htype != etype and htype not in crosses and not developer:
            break  # (but 天健湖大数据产业园|发展|有限公司: a firm that develops a park bears its name)
        stationed = etype == "Agency" and pos < end and tokens[k + 1] == "驻"  # 武汉海关|驻|…办事处
        if htype == etype and etype not in crosses and not (etype == "Company" and pos == end) and not stationed:
            break  # (but 集团|股份有限公司: a firm's head may itself be two head words)
        if end - (pos - len(tok)) > limit:
            break
        pos -= len(tok)
        k -= 1
    return name_start(text, pos, end)


def _ends_name(tok: str, tag: str | None, etype: str, *, inside: bool) -> bool:
    """Does a word of this tag (a verb, preposition, number …) end a name grown leftwards, being none of the
    words names carry: 研发, 零部件, 第二, 三一|重工, 青岛|西海岸|新区, 河南|海外|仓…公司?"""
    if etype == "Park" and tag == "b" and tok not in _NAME_VERBS:
        return True  # 晋级|省级|经济技术开发区: a zone's rank, not its name (综合|保税区 is one)
    if not tag or not tag.startswith(_STOP_TAGS) or tag == "vn":
        return False
    if etype == "Item" and not inside and tag.startswith("v"):
        return False  # 带动|文远|知行、小马智行等企业: the word before a list's separator belongs to its first name
    if tok in _NAME_VERBS or tok.isdigit() or tok in lexicon().industries or _ORDINAL.fullmatch(tok):
        return False
    if etype in ("Company", "Project") and inside and _NUMERAL_WORD.fullmatch(tok):
        return False
    return not (etype in ("Park", "Company") and tag == "s")


def _lone_part(tokens: list[str], k: int, tags: dict[str, str], etype: str) -> bool:
    """Is the lone character ``tokens[k]`` part of a firm's trade name, whatever its tag: after a brand word
    (信|大捷|安|信息技术股份有限公司), or opening the text grown over before one (、|达|维多|企业管理有限公司)?"""
    tok = tokens[k]
    if etype != "Company" or len(tok) != 1:
        return False
    if k > 0:
        return _brand_like(tokens[k - 1], tags)
    return len(tokens) > 1 and tags.get(tok, "").startswith("v") and tok not in _FUNCTION_CHARS \
        and _brand_like(tokens[1], tags)


def _brand_like(token: str, tags: dict[str, str]) -> bool:
    """Is ``token`` a proper name jieba knows (tagged nz, nt, nr, j) or a word it does not know?"""
    tag = tags.get(token)
    return tag.startswith(("nz", "nt", "nr", "j")) if tag else _unknown_word(token)


def _unknown_word(token: str) -> bool:
    """A word jieba does not know, of letters or characters that are no function words: most often a trade name."""
    return token.isalnum() and not set(token) & _FUNCTION_CHARS


def _unknown_pair(tokens: list[str], k: int, tags: dict[str, str]) -> bool:
    """Are ``tokens[k-1:k+1]`` two lone characters that read as one unknown word, not a function word and a letter?"""
    if k == 0 or len(tokens[k]) != 1 or len(tokens[k - 1]) != 1 or not (is_cjk(tokens[k]) and is_cjk(tokens[k - 1])):
        return False
    if k >= 2 and len(tokens[k - 2]) == 1 and is_cjk(tokens[k - 2]):
        return False  # a longer run of lone characters is no single trade name
    return tokens[k - 1] == "中" or not tags.get(tokens[k - 1], "x").startswith(_FUNCTION_TAGS)  # 中|船: state firms


def _joins_place(token: str, tag: str | None) -> bool:
    """May ``token`` stand before a place name inside one name (河南省|郑州, 中铁联集|郑州, 广汽传祺|杭州)?
    A word jieba does not know is most often a trade name."""
    return bool(tag) and tag.startswith(_NAME_BEFORE_PLACE) or not tag and _unknown_word(token)  # (not 这是|郑州…)


def name_start(text: str, start: int, end: int) -> int:
    """Where a name inside ``text[start:end]`` opens: after any list marker (1. （2） 三、), count (3个),
    leading verb or preposition (共同投资, 由) and symbol (：, //, *) a name cannot open with."""
    while True:
        opened, start = start, _past_symbols(text, start, end)
        for opener in (_LIST_MARKER, _LEADING_NUMBER, _LEADING_VERB):
            m = opener.match(text, start, end)
            if m and end - m.end() >= 2:
                start = m.end()
        if start == opened:
            return start


def _past_symbols(text: str, start: int, end: int) -> int:
    """The first offset from ``start`` that is a letter, digit or opening bracket (a name cannot open with ：, //, *)."""
    while start < end and not (text[start].isalnum() or text[start] in _OPENING_BRACKETS):
        start += 1
    return start


def marker_length(item: str) -> int:
    """Length of the list marker (and symbols) an item of a list opens with: ``：1.`` ``（2）`` ``三、``."""
    start = _past_symbols(item, 0, len(item))
    m = _LIST_MARKER.match(item, start)
    return m.end() if m and len(item) - m.end() >= 2 else start


@memoised
def is_generic(name: str, head: str, *, industries_generic: bool = False, place_names: bool = False) -> bool:
    """True when ``name`` is a generic phrase: nothing left but modifiers and its head.

    With ``industries_generic`` an industry word counts as a modifier too, so that
    ``电子信息产业项目`` or ``先进制造业基地`` (no proper name in them) are generic,
    and so does a place name, unless ``place_names`` (parks are named after places: 台湾科技园).
    """
    core = name[: len(name) - len(head)] if head and name.endswith(head) else name
    core = re.sub(r"[\d\s%（）()“”\"]+|[一二三四五六七八九十两百千]+[大个项家类批]", "", core.removesuffix("项目"))
    lex = lexicon()
    if word_tags().get(core) == "nt" and core not in lex.generic_words and core not in lex.categories:
        return False  # 招商局|集团有限公司: one word jieba knows as an organisation's name, not 招商 and 局
    if industries_generic:
        core = lex.zone_re.sub("", core)
    longer, opening = _modifiers(industries_generic)
    core = opening.sub("", longer.sub("", core), count=1)
    if industries_generic and not place_names:
        if core and may_open_with_tag(core, ("ns",)) and all(word_tags().get(tok, "").startswith("ns") for tok in cut(core)):
            return True  # nothing but a place name left (郑州高新区|不断完善项目)
    return len(core) < 2 or _PHASE.fullmatch(core) is not None  # 二期|项目: a phase of no named project


@lru_cache(maxsize=2)
def _modifiers(with_industries: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Generic words of two characters or more (and, if asked, industry words) as one pattern, and the
    one-character modifiers (该, 新, 子) that count only where the name opens (光子 and 大众 keep theirs).

    The longer words go first, so that 新能源汽车 is one word, not a modifier 新 before 能源汽车.
    """
    lex = lexicon()
    words = {*lex.generic_words, *(lex.industries if with_industries else ())}
    single = "".join(sorted(w for w in words if len(w) == 1))
    opening = f"^[{re.escape(single)}]*" if single else "^"
    return re.compile(alternation([w for w in words if len(w) > 1])), re.compile(opening)


def balanced_brackets(name: str) -> bool:
    """Brackets close what they open, and the name does not open with one (（一期）, 金融平台（总部)."""
    depth = 0
    for ch in name:
        depth += ch in "（("
        depth -= ch in "）)"
        if depth < 0:
            return False
    return depth == 0 and name[:1] not in "（("
