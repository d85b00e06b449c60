"""Relation rules over located mentions, lists and sentences."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from loaders.extract.amounts import FUNDS_BUILDING
from loaders.extract.companies import joint_ventures
from loaders.extract.lists import ListMatch
from loaders.extract.mentions import Mention
from loaders.extract.registry import Candidate, Registry
from loaders.extract.text import TABLE_ROW, Sentence
from loaders.extract.zone import is_standalone

_ZONE_AGENCIES = re.compile(r"^(?:管委会|管理委员会|党工委|工委|纪检监察工委|党委)$")
_LEADERSHIP = re.compile(r"在(?P<who>[^，,。]{2,20}?)的?(?:正确|坚强|统一)?领导下")
_FOCUS = re.compile(
    r"聚焦|围绕|重点引进|引进|招引|培育|发展|打造|壮大|布局|主导产业|新兴产业|未来产业|前沿产业|细分产业|产业集群|"
    r"突破|支持|推进|做大|做强|集聚"
)
_SETTLE = re.compile(r"入驻|落户|坐落在|坐落于|位于|落地")
_SUBSIDIARY = re.compile(r"的(?:全资|控股)?子公司")
_IS = re.compile(r"是|为")
_INVESTOR_IS = re.compile(r"投资(?:方|主体|单位)(?:为|是)")
_OPERATOR = re.compile(r"由(?P<who>[^，,。]{2,30}?)(?:投资|开发|建设|运营|打造)")
_AGREEMENT = re.compile(r"签订|签署|共同投资|联合投资")
_FUNDER_GAP = re.compile(r"\s*(?:(?:拟|将|计划)?(?:在|于)[^，,。；;、]{1,12}?)?\s*")  # X|在高新区|投资建设的Y
_PLANS = re.compile(r"拟(?:在|于)?")
_BUSINESS = re.compile(r"(?:主要|主营|专业)?(?:从事|专注于|致力于|主营)")
_CLAUSE_TEXT = re.compile(r"[^，,。；;]*")
_LEADER = re.compile(r"作为(?P<what>[^，,。；;]{2,24}?)的?(?:领军者|领军企业|龙头企业|龙头|排头兵|领跑者|领先者)")
_SUPPLY = re.compile(r"(?:(?<![作成认因行])为|向)(?P<rest>[^。；;]{1,30}?)(?:供应|供货|配套|提供)")  # (not 作为…配套)
_SUPPLIERS_LED = re.compile(r"带动[^。；;]{1,30}?等?配套(?:企业|厂商)")  # X带动A、B等配套企业: A, B supply X
_THIS_PROJECT = re.compile(r"[该本此]项目")
_TOPIC_MAX = 20  # longest opening sentence read as a paragraph's topic
_CHAIN_STAGE = re.compile(r"[上中下]游")
_PARK_AS_SUBJECT = re.compile(r"(?:^|(?<=[，,。；;]))(?:该|本)?园区(?:拟|已|将|内)?(?:入驻|集聚|汇聚|引进)")
_THIS_FIRM = re.compile(r"[该此](?:公司|企业|集团)")
_THIS_PARK = re.compile(r"[该此本](?:园区|园|基地)|园区内")
_LIST_TAIL_OPENING = re.compile(r"等(?:[\d一二三四五六七八九十百]+(?:余|多)?家)?")  # A、B|等|自动驾驶企业
_CHARGE_AGENCY = {"办事处党工委": "党工委", "办事处": "管委会", "局": "管委会", "工作部": "党工委"}


@dataclass
class Found:
    """A relation between two entities, with the clean-text span of its evidence."""

    type: str
    head: Candidate
    tail: Candidate
    start: int
    end: int


@dataclass
class Context:
    """Everything the rules read."""

    text: str
    sentences: list[Sentence]
    registry: Registry
    placed: list[tuple[Mention, Candidate]]  # every mention with its entity
    lists: list[tuple[ListMatch, list[Candidate], Candidate | None]]
    investors: list[tuple[Candidate, Candidate, Mention]]  # (company, project, project mention)
    found: list[Found] = field(default_factory=list)
    _seen: set[tuple[str, int, int]] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._sentence_starts = [s.start for s in self.sentences]
        self._placed_starts = [m.start for m, _ in self.placed]  # placed is sorted by start

    def add(self, rtype: str, head: Candidate | None, tail: Candidate | None, start: int, end: int) -> None:
        if head is None or tail is None or head is tail:
            return
        key = (rtype, id(head), id(tail))
        if key not in self._seen:
            self._seen.add(key)
            self.found.append(Found(rtype, head, tail, start, end))

    def sentence_at(self, pos: int) -> Sentence:
        k = bisect_right(self._sentence_starts, pos) - 1
        if k >= 0 and pos < self.sentences[k].end:
            return self.sentences[k]
        return self.sentences[-1]

    def last_before(self, pos: int, *types: str, skip: Candidate | None = None) -> Candidate | None:
        """The last entity of one of ``types`` (other than ``skip``) named before ``pos``: what 该公司 or
        该园区 refers to."""
        for k in range(bisect_left(self._placed_starts, pos) - 1, -1, -1):
            cand = self.placed[k][1]
            if cand.type in types and cand is not skip:
                return cand
        return None

    def in_sentence(self, s: Sentence, *types: str) -> list[tuple[Mention, Candidate]]:
        lo, hi = bisect_left(self._placed_starts, s.start), bisect_left(self._placed_starts, s.end)
        return [(m, c) for m, c in self.placed[lo:hi] if c.type in types]


def find_relations(ctx: Context) -> list[Found]:
    """Apply every rule; relations come out in rule order, de-duplicated."""
    for rule in (_from_lists, _investors, _located, _administers, _part_of, _invests, _business_lines, _leaders,
                 _named_industry, _supplies, _chain_stages, _paragraph_topics, _focus):
        rule(ctx)
    return ctx.found


def _first_sentence(ctx: Context, cand: Candidate) -> Sentence:
    return ctx.sentence_at(cand.first)


def _from_lists(ctx: Context) -> None:
    main = ctx.registry.main_zone()
    for lm, items, parent in ctx.lists:
        s, e = lm.sentence_start, lm.sentence_end
        referent = _referent(ctx, lm)
        clients = _are_clients(ctx, lm)  # 为A、B等终端企业供货: firms served from here, whose trade is not the supplier's
        site = _list_site(ctx, lm, main)
        for item in items:
            if item.type == "Industry":
                if referent is not None:  # 该项目以A、B、C为重点, 园区拟入驻企业涵盖A、B
                    ctx.add("IN_INDUSTRY" if referent.type == "Project" else "FOCUSES_ON", referent, item, s, e)
                elif main is not None and lm.kind == "Industry":
                    ctx.add("FOCUSES_ON", main, item, s, e)
                    if "role" in lm.extra:
                        item.attrs.setdefault("role", lm.extra["role"])
                if parent is not None and lm.kind == "Industry":
                    ctx.add("SUB_INDUSTRY_OF", item, parent, s, e)
            elif item.type == "Company":
                if not clients:
                    ctx.add("LOCATED_IN", item, site, s, e)
                ctx.add("IN_INDUSTRY", item, parent or (None if clients else _nearest_industry(ctx, lm)), s, e)
            elif item.type == "Project":
                ctx.add("IN_INDUSTRY", item, parent, s, e)
                if site is not main:  # 知识城…新签约项目46个，包括A、B: projects of that park (the zone gets them anyway)
                    ctx.add("LOCATED_IN", item, site, s, e)


def _list_site(ctx: Context, lm: ListMatch, main: Candidate | None) -> Candidate | None:
    """Where a list's firms are: a park of the zone named before them in the sentence (生物城…已集聚A、B),
    the park 该园区 refers to, else the zone itself."""
    s = ctx.sentence_at(lm.sentence_start)
    first = lm.items[0].start
    parks = [c for m, c in ctx.in_sentence(s, "Park") if m.end <= first and c is not main]
    if parks:
        return parks[-1]
    if _THIS_PARK.search(ctx.text, s.start, first):
        return ctx.last_before(s.start, "Park", skip=main) or main
    return main


def _are_clients(ctx: Context, lm: ListMatch) -> bool:
    """Are the list's firms the clients a supplier serves (为A、B等企业配套)? Those may sit anywhere."""
    s = ctx.sentence_at(lm.sentence_start)
    first = lm.items[0].start - s.start
    return any(m.start() < first < m.end() for m in _SUPPLY.finditer(s.text))


