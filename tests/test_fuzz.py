"""Fuzzing decoding, cleaning and extraction with hypothesis: random text and damaged sample paragraphs.

Whatever the text, ``clean`` keeps a faithful map to the source and ``extract`` does not crash;
every span lies inside the report, and every evidence quote is the source text under its span
less what cleaning deletes (a subsequence of it). Deterministic: derandomised, no example database.
"""
from __future__ import annotations

import functools
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import ReportError
from kg.model import ENTITY_TYPES, RELATION_TYPES, Report
from loaders.clean import clean
from loaders.decode import decode
from loaders.extract import ExtractionError, extract
from tests.conftest import CORPUS

FUZZ = settings(derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_PUNCT = st.sampled_from(list("，。、；：！？（）《》“”‘’【】—…·％()[]{}<>\"'\\/:;,.!?%-+ \t\u3000●•0123456789"))
_CONTROL = st.sampled_from([*map(chr, range(0x20)), "\x7f", "\u200b", "\ufeff", "\u2028", "\u2029", "\x85"])
_ANY = st.characters(exclude_categories=("Cs",))  # any code point but a lone surrogate
CHARS = st.one_of(_CJK, _CJK, _PUNCT, _CONTROL, _ANY)
_BREAKS = st.sampled_from(["\n", "\r\n", "\r", "\n\n", " \n", "\n\u3000\u3000"])
_FULL = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)} | {" ": "\u3000"}
_WIDTH = str.maketrans(_FULL | {v: k for k, v in _FULL.items()})


def _paragraphs() -> list[str]:
    """Runs of one to three lines of the sample reports."""
    if not CORPUS.is_dir():
        return []
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        out.extend("\n".join(lines[k : k + n]) for n in (1, 3) for k in range(0, len(lines), n))
    return out


PARAGRAPHS = _paragraphs()


@functools.cache
def _with_relations() -> list[str]:
    """The sample paragraphs that yield a relation as they are (so damage has something to break)."""
    return [p for p in PARAGRAPHS if extract(Report(id="p.txt", path="p.txt", text=p)).relations]


Mutation = Callable[[st.DrawFn, str, int, int], str]
MUTATIONS: list[Mutation] = [
    lambda draw, t, i, j: t[:j] + t[i:j] + t[j:],  # a chunk printed twice (bold overprint)
    lambda draw, t, i, j: t[:i] + "".join(ch * 2 for ch in t[i:j]) + t[j:],  # every character doubled
    lambda draw, t, i, j: t[:i] + draw(CHARS) * draw(st.integers(2, 9)) + t[i:],  # a junk run
    lambda draw, t, i, j: t[:i] + draw(_BREAKS) + t[i:],  # a line break mid-word
    lambda draw, t, i, j: t[:i] + t[i:j].translate(_WIDTH) + t[j:],  # full/half-width swapped
    lambda draw, t, i, j: t[:i] + draw(st.text(CHARS, max_size=12)) + t[i:],  # random characters
    lambda draw, t, i, j: t[:i] + t[j:],  # a piece lost
    lambda draw, t, i, j: t[:i] + " ".join(t[i:j]) + t[j:],  # letter-spaced
    lambda draw, t, i, j: t[:i] + draw(st.sampled_from(PARAGRAPHS or [""])) + t[i:],  # two paragraphs spliced
]


@st.composite
def damaged_paragraphs(draw: st.DrawFn) -> str:
    """A sample paragraph with one to six kinds of damage at random places."""
    text = draw(st.sampled_from(_with_relations()))
    for _ in range(draw(st.integers(1, 6))):
        mutate = draw(st.sampled_from(MUTATIONS))
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 40)))
        text = mutate(draw, text, i, j)
    return text


def is_subsequence(short: str, long: str) -> bool:
    """Whether `short` is `long` with some characters deleted (how cleaning changes a quote)."""
    rest = iter(long)
    return all(ch in rest for ch in short)


def check(text: str) -> None:
    """The invariants of cleaning and extraction on one text."""
    report = Report(id="fuzz.txt", path="fuzz.txt", text=text)
    ct = clean(report)
    assert len(ct.text) == len(ct.offsets)
    assert all(a < b for a, b in zip(ct.offsets, ct.offsets[1:]))
    assert all(0 <= o < len(text) and text[o] == ch for o, ch in zip(ct.offsets, ct.text))
    if not text or text.isspace():
        with pytest.raises(ExtractionError):
            extract(report)
        return
    extraction = extract(report)
    ids = {e.id for e in extraction.entities}
    assert len(ids) == len(extraction.entities)
    for entity in extraction.entities:
        assert entity.type in ENTITY_TYPES and entity.name.strip(), entity
        assert all(0 <= s.start < s.end <= len(text) for s in entity.spans), entity
    for rel in extraction.relations:
        assert rel.type in RELATION_TYPES and rel.head in ids and rel.tail in ids, rel
        assert rel.span is not None and 0 <= rel.span.start < rel.span.end <= len(text), rel
        quote = text[rel.span.start : rel.span.end]
        assert rel.evidence.strip() and is_subsequence(rel.evidence, quote), (rel.evidence, quote)


@settings(FUZZ, max_examples=250)
@given(st.text(CHARS, max_size=300))
def test_random_text_never_breaks_cleaning_or_extraction(text: str) -> None:
    check(text)


@pytest.mark.skipif(not PARAGRAPHS, reason=f"sample corpus not found at {CORPUS}")
@settings(FUZZ, max_examples=400)
@given(damaged_paragraphs())
def test_damaged_report_text_keeps_evidence_in_the_source(text: str) -> None:
    check(text)


@st.composite
def damaged_bytes(draw: st.DrawFn) -> bytes:
    """Report bytes in some encoding, with random bytes written over or into them."""
    text = draw(st.one_of(st.text(CHARS, max_size=200), damaged_paragraphs() if PARAGRAPHS else st.just("")))
    data = bytearray(text.encode(draw(st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-16-le", "big5"])),
                                 errors="replace"))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        data[at:at + draw(st.integers(0, 3))] = draw(st.binary(max_size=8))
    return bytes(data)


@settings(FUZZ, max_examples=300)
@given(st.one_of(st.binary(max_size=600), damaged_bytes()))
def test_any_bytes_decode_to_text_or_fail_in_one_line(data: bytes) -> None:
    try:
        text = decode(data, "r.txt")
    except ReportError as exc:
        assert str(exc).startswith("r.txt: ") and "\n" not in str(exc)
        return
    assert isinstance(text, str)
    check(text.replace("\r\n", "\n").replace("\r", "\n"))


def test_the_checks_see_what_they_claim() -> None:
    """The invariants hold on a known report and the subsequence test is not vacuous."""
    text = "航空港区重点引进新型显示、\n集成电路等细分产业。比亚迪汽车有限公司落户郑州经开区。"
    check(text)
    assert extract(Report(id="t.txt", path="t.txt", text=text)).relations
    assert not is_subsequence("区港", "航空港区") and is_subsequence("港区", "航空港经济区")
