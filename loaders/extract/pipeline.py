"""From clean text to merged entities and relations."""
from __future__ import annotations

import re

from loaders.extract.amounts import FUNDS_BUILDING, Amount, parse_amount
from loaders.extract.companies import (
    company_key, declared_aliases, investor_mention, is_trade_name, joint_venture_mentions,
)
from loaders.extract.heads import head_mentions
from loaders.extract.industries import industry_key, industry_mentions
from loaders.extract.lexicon import cut, lexicon
from loaders.extract.lists import ListMatch, enumerations, project_lists
from loaders.extract.mentions import Mention, SpanIndex
from loaders.extract.registry import Candidate, Registry
from loaders.extract.relations import Context, Found, find_relations
from loaders.extract.text import TABLE_ROW, Sentence, separator_mask, separator_runs, sentences
from loaders.extract.tokens import Tokens
from loaders.extract.zone import main_zone, zone_mentions

_EVIDENCE_MAX = 160
_INDUSTRY_CONTEXT = re.compile(
    r"产业|行业|领域|业态|集群|主导|新兴|聚焦|围绕|培育|打造|引进|招引|从事|主营|发展|布局|壮大|细分|链"
)
_BAD_NAME = re.compile(r"^[“”\"‘’]|[+＋]")
_PROJECT_END = re.compile(r"(?:项目|期)[）)]?$")  # …项目, …二期, …项目（一期）
_PROJECT_AFTER = re.compile(r"等?(?:重点|重大|重要|在建|新建|续建)?项目")  # 中铁…产业园等重点项目建设
_RECURRING = ("Company", "Park", "Project")  # types whose names are found again once known
_MIN_RECURRING = 4  # shortest park or project name found again on its own
_LIST_GAP = re.compile(r"等|[\d一二三四五六七八九十两百]+个")  # 通威…基地|等重大项目28个，总投资: the list's total
_INVESTMENT = re.compile(r"(?:总?投资|投资额)\s*(?:约|超|近)?\s*")


def build(text: str) -> tuple[list[Candidate], list[Found], dict[int, dict[str, object]]]:
    """Entities (in order of first appearance), relations and entity attributes."""
    mask = separator_mask(text)
    sents = sentences(text)
    tokens = Tokens(text)
    zones = zone_mentions(text, mask, tokens)
    registry = Registry(main_zone(zones))
    lists: list[ListMatch] = []
    for s in sents:
        lists.extend(project_lists(text, s.start, s.end))
        lists.extend(enumerations(text, s.start, s.end, tokens))
    runs = separator_runs(mask)
    found = [*head_mentions(text, runs, tokens), *industry_mentions(text, runs, tokens), *joint_venture_mentions(text)]
    list_items = [it for lm in lists for it in lm.items]
    mentions = _resolve(text, zones, found, list_items, registry)
    mentions = _topical_industries(mentions, sents, list_items)
    placed: list[tuple[Mention, Candidate]] = [(m, registry.add(m)) for m in mentions]
    investors = []
    for m, c in list(placed):
        if c.type == "Project":
            inv = investor_mention(m)
            if inv is not None:
                comp = registry.add(inv)
                placed.append((inv, comp))
                investors.append((comp, c, m))
    placed.extend(_declared(text, placed, registry))
    moved = registry.merge_company_prefixes()
    placed = [(m, moved.get(id(c), c)) for m, c in placed]
    investors = [(moved.get(id(a), a), b, m) for a, b, m in investors]
    placed.extend(_recurrences(text, placed, tokens))
    placed.sort(key=lambda p: (p[0].start, -p[0].end))
    list_links = [_place_list(lm, registry) for lm in lists]
    ctx = Context(text, sents, registry, placed, [l for l in list_links if l], investors)
    relations = find_relations(ctx)
    candidates = registry.candidates()
    attrs = {id(c): _attrs(c, text, sents) for c in candidates}
    for f in relations:
        f.start, f.end = _trim(text, f.start, f.end, f.head, f.tail)
    return candidates, relations, attrs