def _referent(ctx: Context, lm: ListMatch) -> Candidate | None:
    """The project or park a list is about: ``该项目`` refers to the last project named before it,
    a clause opening with ``园区`` (园区拟入驻企业涵盖A、B) to the last park or project of the zone."""
    first = min((m.start for m in lm.items), default=lm.sentence_start)
    ref = _THIS_PROJECT.search(ctx.text, lm.sentence_start, first)
    types = ("Project",)
    if ref is None:
        ref, types = _PARK_AS_SUBJECT.search(ctx.text, lm.sentence_start, first), ("Project", "Park")
    if ref is None:
        return None
    return ctx.last_before(ref.start(), *types, skip=ctx.registry.main_zone())


def _nearest_industry(ctx: Context, lm: ListMatch) -> Candidate | None:
    """The industry a list of firms stands for: the one its tail names (A、B等自动驾驶企业), else the one
    named before it in the sentence (none if several are), else the first after it
    (依托A、B等产业基础，将生物医药打造成为…)."""
    s = ctx.sentence_at(lm.sentence_start)
    first = min(m.start for m in lm.items) if lm.items else s.start
    last = max(m.end for m in lm.items) if lm.items else s.start
    industries = ctx.in_sentence(s, "Industry")
    own = [c for m, c in industries if _LIST_TAIL_OPENING.fullmatch(ctx.text, last, m.start)]
    if own:
        return own[0]
    before = list({id(c): c for m, c in industries if m.end <= first}.values())
    after = [c for m, c in industries if m.start >= last]
    if len(before) > 1:
        return None  # 聚焦A、B、C三大产业，已集聚X、Y等企业: which firm is in which is not said
    return before[-1] if before else after[0] if after else None


