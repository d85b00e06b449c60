"""Seeded synthetic reports: the sentence shapes of the sample corpus, recombined with generated names.

Every report is a dated news item about one park: signed and started projects with
their investors and amounts, the park's leading industries and the segments it wants
to attract, firms that supply one another, quotes of officials, and the filler
sentences such reports carry. The shapes follow sentences of the sample reports
(签约一批 / 开工一批, 投资建设的…项目落户…, 围绕…主导产业, 重点引进…等细分产业,
签订投资协议书，共同投资…, 为…提供配套); every name is generated (bench.names):
none comes from the sample reports or the gold files. Parks, companies and industries
are drawn with Zipf weights from pools that grow with the number of reports, so the
same firms recur across reports as in a real archive. The same (count, seed) writes
the same files.
"""
from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from pathlib import Path

from bench import names
from bench.synth_graph import industry_names

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
GIVEN = "海军涛红明建华伟强磊洋勇艳杰娟涛斌超鹏"
ROLES = ("主任", "副主任", "局长", "党工委书记")
STAGES = ("签约", "开工", "投产")
FILLER = (
    "项目建设是经济发展的“生命线”。",
    "抓项目就是抓发展，谋项目就是谋未来。",
    "新春伊始，{park}以“项目为王”推动高质量发展，全力以赴拼经济。",
    "{park}牢固树立“项目为王”理念，高质高效推进项目引进、落地和建设。",
    "在{project}施工现场，工程车辆不断穿行，建筑工人干得热火朝天，多栋厂房正拔地而起。",
    "下一步，{park}将持续优化营商环境，强化要素保障，推动项目早落地、早投产、早见效。",
)
SHAPES = (
    "{date}，{park}“{stage}一批”项目{count}个，总投资{amount}亿元。",
    "{company}投资建设的{project}落户{park}，总投资{amount}亿元，计划{year}年建成投产。",
    "{park}围绕{ind1}、{ind2}、{ind3}三大主导产业，坚持“延链补链”，持续完善产业体系。",
    "{agency}{role}{person}表示，{park}将聚焦{ind1}、{ind2}等产业，全力招引龙头型项目。",
    "{park}重点引进{ind1}、{ind2}、{ind3}等细分产业。",
    "{date}，{company}、{company2}签订投资协议书，共同投资{project}。",
    "位于{park}的{company}主要从事{ind1}的研发和生产，为{company2}提供配套。",
    "{project}由{company}投资建设，位于{park}，总投资{amount}亿元，目前已{stage}。",
)


def _zipf(n: int, s: float = 1.0) -> list[float]:
    return list(itertools.accumulate(rank ** -s for rank in range(1, n + 1)))


class ReportWriter:
    """Draws report texts one at a time; pools of names scale with the number of reports."""

    def __init__(self, count: int, seed: int = 11) -> None:
        self.rng = random.Random(seed)
        self.count = count
        self.parks = [names.park(i) for i in range(max(5, count // 40))]
        self.n_companies = max(50, count * 3)
        self.industries = industry_names(400)
        self._park_w = _zipf(len(self.parks), 0.8)
        self._company_w = _zipf(self.n_companies, 0.9)
        self._industry_w = _zipf(len(self.industries), 1.0)
        self._projects = itertools.count()

    def _park(self) -> str:
        return self.rng.choices(self.parks, cum_weights=self._park_w)[0]

    def _company(self) -> str:
        i = self.rng.choices(range(self.n_companies), cum_weights=self._company_w)[0]
        return names.company(i)

    def _industries(self, k: int) -> list[str]:
        picked: list[str] = []
        while len(picked) < k:
            name = self.rng.choices(self.industries, cum_weights=self._industry_w)[0]
            if name not in picked:
                picked.append(name)
        return picked

    def _project(self) -> str:
        trade = self.rng.choice(self.industries).removesuffix("产业")
        return names.project(next(self._projects) + 10_000, trade)

    def _sentence(self, shape: str, park: str) -> str:
        rng = self.rng
        ind = self._industries(3)
        return shape.format(
            date=f"{rng.randint(2019, 2025)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
            park=park, stage=rng.choice(STAGES), count=rng.randint(2, 30),
            amount=f"{rng.randint(1, 3000) / 10:g}", year=rng.randint(2024, 2028),
            company=self._company(), company2=self._company(), project=self._project(),
            ind1=ind[0], ind2=ind[1], ind3=ind[2], agency=names.agency(park, rng.randrange(4)),
            role=rng.choice(ROLES), person=rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
        )

    def text(self) -> str:
        """One report: a title, then 12-24 sentences in paragraphs of two to four."""
        park = self._park()
        sentences = [self._sentence(self.rng.choice(SHAPES if self.rng.random() < 0.7 else FILLER), park)
                     for _ in range(self.rng.randint(12, 24))]
        paragraphs, i = [], 0
        while i < len(sentences):
            step = self.rng.randint(2, 4)
            paragraphs.append("".join(sentences[i:i + step]))
            i += step
        return f"{park}：项目建设跑出“加速度”\n\n" + "\n\n".join(paragraphs) + "\n"

    def texts(self) -> Iterator[str]:
        for _ in range(self.count):
            yield self.text()


def write_reports(folder: Path, count: int, seed: int = 11) -> int:
    """Write `count` reports as synthetic_00001.txt ... into `folder`; return the characters written."""
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for i, text in enumerate(ReportWriter(count, seed).texts(), start=1):
        (folder / f"synthetic_{i:05d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars
