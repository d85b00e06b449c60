"""Score predicted extractions against gold annotations (shared/gold/SCHEMA.md rules).

Entities match one-to-one on type and normalised name against the gold name and
aliases; relations match on type and both ends mapped to the same gold entities.
Micro-averaged precision, recall and F1 over all files, overall and per type.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.names import normalize


@dataclass(frozen=True)
class Score:
    """Counts and derived precision / recall / F1 for one type (or all)."""

    name: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _load(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"entities": [], "relations": []}
    return json.loads(path.read_text(encoding="utf-8"))


def _score_doc(gold: dict[str, Any], pred: dict[str, Any], tp: Counter, fp: Counter, fn: Counter) -> None:
    forms: dict[tuple[str, str], str] = {}
    for entity in gold["entities"]:
        for form in [entity["name"], *entity.get("aliases", [])]:
            forms.setdefault((entity["type"], normalize(form)), entity["id"])
    matched: set[str] = set()
    pred_to_gold: dict[Any, str] = {}
    for entity in pred.get("entities", []):
        etype = entity.get("type", "")
        gold_id = forms.get((etype, normalize(entity.get("name", ""))))
        if gold_id is not None:
            pred_to_gold[entity.get("id")] = gold_id
        if gold_id is not None and gold_id not in matched:
            matched.add(gold_id)
            tp["E:" + etype] += 1
        else:
            fp["E:" + etype] += 1
    for entity in gold["entities"]:
        if entity["id"] not in matched:
            fn["E:" + entity["type"]] += 1
    wanted = Counter((r["type"], r["head"], r["tail"]) for r in gold["relations"])
    seen: Counter = Counter()
    for relation in pred.get("relations", []):
        key = (relation.get("type", ""), pred_to_gold.get(relation.get("head")), pred_to_gold.get(relation.get("tail")))
        if None not in key and seen[key] < wanted.get(key, 0):
            seen[key] += 1
            tp["R:" + key[0]] += 1
        else:
            fp["R:" + relation.get("type", "")] += 1
    for key, n in wanted.items():
        fn["R:" + key[0]] += n - seen[key]


def evaluate(gold_dir: Path, pred_dir: Path) -> list[Score]:
    """Scores per entity type ("E:Park" ...), all entities ("E"), per relation type and all relations ("R")."""
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    for gold_file in sorted(Path(gold_dir).glob("*.json")):
        _score_doc(_load(gold_file), _load(Path(pred_dir) / gold_file.name), tp, fp, fn)
    keys = sorted(set(tp) | set(fp) | set(fn))
    scores: list[Score] = []
    for kind in ("E", "R"):
        typed = [k for k in keys if k.startswith(kind + ":")]
        scores += [Score(k, tp[k], fp[k], fn[k]) for k in typed]
        scores.append(Score(kind, sum(tp[k] for k in typed), sum(fp[k] for k in typed), sum(fn[k] for k in typed)))
    return scores