def _investors(ctx: Context) -> None:
    for company, project, mention in ctx.investors:
        s = ctx.sentence_at(mention.start)
        ctx.add("INVESTS_IN", company, project, s.start, s.end)


def _located(ctx: Context) -> None:
    main = ctx.registry.main_zone()
    for s in ctx.sentences:
        verb = _SETTLE.search(s.text)
        if not verb:
            continue
        at = s.start + verb.start()
        parks = [(m, c) for m, c in ctx.in_sentence(s, "Park") if m.start >= at]
        movers = [(m, c) for m, c in ctx.in_sentence(s, "Project", "Company") if m.end <= at or m.start >= at]
        for _, park in parks[:1]:
            for _, mover in movers:
                ctx.add("LOCATED_IN", mover, park, s.start, s.end)
                if park is not main and not _is_peer(park):
                    ctx.add("LOCATED_IN", mover, main, s.start, s.end)
    for cand in ctx.registry.candidates():
        if cand.type in ("Project", "Park") and cand is not main and not _is_peer(cand):
            s = _first_sentence(ctx, cand)
            ctx.add("LOCATED_IN", cand, main, s.start, s.end)


def _is_peer(park: Candidate) -> bool:
    """Is the park another zone beside the report's (长沙高新区 in a report on 长沙经开区), not one inside it?"""
    return any(is_standalone(form) for form in park.forms)


def _administers(ctx: Context) -> None:
    main = ctx.registry.main_zone()
    for cand in ctx.registry.candidates():
        if cand.type == "Agency" and _ZONE_AGENCIES.match(cand.key):
            s = _first_sentence(ctx, cand)
            ctx.add("ADMINISTERS", cand, main, s.start, s.end)
    for s in ctx.sentences:
        for m in _LEADERSHIP.finditer(s.text):
            a, b = s.start + m.start("who"), s.start + m.end("who")
            for mention, cand in ctx.in_sentence(s, "Agency"):
                if a <= mention.start < b:
                    ctx.add("ADMINISTERS", cand, main, s.start, s.end)
    for mention, cand in ctx.placed:
        if cand.type == "Agency" and cand.key.endswith("运营中心"):
            parks = [c for m, c in ctx.placed if c.type == "Park" and m.start == mention.start and m.end < mention.end]
            for park in parks:
                ctx.add("ADMINISTERS", cand, park, mention.start, mention.end)


