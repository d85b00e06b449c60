"""Word lists from ``ontology/lexicon`` and the shared jieba tokenizer (lazy)."""
from __future__ import annotations

import csv
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Callable
from typing import Any, TypeVar, cast
from pathlib import Path

import jieba
import jieba.posseg

from loaders.extract.segmenter import BlockSegmenter

_F = TypeVar("_F", bound=Callable[..., Any])

LEXICON_DIR = Path(__file__).resolve().parents[2] / "ontology" / "lexicon"


@dataclass(frozen=True)
class Category:
    """A class label of industries such as 主导产业 (see industry_categories.csv)."""

    head: str
    role: str
    is_entity: bool


@dataclass(frozen=True)
class Lexicon:
    """All extraction vocabulary, loaded once."""

    industries: frozenset[str]
    industries_longest_first: tuple[str, ...]
    categories: dict[str, Category]
    heads: dict[str, tuple[str, ...]]  # entity type (or "ambiguous") -> head words, longest first
    boundary_words: frozenset[str]
    business_words: frozenset[str]  # business-line words of firm names (科技, 生物, 装备)
    generic_words: tuple[str, ...]  # longest first
    project_descriptors: frozenset[str]  # words that end an investor name inside a project name
    zone_suffixes: tuple[tuple[str, str], ...]  # (suffix, short form), longest first
    industry_re: re.Pattern[str]
    head_re: re.Pattern[str]  # any head word of any type
    zone_re: re.Pattern[str]


def _lines(name: str) -> list[str]:
    text = (LEXICON_DIR / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(_lines(name)))


def alternation(words: list[str]) -> str:
    """A pattern matching any of ``words``, the longest where several start at one place.

    The words are laid out as a trie (``产业(?:园|链)?``), so the regex engine reads each
    character once instead of trying every word in turn.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return group
    return (f"(?:{group})" if len(branches) == 1 and len(group) > 1 else group) + "?"  # greedy: longer words first


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The vocabulary of ``ontology/lexicon`` (read on first use)."""
    industries = frozenset(_lines("industries.txt"))
    categories = {
        r["head"]: Category(r["head"], r["role"], r["entity"] == "yes") for r in _rows("industry_categories.csv")
    }
    heads: dict[str, list[str]] = {}
    for r in _rows("name_heads.csv"):
        heads.setdefault(r["type"], []).append(r["head"])
    zones = sorted(((r["suffix"], r["short"]) for r in _rows("zone_suffixes.csv")), key=lambda p: -len(p[0]))
    all_heads = [h for hs in heads.values() for h in hs]
    return Lexicon(
        industries=industries,
        industries_longest_first=tuple(sorted(industries, key=len, reverse=True)),
        categories=categories,
        heads={t: tuple(sorted(hs, key=len, reverse=True)) for t, hs in heads.items()},
        boundary_words=frozenset(_lines("boundary_words.txt")),
        business_words=frozenset(_lines("business_words.txt")),
        generic_words=tuple(sorted(_lines("generic_names.txt"), key=len, reverse=True)),
        project_descriptors=frozenset(_lines("project_descriptors.txt")),
        zone_suffixes=tuple(zones),
        industry_re=re.compile(alternation([*industries, *categories])),
        head_re=re.compile(alternation(all_heads)),
        zone_re=re.compile(alternation([s for s, _ in zones])),
    )


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """A private jieba tokenizer that knows the industry terms and head words."""
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    lex = lexicon()
    for word in [*lex.industries, *lex.categories]:
        tok.add_word(word, freq=2000, tag="n")
    for hs in lex.heads.values():
        for word in hs:
            tok.add_word(word, freq=2000, tag="n")
    return tok


_MEMOS: list[Any] = []  # what forget_memos() empties


def memoised(fn: _F) -> _F:
    """``fn``, a pure function of words, with its answers remembered (the rules ask about the same names
    many times); :func:`forget_memos` forgets them."""
    cached = lru_cache(maxsize=1 << 16)(fn)
    _MEMOS.append(cached)
    return cast(_F, cached)


@memoised
def cut(text: str) -> tuple[str, ...]:
    """jieba tokens of ``text`` (memoised: the rules segment the same phrases many times)."""
    if jieba.re_han_default.fullmatch(text):  # one block, as most are: the faster route to the same tokens
        return tuple(_block_segmenter().cut(text))
    return tuple(tokenizer().lcut(text))


@lru_cache(maxsize=1)
def _block_segmenter() -> BlockSegmenter:
    return BlockSegmenter(tokenizer())


def forget_memos() -> None:
    """Empty the memos of segmentations and word functions, so that a text seen before is not read faster
    (for benchmarks)."""
    for memo in _MEMOS:
        memo.cache_clear()
    _block_segmenter().forget()


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """Dictionary part-of-speech tags of jieba's words (no HMM tagging)."""
    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg.dt.word_tag_tab


def may_open_with_tag(text: str, tags: tuple[str, ...]) -> bool:
    """Could the first jieba token of ``text`` be a dictionary word whose tag starts with one of ``tags``?

    That token is a prefix of ``text``, so when no prefix is such a word the answer is no, and
    the caller can skip segmenting ``text``.
    """
    words, prefixes = _words_tagged(tags)
    for n in range(1, len(text) + 1):
        opening = text[:n]
        if opening in words:
            return True
        if opening not in prefixes:  # no such word goes on from here
            return False
    return False


@lru_cache(maxsize=8)
def _words_tagged(tags: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """Dictionary words whose tag starts with one of ``tags``, and every shorter opening of those words."""
    words = frozenset(w for w, t in word_tags().items() if t.startswith(tags))
    return words, frozenset(w[:n] for w in words for n in range(1, len(w)))


BRAND_TAGS = ("nz", "nt", "nr", "ns", "j")  # jieba tags of proper nouns: brands, organisations, people, places
_COMMON_TAGS = ("n", "v", "a", "d", "b", "l", "i", "m", "q", "t", "f")
_COMMON_FREQ = 300  # jieba dictionary frequency above which a word reads as a common word


def is_common_word(token: str) -> bool:
    """A frequent dictionary word (科技, 物流), not a brand that jieba happens to know (中铁, 格力)."""
    tag = word_tags().get(token, "x")
    if tag.startswith(BRAND_TAGS) or not tag.startswith(_COMMON_TAGS):
        return False
    return tokenizer().FREQ.get(token, 0) >= _COMMON_FREQ


def is_one_common_word(text: str) -> bool:
    """Is ``text`` a single jieba token that is a common word (电缆, 科技), with no name in it?"""
    if text not in word_tags():  # not a dictionary word, so not a common one (and no need to segment it)
        return False
    tokens = cut(text)
    return len(tokens) == 1 and is_common_word(tokens[0])