def _resolve(
    text: str, zones: list[Mention], found: list[Mention], items: list[Mention], registry: Registry
) -> list[Mention]:
    """Drop nested/duplicate mentions and decide park-or-project names."""
    project_keys = {registry.key("Project", m.text, "") for m in [*found, *items] if m.type == "Project"}
    out: list[Mention] = []
    for m in [*items, *found]:
        if m.type == "ambiguous":
            is_project = (
                registry.key("Project", m.text, "") in project_keys
                or TABLE_ROW.match(text, text.rfind("\n", 0, m.start) + 1) is not None  # a row of a project table
                or _PROJECT_END.search(m.text) is not None
                or _PROJECT_AFTER.match(text, m.end) is not None
            )
            m.type = "Project" if is_project else "Park"
        out.append(m)
    _widen_items(text, items, found)
    spans, item_spans = SpanIndex(out), SpanIndex(items)
    kept: list[Mention] = []
    for m in out:
        if m.source == "head" and any(t == m.type for _, _, t in item_spans.enclosing(m.start, m.end)):
            continue
        if m.type != "Agency" and _BAD_NAME.search(m.text):
            continue
        if m.type == "Industry" and any(
            (b - a) > (m.end - m.start) and t != "Agency" for a, b, t in spans.enclosing(m.start, m.end)
        ):
            continue
        if m.type == "Project" and any(b > m.end and t == "Agency" for _, b, t in spans.enclosing(m.start, m.end)):
            continue  # 产城更新项目|指挥部: the project names the agency, it is not one itself
        if m.type == "Agency" and any(b > m.end and t == "Company" for _, b, t in spans.enclosing(m.start, m.end)):
            continue  # 招商局|集团有限公司: a firm named after a bureau is no bureau
        if m.type == "Company" and m.source == "head" and _core_is_industry(m.text):
            continue
        kept.append(m)
    for z in zones:
        is_main = registry.key("Park", z.text, "zone").startswith("@")
        if is_main or not any((b - a) > (z.end - z.start) for a, b, _ in spans.enclosing(z.start, z.end)):
            kept.append(z)
    return sorted(kept, key=lambda m: (m.start, -m.end))


def _widen_items(text: str, items: list[Mention], found: list[Mention]) -> None:
    """A list item cut short at its left (云杰|新科技…基地项目) takes the start of the longest name of its
    type that ends where it ends: another list's item or a head-word name."""
    starts: dict[tuple[int, str], int] = {}
    for m in [*items, *(m for m in found if m.source == "head")]:
        key = (m.end, m.type)
        starts[key] = min(starts.get(key, m.start), m.start)
    for item in items:
        start = starts[(item.end, item.type)]
        if start < item.start:
            item.text = text[start : item.start] + item.text
            item.start = start


def _topical_industries(mentions: list[Mention], sents: list[Sentence], items: list[Mention]) -> list[Mention]:
    """Keep an industry only if some mention of it stands where industries are discussed."""
    topical: set[str] = set()
    in_lists = {(m.start, m.end) for m in items}
    k = 0
    for m in mentions:
        if m.type != "Industry":
            continue
        while k < len(sents) - 1 and sents[k].end <= m.start:
            k += 1
        if m.source != "lexicon" or (m.start, m.end) in in_lists or _INDUSTRY_CONTEXT.search(sents[k].text):
            topical.add(industry_key(m.text))
    return [m for m in mentions if m.type != "Industry" or industry_key(m.text) in topical]


def _core_is_industry(name: str) -> bool:
    lex = lexicon()
    for head in ("公司", "集团"):
        if name.endswith(head):
            return name[: -len(head)] in lex.industries
    return False


def _declared(text: str, placed: list[tuple[Mention, Candidate]], registry: Registry) -> list[tuple[Mention, Candidate]]:
    """``X（下称Y）``: Y is another name of the firm, zone or project X just before (天津经济技术开发区（简称“泰达”）)."""
    out = []
    for pos, alias in declared_aliases(text):
        before = [(m, c) for m, c in placed if c.type in ("Company", "Park", "Project") and m.end == pos]
        if not before:
            continue
        cand = before[-1][1]
        cand.forms.append(alias)
        start = text.find(alias, pos)
        for k in range(len(text)):
            k = text.find(alias, start)
            if k < 0:
                break
            m = Mention(cand.type, alias, k, k + len(alias), source="alias")
            cand.spans.append((m.start, m.end))
            out.append((m, cand))
            start = k + len(alias)
    return out