def _part_of(ctx: Context) -> None:
    agencies = {c.key: c for c in ctx.registry.candidates() if c.type == "Agency"}
    for cand in agencies.values():
        if any("驻" in form for form in cand.forms):
            continue  # 武汉海关驻…办事处: an office of another body, stationed in the zone
        for suffix, parent_key in _CHARGE_AGENCY.items():
            if cand.key.endswith(suffix) and cand.key != parent_key:
                wanted = "党工委" if "党" in cand.key else parent_key
                parent = agencies.get(wanted) or agencies.get(parent_key)
                s = _first_sentence(ctx, cand)
                ctx.add("PART_OF", cand, parent, s.start, s.end)
                break


@dataclass
class _Cast:
    """The firms, projects and parks named in one sentence, and the last project named before it."""

    s: Sentence
    companies: list[tuple[Mention, Candidate]]
    projects: list[tuple[Mention, Candidate]]
    parks: list[tuple[Mention, Candidate]]
    last_project: Candidate | None


def _invests(ctx: Context) -> None:
    """Who invests in what: each pattern below reads one sentence."""
    last_project: Candidate | None = None
    for s in ctx.sentences:
        cast = _Cast(s, ctx.in_sentence(s, "Company"), ctx.in_sentence(s, "Project"), ctx.in_sentence(s, "Park"),
                     last_project)
        for pattern in (_subsidiaries, _joint_ventures, _table_row, _named_investor, _operators, _agreements,
                        _funders, _plans):
            pattern(ctx, cast)
        if cast.projects:
            last_project = cast.projects[-1][1]


def _subsidiaries(ctx: Context, cast: _Cast) -> None:
    """A的全资子公司B; A是B的全资子公司."""
    s, companies = cast.s, cast.companies
    for m in _SUBSIDIARY.finditer(s.text):
        at = s.start + m.start()
        owners = [c for mm, c in companies if mm.end <= at]
        children = [c for mm, c in companies if mm.start >= at + len(m.group()) - 1]
        if not children and len(owners) >= 2 and _IS.search(ctx.text, s.start, at):
            children = owners[:1]  # A是B的全资子公司: the subject is the subsidiary
        for child in children:
            if owners:
                ctx.add("INVESTS_IN", owners[-1], child, s.start, s.end)


def _joint_ventures(ctx: Context, cast: _Cast) -> None:
    """由A与B合资成立的C."""
    s, companies = cast.s, cast.companies
    for founders, b in joint_ventures(ctx.text, s.start, s.end):
        founded = [c for mm, c in companies if b <= mm.start <= b + 1]
        for mm, founder in companies:
            if founded and founders.start() <= mm.start < b:
                ctx.add("INVESTS_IN", founder, founded[0], s.start, s.end)


def _table_row(ctx: Context, cast: _Cast) -> None:
    """A project table's row: the project, then who builds it."""
    s, projects = cast.s, cast.projects
    if projects and TABLE_ROW.match(s.text):
        builders = [c for mm, c in cast.companies if mm.start > projects[0][0].end]
        if builders:
            ctx.add("INVESTS_IN", builders[0], projects[0][1], s.start, s.end)


def _named_investor(ctx: Context, cast: _Cast) -> None:
    """X项目，投资方为Y."""
    s = cast.s
    for m in _INVESTOR_IS.finditer(s.text):
        at = s.start + m.end()
        named = [c for mm, c in cast.companies if at <= mm.start <= at + 1]
        target = cast.projects[0][1] if cast.projects else cast.parks[0][1] if cast.parks else cast.last_project
        if named:
            ctx.add("INVESTS_IN", named[0], target, s.start, s.end)


def _operators(ctx: Context, cast: _Cast) -> None:
    """由X投资建设/运营."""
    s = cast.s
    for m in _OPERATOR.finditer(s.text):
        a, b = s.start + m.start("who"), s.start + m.end("who")
        target = cast.projects[-1][1] if cast.projects else cast.last_project
        for mm, comp in cast.companies:
            if a <= mm.start < b:
                ctx.add("INVESTS_IN", comp, target, s.start, s.end)


def _agreements(ctx: Context, cast: _Cast) -> None:
    """X签订/共同投资…: the firms of the sentence invest in its project (or 本项目)."""
    s = cast.s
    if _AGREEMENT.search(s.text):
        target = cast.projects[-1][1] if cast.projects else (cast.last_project if "本项目" in s.text else None)
        for _, comp in cast.companies:
            ctx.add("INVESTS_IN", comp, target, s.start, s.end)


