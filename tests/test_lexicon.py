"""The vocabulary patterns match what a plain longest-first alternation of their words matches."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from loaders.extract.lexicon import alternation, lexicon
from tests.test_segmenter import FUZZ

_LETTERS = st.sampled_from("产业园链新能源汽车区高a.+")
_WORDS = st.lists(st.text(_LETTERS, min_size=1, max_size=5), min_size=1, max_size=12)


def _plain(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


@FUZZ
@given(_WORDS, st.text(_LETTERS, max_size=30))
def test_trie_pattern_finds_what_the_plain_alternation_finds(words: list[str], text: str) -> None:
    trie, plain = re.compile(alternation(words)), _plain(words)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [bool(trie.fullmatch(text, 0, k)) for k in range(len(text) + 1)] == \
        [bool(plain.fullmatch(text, 0, k)) for k in range(len(text) + 1)]


def test_the_longest_industry_term_wins() -> None:
    assert lexicon().industry_re.search("发展新能源汽车产业").group() == "新能源汽车"