def _recurrences(text: str, placed: list[tuple[Mention, Candidate]], tokens: Tokens) -> list[tuple[Mention, Candidate]]:
    """Names found once, found again wherever they recur on their own.

    A firm named in full once is often named later by its trade name alone (富士康科技集团 … 为富士康供应),
    and a park or firm first met in a list is named again bare (天府软件园、成都芯谷等园区 … 成都芯谷重点发展).
    """
    taken = SpanIndex(m for m, _ in placed)
    forms: dict[str, Candidate] = {}
    for cand in {id(c): c for _, c in placed if c.type in _RECURRING}.values():
        for form in _recurring_forms(cand):
            forms.setdefault(form, cand)
    if not forms:
        return []
    out = []
    alternation = re.compile("|".join(map(re.escape, sorted(forms, key=lambda f: (-len(f), f)))))
    for found in alternation.finditer(text):
        start, end = found.span()
        if next(taken.enclosing(start, end), None) or not (tokens.is_start(start) and tokens.is_end(end)):
            continue
        cand = forms[found.group()]
        if found.group() not in cand.forms:
            cand.forms.append(found.group())
        cand.spans.append((start, end))
        out.append((Mention(cand.type, found.group(), start, end, source="alias"), cand))
    return out


def _recurring_forms(cand: Candidate) -> list[str]:
    """The forms of an entity worth finding again: its names, and for a firm its trade name."""
    name = cand.name()
    if cand.type != "Company":
        return [f for f in cand.forms if len(f) >= _MIN_RECURRING]
    key = company_key(name)
    industry = lexicon().industry_re.search(key, 2)  # 一汽丰田|汽车: the trade name before its industry
    shorts = {key, *(f for f in cand.forms if len(f) < len(name)), *([key[: industry.start()]] if industry else [])}
    words = cut(key)
    if len(words) >= 3:
        shorts.add(words[0] + words[-1])  # 中铁工程装备集团有限公司 -> 中铁装备: the trade name and the trade
    return [name, *(s for s in sorted(shorts) if s != name and is_trade_name(s))]


def _place_list(lm: ListMatch, registry: Registry):
    items = []
    for it in lm.items:
        cand = registry.get(it.type, it.text, it.source)  # (a folded firm's key finds the firm it is part of)
        if cand is not None:
            items.append(cand)
    if not items:
        return None
    parent = None
    if lm.parent is not None and not any(registry.get(t, lm.parent.text, "") for t in ("Park", "Company", "Project")):
        parent = registry.get("Industry", lm.parent.text) or registry.add(lm.parent)  # (成都芯谷重点发展A、B: a park)
    return lm, items, parent


def _attrs(c: Candidate, text: str, sents: list[Sentence]) -> dict[str, object]:
    attrs = {k: v for k, v in c.attrs.items() if k in ("stage", "role")}
    if c.type == "Project":  # a park's 总投资 is the sum of its projects, not its own
        start, end = min(c.spans)
        for s in sents:
            if s.start <= start < s.end:
                m = _INVESTMENT.search(s.text, end - s.start)
                own = m and m.start() - (end - s.start) < 12 and not _LIST_GAP.search(s.text, end - s.start, m.start())
                amount = parse_amount(s.text[m.end() : m.end() + 16]) if own else None
                if amount is None:
                    amount = _funded_before(s.text, start - s.start)
                if amount is not None:
                    if amount.cny is not None:
                        attrs["investment_cny"] = amount.cny
                    else:
                        attrs["investment_original"] = amount.original
                break
    return attrs


def _funded_before(sentence: str, at: int) -> Amount | None:
    """The amount of ``投资20亿元建设的|<project>``: the investment stated just before a project's name."""
    for m in FUNDS_BUILDING.finditer(sentence, max(0, at - 40), at):
        if m.end() == at and m.group("amount"):
            return parse_amount(m.group("amount"))
    return None


def _trim(text: str, start: int, end: int, head: Candidate, tail: Candidate) -> tuple[int, int]:
    """Shorten long evidence to a window around the two entities' mentions."""
    if end - start <= _EVIDENCE_MAX:
        return start, end
    points = [p for c in (head, tail) for s, e in c.spans if start <= s < end for p in (s, e)]
    if not points:
        return start, start + _EVIDENCE_MAX
    lo, hi = min(points), max(points)
    lo = max(start, min(lo, hi - _EVIDENCE_MAX))
    return lo, min(end, max(hi, lo + 20))
