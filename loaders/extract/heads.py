"""Find names that end in a head word (有限公司, 指挥部, 基地, 产业园 ...)."""
from __future__ import annotations

import re
from functools import lru_cache

from loaders.extract.lexicon import is_one_common_word, lexicon, word_tags
from loaders.extract.mentions import Mention
from loaders.extract.names import balanced_brackets, grow_left, head_type, is_generic
from loaders.extract.tokens import Tokens

_TAIL = re.compile(r"(?:[东西南北中]区)?(?:[（(][^）)，,、]{1,8}[）)])?(?:[一二三四五六七八九十\d]+期)?(?:项目)?"
                   r"(?:[（(](?:[一二三四五六七八九十\d]+期|[东西南北中]区)[）)])?")  # …项目（一期）
_LIST_TAIL = re.compile(r"(?:等|[\d一二三四五六七八九十两百]+个)(?:重点|重大)?$")
_SELF_STANDING = frozenset({"市委", "市政府", "省委", "省政府", "区委", "区政府", "县委", "县政府", "管委会", "党工委",
                            "投资促进局", "招商局", "发改委", "经信委", "工信委", "卫健委", "住建委"})
_NOT_BUREAUS = ("格局", "布局", "大局", "结局", "全局", "当局", "僵局", "开局", "变局", "新局", "出局", "定局", "残局",
                "棋局", "骗局", "饭局", "赌局", "危局", "终局", "时局")  # words that end in 局 and name no bureau
_BARE_ZONE_WORDS = frozenset({"区", "全区", "我区", "本区"})
_EXTENDABLE = frozenset({"Project", "ambiguous", "Park"})


@lru_cache(maxsize=1)
def _head_types() -> dict[str, str]:
    return {h: t for t, hs in lexicon().heads.items() for h in hs}


def head_mentions(text: str, runs: list[tuple[int, int]], tokens: Tokens) -> list[Mention]:
    """All head-word names in the separator-free ``runs`` of ``text``."""
    types = _head_types()
    out: list[Mention] = []
    for s, e in runs:
        seg = text[s:e]
        taken: list[tuple[int, int, str]] = []
        for m in reversed(list(lexicon().head_re.finditer(seg))):
            htype = types[m.group()]
            if _LIST_TAIL.search(seg, 0, m.start()):
                continue  # 盛创二期、北斗星通|等项目, 生物城|等园区, 产业园|3个项目: the tail of a list, not a name
            klass = "Project" if htype in _EXTENDABLE else htype
            if any(a <= m.start() and m.end() <= b and k == klass for a, b, k in taken):
                continue
            if not _on_token(tokens, s + m.start(), m.group(), e):
                continue
            tail_end = m.end()
            if htype in _EXTENDABLE:
                tail_end = _TAIL.match(seg, m.end()).end()
            walk_type = "Project" if htype == "ambiguous" else htype
            name_start = grow_left(text, s + m.start(), walk_type, s, tokens) - s if m.start() else 0
            while seg.startswith("项目", name_start) and tail_end - name_start > 4:
                name_start += 2  # 该项目|铝板带箔智能工厂: a name does not open with 项目
            name = seg[name_start:tail_end]
            if not balanced_brackets(name):
                continue  # （一期）, 金融平台（总部: a bracket cut in two is no name
            if name not in _SELF_STANDING and not _zone_body(name, m.group()) and is_generic(
                name, m.group(), industries_generic=klass == "Project",
                place_names=htype in ("ambiguous", "Park") and not name.endswith("项目")
            ):
                continue
            if klass == "Company" and is_one_common_word(name[: len(name) - len(m.group())]):
                continue  # 电缆|有限公司: a firm's name needs a trade name, not just its line of business
            taken.append((name_start, tail_end, klass))
            out.append(Mention(htype, name, s + name_start, s + tail_end))
    return out


def _zone_body(name: str, head: str) -> bool:
    """新区管委会, 开发区党工委, 区党工委: a zone's own body named by the bare zone word."""
    zone = name[: len(name) - len(head)]
    return head in _SELF_STANDING and (zone in _BARE_ZONE_WORDS or lexicon().zone_re.fullmatch(zone) is not None)


def _on_token(tokens: Tokens, start: int, head: str, seg_end: int) -> bool:
    """A head must end a token and not sit inside an ordinary word (格局, 子公司)."""
    end = start + len(head)
    if tokens.is_start(start) and (end == seg_end or tokens.is_start(end)):
        return True  # (asked first: at a block's edges this needs no segmentation)
    tok_start, tok = tokens.covering(start)
    if tok_start + len(tok) < end and not tokens.is_start(end) and end != seg_end:
        return False
    if tok_start == start:
        return True
    if tok.endswith(_NOT_BUREAUS):
        return False  # 新格局, 战略布局
    inside = tok[start - tok_start :]
    if len(inside) < len(head) and head.startswith(inside) and head_type(inside) is not None:
        return True  # 许继集团|有限公司: the token ends in the head's own first head word
    return tok not in word_tags() or (len(head) >= 2 or len(tok) >= 3) and tok.endswith(head)  # 格局 no, 管理局 yes
