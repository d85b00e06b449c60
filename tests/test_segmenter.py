"""The block segmenter gives exactly jieba's tokens, on real report text and on random blocks."""
from __future__ import annotations

from pathlib import Path

import jieba
from jieba import finalseg
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.extract.lexicon import tokenizer
from loaders.extract.segmenter import BlockSegmenter, hmm_words
from loaders.read import find_reports, read_report

FUZZ = settings(derandomize=True, database=None, deadline=None, max_examples=400,
                suppress_health_check=[HealthCheck.too_slow])
# block characters, weighted towards the common ideographs real names are made of
_BLOCK_CHARS = st.one_of(st.sampled_from("郑州航空港区高新经开新能源汽车产业园项目有限公司集团科技生物医药电子信息中心基地"
                                          "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能"),
                         st.characters(min_codepoint=0x4E00, max_codepoint=0x9FD5),
                         st.sampled_from("abcXYZ0123456789+#&._%-"))


def test_every_block_of_the_sample_reports_segments_as_jieba_does(corpus_dir: Path) -> None:
    tok, seg = tokenizer(), BlockSegmenter(tokenizer())
    blocks = {m.group() for path in find_reports([corpus_dir])
              for m in jieba.re_han_default.finditer(read_report(path).text)}
    assert len(blocks) > 1000
    assert [b for b in sorted(blocks) if seg.cut(b) != tok.lcut(b)] == []


@FUZZ
@given(st.text(_BLOCK_CHARS, min_size=1, max_size=40))
def test_random_blocks_segment_as_jieba_does(block: str) -> None:
    assert BlockSegmenter(tokenizer()).cut(block) == tokenizer().lcut(block)


@FUZZ
@given(st.text(_BLOCK_CHARS, min_size=1, max_size=16))
def test_hmm_words_are_jiebas(run: str) -> None:
    assert hmm_words(run) == list(finalseg.cut(run))
