"""`kg eval` must give the same numbers as shared/gold/score.py."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from kg.evaluate import evaluate


def _perturbed_predictions(gold_dir: Path, out: Path) -> None:
    """Predictions that are partly right: gold minus some entities, plus wrong ones."""
    out.mkdir()
    for i, gold_file in enumerate(sorted(gold_dir.glob("*.json"))):
        doc = json.loads(gold_file.read_text(encoding="utf-8"))
        doc["entities"] = [e for j, e in enumerate(doc["entities"]) if (i + j) % 4] + [
            {"id": "X1", "type": "Company", "name": "不存在的公司", "aliases": []}]
        doc["relations"] = [r for j, r in enumerate(doc["relations"]) if j % 3] + [
            {"type": "SUPPLIES", "head": "X1", "tail": "X1", "evidence": ""}]
        if i == 0:
            continue  # a missing prediction file counts as empty
        (out / gold_file.name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def test_eval_equals_reference_scorer(gold_dir: Path, tmp_path: Path) -> None:
    pred = tmp_path / "pred"
    _perturbed_predictions(gold_dir, pred)
    reference = json.loads(subprocess.run(
        [sys.executable, str(gold_dir / "score.py"), str(gold_dir), str(pred), "--json"],
        check=True, capture_output=True, text=True).stdout)
    ours = {s.name: [round(s.precision, 4), round(s.recall, 4), round(s.f1, 4)] for s in evaluate(gold_dir, pred)}
    assert ours == reference
    assert 0 < ours["E"][2] < 1 and 0 < ours["R"][2] < 1  # a real, imperfect score

    result = CliRunner().invoke(main, ["eval", str(gold_dir), str(pred), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["type"]: r for r in json.loads(result.output)}
    assert rows["E"]["F1"] == round(reference["E"][2], 3)
    assert rows["R"]["P"] == round(reference["R"][0], 3)
