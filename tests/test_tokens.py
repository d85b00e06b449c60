"""The lazily segmented text agrees with segmenting the whole text in one jieba pass."""
from __future__ import annotations

import pytest

from loaders.extract.lexicon import cut, may_open_with_tag, word_tags
from loaders.extract.tokens import Tokens

TEXTS = [
    "郑州高新区产城更新项目指挥部、高新区国土规划住建局等单位给予了大力支持。",
    "2023年，经开区签约项目3个，总投资30亿元；ABC-5G 智能工厂（一期）开工。\n\n新的一段  两个空格",
    "富士康科技集团为比亚迪汽车配套供应电池壳体",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_offset_agrees_with_one_whole_text_pass(text: str) -> None:
    tokens = Tokens(text)
    pos = 0
    for word in cut(text):
        assert tokens.covering(pos) == (pos, word)
        assert tokens.is_start(pos) and tokens.is_end(pos + len(word))
        for inner in range(pos + 1, pos + len(word)):
            assert not tokens.is_start(inner) and tokens.covering(inner) == (pos, word)
        pos += len(word)
    assert pos == len(text) and not tokens.is_start(len(text))


@pytest.mark.parametrize("text", TEXTS)
def test_ranges_on_token_edges_are_the_text_tokens(text: str) -> None:
    tokens = Tokens(text)
    words = cut(text)
    starts = [sum(len(w) for w in words[:k]) for k in range(len(words) + 1)]
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 6) + 1):
            assert tokens.between(starts[i], starts[j]) == list(words[i:j])


def test_a_range_that_cuts_a_token_is_resegmented_with_its_left_neighbours() -> None:
    text = "高新区国土规划住建局等单位"
    tokens = Tokens(text)
    head = text.index("局")
    assert "".join(tokens.between(0, head)) == text[:head]
    assert tokens.between(0, head)[-1] == cut(text[:head])[-1]  # 住建, not 住|建


PLACE_AND_COMMON_TEXTS = [*TEXTS, "河南省郑州市航空港区", "中原科技城", "电缆有限公司", "新乡宇通客车", "市委组织部", "A股上市"]


@pytest.mark.parametrize("text", PLACE_AND_COMMON_TEXTS)
@pytest.mark.parametrize("tags", [("ns",), ("n", "v"), ("nz", "nt")])
def test_a_text_that_cannot_open_with_a_tag_does_not_segment_into_one(text: str, tags: tuple[str, ...]) -> None:
    first = cut(text)[0]
    assert may_open_with_tag(text, tags) or not word_tags().get(first, "").startswith(tags)


def test_place_names_are_seen_at_the_opening() -> None:
    assert may_open_with_tag("郑州航空港区", ("ns",))
    assert not may_open_with_tag("产业园区", ("ns",))