def _funders(ctx: Context, cast: _Cast) -> None:
    """X(在Z)投资20亿元建设的Y项目: X invests in Y, and Y is in Z."""
    s = cast.s
    for m in FUNDS_BUILDING.finditer(s.text):
        at, after = s.start + m.start(), s.start + m.end()
        funders = [(mm, c) for mm, c in cast.companies if mm.end <= at and _FUNDER_GAP.fullmatch(ctx.text, mm.end, at)]
        built = [c for mm, c in cast.projects if mm.start == after]
        if funders and built:
            funder_end = funders[-1][0].end
            ctx.add("INVESTS_IN", funders[-1][1], built[0], s.start, s.end)
            for mm, park in cast.parks:
                if funder_end <= mm.start and mm.end <= at:
                    ctx.add("LOCATED_IN", built[0], park, s.start, s.end)


def _plans(ctx: Context, cast: _Cast) -> None:
    """X拟在…建设Y: the firm before 拟 invests in the project or park after it."""
    s = cast.s
    plan = _PLANS.search(s.text)
    if plan:
        at = s.start + plan.start()
        subj = [c for mm, c in cast.companies if mm.end <= at]
        after = [c for mm, c in cast.projects if mm.start > at] or [c for mm, c in cast.parks if mm.start > at]
        if subj and after:
            ctx.add("INVESTS_IN", subj[-1], after[0], s.start, s.end)


def _named_industry(ctx: Context) -> None:
    """A project whose name contains an industry of the report belongs to it (上汽发动机项目 -> 发动机)."""
    industries = [c for c in ctx.registry.candidates() if c.type == "Industry"]
    for mention, project in ctx.placed:
        if project.type != "Project":
            continue
        named = [ind for ind in industries if any(len(f) >= 2 and f in mention.text for f in ind.forms)]
        for ind in named:
            if not any(other is not ind and set(ind.forms) & set(_substrings(other.forms)) for other in named):
                ctx.add("IN_INDUSTRY", project, ind, mention.start, mention.end)


def _substrings(forms: list[str]) -> list[str]:
    return [f[i:j] for f in forms for i in range(len(f)) for j in range(i + 2, len(f))]


def _business_lines(ctx: Context) -> None:
    """``X主要从事A、B的研发`` / ``专注于A``: the firm operates in those industries."""
    for s in ctx.sentences:
        for m in _BUSINESS.finditer(s.text):
            at = s.start + m.start()
            before = [(mm, c) for mm, c in ctx.in_sentence(s, "Company") if mm.end <= at]
            # X主要从事…: the firm just before; A是B的子公司，主要从事…: the sentence's subject, its first firm
            firm = (before[-1][1] if at - before[-1][0].end <= 2 else before[0][1]) if before else None
            firm = firm or next(iter(_this_firm(ctx, s, at)), None)
            clause_end = s.start + m.end() + len(_CLAUSE_TEXT.match(s.text, m.end()).group())
            for mm, ind in ctx.in_sentence(s, "Industry"):
                if at < mm.start < clause_end:
                    ctx.add("IN_INDUSTRY", firm, ind, s.start, s.end)


def _leaders(ctx: Context) -> None:
    """``作为国内A产业的领军者，X…`` / ``X作为A行业龙头…``: the firm leads, so works in, that industry."""
    for s in ctx.sentences:
        for m in _LEADER.finditer(s.text):
            a, b = s.start + m.start("what"), s.start + m.end("what")
            companies = ctx.in_sentence(s, "Company")
            after = [c for mm, c in companies if mm.start >= s.start + m.end()]
            subject = [c for mm, c in companies if 0 <= s.start + m.start() - mm.end <= 1]  # X|作为…
            firm = subject[0] if subject else after[0] if after else None
            for mm, ind in ctx.in_sentence(s, "Industry"):
                if a <= mm.start and mm.end <= b:
                    ctx.add("IN_INDUSTRY", firm, ind, s.start, s.end)


