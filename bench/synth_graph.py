"""A seeded synthetic graph with the shape of the real one, written straight into a store.

Shape (fractions of `nodes`, the number of entity nodes asked for):

- parks (1/250): three in four top-level, the others sub-parks LOCATED_IN a top park;
  each top park has a 管委会 that ADMINISTERS it (every third also a bureau PART_OF it),
  and parks and bureaus FOCUSES_ON a few industries;
- industries (at most 1,500): chain-template labels, their aliases and usual variants
  (高端…, …产业) plus some off-template ones (房地产); MAPS_TO from the real mapping code;
- companies (58 %): LOCATED_IN one park (nine in ten), IN_INDUSTRY one or two industries
  (mostly of a chain their park focuses on), SUPPLIES one other company; three in ten
  carry a trade word in their name (…动力电池有限公司) and so MAPS_TO a segment;
- projects (36 %): one to three companies INVESTS_IN each, LOCATED_IN the first
  investor's park (seven in ten) or another, IN_INDUSTRY one, half named after a segment.

Parks, industries, suppliers and investors are drawn with Zipf weights (rank^-s), so
degrees follow a power law: a few big parks and anchor firms, a long tail. That is
about 6 relationships per company. Nodes and relationships carry the properties the
real loader writes (kg.writer rows: forms, match_keys, reports, evidence with reports,
mentions), written with the loader's own batched UNWIND MERGE queries.
"""
from __future__ import annotations

import itertools
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import queries
from bench import names
from kg import chains_store, writer
from kg.analysis.targets import prerank
from kg.names import company_key, industry_key, park_key, project_key
from kg.store.base import GraphStore, Row, batched
from ontology.chains import chain_templates
from ontology.mapping import map_industry, maps_to_rows

PARKS_PER_NODE = 1 / 250
SUB_PARK_SHARE = 0.25
COMPANY_SHARE = 0.58
PROJECT_SHARE = 0.36
MAX_INDUSTRIES = 1500
ZIPF = {"park": 0.7, "industry": 1.0, "customer": 1.0, "investor": 0.8}
ENTITIES_PER_REPORT = 20
OFF_TEMPLATE = ("房地产", "商贸服务", "文化旅游", "现代农业", "会展经济", "金融服务", "教育培训", "康养服务",
                "家居建材", "纺织服装", "食品加工", "酒店餐饮")
STAGES = ("签约", "开工", "在建", "投产")
BATCH = 1000


def _zipf_weights(n: int, s: float) -> list[float]:
    """Cumulative Zipf weights rank^-s for ranks 1..n (for random.choices)."""
    return list(itertools.accumulate((rank ** -s for rank in range(1, n + 1))))


