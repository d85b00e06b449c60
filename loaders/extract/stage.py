"""Project stage (签约 / 开工 / 投产 / 在建 / 建成) from trigger words."""
from __future__ import annotations

import re

_STAGES = (
    (re.compile(r"签约"), "签约"),
    (re.compile(r"投产|竣工"), "投产"),
    (re.compile(r"新开工|开工|开建"), "开工"),
    (re.compile(r"在建|续建|施工"), "在建"),
    (re.compile(r"建成|投用|开园"), "建成"),
)


def stage_of(phrase: str) -> str | None:
    """The stage a phrase such as ``“开工一批”`` or ``等在建项目`` announces."""
    for pattern, stage in _STAGES:
        if pattern.search(phrase):
            return stage
    return None