def _supplies(ctx: Context) -> None:
    for s in ctx.sentences:
        for m in _SUPPLY.finditer(s.text):
            at = s.start + m.start()
            companies = ctx.in_sentence(s, "Company")
            suppliers = [c for mm, c in companies if mm.end <= at] or _this_firm(ctx, s, at)
            clients = [c for mm, c in companies if at < mm.start < s.start + m.end()]
            if suppliers:
                for client in clients:
                    ctx.add("SUPPLIES", suppliers[-1], client, s.start, s.end)
        for m in _SUPPLIERS_LED.finditer(s.text):
            at, end = s.start + m.start(), s.start + m.end()
            companies = ctx.in_sentence(s, "Company")
            leaders = [c for mm, c in companies if mm.end <= at]
            for mm, supplier in companies:
                if leaders and at < mm.start < end:
                    ctx.add("SUPPLIES", supplier, leaders[-1], s.start, s.end)


def _this_firm(ctx: Context, s: Sentence, at: int) -> list[Candidate]:
    """The firm ``该公司`` before ``at`` refers to: the last one named before the sentence."""
    if not _THIS_FIRM.search(ctx.text, s.start, at):
        return []
    firm = ctx.last_before(s.start, "Company")
    return [firm] if firm is not None else []


def _chain_stages(ctx: Context) -> None:
    """``X产业链…上游涵盖A、B，中游包括C，下游延伸至D``: the industries of each stage are segments of X."""
    for s in ctx.sentences:
        chain_at = s.text.find("产业链")
        stage = _CHAIN_STAGE.search(s.text, max(chain_at, 0))
        if chain_at < 0 or stage is None:
            continue
        industries = ctx.in_sentence(s, "Industry")
        chains = [c for m, c in industries if 0 <= s.start + chain_at - m.end <= 2]  # X|产业链, X产业|链
        for m, segment in industries:
            if chains and m.start >= s.start + stage.start():
                ctx.add("SUB_INDUSTRY_OF", segment, chains[-1], s.start, s.end)


def _paragraph_topics(ctx: Context) -> None:
    """A paragraph that opens with a short sentence on one industry (壮大汽车及零部件产业规模。) goes on
    about its parts: the industries listed later in it, with no parent of their own, are segments of it."""
    lists_in: dict[int, list[tuple[ListMatch, list[Candidate], Candidate | None]]] = {}
    for placed_list in ctx.lists:
        lists_in.setdefault(placed_list[0].sentence_start, []).append(placed_list)
    topic: Candidate | None = None
    line_start = -1
    for s in ctx.sentences:
        paragraph = ctx.text.rfind("\n", 0, s.start) + 1
        if paragraph != line_start:  # the first sentence of a paragraph
            line_start = paragraph
            industries = {id(c): c for _, c in ctx.in_sentence(s, "Industry")}
            topic = next(iter(industries.values())) if len(industries) == 1 and len(s.text) <= _TOPIC_MAX else None
            continue
        for lm, items, parent in lists_in.get(s.start, []):
            if topic is not None and parent is None and lm.kind == "Industry":
                for item in items:
                    ctx.add("SUB_INDUSTRY_OF", item, topic, s.start, s.end)


def _focus(ctx: Context) -> None:
    main = ctx.registry.main_zone()
    for s in ctx.sentences:
        trigger = _FOCUS.search(s.text)
        if not trigger or _THIS_PROJECT.search(s.text) or _PARK_AS_SUBJECT.search(s.text):
            continue  # a sentence about 该项目 or what 园区 takes in states a project's industries, not the zone's
        parks = [c for m, c in ctx.in_sentence(s, "Park") if m.end <= s.start + trigger.start()]
        subject = parks[-1] if parks and parks[-1] is not main else None  # 成都芯谷重点发展A、B: a park of the zone
        agencies = [m for m, _ in ctx.in_sentence(s, "Agency")]
        for m, ind in ctx.in_sentence(s, "Industry"):
            if any(a.start <= m.start and m.end <= a.end for a in agencies):
                continue  # 会展商贸文化旅游指挥部: the body's remit, not the zone's focus
            if subject is None or not _is_peer(subject):  # 望城经开区也在推进…: another zone's focus
                ctx.add("FOCUSES_ON", main, ind, s.start, s.end)
            if subject is not None:
                ctx.add("FOCUSES_ON", subject, ind, s.start, s.end)
    for mention, cand in ctx.placed:
        if cand.type != "Agency":
            continue
        for m, ind in ctx.placed:
            if ind.type == "Industry" and mention.start <= m.start and m.end <= mention.end:
                ctx.add("FOCUSES_ON", cand, ind, mention.start, mention.end)