def industry_names(limit: int) -> list[str]:
    """Industry names as reports write them: template labels and aliases, variants, off-template ones."""
    labels = [label for chain in chain_templates() for seg in chain.segments for label in (seg.name, *seg.aliases)]
    labels += [chain.name for chain in chain_templates()]
    variants = [f"{prefix}{label}{suffix}" for prefix, suffix in (("", ""), ("", "产业"), ("高端", ""), ("智能", "产业"))
                for label in labels]
    by_key: dict[str, str] = {}
    for name in variants:  # 电子信息 and 电子信息产业 are one industry node
        if map_industry(name) is not None:
            by_key.setdefault(industry_key(name), name)
    picked = list(by_key.values())
    off = max(1, min(len(OFF_TEMPLATE), limit // 10))
    return picked[: limit - off] + list(OFF_TEMPLATE[:off])


@dataclass
class Plan:
    """Who is where and does what, as indexes; names and rows are derived from it on demand."""

    parks: list[str]
    parent: dict[int, int]  # sub-park -> its top park
    focus: dict[int, list[int]]  # top park -> industries
    industries: list[str]
    company_park: list[int]  # -1: no park
    company_industries: list[tuple[int, ...]]
    company_trade: list[str]
    customers: list[tuple[int, ...]]  # companies it supplies
    project_investors: list[tuple[int, ...]]
    project_park: list[int]
    project_industry: list[tuple[int, ...]]
    project_trade: list[str]
    project_attrs: list[tuple[str, float]]
    agencies: list[tuple[str, int, int | None]] = field(default_factory=list)  # (name, park, parent agency)


def _chain_of(name: str) -> str | None:
    found = map_industry(name)
    return found.chain if found else None


def _trade_word(industry: str) -> str:
    """The template label an industry name maps to (the word a firm's name would carry)."""
    found = map_industry(industry)
    return found.label if found else ""


def plan(nodes: int, seed: int = 7) -> Plan:
    """Draw the synthetic graph for about `nodes` entity nodes; the same (nodes, seed) gives the same plan."""
    rng = random.Random(seed)
    n_parks = max(5, round(nodes * PARKS_PER_NODE))
    n_top = max(2, round(n_parks * (1 - SUB_PARK_SHARE)))
    industries = industry_names(min(MAX_INDUSTRIES, max(60, nodes // 600)))
    n_companies, n_projects = round(nodes * COMPANY_SHARE), round(nodes * PROJECT_SHARE)

    top_w = _zipf_weights(n_top, ZIPF["park"])
    parent = {i: rng.choices(range(n_top), cum_weights=top_w)[0] for i in range(n_top, n_parks)}
    parks = [names.park(i) for i in range(n_top)]
    parks += [names.sub_park(parks[parent[i]], i) for i in range(n_top, n_parks)]
    park_order = list(range(n_parks))
    rng.shuffle(park_order)  # sub-parks interleave with top parks in size
    park_order.remove(0)
    park_order.insert(0, 0)  # park 0 is the largest
    park_w = _zipf_weights(n_parks, ZIPF["park"])
    ind_w = _zipf_weights(len(industries), ZIPF["industry"])
    by_chain: dict[str, list[int]] = {}
    for i, name in enumerate(industries):
        chain = _chain_of(name)
        if chain:
            by_chain.setdefault(chain, []).append(i)
    focus = {p: sorted(set(rng.choices(range(len(industries)), cum_weights=ind_w, k=rng.randint(3, 5))))
             for p in range(n_top)}
    agencies: list[tuple[str, int, int | None]] = []
    for p in range(n_top):
        agencies.append((names.agency(parks[p], 0), p, None))
        if p % 3 == 0:
            agencies.append((names.agency(parks[p], 1 + p % 3), p, len(agencies) - 1))

    def focus_pool(park: int) -> list[int]:
        top = parent.get(park, park)
        chains = {_chain_of(industries[i]) for i in focus[top]} - {None}
        return [i for chain in sorted(chains) for i in by_chain[chain]]  # type: ignore[index]

    pools = {p: focus_pool(p) for p in range(n_parks)}
    company_park = [park_order[i] if rng.random() < 0.9 else -1
                    for i in rng.choices(range(n_parks), cum_weights=park_w, k=n_companies)]
    company_industries = []
    for park in company_park:
        picks = []
        for _ in range(1 + (rng.random() < 0.6) + (rng.random() < 0.3)):
            pool = pools.get(park) or []
            picks.append(rng.choice(pool) if pool and rng.random() < 0.6
                         else rng.choices(range(len(industries)), cum_weights=ind_w)[0])
        company_industries.append(tuple(dict.fromkeys(picks)))
    company_trade = [_trade_word(industries[inds[0]]) if rng.random() < 0.3 else "" for inds in company_industries]
    rank = list(range(n_companies))
    rng.shuffle(rank)  # anchor firms are spread over the index range
    cust_w = _zipf_weights(n_companies, ZIPF["customer"])
    inv_w = _zipf_weights(n_companies, ZIPF["investor"])
    customers = [tuple(dict.fromkeys(rank[c] for c in rng.choices(range(n_companies), cum_weights=cust_w, k=k)
                                     if rank[c] != i))
                 for i, k in enumerate(1 + (rng.random() < 0.6) + (rng.random() < 0.4) for _ in range(n_companies))]
    project_investors, project_park, project_industry, project_trade, project_attrs = [], [], [], [], []
    for first in rng.choices(range(n_companies), cum_weights=inv_w, k=n_projects):
        more = rng.choices(range(n_companies), k=(rng.random() < 0.4) + (rng.random() < 0.1))
        investors = tuple(dict.fromkeys([rank[first], *more]))
        home = company_park[investors[0]]
        project_investors.append(investors)
        project_park.append(home if home >= 0 and rng.random() < 0.7
                            else park_order[rng.choices(range(n_parks), cum_weights=park_w)[0]])
        own = company_industries[investors[0]][0] if rng.random() < 0.7 \
            else rng.choices(range(len(industries)), cum_weights=ind_w)[0]
        inds = (own, *rng.choices(range(len(industries)), cum_weights=ind_w, k=rng.random() < 0.3))
        project_industry.append(tuple(dict.fromkeys(inds)))
        project_trade.append(_trade_word(industries[own]) if rng.random() < 0.5 else "")
        project_attrs.append((rng.choice(STAGES), round(rng.lognormvariate(20, 1.2), -6)))
    return Plan(parks, parent, focus, industries, company_park, company_industries, company_trade, customers,
                project_investors, project_park, project_industry, project_trade, project_attrs, agencies)


class SyntheticGraph:
    """Rows of a planned graph in kg.writer's shape, produced batch by batch (never all at once)."""

    def __init__(self, nodes: int, seed: int = 7) -> None:
        self.nodes, self.seed = nodes, seed
        self.plan = plan(nodes, seed)
        self._companies: list[tuple[str, str]] | None = None
        self._projects: list[tuple[str, str]] | None = None

    def companies(self) -> list[tuple[str, str]]:
        """(key, name) of every company, computed once."""
        if self._companies is None:
            self._companies = [(self.company_key(i), self.company_name(i)) for i in range(len(self.plan.company_park))]
        return self._companies

    def projects(self) -> list[tuple[str, str]]:
        """(key, name) of every project, computed once."""
        if self._projects is None:
            self._projects = [(self.project_key(i), self.project_name(i)) for i in range(len(self.plan.project_park))]
        return self._projects

    # ------------------------------------------------------------ keys and names
    def park_key(self, i: int) -> str:
        return "Park:" + park_key(self.plan.parks[i])[0]

    def company_name(self, i: int) -> str:
        return names.company(i, self.plan.company_trade[i])

    def project_name(self, i: int) -> str:
        return names.project(i, self.plan.project_trade[i])

    def company_key(self, i: int) -> str:
        return "Company:" + company_key(self.company_name(i))

    def project_key(self, i: int) -> str:
        return "Project:" + project_key(self.project_name(i))

    def industry_key(self, i: int) -> str:
        return "Industry:" + industry_key(self.plan.industries[i])

    @staticmethod
    def agency_key(name: str) -> str:
        return "Agency:" + name

    @staticmethod
    def report(i: int) -> str:
        """Synthetic report id of the i-th entity or relationship."""
        return f"synthetic_{i // ENTITIES_PER_REPORT:06d}.txt"

    def park_sizes(self) -> list[tuple[str, int]]:
        """(top park name, companies and projects located in it or its sub-parks), largest first."""
        count = [0] * len(self.plan.parks)
        for p in [*self.plan.company_park, *self.plan.project_park]:
            if p >= 0:
                count[self.plan.parent.get(p, p)] += 1
        tops = [i for i in range(len(self.plan.parks)) if i not in self.plan.parent]
        return sorted(((self.plan.parks[i], count[i]) for i in tops), key=lambda x: (-x[1], x[0]))

    # ------------------------------------------------------------ rows
    def _node(self, label: str, key: str, name: str, n: int, also: Iterable[str] = (), **attrs: Any) -> Row:
        match = key.split(":", 1)[1]
        row: Row = {"key": key, "type": label, "name": name, "forms": [name], "match_keys": [match],
                    "reports": sorted({self.report(n), *also}), "stage": None, "investment_cny": None,
                    "investment_original": None, "role": None}
        row.update(attrs)
        return row

    def node_rows(self) -> Iterator[tuple[str, Row]]:
        """(label, row) for every entity node."""
        p = self.plan
        for i, name in enumerate(p.parks):
            yield "Park", self._node("Park", self.park_key(i), name, i)
        for i, (name, _, _) in enumerate(p.agencies):
            yield "Agency", self._node("Agency", self.agency_key(name), name, i)
        for i, name in enumerate(p.industries):
            yield "Industry", self._node("Industry", self.industry_key(i), name, i)
        suppliers: dict[int, set[str]] = {}  # a quote of a company's supplier names it too
        for i, custs in enumerate(p.customers):
            for j in custs:
                suppliers.setdefault(j, set()).add(self.report(i))
        for i, (key, name) in enumerate(self.companies()):
            yield "Company", self._node("Company", key, name, i, suppliers.get(i, ()))
        for i, ((key, name), (stage, amount), investors) in enumerate(
                zip(self.projects(), p.project_attrs, p.project_investors)):
            yield "Project", self._node("Project", key, name, i, [self.report(c) for c in investors], stage=stage,
                                        investment_cny=amount, investment_original=f"{amount / 1e8:g}亿元")

    def _edge(self, head: tuple[str, str, str], rel: str, tail: tuple[str, str, str], n: int) -> Row:
        """A relationship quoted from the head's report (which every company or project tail lists too)."""
        verb = {"LOCATED_IN": "落户", "INVESTS_IN": "投资建设", "IN_INDUSTRY": "主营", "SUPPLIES": "为",
                "ADMINISTERS": "负责", "PART_OF": "隶属", "FOCUSES_ON": "重点发展"}[rel]
        quote = f"{head[1]}{verb}{tail[1]}。" if rel != "SUPPLIES" else f"{head[1]}为{tail[1]}配套供货。"
        report = head[2]
        return {"head": head[0], "tail": tail[0], "evidence": [quote], "evidence_reports": [report],
                "reports": [report], "mentions": [f"{report}@{n % 997 * 13}"]}

    def edge_rows(self) -> Iterator[tuple[str, Row]]:
        """(relationship type, row) for every relationship between entities, one type after another."""
        p = self.plan
        park = [(self.park_key(i), name, self.report(i)) for i, name in enumerate(p.parks)]
        industry = [(self.industry_key(i), name, self.report(i)) for i, name in enumerate(p.industries)]
        company = [(key, name, self.report(i)) for i, (key, name) in enumerate(self.companies())]
        project = [(key, name, self.report(i)) for i, (key, name) in enumerate(self.projects())]
        agency = [(self.agency_key(name), name, self.report(i)) for i, (name, _, _) in enumerate(p.agencies)]
        End = tuple[str, str, str]  # key, name, report
        links: dict[str, list[tuple[End, End]]] = {
            "LOCATED_IN": [(park[sub], park[top]) for sub, top in sorted(p.parent.items())]
            + [(company[i], park[w]) for i, w in enumerate(p.company_park) if w >= 0]
            + [(project[i], park[w]) for i, w in enumerate(p.project_park)],
            "FOCUSES_ON": [(park[top], industry[i]) for top, inds in sorted(p.focus.items()) for i in inds]
            + [(agency[a], industry[p.focus[top][-1]]) for a, (_, top, boss) in enumerate(p.agencies)
               if boss is not None],
            "ADMINISTERS": [(agency[a], park[top]) for a, (_, top, boss) in enumerate(p.agencies) if boss is None],
            "PART_OF": [(agency[a], agency[boss]) for a, (_, _, boss) in enumerate(p.agencies) if boss is not None],
            "IN_INDUSTRY": [(company[i], industry[j]) for i, inds in enumerate(p.company_industries) for j in inds]
            + [(project[i], industry[j]) for i, inds in enumerate(p.project_industry) for j in inds],
            "SUPPLIES": [(company[i], company[j]) for i, custs in enumerate(p.customers) for j in custs],
            "INVESTS_IN": [(company[c], project[i]) for i, invs in enumerate(p.project_investors) for c in invs],
        }
        n = itertools.count()
        for rel, pairs in links.items():
            for head, tail in pairs:
                yield rel, self._edge(head, rel, tail, next(n))

    def mappable(self) -> Iterator[Row]:
        """{key, name} of the nodes whose names can map onto the chain templates (industries, trade names)."""
        p = self.plan
        for i, name in enumerate(p.industries):
            yield {"key": self.industry_key(i), "name": name}
        for (key, name), trade in [*zip(self.companies(), p.company_trade), *zip(self.projects(), p.project_trade)]:
            if trade:
                yield {"key": key, "name": name}

    def maps_to_rows(self) -> Iterator[Row]:
        """MAPS_TO rows from the real mapping code (ontology.mapping) for the mappable nodes."""
        for batch in batched(self.mappable(), BATCH):
            yield from maps_to_rows((row["key"], [row["name"]]) for row in batch)


def _grouped(rows: Iterator[tuple[str, Row]], size: int) -> Iterator[tuple[str, list[Row]]]:
    """Consecutive (group, row) pairs as (group, batch) with at most `size` rows of one group each."""
    for group, items in itertools.groupby(rows, key=lambda item: item[0]):
        for batch in batched((row for _, row in items), size):
            yield group, batch


@dataclass(frozen=True)
class Written:
    """What `write` put into the store."""

    nodes: int
    relationships: int
    seconds: float


def write(store: GraphStore, graph: SyntheticGraph, batch: int = BATCH) -> Written:
    """Write the graph with the loader's batched UNWIND MERGE queries (chain templates first)."""
    import time

    start = time.perf_counter()
    chains_store.load_chains(store)
    writer.prepare(store)
    nodes = sum(store.write_rows(queries.render("merge_entities", label=label), rows, batch)
                for label, rows in _grouped(graph.node_rows(), batch))
    edges = sum(store.write_rows(queries.render("merge_relations", rel=rel), rows, batch)
                for rel, rows in _grouped(graph.edge_rows(), batch))
    for rows in batched(graph.maps_to_rows(), batch):
        for label in ("Segment", "Chain"):
            edges += store.write_rows(queries.render("chains_merge_maps_to", label=label),
                                      [r for r in rows if r["tail"].startswith(f"{label}:")], batch)
    prerank(store)  # as kg build ends
    return Written(nodes, edges, time.perf_counter() - start)
